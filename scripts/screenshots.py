"""Regenerate the screenshots in docs/assets/screenshots from the current code.

Builds the docs site (drafts left out, as `mkdocs build` does), serves it on
localhost and photographs the demo blog's index and one post, light and dark, in
headless Chromium (Debian's `chromium`) driven by Playwright. From the project root:

    .venv/bin/python scripts/screenshots.py
"""

from __future__ import annotations

import functools
import http.server
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "assets" / "screenshots"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# Without these, Chromium keeps calling out to Google's services, which this
# machine's closed network refuses.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
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
        subprocess.run(
            [
                sys.executable,
                "-m",
                "mkdocs",
                "build",
                "--strict",
                "--quiet",
                "--site-dir",
                str(site),
            ],
            cwd=ROOT,
            check=True,
        )
        handler = functools.partial(QuietHandler, directory=str(site))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        OUT.mkdir(parents=True, exist_ok=True)
        try:
            with sync_playwright() as p:
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
        finally:
            server.shutdown()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


if __name__ == "__main__":
    main()
