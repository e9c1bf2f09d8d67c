"""The seed post and the blog it comes from, built as a user would build them.

These read `../shared` beside the checkout (CI lays it there) and skip, saying so,
where it is absent.
"""

import logging
import re
from urllib.parse import unquote

import pytest
from sitekit import CORPUS, SEED, SEED_IMAGES, Site, needs_shared, png

from mkdocs_blogposts.dates import parse_date
from mkdocs_blogposts.dialect.html_names import ELEMENTS
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


@pytest.mark.slow
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


ESM_LINE = re.compile(r"^\s*(?:import|export)\s+(?:[\w$*{]|default\b)", re.MULTILINE)
COMPONENT_TAG = re.compile(r"</?([A-Z][\w.]*)(?=[\s/>])")


def _prose(page):
    body = page.select_one(".blogposts-post").__copy__()
    for code in body.select("pre, code, .highlight"):
        code.decompose()
    return body


def _source_components(text: str) -> set[str]:
    from mkdocs_blogposts.dialect.code_regions import split_code

    names = set()
    for segment in split_code(text):
        if not segment.code:
            chunk = text[segment.start : segment.end].replace("\\<", "")
            names.update(COMPONENT_TAG.findall(chunk))
    return names


def _media_urls(body):
    for element in body.find_all(["img", "source", "video", "audio"]):
        for attr in ("src", "poster"):
            if element.get(attr):
                yield element[attr]
        for candidate in (element.get("srcset") or "").split(","):
            if candidate.strip():
                yield candidate.split()[0]


@pytest.mark.slow
def test_every_corpus_post_builds_with_nothing_of_mdx_showing(tmp_path):
    site = Site(
        tmp_path,
        {
            "theme": {"name": "material"},
            "plugins": [
                "search",
                {
                    "blogposts": {
                        "public_dir": str(EDGERUNNER / "public"),
                        "image_fallbacks": ["blog/images/{slug}"],
                    }
                },
            ],
            "markdown_extensions": [
                "pymdownx.highlight",
                "pymdownx.superfences",
                "footnotes",
                "tables",
            ],
        },
    )
    sources = {}
    for path in sorted(CORPUS.rglob("*")):
        if (
            path.suffix in (".md", ".mdx")
            and path.name != "README.md"
            and "public" not in path.parts
        ):
            rel = path.relative_to(CORPUS)
            site.write(f"docs/blog/{rel.as_posix()}", path.read_bytes())
            sources[rel] = path.read_text(encoding="utf-8")
    assert len(sources) == 36
    result = site.build(strict=False)
    assert result.error is None, result.messages(logging.ERROR)
    warnings = result.messages()

    checked_urls = 0
    for rel, text in sources.items():
        if split(text, str(rel)).meta.get("draft") is True:
            assert not (site.out / "blog" / rel.parent / rel.stem).exists()
            continue
        url = "blog/" + (rel.parent / rel.stem).as_posix() + "/"
        if rel.stem == "index":
            url = "blog/" + rel.parent.as_posix() + "/"
        page = result.html(url)
        prose = _prose(page)
        where = f"{rel}"
        assert not prose.find_all(attrs={"classname": True}), where
        assert "style={{" not in str(prose), where
        assert not ESM_LINE.search(prose.get_text()), (where, ESM_LINE.search(prose.get_text()))
        assert "{/*" not in prose.get_text(), where
        for name in _source_components(text):
            assert f"<{name}" not in prose.get_text(), (where, name)
            if name.lower() not in ELEMENTS:  # <Header> vs the post header's <header>
                assert not prose.find_all(name.lower()), (where, name)
        # Every image or media file the page names either exists in the site or was
        # named, with its post, in a warning.
        page_dir = (site.out / url).resolve()
        for media in _media_urls(page.select_one(".blogposts-post")):
            if re.match(r"[a-z][a-z0-9+.-]*:|//", media):
                continue
            checked_urls += 1
            if (page_dir / unquote(media.split("?")[0].split("#")[0])).resolve().is_file():
                continue
            post = f"docs/blog/{rel.as_posix()}"
            assert any(post in w and media in w for w in warnings), (post, media)
    assert checked_urls > 50
