"""The plugin's options, as written under `plugins: - blogposts:` in `mkdocs.yml`."""

from __future__ import annotations

from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c

from .dialect.components import DEFAULT_COMPONENTS, ComponentSpec, parse_spec
from .dialect.excerpt_source import DEFAULT_SEPARATORS
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


class _Components(c.Type[dict]):  # type: ignore[type-arg]
    """Component name -> spec (`img`, `admonition note`, `youtube`, `unwrap`, `drop`...)."""

    def __init__(self) -> None:
        super().__init__(dict, default={})

    def run_validation(self, value: object) -> dict[str, str]:
        mapping = super().run_validation(value)
        for name, spec in mapping.items():
            if not isinstance(name, str) or not (name[:1].isupper() or "." in name):
                raise base.ValidationError(
                    f"{name!r} is not a component name; components start with a capital "
                    "letter (Image) or have a dot (C.Counter)"
                )
            try:
                parse_spec(str(spec))
            except ValueError as e:
                raise base.ValidationError(f"{name}: {e}") from e
        return {str(k): str(v) for k, v in mapping.items()}


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

    image_fallbacks = c.ListOfItems(c.Type(str), default=[])
    """Folders, from the site root, where an image named without a folder
    (`image-2.png`) is looked up when it is not next to the post; `{slug}` stands for
    the post's slug. The seed's blog kept them in `blog/images/{slug}`."""

    components = _Components()
    """What MDX components become: name -> an HTML element (`img`), `admonition TYPE`,
    `youtube`, `vimeo`, `tweet`, `unwrap` or `drop`. Added to the defaults."""

    words_per_minute = _PositiveInt(230)
    """Reading speed for the reading time shown on posts and listings."""

    excerpt_separators = c.ListOfItems(c.Type(str), default=list(DEFAULT_SEPARATORS))
    """Markers that end a post's excerpt when its front matter has no `excerpt`."""

    locale = c.Optional(_Locale())
    """Language for dates; defaults to the theme's `language` (or `locale`), else English."""

    posts_per_page = _PositiveInt(10)
    """Posts on each page of the index, of each tag and of each author; page N of the
    index is at `<blog_dir>/page/N/`."""

    related_posts = c.Type(int, default=3)
    """How many related posts (most shared tags, then newest) each post lists; 0 for none."""

    series_from_titles = c.Type(bool, default=False)
    """Also make a series of posts whose titles share a stem followed by `Part N`
    (`, Part 2`, `(Part 2)`, `— Part 2`). Posts with a `series` field always form one."""

    authors_file = c.Type(str, default=".authors.yml")
    """The authors file (Material's `.authors.yml` format), relative to `blog_dir`."""

    feeds = c.Type(bool, default=True)
    """Write RSS 2.0, Atom 1.0 and JSON Feed 1.1 feeds (needs `site_url`)."""

    feed_limit = _PositiveInt(20)
    """How many of the newest posts each feed holds."""

    feed_content = c.Choice(("full", "excerpt"), default="full")
    """What each feed item holds: the post's full HTML or only its excerpt."""

    tag_feeds = c.Type(bool, default=False)
    """Also write the three feeds for every tag, beside its page."""

    publish_future = c.Type(bool, default=False)
    """Publish posts dated in the future in `mkdocs build`; they always show in `serve`."""

    draft_in_serve = c.Type(bool, default=True)
    """Show `draft: true` posts, marked as drafts, during `mkdocs serve`. They are never
    part of `mkdocs build`."""

    def component_specs(self) -> dict[str, ComponentSpec]:
        """What every component name becomes: the defaults with this site's mapping on top."""
        return {
            name: parse_spec(spec)
            for name, spec in {**DEFAULT_COMPONENTS, **self.components}.items()
        }

    def theme_locale(self, theme: Any) -> str:
        """The locale to use: this plugin's option, else the theme's language."""
        if self.locale:
            return self.locale
        for key in ("language", "locale"):
            value = theme.get(key) if theme is not None else None
            if value:
                return str(value)
        return "en"
