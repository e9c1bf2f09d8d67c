"""The parts of MDX that are not Markdown: ESM, JSX comments, fence meta.

ESM means top-level `import`/`export` lines; JSX comments and `{" "}` expressions
are dropped; fence meta written for MDX highlighters is turned into SuperFences
options.

Every function here works outside code only and keeps the text's line count, so a
message about a later line still names the line the author sees in the file.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass, field
from typing import Any

from .code_regions import split_blocks, split_code
from .jsliteral import NotALiteral, parse_literal
from .jsx_tags import skip_js_string

__all__ = [
    "EsmStatement",
    "NotALiteral",
    "clean_mdx",
    "metadata_from_exports",
    "normalize_fences",
    "remove_jsx_comments",
    "strip_esm",
]

_ESM_START = re.compile(
    r"^(?:import\s*(?:[\w$*{]|['\"])|export\s+(?:const|let|var|function|async|class|default"
    r"|type|interface)\b|export\s*[{*])",
    re.MULTILINE,
)
_CONTINUES = tuple(",=([{+-*/&|?:.")
_JSX_COMMENT = re.compile(r"\{\s*/\*.*?\*/\s*\}", re.DOTALL)
_SPACE_EXPRESSION = re.compile(r"\{\s*(?:\"\s\"|'\s')\s*\}")
_HEADING_ID = re.compile(
    r"^(?P<head>[ ]{0,3}#{1,6}[ \t][^\n]*?)[ \t]*\{\s*/\*\s*(?P<id>[\w.-]+)\s*\*/\s*\}[ \t]*$",
    re.MULTILINE,
)
_FENCE = re.compile(r"(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?P<info>[^\n]*)")
_LINE_RANGES = re.compile(r"\{([\d,\s-]+)\}")


@dataclass(frozen=True)
class EsmStatement:
    """A top-level `import` or `export` removed from a post."""

    offset: int
    text: str


def _blank(text: str) -> str:
    """As many newlines as `text` has: what replaces removed text."""
    return "\n" * text.count("\n")


def _statement_end(text: str, start: int, end: int) -> int:
    """The end of the JS statement at `start`: brackets closed and the line complete."""
    depth = 0
    i = start
    while i < end:
        ch = text[i]
        if ch in "\"'`":
            after = skip_js_string(text, i, end)
            i = i + 1 if after < 0 else after  # an apostrophe in JSX text is no string
            continue
        if text.startswith("//", i):
            newline = text.find("\n", i, end)
            i = end if newline < 0 else newline
            continue
        if text.startswith("/*", i):
            close = text.find("*/", i + 2, end)
            i = end if close < 0 else close + 2
            continue
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        elif ch == "\n" and depth <= 0:
            line = text[text.rfind("\n", start, i) + 1 : i].rstrip()
            rest = text[i + 1 : end].lstrip(" \t")
            if not line.endswith(_CONTINUES) and not rest.startswith(("from ", ".", "?", ":")):
                return i + 1
        i += 1
    return end


def strip_esm(text: str) -> tuple[str, list[EsmStatement]]:
    """Remove top-level `import`/`export` statements outside code.

    A statement counts only where a block starts (after a blank line or at the top)
    and runs until its brackets close and its line does not continue.

    Returns:
        The text with each statement replaced by blank lines, and the statements.
    """
    out: list[str] = []
    statements: list[EsmStatement] = []
    cursor = 0
    for segment in split_blocks(text):
        if segment.code:
            continue
        pos = segment.start
        while (match := _ESM_START.search(text, pos, segment.end)) is not None:
            start = match.start()
            line_before = text[text.rfind("\n", 0, max(start - 1, 0)) + 1 : start]
            if start and line_before.strip() and start != cursor:
                pos = match.end()  # inside a paragraph: prose that starts with "import"
                continue
            stop = _statement_end(text, start, segment.end)
            statements.append(EsmStatement(start, text[start:stop]))
            out.append(text[cursor:start])
            out.append(_blank(text[start:stop]))
            cursor = pos = stop
    out.append(text[cursor:])
    return "".join(out), statements


_METADATA = re.compile(r"export\s+const\s+(?:metadata|frontmatter|meta)\s*(?::[^=]+)?=\s*")


def metadata_from_exports(statements: list[EsmStatement]) -> dict[str, Any] | None:
    """The object of `export const metadata = {...}` (Next.js App Router), if one is there.

    Raises:
        NotALiteral: The export is there but is not plain data.
    """
    for statement in statements:
        if match := _METADATA.match(statement.text):
            value = parse_literal(statement.text[match.end() :].strip())
            if not isinstance(value, dict):
                raise NotALiteral("the metadata export is not an object")
            return value
    return None


def remove_jsx_comments(text: str) -> str:
    """Drop `{/* ... */}` and turn `{" "}` into a space, outside code.

    A heading that ends in a comment, `## Title {/*title-id*/}`, keeps that id as
    its anchor: `## Title {#title-id}` (the attr_list syntax).
    """
    out: list[str] = []
    for segment in split_code(text):
        chunk = text[segment.start : segment.end]
        if not segment.code and "{" in chunk:
            chunk = _HEADING_ID.sub(lambda m: f"{m['head']} {{#{m['id']}}}", chunk)
            chunk = _JSX_COMMENT.sub(lambda m: _blank(m[0]), chunk)
            chunk = _SPACE_EXPRESSION.sub(" ", chunk)
        out.append(chunk)
    return "".join(out)


@dataclass
class _FenceMeta:
    lang: str = ""
    title: str | None = None
    lines: list[str] = field(default_factory=list)
    numbers: bool = False


def _read_info(info: str) -> _FenceMeta:
    meta = _FenceMeta()
    ranges = _LINE_RANGES.search(info)
    if ranges:
        meta.lines = [r.strip() for r in ranges[1].split(",") if r.strip()]
        info = info[: ranges.start()] + " " + info[ranges.end() :]
    try:
        tokens = shlex.split(info)
    except ValueError:
        tokens = info.split()
    for index, token in enumerate(tokens):
        key, _, value = token.partition("=")
        if index == 0 and not _ and not token.startswith("{"):
            meta.lang = token
        elif key in ("title", "filename", "file") and _:
            meta.title = value
        elif key in ("showLineNumbers", "linenums", "lineNumbers"):
            meta.numbers = True
        elif not _ and ("/" in token or "." in token) and meta.title is None:
            meta.title = token  # Sandpack's ```js src/App.js
    return meta


def normalize_fences(text: str, *, superfences: bool) -> str:
    """Rewrite fence info strings written for MDX highlighters so the fence still opens.

    ```` ```jsx {19-23} ````, ```` ```ts title="x" ````, ```` ```js src/App.js hidden ````
    and `showLineNumbers` become SuperFences options (`hl_lines`, `title`,
    `linenums`) when the site uses SuperFences, else just the language. A fence
    whose info string is only a language is left as it is.
    """
    out: list[str] = []
    cursor = 0
    for segment in split_blocks(text):
        if not segment.code:
            continue
        match = _FENCE.match(text, segment.start)
        if match is None or (len(match["info"].split()) <= 1 and "{" not in match["info"]):
            continue
        meta = _read_info(match["info"].strip())
        options = [meta.lang] if meta.lang else []
        if superfences:
            if meta.title:
                options.append(f'title="{meta.title.replace(chr(34), "")}"')
            if meta.lines:
                options.append(f'hl_lines="{" ".join(meta.lines)}"')
            if meta.numbers:
                options.append('linenums="1"')
        out.append(text[cursor : match.start("info")])
        out.append(" ".join(options))
        cursor = match.end("info")
    out.append(text[cursor:])
    return "".join(out)


# Run over "\n" + text: a literal "\n" is found with memchr, while a MULTILINE "^"
# is tried at every offset.
_HAS_ESM = re.compile(r"\n(?:import|export)\b")
_HAS_JSX_EXPRESSION = re.compile(r"\{\s*(?:/\*|\"|')")
_HAS_FENCE_META = re.compile(r"\n[ \t]*(?:`{3,}|~{3,})[^\n]*?(?:\S[ \t]+\S|\{)")


def clean_mdx(text: str, *, superfences: bool) -> str:
    """A post body without ESM, JSX comments and MDX fence meta; same line count.

    Each step runs only where a quick search finds something for it to do: most
    posts have no ESM, no JSX comments and no fence meta.
    """
    if _HAS_ESM.search("\n" + text):
        text, _ = strip_esm(text)
    if "{" in text and _HAS_JSX_EXPRESSION.search(text):
        text = remove_jsx_comments(text)
    if _HAS_FENCE_META.search("\n" + text):
        text = normalize_fences(text, superfences=superfences)
    return text
