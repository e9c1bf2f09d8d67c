"""A post as read from its file, and where it is published.

`parse_post` depends only on the file's bytes, so its result can be cached across
`mkdocs serve` rebuilds keyed by the file's path, size and modification time.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from .dialect.mdx import NotALiteral, metadata_from_exports, strip_esm
from .errors import Diagnostic, EmptyPost, PostError
from .fields import read_fields
from .frontmatter_reader import SourceText, decode, split

if TYPE_CHECKING:
    from .fields import PostFields

__all__ = ["ParsedPost", "is_post_path", "parse_post", "post_dest_uri"]

POST_SUFFIXES = (".md", ".mdx", ".markdown")
_LEADING_H1 = re.compile(r"\A\s*#[ \t]+(?P<title>[^\n]*?)[ \t#]*(?:\n|\Z)")


@dataclass(frozen=True)
class ParsedPost:
    """Everything read from one post file; plain data, safe to keep between builds."""

    src_uri: str
    """The file's path under `docs_dir`, `/`-separated."""
    path: str
    """The file's name for messages."""
    meta: dict[str, Any]
    """The front matter as written, every key kept."""
    fields: PostFields
    """The front matter, checked."""
    title: str
    """The front-matter title, else the body's leading `# heading`, else the file name."""
    body: str
    """The Markdown after the front matter (and after a leading `# heading` used as title)."""
    body_line: int
    """The file line on which `body` starts."""
    warnings: tuple[Diagnostic, ...]
    """Problems that do not stop the build."""


def is_post_path(src_uri: str, blog_dir: str) -> bool:
    """Whether a path under `docs_dir` is a post of a blog kept in `blog_dir`."""
    prefix = blog_dir.strip("/") + "/"
    if not src_uri.startswith(prefix) or not src_uri.endswith(POST_SUFFIXES):
        return False
    rest = src_uri[len(prefix) :]
    return posixpath.splitext(rest)[0] != "index"


def _title_from_name(src_uri: str) -> str:
    stem = posixpath.splitext(posixpath.basename(src_uri))[0]
    if stem in ("index", "README"):
        stem = posixpath.basename(posixpath.dirname(src_uri)) or stem
    words = stem.replace("-", " ").replace("_", " ").strip()
    return words[:1].upper() + words[1:]


def parse_post(data: bytes, src_uri: str, path: str) -> ParsedPost:
    """Read a post file's bytes.

    Args:
        data: The file's content.
        src_uri: Its path under `docs_dir`.
        path: Its name in messages.

    Raises:
        PostError: The file cannot be published as written.
    """
    text = decode(data, path)
    if not text.strip():
        raise EmptyPost(path, None, "the file is empty; write the post or delete the file")
    source = split(text, path)
    if not source.meta and not source.front_matter:
        source = _exported_metadata(source, path)
    fields, warnings = read_fields(source, path)
    if not source.body.strip():
        warnings.append(
            Diagnostic(path, source.body_line, "the post has front matter but no text after it")
        )
    body, body_line = source.body, source.body_line
    title = fields.title
    if title is None and (match := _LEADING_H1.match(body)):
        # A Markdown post whose title is its first heading: that heading becomes the
        # header's <h1> instead of a second one.
        title = match["title"]
        body_line += body.count("\n", 0, match.end())
        body = body[match.end() :]
    return ParsedPost(
        src_uri=src_uri,
        path=path,
        meta=source.meta,
        fields=fields,
        title=title or _title_from_name(src_uri),
        body=body,
        body_line=body_line,
        warnings=tuple(warnings),
    )


def _exported_metadata(source: SourceText, path: str) -> SourceText:
    """A post without YAML front matter may export it: `export const metadata = {...}`."""
    _, statements = strip_esm(source.body)
    try:
        meta = metadata_from_exports(statements)
    except NotALiteral as e:
        statement = next(s for s in statements if "metadata" in s.text.split("=")[0])
        line = source.body_line + source.body.count("\n", 0, statement.offset)
        raise PostError(
            path,
            line,
            f"the metadata export is not plain data ({e}); write its values as literals "
            "or move them into YAML front matter",
        ) from None
    if meta is None:
        return source
    statement = next(s for s in statements if s.text.startswith("export const"))
    line = source.body_line + source.body.count("\n", 0, statement.offset)
    # The statement's text stands in for the YAML, so a field's error names its line.
    return replace(source, meta=meta, front_matter=statement.text, front_matter_line=line)


def post_dest_uri(src_uri: str, slug: str | None, use_directory_urls: bool) -> str:
    """Where a post's HTML goes: its path, with `slug` replacing the last segment.

    `blog/foo.md` -> `blog/foo/index.html`; `blog/foo/index.md` -> `blog/foo/index.html`;
    with `slug: bar`, both -> `blog/bar/index.html`.
    """
    parent, name = posixpath.split(src_uri)
    stem = posixpath.splitext(name)[0]
    if stem in ("index", "README"):
        parent, stem = posixpath.split(parent)
    stem = slug or stem
    if use_directory_urls:
        return posixpath.join(parent, stem, "index.html")
    return posixpath.join(parent, stem + ".html")
