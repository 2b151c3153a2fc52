"""`make bench`: measurements quoted as ratios against a baseline measured in the same run.

Runs against a throw-away test database (SQLite by default, PostgreSQL with DATABASE_URL), so
numbers from different machines compare by their ratios, not their seconds.

    .venv/bin/python -m bench            # everything
    .venv/bin/python -m bench directory  # one group
"""

import os
import sys
import time
from statistics import median

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "partners_portal.settings")
os.environ.setdefault("DEBUG", "1")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import setup_test_environment, teardown_test_environment  # noqa: E402

from bench import cases  # noqa: E402


def timed(function, *, repeat: int = 7) -> float:
    """Median wall time of `function()` over `repeat` runs, after one warm-up run."""
    function()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        samples.append(time.perf_counter() - start)
    return median(samples)


def main(argv: list[str]) -> int:
    wanted = set(argv)
    settings.ALLOWED_HOSTS = ["*"]
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    try:
        print(f"database: {connection.vendor}")
        for group in cases.GROUPS:
            if wanted and group.name not in wanted:
                continue
            print(f"\n== {group.name}: {group.description}")
            for line in group.run(timed):
                print(f"  {line}")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        teardown_test_environment()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
