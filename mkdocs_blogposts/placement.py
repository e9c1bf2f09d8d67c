"""Putting a post's header and footer into its finished page.

The header (date, reading time, authors) and the footer (tags, newer and older
posts, related posts) are navigation around a post, not its text. They go into the
page the theme wrote, after search plugins have indexed `page.content`: search then
holds what the post says, not "3 min read · Newer post" on every post, and does not
spend a tenth of the build parsing them.

`page.content` keeps a stand-in for the header: the title as `<h1>` and the
subtitle. Search still finds the subtitle, and themes that add their own `<h1>`
when the content has none (Material) do not add one.
"""

from __future__ import annotations

import html
import secrets

__all__ = ["content_with_markers", "listing_marker", "place", "place_listing"]

# Comments no author writes: a fresh token per process.
_TOKEN = secrets.token_hex(6)
_HEADER_START = f"<!--blogposts-header-{_TOKEN}-->"
_HEADER_END = f"<!--/blogposts-header-{_TOKEN}-->"
_FOOTER = f"<!--blogposts-footer-{_TOKEN}-->"
_LISTING = f"<!--blogposts-listing-{_TOKEN}-->"


def content_with_markers(title: str, subtitle: str | None, body: str) -> str:
    """A post's `page.content`: the header's stand-in, the body, the footer's place."""
    stand_in = f'<h1 class="blogposts-title">{html.escape(title)}</h1>'
    if subtitle:
        stand_in += f'\n<p class="blogposts-subtitle">{html.escape(subtitle)}</p>'
    # The wrapping <div> is placed with the header too: a search parser costs a
    # seventh more on a body wrapped in one element.
    return f"{_HEADER_START}{stand_in}{_HEADER_END}\n{body}\n{_FOOTER}"


def place(page: str, header: str, footer: str) -> str | None:
    """The finished page with the stand-in replaced by `header` and the footer placed.

    Returns:
        The page, or None when its markers are gone (a plugin that runs earlier
        removed HTML comments, or the theme does not show the content).
    """
    start = page.find(_HEADER_START)
    end = page.find(_HEADER_END, start)
    footer_at = page.find(_FOOTER, end)
    if start < 0 or end < 0 or footer_at < 0:
        return None
    # One join: chained + would copy the growing page once for every piece.
    return "".join(
        (
            page[:start],
            '<div class="blogposts-post">\n',
            header,
            page[end + len(_HEADER_END) : footer_at],
            footer,
            "\n</div>",
            page[footer_at + len(_FOOTER) :],
        )
    )


def listing_marker() -> str:
    """Where a listing page's posts go in its `page.content`.

    They are put into the finished page, rendered with the environment the theme
    renders with (filters other plugins add in `on_env` included), and search,
    which reads `page.content`, does not index every post a second time.
    """
    return _LISTING


def place_listing(page: str, listing: str) -> str:
    """The finished page with the listing at its marker (or unchanged without one)."""
    at = page.find(_LISTING)
    if at < 0:
        return page
    return page[:at] + listing + page[at + len(_LISTING) :]
