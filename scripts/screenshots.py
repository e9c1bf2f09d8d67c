"""Regenerate the screenshots in docs/assets/screenshots from the current code.

Builds the docs site (drafts left out, as `mkdocs build` does), serves it on
localhost and photographs the demo blog's index and one post, light and dark, in
headless Chromium (Debian's `chromium`) driven by Playwright. From the project root:

    .venv/bin/python scripts/screenshots.py
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from browserkit import CHROMIUM, CHROMIUM_ARGS, build_site, served  # noqa: E402

OUT = ROOT / "docs" / "assets" / "screenshots"
SHOTS = {
    "index-light.png": ("blog/", "light"),
    "index-dark.png": ("blog/", "dark"),
    "post-light.png": ("blog/figures-that-just-work/", "light"),
    "post-dark.png": ("blog/figures-that-just-work/", "dark"),
}


def main() -> None:
    if not Path(CHROMIUM).exists():
        sys.exit(f"{CHROMIUM} not found: apt-get install chromium (or set CHROMIUM)")
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        build_site(ROOT, site)
        OUT.mkdir(parents=True, exist_ok=True)
        with served(site) as base, sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for name, (path, scheme) in SHOTS.items():
                page = browser.new_page(
                    viewport={"width": 1280, "height": 900}, color_scheme=scheme
                )
                page.goto(base + path, wait_until="networkidle")
                page.screenshot(path=OUT / name)
                page.close()
                print(f"wrote {(OUT / name).relative_to(ROOT)}")
            browser.close()


if __name__ == "__main__":
    main()
