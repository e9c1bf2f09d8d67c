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


def _prose(text: str) -> list[tuple[int, int]]:
    # Block code only: headings are found before inline code spans, so a span never
    # hides a heading line.
    return [(s.start, s.end) for s in split_blocks(text) if not s.code]


# A line that can underline a setext heading; most posts have none, and the setext
# pattern is the slow one.
_RULE = re.compile(r"^[ ]{0,3}(?:=+|-+)[ \t]*$", re.MULTILINE)
_MAYBE_H1 = re.compile(r"^(?:[ ]{0,3}#[ \t]|[ ]{0,3}=+[ \t]*$)", re.MULTILINE)


def has_h1(text: str) -> bool:
    """Whether the Markdown uses a level-1 heading (`# x` or `x` over `===`) outside code."""
    if not _MAYBE_H1.search(text):
        return False
    for start, end in _prose(text):
        chunk = text[start:end]
        if any(len(m[2]) == 1 for m in _ATX.finditer(chunk)):
            return True
        if any(m["ch"] == "=" for m in _SETEXT.finditer(chunk)):
            return True
    return False


def _demote_chunk(chunk: str) -> str:
    def setext(match: re.Match[str]) -> str:
        if match["ch"] == "=":  # h1 -> h2: the same title over a '-' rule
            return f"{match['title']}\n{'-' * 3}"
        return f"### {match['title'].strip()}"  # h2 -> h3 has no setext form

    def atx(match: re.Match[str]) -> str:
        hashes = match[2]
        return match[1] + (hashes + "#" if len(hashes) < 6 else hashes)

    # ATX first: the setext pass never reads a '#' line as a title, so nothing
    # is demoted twice.
    chunk = _ATX.sub(atx, chunk)
    return _SETEXT.sub(setext, chunk) if _RULE.search(chunk) else chunk


def demote_headings(text: str) -> str:
    """Move every heading outside code one level down (h6 stays h6).

    A `---` line under a paragraph line is a level-2 heading in Markdown, so it is
    rewritten too; a `---` after a blank line is a thematic break and stays.
    """
    out: list[str] = []
    cursor = 0
    for start, end in _prose(text):
        out.append(text[cursor:start])
        out.append(_demote_chunk(text[start:end]))
        cursor = end
    out.append(text[cursor:])
    return "".join(out)
