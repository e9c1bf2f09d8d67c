"""Which of the Markdown extensions the conversion relies on a post's Markdown needs.

The conversion writes `## Title {#id}` heading anchors, which need `attr_list`, and
`<div markdown="1">` blocks, which need `md_in_html`. Turning both on for the whole
site would change how the site's other pages render, and `md_in_html` alone adds
about 7% to every page's Markdown conversion. So they are turned on for the posts
whose Markdown could use them. The tests err one way only: an extension is left off
only where it could not change the page.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["REQUIRED", "ExtensionLists", "needed_extensions"]

REQUIRED = ("attr_list", "md_in_html")
"""The extensions the conversion's output may need, in the order they are added."""

# md_in_html acts on an HTML tag with a `markdown` attribute. Python's HTML parser
# lowercases attribute names and lets one follow a quote or slash with no space.
_MARKDOWN_ATTRIBUTE = re.compile(r"""(?<=[\s"'/])markdown(?=[\s/=>]|\Z)""")


def needed_extensions(markdown: str) -> tuple[str, ...]:
    """The ones of `REQUIRED` that could change how `markdown` renders.

    `attr_list` reads only `{...}`; a text with no `{` cannot use it. `md_in_html`
    reads only tags with a `markdown` attribute; a text where no `markdown` follows
    white space, a quote or a slash cannot use it. Code is not told apart: a brace in a
    code block turns `attr_list` on, which renders the same page, only slower.
    """
    needs: list[str] = []
    if "{" in markdown:
        needs.append("attr_list")
    lowered = markdown.lower()
    # The substring test is a fast scan; the pattern runs only where it can match.
    if "markdown" in lowered and _MARKDOWN_ATTRIBUTE.search(lowered):
        needs.append("md_in_html")
    return tuple(needs)


class ExtensionLists:
    """The site's `markdown_extensions`, and that list with what a post needs added.

    Each list is made once a build and kept, so giving a page its list is one lookup.
    """

    def __init__(self, site: list[Any]) -> None:
        """Keep the site's own list, as MkDocs validated it."""
        self.site = site
        self._with: dict[tuple[str, ...], list[Any]] = {(): site}

    def for_needs(self, needs: tuple[str, ...]) -> list[Any]:
        """The site's list with the extensions in `needs` it lacks added at its end."""
        extensions = self._with.get(needs)
        if extensions is None:
            missing = [name for name in needs if name not in self.site]
            extensions = self._with[needs] = [*self.site, *missing] if missing else self.site
        return extensions
