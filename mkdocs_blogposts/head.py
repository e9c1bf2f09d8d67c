"""Tags for a page's `<head>`: feed autodiscovery, sharing cards, description, canonical.

Themes write their own `<head>`; these are added to what the theme wrote. Only the
head's meta and link tags are read, to find what is already there.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

__all__ = ["Sharing", "add_to_head", "feed_links", "sharing_tags", "text_of"]


def _attr(value: str) -> str:
    return html.escape(value, quote=True)


def feed_links(title: str, feeds: list[tuple[str, str]]) -> str:
    """`<link rel="alternate">` for each feed, (media type, URL), so readers find them."""
    return "".join(
        f'<link rel="alternate" type="{_attr(media_type)}" title="{_attr(title)}" '
        f'href="{_attr(url)}">\n'
        for media_type, url in feeds
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


# What the head holds, in order: comments and script/style bodies (skipped, so a tag
# written inside them never counts), and the meta and link tags that are read.
_HEAD_ITEM = re.compile(
    r"<!--.*?-->|<(script|style)\b.*?</\1\s*>|<(meta|link)\b((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>",
    re.DOTALL | re.IGNORECASE,
)
_ATTRIBUTE = re.compile(r"""([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""")


def _attributes(text: str) -> dict[str, str]:
    return {
        m[1].lower(): html.unescape(m[2] or m[3] or m[4] or "") for m in _ATTRIBUTE.finditer(text)
    }


@dataclass
class _Head:
    """The description meta tag (offset and text) and whether a canonical link exists."""

    description: tuple[int, str] | None = None
    canonical: bool = False


def _read_head(head: str) -> _Head:
    """Find the description meta and a canonical link among the tags of a head.

    A regular expression over the tags, not an HTML parser: themes write well-formed
    heads, and a parser costs a thousand times more on every page of a large site.
    """
    found = _Head()
    for item in _HEAD_ITEM.finditer(head):
        _note(found, item)
    return found


def _note(found: _Head, item: re.Match[str]) -> None:
    """Record what one item of the head says, if it is one of the two tags."""
    kind = (item[2] or "").lower()
    # Attributes are read only for the tags that can matter.
    if kind == "meta" and found.description is None and "description" in item[3]:
        if _attributes(item[3]).get("name") == "description":
            found.description = (item.start(), item[0])
    elif (
        kind == "link"
        and "canonical" in item[3].lower()
        and "canonical" in _attributes(item[3]).get("rel", "").lower().split()
    ):
        found.canonical = True


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
    found = _read_head(page[:head_end])
    extra = tags
    if canonical and not found.canonical:
        extra += f'<link rel="canonical" href="{_attr(canonical)}">\n'
    if description is not None:
        meta = f'<meta name="description" content="{_attr(description)}">'
        if found.description is not None:
            start, original = found.description
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
