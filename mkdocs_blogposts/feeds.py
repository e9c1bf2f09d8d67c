"""RSS 2.0, Atom 1.0 and JSON Feed 1.1 for a blog, with absolute URLs everywhere.

`FEED_FORMATS` is the one list of formats: the build writes each, and every page
links each from its head. XML is built with ElementTree, so every string is escaped
and every feed is well-formed whatever a post's front matter holds.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from email.utils import format_datetime
from html.parser import HTMLParser
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin
from xml.etree import ElementTree as ET

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = [
    "FEED_FORMATS",
    "FeedFormat",
    "FeedInfo",
    "FeedItem",
    "absolutize",
    "atom",
    "json_feed",
    "rss",
    "sitemap",
]

_ATOM = "http://www.w3.org/2005/Atom"
_DC = "http://purl.org/dc/elements/1.1/"
_URL_ATTRIBUTES = frozenset({"href", "src", "poster", "cite", "action", "data"})


@dataclass(frozen=True)
class FeedItem:
    """One post in a feed; URLs absolute, strings raw (the writers escape)."""

    url: str
    title: str
    published: dt.datetime
    updated: dt.datetime | None = None
    summary: str | None = None
    content_html: str | None = None
    authors: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    image: str | None = None


@dataclass(frozen=True)
class FeedInfo:
    """The feed as a whole."""

    title: str
    home_url: str
    """The blog's index, absolute."""
    feed_url: str
    """This feed's own absolute URL."""
    description: str = ""
    language: str | None = None
    author: str | None = None
    items: list[FeedItem] = field(default_factory=list)


def _aware(moment: dt.datetime) -> dt.datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.timezone.utc)


def _rfc3339(moment: dt.datetime) -> str:
    return _aware(moment).isoformat(timespec="seconds")


class _Absolutizer(HTMLParser):
    def __init__(self, base: str) -> None:
        super().__init__(convert_charrefs=True)
        self.base = base
        self.edits: list[tuple[tuple[int, int], str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        changed = False
        parts = [f"<{tag}"]
        for name, value in attrs:
            if value is not None and name in _URL_ATTRIBUTES:
                new = urljoin(self.base, value)
                changed |= new != value
                value = new
            elif value is not None and name == "srcset":
                candidates = [c.split() for c in value.split(",") if c.strip()]
                new = ", ".join(" ".join([urljoin(self.base, c[0]), *c[1:]]) for c in candidates)
                changed |= new != value
                value = new
            parts.append(f" {name}" if value is None else f' {name}="{_attr(value)}"')
        if changed:
            original = self.get_starttag_text() or ""
            parts.append(" />" if original.endswith("/>") else ">")
            self.edits.append((self.getpos(), original, "".join(parts)))

    handle_startendtag = handle_starttag


def _attr(value: str) -> str:
    return value.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")


def absolutize(html: str, base: str) -> str:
    """Make every URL in an HTML fragment absolute against `base` (the page's URL).

    Only the start tags that hold a relative URL are rewritten; every other byte stays.
    """
    parser = _Absolutizer(base)
    parser.feed(html)
    parser.close()
    if not parser.edits:
        return html
    line_starts = [0]
    for index, ch in enumerate(html):
        if ch == "\n":
            line_starts.append(index + 1)
    out: list[str] = []
    cursor = 0
    for (line, column), original, new in parser.edits:
        offset = line_starts[line - 1] + column
        if html.startswith(original, offset) and offset >= cursor:
            out.append(html[cursor:offset])
            out.append(new)
            cursor = offset + len(original)
    out.append(html[cursor:])
    return "".join(out)


def _xml(root: ET.Element) -> str:
    ET.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def rss(feed: FeedInfo) -> str:
    """The feed as RSS 2.0: RFC 822 dates, permalink GUIDs, HTML in `description`."""
    ET.register_namespace("atom", _ATOM)
    ET.register_namespace("dc", _DC)
    root = ET.Element("rss", {"version": "2.0"})
    channel = ET.SubElement(root, "channel")
    ET.SubElement(channel, "title").text = feed.title
    ET.SubElement(channel, "link").text = feed.home_url
    ET.SubElement(channel, "description").text = feed.description or feed.title
    ET.SubElement(
        channel,
        f"{{{_ATOM}}}link",
        {"href": feed.feed_url, "rel": "self", "type": "application/rss+xml"},
    )
    if feed.language:
        ET.SubElement(channel, "language").text = feed.language
    if feed.items:
        newest = max(_aware(i.updated or i.published) for i in feed.items)
        ET.SubElement(channel, "lastBuildDate").text = format_datetime(newest)
    ET.SubElement(channel, "generator").text = "mkdocs-blogposts"
    for item in feed.items:
        entry = ET.SubElement(channel, "item")
        ET.SubElement(entry, "title").text = item.title
        ET.SubElement(entry, "link").text = item.url
        ET.SubElement(entry, "guid", {"isPermaLink": "true"}).text = item.url
        ET.SubElement(entry, "pubDate").text = format_datetime(_aware(item.published))
        for name in item.authors:
            ET.SubElement(entry, f"{{{_DC}}}creator").text = name
        for tag in item.tags:
            ET.SubElement(entry, "category").text = tag
        ET.SubElement(entry, "description").text = item.content_html or item.summary or ""
    return _xml(root)


def atom(feed: FeedInfo) -> str:
    """The feed as Atom 1.0: RFC 3339 dates, permalink ids, HTML content."""
    # Prefixes are set on each call: RSS writes Atom's namespace as `atom:`.
    ET.register_namespace("", _ATOM)
    root = ET.Element(f"{{{_ATOM}}}feed")
    if feed.language:
        root.set("{http://www.w3.org/XML/1998/namespace}lang", feed.language)

    def sub(parent: ET.Element, name: str, text: str | None = None, **attrs: str) -> ET.Element:
        element = ET.SubElement(parent, f"{{{_ATOM}}}{name}", attrs)
        element.text = text
        return element

    sub(root, "id", feed.feed_url)
    sub(root, "title", feed.title)
    if feed.description:
        sub(root, "subtitle", feed.description)
    sub(root, "link", href=feed.home_url, rel="alternate", type="text/html")
    sub(root, "link", href=feed.feed_url, rel="self", type="application/atom+xml")
    moments = [i.updated or i.published for i in feed.items]
    newest = max(map(_aware, moments)) if moments else dt.datetime.now(dt.timezone.utc)
    sub(root, "updated", _rfc3339(newest))
    sub(sub(root, "author"), "name", feed.author or feed.title)
    sub(root, "generator", "mkdocs-blogposts")
    for item in feed.items:
        entry = sub(root, "entry")
        sub(entry, "id", item.url)
        sub(entry, "title", item.title)
        sub(entry, "link", href=item.url, rel="alternate", type="text/html")
        sub(entry, "published", _rfc3339(item.published))
        sub(entry, "updated", _rfc3339(item.updated or item.published))
        for name in item.authors:
            sub(sub(entry, "author"), "name", name)
        for tag in item.tags:
            sub(entry, "category", term=tag)
        if item.summary:
            sub(entry, "summary", item.summary, type="text")
        if item.content_html:
            sub(entry, "content", item.content_html, type="html")
    return _xml(root)


def json_feed(feed: FeedInfo) -> str:
    """The feed as JSON Feed 1.1."""
    items: list[dict[str, Any]] = []
    for item in feed.items:
        entry: dict[str, Any] = {
            "id": item.url,
            "url": item.url,
            "title": item.title,
            "date_published": _rfc3339(item.published),
        }
        if item.updated:
            entry["date_modified"] = _rfc3339(item.updated)
        if item.content_html:
            entry["content_html"] = item.content_html
        else:
            entry["content_text"] = item.summary or ""
        if item.summary:
            entry["summary"] = item.summary
        if item.authors:
            entry["authors"] = [{"name": name} for name in item.authors]
        if item.tags:
            entry["tags"] = list(item.tags)
        if item.image:
            entry["image"] = item.image
        items.append(entry)
    document: dict[str, Any] = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": feed.title,
        "home_page_url": feed.home_url,
        "feed_url": feed.feed_url,
    }
    if feed.description:
        document["description"] = feed.description
    if feed.language:
        document["language"] = feed.language
    if feed.author:
        document["authors"] = [{"name": feed.author}]
    document["items"] = items
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


_SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"


def sitemap(pages: list[tuple[str, dt.datetime | None]]) -> str:
    """A sitemap of the blog's pages: (absolute URL, when it last changed) each.

    It carries each post's own date, where MkDocs' sitemap gives every page the
    build's date. It also answers Material's instant navigation, which looks for a
    `sitemap.xml` beside every `<link rel="alternate">`, the feed links included.
    """
    root = ET.Element("urlset", {"xmlns": _SITEMAP})
    for url, changed in pages:
        entry = ET.SubElement(root, "url")
        ET.SubElement(entry, "loc").text = url
        if changed is not None:
            ET.SubElement(entry, "lastmod").text = _rfc3339(changed)
    return _xml(root)


@dataclass(frozen=True)
class FeedFormat:
    """One kind of feed the blog offers."""

    file: str
    """Its file name in a feed folder."""
    media_type: str
    """Its MIME type, for `<link rel="alternate">`."""
    write: Callable[[FeedInfo], str]
    """The writer: the feed as text."""


FEED_FORMATS = (
    FeedFormat("rss.xml", "application/rss+xml", rss),
    FeedFormat("atom.xml", "application/atom+xml", atom),
    FeedFormat("feed.json", "application/feed+json", json_feed),
)
"""Every format, in the order pages link them (RSS first: the most widely read)."""
