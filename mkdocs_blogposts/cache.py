"""Reading and preparing posts, once per build, and once per edit in `mkdocs serve`.

A `PostCache` owns the two costly steps of a post: parsing the file and preparing
its page's Markdown. Both are given to it (the real ones by default), so a test can
count what runs. With `keep` it holds their results between `mkdocs serve` rebuilds
as plain data, keyed by the file's path: a parse by the file's size and modification
time, a prepared post by the parse it came from, where it is published and what
each of its image lookups answered. In a build it keeps nothing.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from .posts import prepare_post
from .reading import parse_post

if TYPE_CHECKING:
    from collections.abc import Callable

    from .errors import Diagnostic
    from .posts import Dialect, Post
    from .reading import ParsedPost

    Parse = Callable[[bytes, str, str], ParsedPost]
    Prepare = Callable[..., Post]
    Lookup = Callable[[str, int], tuple[str | None, Diagnostic | None]]
    """Given a URL of the post and its line: the URL to write instead (or None to keep
    it), and a warning when the file it names was not found."""

__all__ = ["PostCache", "Where"]


@dataclass(frozen=True)
class Where:
    """Where a post is published: what its prepared Markdown depends on besides its file."""

    page_src_uri: str
    site_path: str
    dialect: Dialect


@dataclass(frozen=True)
class _Prepared:
    parsed: ParsedPost
    where: Where
    lookups: tuple[tuple[int, str, int, str | None], ...]
    """Each lookup: (0 for raw HTML or 1 for Markdown, URL, line, answer)."""
    post: Post
    """As `prepare` returned it: its own warnings only."""


class PostCache:
    """Parses and prepares posts; with `keep`, reuses what an edit did not change."""

    def __init__(
        self, parse: Parse = parse_post, prepare: Prepare = prepare_post, *, keep: bool = False
    ) -> None:
        """Use `parse` and `prepare` for the two steps; `keep` results between builds."""
        self.parse = parse
        self.prepare = prepare
        self.keep = keep
        self._parsed: dict[str, tuple[tuple[int, int], ParsedPost]] = {}
        self._prepared: dict[str, _Prepared] = {}

    def read(self, path: str, src_uri: str, display: str) -> ParsedPost:
        """The parsed post in the file at `path`.

        Raises:
            PostError: The file cannot be published as written.
            OSError: The file cannot be read.
        """
        stat = os.stat(path)
        key = (stat.st_size, stat.st_mtime_ns)
        cached = self._parsed.get(path)
        if cached is not None and cached[0] == key:
            return cached[1]
        with open(path, "rb") as f:
            parsed = self.parse(f.read(), src_uri, display)
        if self.keep:
            self._parsed[path] = (key, parsed)
        return parsed

    def prepared(
        self,
        path: str,
        parsed: ParsedPost,
        where: Where,
        resolve_url: Lookup,
        resolve_image: Lookup,
    ) -> Post:
        """The post's page Markdown, with every warning about it, parse to lookups.

        A kept post is reused when it came from the same parse and the same place and
        its image lookups give the same answers again (an image added since changes
        one): only the lookups run again.
        """
        lookups = (resolve_url, resolve_image)
        warnings: list[Diagnostic] = []
        cached = self._prepared.get(path)
        if cached is not None and cached.parsed is parsed and cached.where == where:
            answers = [lookups[which](url, line) for which, url, line, _ in cached.lookups]
            if all(a[0] == c[3] for a, c in zip(answers, cached.lookups, strict=True)):
                warnings = [warning for _, warning in answers if warning is not None]
                return self._with_warnings(parsed, cached.post, warnings)
        recorded: list[tuple[int, str, int, str | None]] = []

        def recording(which: int) -> Callable[[str, int], str | None]:
            def lookup(url: str, line: int) -> str | None:
                answer, warning = lookups[which](url, line)
                recorded.append((which, url, line, answer))
                if warning is not None:
                    warnings.append(warning)
                return answer

            return lookup

        post = self.prepare(
            parsed,
            where.page_src_uri,
            where.site_path,
            dialect=where.dialect,
            resolve_url=recording(0),
            resolve_image=recording(1),
        )
        if self.keep:
            self._prepared[path] = _Prepared(parsed, where, tuple(recorded), post)
        else:
            # A build needs the body no more: dropping it saves a copy of every post.
            post = replace(post, parsed=replace(parsed, body=""))
        return self._with_warnings(parsed, post, warnings)

    @staticmethod
    def _with_warnings(parsed: ParsedPost, post: Post, lookups: list[Diagnostic]) -> Post:
        return replace(post, warnings=[*parsed.warnings, *lookups, *post.warnings])

    def keep_only(self, paths: set[str]) -> None:
        """Forget the posts not at `paths`: deleted or renamed since the last build."""
        for path in self._parsed.keys() - paths:
            del self._parsed[path]
        for path in self._prepared.keys() - paths:
            del self._prepared[path]
