"""The plugin's options, as written under `plugins: - blogposts:` in `mkdocs.yml`."""

from __future__ import annotations

from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c

from .excerpts import DEFAULT_SEPARATORS
from .rendering import parse_locale

__all__ = ["BlogpostsConfig"]


class _BlogDir(c.Type[str]):
    """A folder inside `docs_dir`, written relative to it without `..`."""

    def __init__(self, default: str) -> None:
        super().__init__(str, default=default)

    def run_validation(self, value: object) -> str:
        text = super().run_validation(value).strip().strip("/")
        if not text or text == "." or ".." in text.split("/") or "\\" in text:
            raise base.ValidationError(
                f"'{value}' is not a folder inside docs_dir; write it like 'blog' or 'writing'"
            )
        return text


class _Locale(c.Type[str]):
    """A locale name Babel knows, such as `en`, `de` or `pt-BR`."""

    def __init__(self) -> None:
        super().__init__(str)

    def run_validation(self, value: object) -> str:
        text = super().run_validation(value)
        try:
            parse_locale(text)
        except ValueError as e:
            raise base.ValidationError(f"{e}; use a language code such as 'en' or 'de'") from e
        return text


class _PositiveInt(c.Type[int]):
    def __init__(self, default: int) -> None:
        super().__init__(int, default=default)

    def run_validation(self, value: object) -> int:
        number = super().run_validation(value)
        if number < 1:
            raise base.ValidationError(f"must be a whole number of at least 1, not {number}")
        return number


class BlogpostsConfig(base.Config):  # type: ignore[no-untyped-call]  # MkDocs is untyped there
    """Options of the `blogposts` plugin."""

    blog_dir = _BlogDir("blog")
    """The folder under `docs_dir` that holds the posts; its `index.md` is the blog's index."""

    public_dir = c.Optional(c.Dir(exists=True))
    """A folder, relative to `mkdocs.yml`, whose files are served from the site root
    (Next.js `public/`). Images posts name as `/img/x.webp` are looked up here after
    `docs_dir`, and only the files posts use are copied into the site."""

    words_per_minute = _PositiveInt(230)
    """Reading speed for the reading time shown on posts and listings."""

    excerpt_separators = c.ListOfItems(c.Type(str), default=list(DEFAULT_SEPARATORS))
    """Markers that end a post's excerpt when its front matter has no `excerpt`."""

    locale = c.Optional(_Locale())
    """Language for dates; defaults to the theme's `language` (or `locale`), else English."""

    draft_in_serve = c.Type(bool, default=True)
    """Show `draft: true` posts, marked as drafts, during `mkdocs serve`. They are never
    part of `mkdocs build`."""

    def theme_locale(self, theme: Any) -> str:
        """The locale to use: this plugin's option, else the theme's language."""
        if self.locale:
            return self.locale
        for key in ("language", "locale"):
            value = theme.get(key) if theme is not None else None
            if value:
                return str(value)
        return "en"
