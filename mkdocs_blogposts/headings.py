"""Heading levels in a post body, so that the post header's title is the page's only `<h1>`."""

from __future__ import annotations

import re

from .code_regions import split_blocks

__all__ = ["demote_headings", "has_h1"]

# Each pattern starts at the "\n" before its line and runs over "\n" + text: the
# regex engine finds a literal "\n" with memchr, while a MULTILINE "^" is tried at
# every offset, thirty times slower on a post.
_ATX = re.compile(r"\n( {0,3})(#{1,6})(?=[ \t\n]|\Z)")
_SETEXT = re.compile(
    r"\n(?P<title>[ ]{0,3}(?![-*+][ \t]|\d+[.)][ \t]|[#>|<])\S[^\n]*)\n"
    r"(?P<rule>[ ]{0,3}(?P<ch>[=-])(?P=ch)*[ \t]*)(?=\n|\Z)"
)
# A line that can underline a setext heading; most posts have none, and the setext
# pattern is the slow one.
_RULE = re.compile(r"\n[ ]{0,3}(?:=+|-+)[ \t]*(?=\n|\Z)")
_MAYBE_H1 = re.compile(r"\n[ ]{0,3}(?:#(?=[ \t\n]|\Z)|=+[ \t]*(?=\n|\Z))")


def _prose(text: str) -> list[tuple[int, int]]:
    """The runs outside block code, as bounds in the newline-padded text.

    Block code only: headings are found before inline code spans, so a span never
    hides a heading line. A run starts at a line start, so the newline before its
    first line is at the run's own offset in the padded text.
    """
    return [(s.start, s.end + 1) for s in split_blocks(text) if not s.code]


def has_h1(text: str) -> bool:
    """Whether the Markdown uses a level-1 heading (`# x` or `x` over `===`) outside code."""
    padded = "\n" + text
    if not _MAYBE_H1.search(padded):
        return False
    for start, end in _prose(text):
        if any(len(m[2]) == 1 for m in _ATX.finditer(padded, start, end)):
            return True
        if any(m["ch"] == "=" for m in _SETEXT.finditer(padded, start, end)):
            return True
    return False


def demote_headings(text: str) -> str:
    """Move every heading outside code one level down (h6 stays h6).

    A `---` line under a paragraph line is a level-2 heading in Markdown, so it is
    rewritten too; a `---` after a blank line is a thematic break and stays.
    """
    padded = "\n" + text
    edits: list[tuple[int, int, str]] = []  # (start, end, replacement) in padded
    for start, end in _prose(text):
        for m in _ATX.finditer(padded, start, end):
            if len(m[2]) < 6:
                edits.append((m.end(2), m.end(2), "#"))
        # An ATX line is never a setext title, so the two kinds of edit never overlap.
        if not _RULE.search(padded, start, end):
            continue
        for m in _SETEXT.finditer(padded, start, end):
            # h1 -> h2: the same title over a '-' rule; h2 -> h3 has no setext form.
            title = m["title"]
            new = f"{title}\n---" if m["ch"] == "=" else f"### {title.strip()}"
            edits.append((m.start("title"), m.end("rule"), new))
    if not edits:
        return text
    out: list[str] = []
    cursor = 1
    for start, end, new in sorted(edits):
        out.append(padded[cursor:start])
        out.append(new)
        cursor = end
    out.append(padded[cursor:])
    return "".join(out)
