"""Fail when a translatable string in the code has no Arabic translation.

Runs `makemessages` (which adds new source strings to every ar catalogue), lists the entries
that are untranslated or fuzzy, then puts the catalogues back as they were. Used by `make check`.
"""

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
IGNORE = [".venv", "node_modules", "screenshots", "staticfiles", "var", "tests", "bench", "scripts"]


def catalogues() -> list[Path]:
    return sorted(p for p in ROOT.glob("**/locale/ar/LC_MESSAGES/*.po") if ".venv" not in p.parts)


def entries(po: Path, *flags: str) -> list[str]:
    out = subprocess.run(
        ["msgattrib", "--no-obsolete", "--no-wrap", *flags, str(po)], capture_output=True, text=True, check=True
    ).stdout
    msgids = [line[len('msgid "') : -1] for line in out.splitlines() if line.startswith('msgid "')]
    return [m for m in msgids if m]  # the header entry has an empty msgid


def main() -> int:
    saved = tempfile.mkdtemp()
    originals = {po: Path(saved) / str(i) for i, po in enumerate(catalogues())}
    for po, copy in originals.items():
        shutil.copy2(po, copy)
    try:
        command = [
            sys.executable,
            "manage.py",
            "makemessages",
            "-l",
            "ar",
            "--no-obsolete",
            "--no-wrap",
            "--add-location=file",
            "--verbosity",
            "0",
        ]
        for name in IGNORE:
            command += ["--ignore", name]
        subprocess.run(command, cwd=ROOT, check=True, env={**os.environ, "DEBUG": "1"})
        problems = []
        for po in catalogues():
            for msgid in entries(po, "--untranslated"):
                problems.append(f"{po.relative_to(ROOT)}: untranslated: {msgid}")
            for msgid in entries(po, "--only-fuzzy"):
                problems.append(f"{po.relative_to(ROOT)}: fuzzy: {msgid}")
    finally:
        for po in catalogues():
            if po not in originals:
                po.unlink()  # a catalogue makemessages created: the app has no translations yet
        for po, copy in originals.items():
            shutil.copy2(copy, po)
        shutil.rmtree(saved)
    for line in problems:
        print(line)
    if problems:
        print(f"\n{len(problems)} string(s) need an Arabic translation: run `make makemessages` and translate them.")
        return 1
    print("Every translatable string has an Arabic translation.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
