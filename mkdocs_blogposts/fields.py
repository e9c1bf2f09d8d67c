"""The front-matter fields a post may have, under their own names and other blogs' names."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .dates import PostDate, parse_date
from .errors import DateError, Diagnostic, PostError
from .frontmatter_reader import key_line
from .images import unsafe_scheme

if TYPE_CHECKING:
    from .frontmatter_reader import SourceText

__all__ = ["ALIASES", "PostFields", "read_fields"]

ALIASES: dict[str, tuple[str, ...]] = {
    "excerpt": ("description", "summary", "spoiler"),
    "date": ("pubDate", "publishDate", "published"),
    "updated": ("lastmod", "updatedDate", "lastModified", "modified"),
    "image": ("coverImage", "heroImage", "cover"),
    "authors": ("author",),
    "part": ("series_part", "seriesPart"),
}
"""For each field, the names other blog systems give it, tried in this order after its own."""

_SLUG_CHARS = re.compile(r"[^\w.~-]+")


@dataclass(frozen=True)
class PostFields:
    """A post's front matter, checked and normalised."""

    title: str | None
    subtitle: str | None
    date: PostDate | None
    updated: PostDate | None
    excerpt: str | None
    draft: bool
    tags: tuple[str, ...]
    authors: tuple[str, ...]
    slug: str | None
    image: str | None
    series: str | None = None
    """The name of the series the post belongs to."""
    part: int | None = None
    """Its place in the series."""


def _lookup(meta: dict[str, Any], field: str) -> tuple[str, Any] | None:
    for name in (field, *ALIASES.get(field, ())):
        if name in meta and meta[name] is not None:
            return name, meta[name]
    return None


class _Reader:
    def __init__(self, source: SourceText, path: str) -> None:
        self.source = source
        self.path = path

    def fail(self, key: str, message: str) -> PostError:
        return PostError(self.path, key_line(self.source, key), message)

    def text(self, field: str) -> str | None:
        found = _lookup(self.source.meta, field)
        if found is None:
            return None
        key, value = found
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            raise self.fail(
                key,
                f"'{key}' must be text, not {_kind(value)}; write it as {key}: \"...\"",
            )
        return str(value).strip() or None

    def date(self, field: str) -> PostDate | None:
        found = _lookup(self.source.meta, field)
        if found is None:
            return None
        key, value = found
        try:
            return parse_date(value)
        except DateError as e:
            raise self.fail(key, f"'{key}': {e}") from None

    def flag(self, field: str) -> bool:
        found = _lookup(self.source.meta, field)
        if found is None:
            return False
        key, value = found
        if not isinstance(value, bool):
            raise self.fail(key, f"'{key}' must be true or false, not {value!r}")
        return value

    def names(self, field: str) -> tuple[str, ...]:
        found = _lookup(self.source.meta, field)
        if found is None:
            return ()
        key, value = found
        items = value if isinstance(value, list) else [value]
        names: list[str] = []
        for item in items:
            if isinstance(item, dict) and isinstance(item.get("name"), str):
                item = item["name"]  # blog-starter's `author: {name, picture}`
            if isinstance(item, bool) or not isinstance(item, str | int | float):
                raise self.fail(
                    key,
                    f"'{key}' must be a name or a list of names, but holds {_kind(item)}",
                )
            if name := str(item).strip():
                names.append(name)
        return tuple(dict.fromkeys(names))

    def number(self, field: str) -> int | None:
        found = _lookup(self.source.meta, field)
        if found is None:
            return None
        key, value = found
        if isinstance(value, bool) or not isinstance(value, int | str) or not str(value).isdigit():
            raise self.fail(key, f"'{key}' must be a whole number such as 2, not {value!r}")
        return int(value)

    def image(self) -> str | None:
        found = _lookup(self.source.meta, "image")
        if found is None:
            return None
        key, value = found
        if isinstance(value, dict):  # `ogImage: {url: ...}` and similar
            value = value.get("url") or value.get("src")
        if not isinstance(value, str):
            raise self.fail(key, f"'{key}' must be an image path or URL, not {_kind(value)}")
        if scheme := unsafe_scheme(value):
            raise self.fail(
                key,
                f"'{key}' is a {scheme}: URL, which is never published; use a path or an "
                "https:// URL",
            )
        return value.strip() or None

    def slug(self) -> str | None:
        value = self.text("slug")
        if value is None:
            return None
        slug = _SLUG_CHARS.sub("-", value).strip("-.")
        if not slug or "/" in value or ".." in value:
            raise self.fail(
                "slug",
                f"'slug: {value}' cannot be a URL segment; use letters, digits and dashes",
            )
        return slug


def _kind(value: object) -> str:
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    return f"a {type(value).__name__}"


def read_fields(source: SourceText, path: str) -> tuple[PostFields, list[Diagnostic]]:
    """Check and normalise the front matter of one post.

    Args:
        source: The split file.
        path: The file's name for messages.

    Returns:
        The fields, and warnings about what is missing but not fatal.

    Raises:
        PostError: A field has the wrong type or an impossible value.
    """
    read = _Reader(source, path)
    fields = PostFields(
        title=read.text("title"),
        subtitle=read.text("subtitle"),
        date=read.date("date"),
        updated=read.date("updated"),
        excerpt=read.text("excerpt"),
        draft=read.flag("draft"),
        # Material and Hugo posts have categories too; here they are tags.
        tags=tuple(dict.fromkeys(read.names("tags") + read.names("categories"))),
        authors=read.names("authors"),
        slug=read.slug(),
        image=read.image(),
        series=read.text("series"),
        part=read.number("part"),
    )
    warnings = []
    if fields.date is None:
        warnings.append(
            Diagnostic(
                path,
                None,
                "the post has no 'date'; it is listed last. Add date: \"YYYY-MM-DD\" "
                "to its front matter",
            )
        )
    return fields, warnings
