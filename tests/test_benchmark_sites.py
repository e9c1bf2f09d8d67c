"""The benchmark's sites: the shaped floor shows MkDocs the post pages the plugin does."""

import importlib.util
import os
from pathlib import Path

from bs4 import BeautifulSoup
from mkdocs.commands.build import build
from mkdocs.config import load_config

from mkdocs_blogposts.posts import Dialect, Post, prepare_post
from mkdocs_blogposts.reading import parse_post

_RUN = Path(__file__).resolve().parent.parent / "benchmarks" / "run.py"


def _make_sites(root: Path, n: int) -> dict[str, Path]:
    spec = importlib.util.spec_from_file_location("benchmark_run", _RUN)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.make_sites(root, n)


def _post_page(site: Path) -> BeautifulSoup:
    cwd = os.getcwd()
    os.chdir(site)  # public_dir is relative to the config file's folder, as in a real run
    try:
        config = load_config(str(site / "mkdocs.yml"))
        config.plugins.on_startup(command="build", dirty=False)
        build(config)
    finally:
        os.chdir(cwd)
    return BeautifulSoup((site / "site/blog/post-1/index.html").read_text(), "html.parser")


def _shape(page: BeautifulSoup) -> tuple[list[tuple[str, str]], list[str], list[str]]:
    article = page.select_one("article")
    assert article is not None
    headings = [(h.name, h.get_text(strip=True)) for h in article.find_all(["h1", "h2", "h3"])]
    nav = [a.get_text(strip=True) for a in page.select(".md-nav--primary .md-nav__link")]
    toc = [a.get_text(strip=True) for a in page.select(".md-nav--secondary .md-nav__link")]
    return headings, nav, toc


def test_the_shaped_floor_has_the_plugins_headings_navigation_and_contents(tmp_path):
    sites = _make_sites(tmp_path, 3)
    plugin, shaped = _post_page(sites["plugin"]), _post_page(sites["shaped"])
    plugin_headings, plugin_nav, plugin_toc = _shape(plugin)
    shaped_headings, shaped_nav, shaped_toc = _shape(shaped)
    assert shaped_headings == plugin_headings
    assert plugin_headings[0][0] == "h1"
    assert [h for h, _ in plugin_headings[1:]] == ["h2", "h3", "h2"]
    assert shaped_nav == plugin_nav
    assert "Blog" in plugin_nav
    assert shaped_toc == plugin_toc
    assert len(plugin_toc) == 3


def test_the_shaped_floor_has_the_markdown_headings_the_plugin_gives_mkdocs(tmp_path):
    sites = _make_sites(tmp_path, 3)
    post = _prepared(sites["plugin"] / "docs" / "blog" / "post-1.md")
    shaped = (sites["shaped"] / "docs" / "blog" / "post-1.md").read_text()
    assert _headings(shaped) == _headings(post.markdown)
    assert _headings(post.markdown)[0].startswith("## ")  # no title heading: it is HTML


def _headings(markdown: str) -> list[str]:
    return [line for line in markdown.splitlines() if line.startswith("#")]


def _prepared(source: Path) -> Post:
    parsed = parse_post(source.read_bytes(), "blog/post-1.md", str(source))
    return prepare_post(
        parsed,
        "blog/post-1.md",
        "blog/post-1/",
        dialect=Dialect(components={}),
        resolve_url=lambda _url, _line: None,
        resolve_image=lambda _url, _line: None,
    )


def test_the_benchmark_posts_need_no_extension_the_shaped_floor_lacks(tmp_path):
    source = _make_sites(tmp_path, 3)["plugin"] / "docs" / "blog" / "post-1.md"
    post = _prepared(source)
    assert post.extensions == ()
