"""The seed post and the blog it comes from, built as a user would build them.

These read `../shared` beside the checkout (CI lays it there) and skip, saying so,
where it is absent.
"""

import logging
import re

import pytest
from sitekit import CORPUS, SEED, SEED_IMAGES, Site, needs_shared, png

from mkdocs_blogposts.dates import parse_date
from mkdocs_blogposts.frontmatter_reader import split

pytestmark = needs_shared()

EDGERUNNER = CORPUS / "rydcunningham__edgerunner"


@pytest.fixture
def seed_site(tmp_path):
    site = Site(
        tmp_path,
        {
            "site_url": "https://example.org/sub/path/",
            "theme": {"name": "material", "palette": [{"scheme": "default"}, {"scheme": "slate"}]},
            "plugins": ["search", {"blogposts": {"public_dir": "public"}}],
            "markdown_extensions": ["toc", "attr_list", "md_in_html"],
        },
    )
    site.write(f"docs/blog/{SEED.name}", SEED.read_bytes())
    for name in SEED_IMAGES:
        site.write(f"public/img/{name}", png())
    return site


def test_seed_post_builds_strict_into_a_post_and_an_index(seed_site):
    result = seed_site.build().ok()
    meta = split(SEED.read_text(encoding="utf-8"), "seed").meta
    slug = SEED.stem

    post = result.html(f"blog/{slug}/")
    assert [h.get_text() for h in post.find_all("h1")] == [meta["title"]]
    assert post.select_one(".blogposts-subtitle").get_text() == meta["subtitle"]
    time = post.select_one(".blogposts-header time")
    assert time["datetime"] == meta["date"]
    assert time.get_text() == "April 6, 2023"
    assert re.fullmatch(r"\d+ min read", post.select_one(".blogposts-reading-time").get_text())

    body = post.select_one(".blogposts-post")
    # The seed's '# The Scene' headings are now h2, its '## 1. Open > Closed' h3.
    assert body.find("h2", id="the-scene") is not None
    assert body.find("h3", string="1. Open > Closed") is not None
    figures = body.find_all("figure")
    assert len(figures) == 3
    for figure, name in zip(figures, SEED_IMAGES, strict=True):
        img, caption = figure.find("img"), figure.find("figcaption")
        assert img["src"] == f"../../img/{name}"
        assert (seed_site.out / "blog" / slug / img["src"]).resolve().read_bytes() == png()
        assert caption["class"] == ["text-sm", "text-muted-foreground", "mt-2", "text-center"]
        assert not caption.has_attr("classname")
    assert "className" not in (seed_site.out / "blog" / slug / "index.html").read_text()

    index = result.html("blog/")
    (entry,) = index.select(".blogposts-entry")
    link = entry.select_one(".blogposts-entry-title a")
    assert (link.get_text(), link["href"]) == (meta["title"], f"{slug}/")
    assert entry.select_one(".blogposts-subtitle").get_text() == meta["subtitle"]
    assert entry.find("time")["datetime"] == "2023-04-06"
    assert entry.select_one(".blogposts-excerpt").get_text(strip=True) == meta["excerpt"]
    assert "The Scene" not in entry.get_text()  # the excerpt, never the whole post


def _missing_images(post_text: str, public) -> list[tuple[int, str]]:
    """(line, url) of every root-absolute <img src> the mirror does not have."""
    found = []
    for number, line in enumerate(post_text.splitlines(), 1):
        for url in re.findall(r'<img src="(/[^"]+)"', line):
            if not (public / url.lstrip("/")).is_file():
                found.append((number, url))
    return found


def test_the_edgerunner_blog_builds_with_every_missing_image_named(tmp_path):
    site = Site(
        tmp_path,
        {
            "theme": {"name": "material"},
            "plugins": ["search", {"blogposts": {"public_dir": str(EDGERUNNER / "public")}}],
        },
    )
    posts = sorted(EDGERUNNER.glob("*.md"))
    assert len(posts) == 7
    for path in posts:
        site.write(f"docs/blog/{path.name}", path.read_bytes())
    result = site.build(strict=False)
    assert result.error is None, result.messages(logging.ERROR)
    warnings = result.messages()

    expected_order = sorted(
        posts,
        key=lambda p: (
            parse_date(split(p.read_text(encoding="utf-8"), p.name).meta["date"]).sort_key
        ),
        reverse=True,
    )
    index = result.html("blog/")
    assert [a["href"] for a in index.select(".blogposts-entry-title a")] == [
        f"{p.stem}/" for p in expected_order
    ]

    for path in posts:
        text = path.read_text(encoding="utf-8")
        meta = split(text, path.name).meta
        page = result.html(f"blog/{path.stem}/")
        assert [h.get_text() for h in page.find_all("h1")] == [meta["title"]]
        if "subtitle" in meta:
            assert page.select_one(".blogposts-subtitle").get_text() == meta["subtitle"]
        for figcaption in page.find_all("figcaption"):
            assert not figcaption.has_attr("classname")
        for line, url in _missing_images(text, EDGERUNNER / "public"):
            expected = f"blogposts: docs/blog/{path.name}:{line}: image '{url}' was not found"
            assert any(w.startswith(expected) for w in warnings), (expected, warnings)

    # Text that only looks like a tag stays visible.
    betting = result.html("blog/betting-on-model-marketplaces-not-monopolies/")
    betting_text = betting.select_one(".blogposts-post").get_text()
    assert "<proportionate>" in betting_text
    assert "your own <Company Name>GPT" in betting_text
    # The images the mirror has are copied and load from the page.
    copilots = result.html("blog/its-time-to-move-on-from-copilots/")
    srcs = [img["src"] for img in copilots.select(".blogposts-post figure img")]
    assert "../../img/harvey-screens.webp" in srcs
    assert (site.out / "img" / "harvey-screens.webp").is_file()
