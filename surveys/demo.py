"""The seed's surveys for `manage.py load_demo`."""


def load(organizations: dict) -> None:
    """Create or update the demo surveys; `organizations` maps Arabic names to Organization rows."""
