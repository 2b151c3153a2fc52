"""Loaded with `-p tests.pytest_env` (see pyproject.toml) before Django is set up.

The suite runs with DEBUG off, as production does; DEBUG off needs some SECRET_KEY.
"""

import atexit
import os
import shutil
import tempfile

os.environ.setdefault("SECRET_KEY", "test-only-secret-key-not-for-production-use-0123456789abcdef")
os.environ.setdefault("DEBUG", "0")
# The test client speaks plain HTTP; HTTPS redirection is checked by `check --deploy` tests instead.
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
# Serve static files from the source folders, as `make run` does, without collectstatic.
os.environ.setdefault("WHITENOISE_USE_FINDERS", "1")
# Browser tests drive a live server from Playwright's sync API, which runs an event loop.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
# Uploaded files (meetings' documents) go to a temporary folder, never into the repository's var/.
if "MEDIA_ROOT" not in os.environ:
    os.environ["MEDIA_ROOT"] = tempfile.mkdtemp(prefix="portal-test-media-")
    atexit.register(shutil.rmtree, os.environ["MEDIA_ROOT"], True)
# No persistent connections: a live server's threads would otherwise hold the test database open
# when it is dropped at the end of the run.
os.environ.setdefault("CONN_MAX_AGE", "0")
