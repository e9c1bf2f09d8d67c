"""Heading levels in a post body, so that the post header's title is the page's only `<h1>`."""

from __future__ import annotations

import re

from .code_regions import split_blocks

__all__ = ["demote_headings", "has_h1"]

# Each pattern matches from the "\n" before its line, over the run with a "\n" put
# in front: the regex engine finds a literal "\n" with memchr, where a MULTILINE "^"
# is tried at every offset (a build's heading passes took 4% of MkDocs' own time).
_ATX = re.compile(r"\n( {0,3})(#{1,6})(?=[ \t\n]|\Z)")
_SETEXT = re.compile(
    r"\n(?P<title>[ ]{0,3}(?![-*+][ \t]|\d+[.)][ \t]|[#>|<])\S[^\n]*)\n"
    r"(?P<rule>[ ]{0,3}(?P<ch>[=-])(?P=ch)*[ \t]*)(?=\n|\Z)"
)


def _prose(text: str) -> list[str]:
    """The runs outside block code, each after a newline (a run starts at a line start).

    Block code only: headings are found before inline code spans, so a span never
    hides a heading line.
    """
    return ["\n" + text[s.start : s.end] for s in split_blocks(text) if not s.code]


def has_h1(text: str) -> bool:
    """Whether the Markdown uses a level-1 heading (`# x` or `x` over `===`) outside code."""
    return any(
        any(len(m[2]) == 1 for m in _ATX.finditer(run))
        or any(m["ch"] == "=" for m in _SETEXT.finditer(run))
        for run in _prose(text)
    )


def _demote(run: str) -> str:
    """A newline-led run outside code, its headings one level down, without the newline."""
    run = _ATX.sub(lambda m: "\n" + m[1] + m[2] + ("#" if len(m[2]) < 6 else ""), run)
    # h1 -> h2: the same title over a '-' rule; h2 -> h3 has no setext form.
    run = _SETEXT.sub(
        lambda m: f"\n{m['title']}\n---" if m["ch"] == "=" else f"\n### {m['title'].strip()}",
        run,
    )
    return run[1:]


def demote_headings(text: str) -> str:
    """Move every heading outside code one level down (h6 stays h6).

    A `---` line under a paragraph line is a level-2 heading in Markdown, so it is
    rewritten too; a `---` after a blank line is a thematic break and stays.
    """
    return "".join(
        text[s.start : s.end] if s.code else _demote("\n" + text[s.start : s.end])
        for s in split_blocks(text)
    )
