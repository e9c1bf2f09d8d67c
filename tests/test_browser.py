"""What a reader sees: the docs site and its demo blog in headless Chromium.

The docs site (Material, light and dark) and the demo blog built with MkDocs' own
`mkdocs` and `readthedocs` themes are served on localhost and read in a real browser.
Without Chromium these tests skip, saying so; with BLOGPOSTS_REQUIRE_BROWSER=1 (as
`.ci/run` sets) a missing Chromium fails them instead.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from pathlib import Path
from urllib.parse import urlparse

import frontmatter
import pytest
import yaml
from browserkit import CHROMIUM, CHROMIUM_ARGS, ROOT, build_site, served

pytestmark = pytest.mark.slow  # the fast lane skips it

playwright_api = pytest.importorskip("playwright.sync_api")

if not Path(CHROMIUM).exists():
    if os.environ.get("BLOGPOSTS_REQUIRE_BROWSER"):
        raise RuntimeError(f"{CHROMIUM} not found, and BLOGPOSTS_REQUIRE_BROWSER is set")
    pytest.skip(
        f"browser tests skipped: no Chromium at {CHROMIUM} (apt-get install chromium, or "
        "set CHROMIUM to its path)",
        allow_module_level=True,
    )

DEMO_POSTS = [
    post
    for path in sorted((ROOT / "docs" / "blog").glob("*.md*"))
    if path.stem != "index" and not (post := frontmatter.load(path)).get("draft")
]

# Contrast of a pixel of text against what is behind it, as WCAG 2 defines it; a
# text colour with alpha is blended over its background first.
CONTRAST_JS = """
(selector) => {
  const parse = (c) => {
    const m = c.match(/rgba?\\(([^)]+)\\)/);
    if (!m) return null;
    const p = m[1].split(/[\\s,\\/]+/).filter(Boolean).map(Number);
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
  };
  const background = (el) => {
    for (; el; el = el.parentElement) {
      const c = parse(getComputedStyle(el).backgroundColor);
      if (c && c[3] > 0.5) return c;
    }
    return [255, 255, 255, 1];
  };
  const lum = (c) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]);
  };
  return [...document.querySelectorAll(selector)].map((el) => {
    const bg = background(el);
    const fg = parse(getComputedStyle(el).color);
    const mixed = [0, 1, 2].map((i) => fg[i] * fg[3] + bg[i] * (1 - fg[3]));
    const [hi, lo] = [lum(mixed), lum(bg)].sort((a, b) => b - a);
    return [el.textContent.trim().slice(0, 50), (hi + 0.05) / (lo + 0.05)];
  });
}
"""

IMAGES_JS = """
async () => Promise.all([...document.images].map(async (img) => {
  img.loading = "eager";
  try { await img.decode(); } catch (e) {}
  return [img.getAttribute("src"), img.naturalWidth];
}))
"""

FIGURES_JS = """
() => [...document.querySelectorAll("figure")].filter(
  (f) => f.querySelector("img") && f.querySelector("figcaption")
).map((f) => {
  const img = f.querySelector("img").getBoundingClientRect();
  const cap = f.querySelector("figcaption");
  const box = cap.getBoundingClientRect();
  const range = document.createRange();
  range.selectNodeContents(cap);
  const text = range.getBoundingClientRect();
  return {
    caption: cap.textContent.trim().slice(0, 40),
    imageCenter: img.left + img.width / 2,
    captionCenter: box.left + box.width / 2,
    textCenter: text.left + text.width / 2,
    gap: box.top - img.bottom,
    align: getComputedStyle(cap).textAlign,
    className: cap.getAttribute("classname"),
  };
})
"""


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def _theme_project(tmp: Path, theme: str) -> Path:
    """The demo blog alone, built with one of MkDocs' own themes."""
    project = tmp / theme
    shutil.copytree(ROOT / "docs" / "blog", project / "docs" / "blog")
    shutil.copytree(ROOT / "public", project / "public")
    (project / "docs" / "index.md").write_text(
        "# Home\n\nThe demo blog is [here](blog/index.md).\n"
    )
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text())
    plugin = next(p for p in config["plugins"] if isinstance(p, dict) and "blogposts" in p)
    (project / "mkdocs.yml").write_text(
        yaml.safe_dump(
            {
                "site_name": "Demo blog",
                "site_url": "https://example.org/demo/",
                # highlight.js comes from a CDN, which this closed network cannot
                # reach; it has nothing to do with the blog.
                "theme": {"name": theme, "highlightjs": False},
                "plugins": ["search", plugin],
                "markdown_extensions": ["admonition", "tables"],
            }
        )
    )
    return project


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    """Base URLs of the served sites: the docs (Material) and the demo blog per theme."""
    tmp = tmp_path_factory.mktemp("browser")
    projects = {"material": ROOT}
    for theme in ("mkdocs", "readthedocs"):
        projects[theme] = _theme_project(tmp, theme)
    with contextlib.ExitStack() as stack:
        urls = {}
        for theme, project in projects.items():
            site = tmp / f"site-{theme}"
            build_site(project, site)
            urls[theme] = stack.enter_context(served(site))
        yield urls


class Reader:
    """A browser tab that records what went wrong while pages loaded."""

    def __init__(self, browser, base: str, **context) -> None:
        self.base = base
        self.context = browser.new_context(**context)
        self.page = self.context.new_page()
        self.errors: list[str] = []
        host = urlparse(base).netloc
        # The sites may ask for web fonts; this closed network cannot give them, and a
        # reader's browser would. Only requests to the site itself count.
        self.context.route(lambda url: urlparse(url).netloc != host, lambda route: route.abort())
        self.page.on("pageerror", lambda e: self.errors.append(f"page error: {e}"))
        self.page.on("console", self._console)
        self.page.on(
            "response",
            lambda r: self.errors.append(f"HTTP {r.status}: {r.url}") if r.status >= 400 else None,
        )

    def _console(self, message) -> None:
        if message.type != "error":
            return
        source = message.location.get("url", "")
        if source and urlparse(source).netloc != urlparse(self.base).netloc:
            return  # a blocked outside request
        if "net::ERR_FAILED" in message.text and not source:
            return
        self.errors.append(f"console: {message.text} ({source})")

    def open(self, path: str) -> None:
        self.page.goto(self.base + path, wait_until="load")

    def close(self) -> None:
        self.context.close()


def _post_paths(reader: Reader) -> list[str]:
    """Every post page, found from the index pages."""
    paths: list[str] = []
    reader.open("blog/")
    while True:
        for href in reader.page.eval_on_selector_all(
            ".blogposts-entry-title a", "els => els.map(e => e.href)"
        ):
            paths.append(urlparse(href).path.lstrip("/"))
        older = reader.page.query_selector(".blogposts-pagination a.blogposts-older")
        if older is None:
            return paths
        reader.page.goto(older.evaluate("e => e.href"), wait_until="load")


def test_index_shows_every_post_with_title_subtitle_and_excerpt(browser, sites):
    reader = Reader(browser, sites["material"])
    entries: dict[str, dict[str, str]] = {}
    reader.open("blog/")
    while True:
        for item in reader.page.eval_on_selector_all(
            ".blogposts-entry",
            """els => els.map(e => ({
                title: e.querySelector('.blogposts-entry-title').innerText,
                subtitle: e.querySelector('.blogposts-subtitle')?.innerText ?? '',
                excerpt: e.querySelector('.blogposts-excerpt')?.innerText ?? '',
            }))""",
        ):
            entries[item["title"]] = item
        older = reader.page.query_selector(".blogposts-pagination a.blogposts-older")
        if older is None:
            break
        reader.page.goto(older.evaluate("e => e.href"), wait_until="load")
    assert set(entries) == {post["title"] for post in DEMO_POSTS}
    for post in DEMO_POSTS:
        shown = entries[post["title"]]
        assert shown["subtitle"] == post.get("subtitle", ""), post["title"]
        expected = post.get("excerpt")
        if expected:
            assert " ".join(shown["excerpt"].split()) == " ".join(expected.split())
        else:
            assert len(shown["excerpt"]) > 20, post["title"]
    assert reader.errors == []
    reader.close()


@pytest.mark.parametrize("theme", ["material", "mkdocs", "readthedocs"])
def test_post_pages_load_every_image_and_center_captions(browser, sites, theme):
    reader = Reader(browser, sites[theme], viewport={"width": 1280, "height": 900})
    posts = _post_paths(reader)
    assert len(posts) == len(DEMO_POSTS)
    figures_seen = 0
    for path in posts:
        reader.open(path)
        for src, width in reader.page.evaluate(IMAGES_JS):
            assert width > 0, f"{theme}: {path}: image {src} did not load"
        for figure in reader.page.evaluate(FIGURES_JS):
            figures_seen += 1
            where = f"{theme}: {path}: caption {figure['caption']!r}"
            assert figure["className"] is None, where  # JSX's className never reaches HTML
            assert abs(figure["captionCenter"] - figure["imageCenter"]) <= 2, where
            assert abs(figure["textCenter"] - figure["imageCenter"]) <= 2, where
            assert figure["align"] == "center", where
            assert 0 <= figure["gap"] <= 24, where  # under its image, close to it
    assert figures_seen >= 2
    assert reader.errors == [], theme
    reader.close()


@pytest.mark.parametrize("theme", ["material", "mkdocs", "readthedocs"])
def test_nothing_scrolls_sideways_on_a_phone(browser, sites, theme):
    reader = Reader(browser, sites[theme], viewport={"width": 375, "height": 740}, is_mobile=True)
    paths = ["blog/", "blog/archive/", "blog/tags/", *_post_paths(reader)]
    for path in paths:
        reader.open(path)
        overflow = reader.page.evaluate(
            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{theme}: {path} scrolls sideways by {overflow}px at 375px"
    assert reader.errors == [], theme
    reader.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_text_is_readable_in_both_schemes(browser, sites, scheme):
    reader = Reader(browser, sites["material"], color_scheme=scheme)
    checks = {
        "blog/": ".blogposts-entry-title a, .blogposts-subtitle, .blogposts-meta time, "
        ".blogposts-reading-time, .blogposts-excerpt p",
        "blog/figures-that-just-work/": ".blogposts-title, .blogposts-subtitle, "
        ".blogposts-meta time, figcaption, .blogposts-post-nav a",
    }
    for path, selector in checks.items():
        reader.open(path)
        expected = "slate" if scheme == "dark" else "default"
        assert reader.page.evaluate("() => document.body.dataset.mdColorScheme") == expected
        results = reader.page.evaluate(CONTRAST_JS, selector)
        assert results, selector
        for text, ratio in results:
            # WCAG AA for normal text.
            assert ratio >= 4.5, f"{scheme}: {path}: {text!r} has contrast {ratio:.2f}"
    assert reader.errors == []
    reader.close()
