"""Tags for a page's `<head>`: feed autodiscovery, sharing cards, description, canonical.

Themes write their own `<head>`; these are added to what the theme wrote. Only the
head is read, with an HTML parser, to find what is already there.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from html.parser import HTMLParser

__all__ = ["Sharing", "add_to_head", "feed_links", "sharing_tags", "text_of"]


def _attr(value: str) -> str:
    return html.escape(value, quote=True)


def feed_links(title: str, rss: str, atom: str, json_feed: str) -> str:
    """`<link rel="alternate">` for the three feeds, so readers find them from any page."""
    return (
        f'<link rel="alternate" type="application/rss+xml" title="{_attr(title)}" '
        f'href="{_attr(rss)}">\n'
        f'<link rel="alternate" type="application/atom+xml" title="{_attr(title)}" '
        f'href="{_attr(atom)}">\n'
        f'<link rel="alternate" type="application/feed+json" title="{_attr(title)}" '
        f'href="{_attr(json_feed)}">\n'
    )


@dataclass(frozen=True)
class Sharing:
    """What a shared link to a post shows; every URL absolute."""

    title: str
    url: str
    site_name: str
    description: str | None = None
    image: str | None = None
    published: str | None = None
    modified: str | None = None
    authors: tuple[str, ...] = ()
    tags: tuple[str, ...] = field(default_factory=tuple)


def sharing_tags(card: Sharing) -> str:
    """Open Graph, Twitter card and article tags for a post."""
    pairs: list[tuple[str, str, str]] = [
        ("property", "og:type", "article"),
        ("property", "og:title", card.title),
        ("property", "og:url", card.url),
        ("property", "og:site_name", card.site_name),
        ("name", "twitter:card", "summary_large_image" if card.image else "summary"),
        ("name", "twitter:title", card.title),
    ]
    if card.description:
        pairs += [
            ("property", "og:description", card.description),
            ("name", "twitter:description", card.description),
        ]
    if card.image:
        pairs += [("property", "og:image", card.image), ("name", "twitter:image", card.image)]
    if card.published:
        pairs.append(("property", "article:published_time", card.published))
    if card.modified:
        pairs.append(("property", "article:modified_time", card.modified))
    pairs += [("property", "article:author", name) for name in card.authors]
    pairs += [("property", "article:tag", tag) for tag in card.tags]
    return "".join(f'<meta {kind}="{key}" content="{_attr(v)}">\n' for kind, key, v in pairs)


class _HeadReader(HTMLParser):
    """Finds the description meta, a canonical link and the end of the head."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.description: tuple[tuple[int, int], str] | None = None
        self.canonical = False
        self.head_end: tuple[int, int] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "meta" and values.get("name") == "description" and self.description is None:
            self.description = (self.getpos(), self.get_starttag_text() or "")
        elif tag == "link" and (values.get("rel") or "").lower() == "canonical":
            self.canonical = True
        elif tag == "body" and self.head_end is None:
            self.head_end = self.getpos()

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag: str) -> None:
        if tag == "head" and self.head_end is None:
            self.head_end = self.getpos()


def _offset(text: str, position: tuple[int, int]) -> int:
    line, column = position
    start = 0
    for _ in range(line - 1):
        start = text.index("\n", start) + 1
    return start + column


def add_to_head(
    page: str, tags: str, *, description: str | None = None, canonical: str | None = None
) -> str:
    """Add `tags` at the end of the page's head.

    Args:
        page: The whole HTML page.
        tags: HTML to add.
        description: The page's description; replaces the theme's (a site-wide one,
            in most themes) or is added.
        canonical: The page's canonical URL, added where the theme wrote none.
    """
    head_end = page.find("</head>")
    if head_end < 0:
        return page
    if description is None and canonical is None:
        return page[:head_end] + tags + page[head_end:]
    reader = _HeadReader()
    reader.feed(page[: head_end + len("</head>")])
    extra = tags
    if canonical and not reader.canonical:
        extra += f'<link rel="canonical" href="{_attr(canonical)}">\n'
    if description is not None:
        meta = f'<meta name="description" content="{_attr(description)}">'
        if reader.description is not None:
            start = _offset(page, reader.description[0])
            original = reader.description[1]
            if page.startswith(original, start):
                page = page[:start] + meta + page[start + len(original) :]
                head_end = page.find("</head>")
        else:
            extra += meta + "\n"
    return page[:head_end] + extra + page[head_end:]


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "img" and (alt := dict(attrs).get("alt")):
            self.parts.append(alt)


def text_of(fragment: str) -> str:
    """The text of an HTML fragment, tags dropped (an image counts as its alt text)."""
    reader = _Text()
    reader.feed(fragment)
    reader.close()
    return "".join(reader.parts)
