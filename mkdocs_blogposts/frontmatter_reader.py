"""Reading a post file: bytes to text, front matter to a mapping, errors with lines.

python-frontmatter splits the file; the YAML is loaded with a safe loader that keeps
timestamps as text, so that every date goes through `dates.parse_date` and an
impossible one gets our message and its line instead of a PyYAML `ValueError`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml
from frontmatter.default_handlers import YAMLHandler

from .errors import PostError

__all__ = ["SourceText", "decode", "key_line", "split"]

_BASE_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_TIMESTAMP = "tag:yaml.org,2002:timestamp"


class _Loader(_BASE_LOADER):  # type: ignore[valid-type,misc]
    """Safe YAML, with dates and times left as strings for `dates.parse_date`."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != _TIMESTAMP]
    for first, resolvers in _BASE_LOADER.yaml_implicit_resolvers.items()
}

_HANDLER = YAMLHandler()

_BOUNDARY = re.compile(r"^-{3,}[ \t]*\r?$", re.MULTILINE)


@dataclass(frozen=True)
class SourceText:
    """A post file split into its front matter and body."""

    meta: dict[str, Any]
    """The front matter as YAML gave it (empty when the file has none)."""
    front_matter: str
    """The front matter's text, to find the line of a key."""
    front_matter_line: int
    """The file line of the front matter's first line (2 when it opens the file)."""
    body: str
    """Everything after the closing `---`."""
    body_line: int
    """The file line on which `body` starts."""


def decode(data: bytes, path: str) -> str:
    """Decode a post as UTF-8, dropping a byte-order mark.

    Raises:
        PostError: The bytes are not UTF-8; the message gives the line of the first bad byte.
    """
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        raise PostError(
            path,
            line,
            f"the file is not valid UTF-8 (byte 0x{data[e.start]:02x} at offset {e.start}); "
            "save it as UTF-8",
        ) from None


_MAX_VALUES = 10_000


def _refuse_alias_bombs(meta: Any, path: str) -> None:
    """Refuse front matter whose aliases expand it past `_MAX_VALUES` values, or loop.

    YAML loads `*alias` as a second reference to the same object, so a 400-byte
    front matter can stand for millions of strings; anything that walks it (escaping,
    feeds) would then take forever. Sizes are counted once per shared object.
    """
    sizes: dict[int, int] = {}
    open_: set[int] = set()

    def size(value: Any) -> int:
        if not isinstance(value, list | dict):
            return 1
        key = id(value)
        if key in sizes:
            return sizes[key]
        if key in open_:
            raise PostError(
                path,
                2,
                "the front matter refers to itself through a YAML alias; "
                "write the values out instead of using &anchors and *aliases",
            )
        open_.add(key)
        children = value.values() if isinstance(value, dict) else value
        total = 1
        for child in children:
            total += size(child)
            if total > _MAX_VALUES:
                raise PostError(
                    path,
                    2,
                    f"the front matter expands to more than {_MAX_VALUES:,} values through "
                    "YAML aliases (&anchor / *alias); write the values out",
                )
        open_.discard(key)
        sizes[key] = total
        return total

    size(meta)


def key_line(source: SourceText, key: str) -> int | None:
    """The file line where a top-level front-matter key is written, if it can be found."""
    # The keys of an `export const metadata = {...}` object are indented; YAML's
    # top-level keys are not, and an indented one belongs to another mapping.
    indent = r"[ \t]*" if source.front_matter.startswith("export") else ""
    pattern = rf"^{indent}{re.escape(key)}[ \t]*:"
    match = re.search(pattern, source.front_matter, re.MULTILINE)
    if match is None:
        return None
    return source.front_matter_line + source.front_matter.count("\n", 0, match.start())


def split(text: str, path: str) -> SourceText:
    """Split a post's text into front matter and body and load the YAML.

    Raises:
        PostError: The front matter is never closed, is not valid YAML, or is not a mapping.
    """
    if not _HANDLER.detect(text):
        return SourceText({}, "", 1, text, 1)
    first_newline = text.find("\n")
    if first_newline == -1 or not _BOUNDARY.search(text, first_newline + 1):
        raise PostError(
            path,
            1,
            "the front matter opened on line 1 is never closed; add a line '---' after it",
        )
    front_matter, body = _HANDLER.split(text)
    body_offset = len(text) - len(body)
    body_line = text.count("\n", 0, body_offset) + 1
    try:
        meta = _HANDLER.load(front_matter, Loader=_Loader)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        # The split leaves the YAML starting with the newline that ends the opening
        # '---', so YAML line n is file line n + 1.
        line = mark.line + 1 if mark is not None else None
        problem = e.problem or e.context or "invalid YAML"
        raise PostError(
            path,
            line,
            f"the front matter is not valid YAML ({problem}); check the quoting on this line "
            "(values containing ': ' or ' #' must be quoted)",
        ) from None
    except yaml.YAMLError as e:
        raise PostError(path, 1, f"the front matter is not valid YAML ({e})") from None
    if meta is None:
        meta = {}
    if "*" in front_matter:
        _refuse_alias_bombs(meta, path)
    if not isinstance(meta, dict):
        raise PostError(
            path,
            2,
            f"the front matter must be 'key: value' lines, but it is a {type(meta).__name__}",
        )
    return SourceText(meta, front_matter.split("\n", 1)[-1], 2, body, body_line)
