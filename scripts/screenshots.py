"""Screenshots of the running portal in headless Chromium, for looking at pages in both languages.

    .venv/bin/python scripts/screenshots.py --user staff /ar/partners/ /en/partners/1/

Needs a server (make run) and Debian's chromium; writes PNGs to ./screenshots/.
"""

import argparse
import os
import re
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("paths", nargs="+")
    # Where `make run PORT=...` serves, as the settings' SITE_URL does.
    parser.add_argument("--base", default=f"http://127.0.0.1:{os.environ.get('PORT', '8000')}")
    parser.add_argument("--user", default="")
    parser.add_argument("--password", default="hadramout-2017")
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--out", default="screenshots")
    parser.add_argument("--full", action="store_true")
    options = parser.parse_args()
    out = Path(options.out)
    out.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": options.width, "height": 900})
        if options.user:
            page.goto(f"{options.base}/en/accounts/login/")
            page.fill("input[name=username]", options.user)
            page.fill("input[name=password]", options.password)
            page.click("#main form [type=submit]")
        for path in options.paths:
            page.goto(f"{options.base}{path}")
            name = re.sub(r"[^a-zA-Z0-9]+", "_", f"{options.user}_{path}_{options.width}").strip("_")
            page.screenshot(path=str(out / f"{name}.png"), full_page=options.full)
            print(out / f"{name}.png", page.evaluate("document.documentElement.dir"))
        browser.close()


if __name__ == "__main__":
    main()
