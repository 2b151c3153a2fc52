"""The seed's meetings for `manage.py load_demo`."""


def load(organizations: dict) -> None:
    """Create or update the demo meetings; `organizations` maps Arabic names to Organization rows."""
