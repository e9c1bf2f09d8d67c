"""Heading levels in a post body, so that the post header's title is the page's only `<h1>`."""

from __future__ import annotations

import re

from .code_regions import split_blocks

__all__ = ["demote_headings", "has_h1"]

_ATX = re.compile(r"^( {0,3})(#{1,6})(?=[ \t]|$)", re.MULTILINE)
_SETEXT = re.compile(
    r"^(?P<title>[ ]{0,3}(?![-*+][ \t]|\d+[.)][ \t]|[#>|<])\S[^\n]*)\n"
    r"(?P<rule>[ ]{0,3}(?P<ch>[=-])(?P=ch)*[ \t]*)$",
    re.MULTILINE,
)


def _prose(text: str) -> list[str]:
    """The runs outside block code. Each starts at a line start.

    Block code only: headings are found before inline code spans, so a span never
    hides a heading line.
    """
    return [text[s.start : s.end] for s in split_blocks(text) if not s.code]


def has_h1(text: str) -> bool:
    """Whether the Markdown uses a level-1 heading (`# x` or `x` over `===`) outside code."""
    return any(
        any(len(m[2]) == 1 for m in _ATX.finditer(run))
        or any(m["ch"] == "=" for m in _SETEXT.finditer(run))
        for run in _prose(text)
    )


def _demote(run: str) -> str:
    run = _ATX.sub(lambda m: m[1] + m[2] + ("#" if len(m[2]) < 6 else ""), run)
    # h1 -> h2: the same title over a '-' rule; h2 -> h3 has no setext form.
    return _SETEXT.sub(
        lambda m: f"{m['title']}\n---" if m["ch"] == "=" else f"### {m['title'].strip()}", run
    )


def demote_headings(text: str) -> str:
    """Move every heading outside code one level down (h6 stays h6).

    A `---` line under a paragraph line is a level-2 heading in Markdown, so it is
    rewritten too; a `---` after a blank line is a thematic break and stays.
    """
    return "".join(
        text[s.start : s.end] if s.code else _demote(text[s.start : s.end])
        for s in split_blocks(text)
    )
