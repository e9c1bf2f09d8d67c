"""Listing pages, post navigation, series, feeds and sharing tags in a real strict build."""

import datetime as dt
import json
import re
import xml.etree.ElementTree as ET

import pytest
from sitekit import png

ATOM = "{http://www.w3.org/2005/Atom}"
FUTURE = (dt.date.today() + dt.timedelta(days=30)).isoformat()

POSTS = {
    "alpha.md": (
        'title: "Alpha"\ndate: 2021-03-01\ntags: [python, web]\nauthors: [jane]',
        "Alpha body.",
    ),
    "beta.md": (
        'title: "Beta"\ndate: 2022-06-15\ntags: [python]\nauthors: [Sam Smith]',
        "Beta body.",
    ),
    "gamma.md": (
        'title: "Gamma"\ndate: 2023-01-10\ntags: [web, "Open Source"]\nauthors: [jane, bob]',
        "Gamma body.",
    ),
    "lang-1.md": (
        'title: "Watch Your Words, Part 1"\ndate: 2023-05-01\ntags: [language]',
        "Part one.",
    ),
    "lang-2.md": (
        'title: "Watch Your Words (Part 2)"\ndate: 2023-06-01\ntags: [language]',
        "Part two.",
    ),
    "guide-b.md": (
        'title: "Guide Second"\ndate: 2024-01-02\nseries: "The Guide"\npart: 2',
        "Second.",
    ),
    "guide-a.md": (
        'title: "Guide First"\ndate: 2024-02-01\nseries: "The Guide"\npart: 1\nimage: /img/cover.png\nupdated: 2024-03-05',
        "First, see ![pic](/img/cover.png).\n\nThen [the alpha post](alpha.md).",
    ),
    "draft.md": ('title: "Secret Draft"\ndate: 2024-03-01\ndraft: true\ntags: [python]', "Draft."),
    "future.md": (f'title: "Future Post"\ndate: "{FUTURE}"\ntags: [python]', "Not yet."),
}
ORDER = [
    "Guide First",
    "Guide Second",
    "Watch Your Words (Part 2)",
    "Watch Your Words, Part 1",
    "Gamma",
    "Beta",
    "Alpha",
]


@pytest.fixture
def blog(site):
    site.config["site_url"] = "https://example.org/sub/"
    site.config["site_description"] = "A test blog"
    site.config["plugins"] = [
        "search",
        {
            "blogposts": {
                "public_dir": "public",
                "posts_per_page": 3,
                "series_from_titles": True,
                "tag_feeds": True,
            }
        },
    ]
    for name, (front, body) in POSTS.items():
        site.post(name, front, body + "\n")
    site.write(
        "docs/blog/.authors.yml",
        "authors:\n  jane:\n    name: Jane Doe\n    avatar: https://example.org/jane.png\n    description: Editor\n  bob:\n    name: Bob\n",
    )
    site.write("public/img/cover.png", png())
    return site


def titles(page):
    return [a.get_text() for a in page.select(".blogposts-entry-title a")]


def test_pagination(blog):
    result = blog.build().ok()
    first, second, third = (
        result.html("blog/"),
        result.html("blog/page/2/"),
        result.html("blog/page/3/"),
    )
    assert titles(first) + titles(second) + titles(third) == ORDER
    assert first.select_one(".blogposts-newer") is None
    assert first.select_one(".blogposts-older")["href"] == "page/2/"
    assert second.select_one(".blogposts-newer")["href"] == "../../"
    assert second.select_one(".blogposts-older")["href"] == "../3/"
    assert third.select_one(".blogposts-older") is None
    assert not (blog.out / "blog" / "page" / "4").exists()


def test_archive(blog):
    result = blog.build().ok()
    archive = result.html("blog/archive/")
    years = [
        (a.get_text(), a["href"], a.find_next_sibling().get_text())
        for a in archive.select(".blogposts-groups a")
    ]
    assert years == [
        ("2024", "2024/", "(2)"),
        ("2023", "2023/", "(3)"),
        ("2022", "2022/", "(1)"),
        ("2021", "2021/", "(1)"),
    ]
    year = result.html("blog/archive/2023/")
    compact = [a.get_text() for a in year.select(".blogposts-compact a")]
    assert compact == ["Watch Your Words (Part 2)", "Watch Your Words, Part 1", "Gamma"]
    dates = [t["datetime"] for t in year.select(".blogposts-compact time")]
    assert dates == ["2023-06-01", "2023-05-01", "2023-01-10"]
    assert year.select_one(".blogposts-pagination") is None  # a year is one page


def test_tags(blog):
    result = blog.build().ok()
    overview = result.html("blog/tags/")
    tags = [(a.get_text(), a["href"]) for a in overview.select(".blogposts-groups a")]
    assert tags == [
        ("language", "language/"),
        ("Open Source", "open-source/"),
        ("python", "python/"),
        ("web", "web/"),
    ]
    assert titles(result.html("blog/tags/python/")) == ["Beta", "Alpha"]
    gamma = result.html("blog/gamma/")
    links = [(a.get_text(), a["href"]) for a in gamma.select(".blogposts-footer .blogposts-tag")]
    assert links == [("web", "../tags/web/"), ("Open Source", "../tags/open-source/")]
    entry = next(
        e for e in result.html("blog/page/2/").select(".blogposts-entry") if "Gamma" in e.get_text()
    )
    assert [a["href"] for a in entry.select(".blogposts-tag")] == [
        "../../tags/web/",
        "../../tags/open-source/",
    ]


def test_authors(blog):
    result = blog.build().ok()
    jane = result.html("blog/authors/jane/")
    assert jane.find("h1").get_text() == "Jane Doe"
    assert titles(jane) == ["Gamma", "Alpha"]
    assert jane.select_one(".blogposts-author-card p").get_text() == "Editor"
    assert titles(result.html("blog/authors/sam-smith/")) == ["Beta"]
    gamma = result.html("blog/gamma/")
    authors = [
        (a.get_text(), a["href"]) for a in gamma.select(".blogposts-header .blogposts-author")
    ]
    assert authors == [("Jane Doe", "../authors/jane/"), ("Bob", "../authors/bob/")]
    assert (
        gamma.select_one(".blogposts-header .blogposts-avatar")["src"]
        == "https://example.org/jane.png"
    )


def test_post_navigation_and_related(blog):
    result = blog.build().ok()
    gamma = result.html("blog/gamma/")
    assert gamma.select_one(".blogposts-post-nav .blogposts-newer")["href"] == "../lang-1/"
    assert gamma.select_one(".blogposts-post-nav .blogposts-older")["href"] == "../beta/"
    related = [a.get_text() for a in gamma.select(".blogposts-related a")]
    assert related == ["Alpha"]  # shares 'web'; nothing else shares its tags
    alpha = result.html("blog/alpha/")
    assert [a.get_text() for a in alpha.select(".blogposts-related a")] == ["Gamma", "Beta"]
    assert alpha.select_one(".blogposts-post-nav .blogposts-older") is None


def test_series_by_field_and_by_title(blog):
    result = blog.build().ok()
    second = result.html("blog/lang-2/")
    box = second.select_one(".blogposts-series")
    parts = [li.get_text(strip=True) for li in box.select("li")]
    assert parts == ["Watch Your Words, Part 1", "Watch Your Words (Part 2)"]
    assert box.select_one("[aria-current=page]").get_text() == "Watch Your Words (Part 2)"
    assert box.select_one("a[rel=prev]")["href"] == "../lang-1/"
    assert box.select_one("a[rel=next]") is None
    assert box.select_one(".blogposts-series-title a")["href"] == "../series/watch-your-words/"
    series = result.html("blog/series/watch-your-words/")
    assert titles(series) == ["Watch Your Words, Part 1", "Watch Your Words (Part 2)"]
    guide = result.html("blog/guide-a/").select_one(".blogposts-series")
    assert [li.get_text(strip=True) for li in guide.select("li")] == ["Guide First", "Guide Second"]
    assert guide.select_one("a[rel=next]")["href"] == "../guide-b/"


def _feed_checks(urls, ids):
    assert len(ids) == len(set(ids))
    assert all(u.startswith("https://example.org/sub/") for u in urls)


def test_feeds(blog):
    blog.build().ok()
    rss = ET.fromstring((blog.out / "blog" / "rss.xml").read_text())
    items = rss.find("channel").findall("item")
    assert [i.findtext("title") for i in items] == ORDER
    assert items[0].findtext("link") == "https://example.org/sub/blog/guide-a/"
    assert re.fullmatch(
        r"\w{3}, \d\d \w{3} \d{4} \d\d:\d\d:\d\d \+0000", items[0].findtext("pubDate")
    )
    content = items[0].findtext("description")
    assert 'src="https://example.org/sub/img/cover.png"' in content
    assert 'href="https://example.org/sub/blog/alpha/"' in content
    _feed_checks([i.findtext("link") for i in items], [i.findtext("guid") for i in items])

    atom = ET.fromstring((blog.out / "blog" / "atom.xml").read_text())
    entries = atom.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries] == ORDER
    assert re.fullmatch(
        r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d", entries[0].findtext(f"{ATOM}updated")
    )
    _feed_checks(
        [e.find(f"{ATOM}link").get("href") for e in entries],
        [e.findtext(f"{ATOM}id") for e in entries],
    )

    document = json.loads((blog.out / "blog" / "feed.json").read_text())
    assert document["version"] == "https://jsonfeed.org/version/1.1"
    assert [i["title"] for i in document["items"]] == ORDER
    assert document["items"][0]["image"] == "https://example.org/sub/img/cover.png"
    _feed_checks([i["url"] for i in document["items"]], [i["id"] for i in document["items"]])

    tag_rss = ET.fromstring((blog.out / "blog" / "tags" / "python" / "rss.xml").read_text())
    assert [i.findtext("title") for i in tag_rss.find("channel").findall("item")] == [
        "Beta",
        "Alpha",
    ]


def test_the_blog_sitemap_has_every_published_page_with_its_date(blog):
    blog.build().ok()
    ns = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    root = ET.fromstring((blog.out / "blog" / "sitemap.xml").read_text())
    dated = {u.findtext(f"{ns}loc"): u.findtext(f"{ns}lastmod") for u in root.findall(f"{ns}url")}
    assert dated["https://example.org/sub/blog/alpha/"] == "2021-03-01T00:00:00+00:00"
    assert dated["https://example.org/sub/blog/guide-a/"] == "2024-03-05T00:00:00+00:00"  # updated
    assert dated["https://example.org/sub/blog/"] is None
    assert "https://example.org/sub/blog/page/2/" in dated
    assert "https://example.org/sub/blog/tags/python/" in dated
    assert not any("draft" in url or "future" in url for url in dated)
    assert sum("/blog/" in url for url in dated) == len(dated)


def test_feed_limit_and_excerpt_content(blog):
    blog.config["plugins"][1]["blogposts"].update({"feed_limit": 2, "feed_content": "excerpt"})
    blog.build().ok()
    document = json.loads((blog.out / "blog" / "feed.json").read_text())
    assert [i["title"] for i in document["items"]] == ORDER[:2]
    # The excerpt (here the first paragraph), with its image made absolute.
    assert document["items"][0]["content_html"] == (
        '<p>First, see <img alt="pic" src="https://example.org/sub/img/cover.png" />.</p>'
    )


def test_autodiscovery_on_every_page(blog):
    result = blog.build().ok()
    for url in ("", "blog/", "blog/alpha/", "blog/tags/python/"):
        page = result.html(url)
        types = {link["type"]: link["href"] for link in page.find_all("link", rel="alternate")}
        assert set(types) == {
            "application/rss+xml",
            "application/atom+xml",
            "application/feed+json",
        }
    home = result.html("")
    assert home.find("link", type="application/rss+xml")["href"] == "blog/rss.xml"


def test_sharing_tags(blog):
    result = blog.build().ok()
    page = result.html("blog/guide-a/")

    def meta(key):
        tag = page.find("meta", attrs={"property": key}) or page.find("meta", attrs={"name": key})
        return tag["content"] if tag else None

    assert meta("og:type") == "article"
    assert meta("og:title") == "Guide First"
    assert meta("og:url") == "https://example.org/sub/blog/guide-a/"
    assert meta("og:image") == "https://example.org/sub/img/cover.png"
    assert meta("twitter:card") == "summary_large_image"
    assert meta("article:published_time") == "2024-02-01"
    assert meta("article:modified_time") == "2024-03-05"
    assert meta("description") == "First, see pic."
    assert len(page.find_all("meta", attrs={"name": "description"})) == 1
    assert page.find("link", rel="canonical")["href"] == "https://example.org/sub/blog/guide-a/"


def test_drafts_and_future_posts_stay_out_everywhere(blog):
    blog.build().ok()
    for name in ("draft", "future"):
        assert not (blog.out / "blog" / name).exists()
    everything = " ".join(
        p.read_text() for p in blog.out.rglob("*") if p.suffix in (".html", ".xml", ".json")
    )
    assert "Secret Draft" not in everything
    assert "Future Post" not in everything
    assert "blog/draft/" not in (blog.out / "sitemap.xml").read_text()


def test_future_posts_show_in_serve_and_with_the_option(blog):
    served = blog.build(command="serve", strict=False)
    assert "Future Post" in titles(served.html("blog/"))
    blog.config["plugins"][1]["blogposts"]["publish_future"] = True
    assert "Future Post" in titles(blog.build().ok().html("blog/"))


def test_latest_posts_marker(blog):
    blog.write(
        "docs/index.md",
        '# Home\n\n<!-- blogposts:latest 2 -->\n\nAnd by tag:\n\n<!-- blogposts:latest 5 tag="python" -->\n',
    )
    page = blog.build().ok().html("")
    listings = page.select(".blogposts-listing")
    assert [titles(listing) for listing in listings] == [
        ["Guide First", "Guide Second"],
        ["Beta", "Alpha"],
    ]
    assert listings[0].select_one(".blogposts-entry-title a")["href"] == "blog/guide-a/"


def test_a_users_own_listing_page_keeps_its_text(blog):
    blog.write("docs/blog/tags/index.md", "# All topics\n\nPick one.\n")
    page = blog.build().ok().html("blog/tags/")
    assert page.find("h1").get_text(strip=True).startswith("All topics")
    assert page.select(".blogposts-groups a")


def test_tag_pages_are_paginated(blog):
    blog.config["plugins"][1]["blogposts"]["posts_per_page"] = 1
    result = blog.build().ok()
    first, second = result.html("blog/tags/python/"), result.html("blog/tags/python/page/2/")
    assert (titles(first), titles(second)) == (["Beta"], ["Alpha"])
    assert first.select_one(".blogposts-older")["href"] == "page/2/"
    assert second.select_one(".blogposts-newer")["href"] == "../../"


HOSTILE = '<script>alert(1)</script> & "quotes"'


def test_feeds_escape_every_front_matter_string(blog):
    blog.post(
        "hostile.md",
        f"title: '{HOSTILE}'\nsubtitle: '{HOSTILE}'\nexcerpt: '{HOSTILE}'\n"
        f"date: 2025-01-01\ntags: ['{HOSTILE}']\nauthors: ['{HOSTILE}']",
    )
    blog.build().ok()
    rss = ET.fromstring((blog.out / "blog" / "rss.xml").read_text())
    item = rss.find("channel").find("item")
    assert item.findtext("title") == HOSTILE
    assert item.findtext("category") == HOSTILE
    atom = ET.fromstring((blog.out / "blog" / "atom.xml").read_text())
    entry = atom.find(f"{ATOM}entry")
    assert entry.findtext(f"{ATOM}title") == HOSTILE
    assert entry.findtext(f"{ATOM}summary") == HOSTILE
    assert entry.findtext(f"{ATOM}author/{ATOM}name") == HOSTILE
    document = json.loads((blog.out / "blog" / "feed.json").read_text())
    assert document["items"][0]["title"] == HOSTILE
    assert document["items"][0]["tags"] == [HOSTILE]
    for name in ("rss.xml", "atom.xml"):
        assert "<script>" not in (blog.out / "blog" / name).read_text()


def test_listing_pages_stay_out_of_materials_search(blog):
    blog.build().ok()
    search = json.loads((blog.out / "search" / "search_index.json").read_text())
    locations = {doc["location"].split("#")[0] for doc in search["docs"]}
    assert "blog/gamma/" in locations
    assert "blog/" in locations
    for listing in (
        "blog/page/2/",
        "blog/tags/python/",
        "blog/archive/2023/",
        "blog/authors/jane/",
    ):
        assert listing not in locations
