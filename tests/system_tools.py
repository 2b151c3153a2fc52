"""System programs some tests need (Debian packages). Missing locally: the test is skipped with the
package to install. In CI (REQUIRE_SYSTEM_TOOLS=1, set by .ci/run): missing is a failure."""

import os
import shutil

import pytest

CHROMIUM = "/usr/bin/chromium"


def require_program(program: str, *, package: str) -> str:
    """The path of `program`, or skip (fail in CI) naming the Debian package that provides it."""
    path = shutil.which(program) or (program if os.path.isabs(program) and os.access(program, os.X_OK) else None)
    if path:
        return path
    message = f"{program} is not installed (Debian package: {package})"
    if os.environ.get("REQUIRE_SYSTEM_TOOLS") == "1":
        pytest.fail(message)
    pytest.skip(message)


def require_chromium() -> str:
    return require_program(CHROMIUM, package="chromium")
