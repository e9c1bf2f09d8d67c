import datetime as dt
import json
import re
import xml.etree.ElementTree as ET

from mkdocs_blogposts.feeds import FeedInfo, FeedItem, absolutize, atom, json_feed, rss

HOSTILE = "<script>alert(\"x\")</script> & 'quotes'"
ATOM = "{http://www.w3.org/2005/Atom}"


def feed():
    return FeedInfo(
        title="Blog " + HOSTILE,
        home_url="https://ex.org/blog/",
        feed_url="https://ex.org/blog/feed",
        description=HOSTILE,
        language="en",
        items=[
            FeedItem(
                url="https://ex.org/blog/a/",
                title=HOSTILE,
                published=dt.datetime(2023, 4, 6),
                updated=dt.datetime(2023, 5, 1, 12, 30, tzinfo=dt.timezone(dt.timedelta(hours=2))),
                summary=HOSTILE,
                content_html='<p><img src="https://ex.org/img/a.png"></p>',
                authors=(HOSTILE,),
                tags=(HOSTILE,),
            ),
            FeedItem(
                url="https://ex.org/blog/b/", title="B", published=dt.datetime(2022, 1, 2, 3, 4, 5)
            ),
        ],
    )


def test_rss_is_well_formed_with_rfc822_dates_and_escaped_strings():
    root = ET.fromstring(rss(feed()))
    channel = root.find("channel")
    assert channel.findtext("title") == "Blog " + HOSTILE
    assert channel.findtext("link") == "https://ex.org/blog/"
    items = channel.findall("item")
    assert [i.findtext("guid") for i in items] == [
        "https://ex.org/blog/a/",
        "https://ex.org/blog/b/",
    ]
    assert items[0].find("guid").get("isPermaLink") == "true"
    assert items[0].findtext("title") == HOSTILE
    assert items[0].findtext("pubDate") == "Thu, 06 Apr 2023 00:00:00 +0000"
    assert items[1].findtext("pubDate") == "Sun, 02 Jan 2022 03:04:05 +0000"
    assert items[0].findtext("category") == HOSTILE
    assert "<script>" not in rss(feed()).replace("&lt;script&gt;", "")


def test_atom_is_well_formed_with_rfc3339_dates():
    root = ET.fromstring(atom(feed()))
    assert root.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated"):
        assert root.find(f"{ATOM}{required}") is not None
    entries = root.findall(f"{ATOM}entry")
    assert entries[0].findtext(f"{ATOM}published") == "2023-04-06T00:00:00+00:00"
    assert entries[0].findtext(f"{ATOM}updated") == "2023-05-01T12:30:00+02:00"
    assert entries[0].findtext(f"{ATOM}title") == HOSTILE
    assert entries[0].find(f"{ATOM}content").get("type") == "html"
    assert root.findtext(f"{ATOM}updated") == "2023-05-01T12:30:00+02:00"
    for entry in entries:
        assert entry.findtext(f"{ATOM}id").startswith("https://")
    assert root.find(f"{ATOM}author/{ATOM}name") is not None


def test_json_feed_1_1():
    document = json.loads(json_feed(feed()))
    assert document["version"] == "https://jsonfeed.org/version/1.1"
    assert document["title"] == "Blog " + HOSTILE
    first, second = document["items"]
    assert first["id"] == first["url"] == "https://ex.org/blog/a/"
    assert first["title"] == HOSTILE
    assert first["date_published"] == "2023-04-06T00:00:00+00:00"
    assert first["date_modified"] == "2023-05-01T12:30:00+02:00"
    assert first["authors"] == [{"name": HOSTILE}]
    assert second["content_text"] == ""
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d", second["date_published"])


def test_absolutize_rewrites_only_relative_urls():
    html = (
        '<p>See <a href="../other/">this</a>, <a href="#top">top</a>, '
        '<a href="https://x.org/">x</a>.</p>\n<img src="../../img/a b.png" alt="A &amp; B" />'
        '<source srcset="../1.png 1x, ../2.png 2x">'
    )
    out = absolutize(html, "https://ex.org/sub/blog/post/")
    assert '<a href="https://ex.org/sub/blog/other/">this</a>' in out
    assert '<a href="https://ex.org/sub/blog/post/#top">top</a>' in out
    assert '<a href="https://x.org/">x</a>' in out
    assert '<img src="https://ex.org/sub/img/a b.png" alt="A &amp; B" />' in out
    assert 'srcset="https://ex.org/sub/blog/1.png 1x, https://ex.org/sub/blog/2.png 2x"' in out
    assert absolutize("<p>plain</p>", "https://ex.org/") == "<p>plain</p>"
