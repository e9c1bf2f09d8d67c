"""The project's own docs: they build strictly with the plugin and say what the code does."""

import re
from pathlib import Path

from bs4 import BeautifulSoup
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.base import BaseConfigOption

from mkdocs_blogposts.config import BlogpostsConfig
from mkdocs_blogposts.fields import ALIASES

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
OPTIONS = [k for k, v in vars(BlogpostsConfig).items() if isinstance(v, BaseConfigOption)]


def test_docs_build_strict_with_the_demo_blog(tmp_path):
    config = load_config(str(ROOT / "mkdocs.yml"), strict=True, site_dir=str(tmp_path))
    config.plugins.on_startup(command="build", dirty=False)
    build(config)
    titles = []
    for page in ("blog/index.html", "blog/page/2/index.html"):
        index = BeautifulSoup((tmp_path / page).read_text(), "html.parser")
        titles += [a.get_text() for a in index.select(".blogposts-entry-title a")]
    assert titles == [
        "Moving a Next.js Blog to MkDocs",
        "Figures That Just Work",
        "Excerpts, Drafts and Dates",
        "Field Notes from a Migration, Part 2",
        "Field Notes from a Migration, Part 1",
    ]
    assert (tmp_path / "blog" / "series" / "field-notes-from-a-migration" / "index.html").exists()
    assert (tmp_path / "blog" / "authors" / "mara" / "index.html").exists()
    assert (tmp_path / "blog" / "rss.xml").exists()
    assert not (tmp_path / "blog" / "an-unfinished-thought").exists()
    post = BeautifulSoup(
        (tmp_path / "blog" / "figures-that-just-work" / "index.html").read_text(), "html.parser"
    )
    for img in post.select(".blogposts-post figure img"):
        assert (tmp_path / "blog" / "figures-that-just-work" / img["src"]).resolve().is_file()


def test_front_matter_table_lists_every_alias():
    text = (DOCS / "writing-posts.md").read_text()
    for field, aliases in ALIASES.items():
        row = next(line for line in text.splitlines() if line.startswith(f"| `{field}` |"))
        for alias in aliases:
            assert f"`{alias}`" in row, (field, alias)


def test_options_page_has_one_heading_per_option_in_order():
    text = (DOCS / "options.md").read_text()
    headings = re.findall(r"^## `(\w+)`$", text, re.MULTILINE)
    assert headings == OPTIONS


def test_readme_options_table_matches():
    text = (ROOT / "README.md").read_text()
    rows = re.findall(r"^\| `(\w+)` \|", text, re.MULTILINE)
    assert rows == OPTIONS


def test_bad_input_page_quotes_real_messages():
    source = " ".join(p.read_text() for p in (ROOT / "mkdocs_blogposts").glob("*.py"))
    rows = [
        line for line in (DOCS / "bad-input.md").read_text().splitlines() if line.startswith("| ")
    ]
    quoted = [m for row in rows[2:] for m in re.findall(r"`([^`]{12,})`", row.split("|")[3])]
    assert len(quoted) > 15
    for message in quoted:
        # Each message is written in the code with values filled in: some literal
        # stretch of it must be there.
        pieces = [p.strip() for p in re.split(r"\.\.\.|<[^>]*>|\(|\)|'|\{|:|;|,|\d", message)]
        assert any(len(p) >= 10 and p in source for p in pieces), message
