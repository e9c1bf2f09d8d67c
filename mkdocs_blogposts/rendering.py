"""Rendering the plugin's HTML fragments from Jinja templates a theme can override."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from babel import Locale, UnknownLocaleError
from babel.dates import format_date
from mkdocs.utils import get_relative_url

if TYPE_CHECKING:
    import jinja2

    from .blog import Post
    from .dates import PostDate

__all__ = ["EntryView", "Renderer", "parse_locale"]


def parse_locale(name: str) -> Locale:
    """A Babel locale from a name such as `en`, `pt-BR` or `zh_Hans`.

    Raises:
        ValueError: Babel knows no such locale.
    """
    try:
        return Locale.parse(name.replace("-", "_"))
    except (UnknownLocaleError, ValueError) as e:
        raise ValueError(f"unknown locale {name!r}") from e


@dataclass(frozen=True)
class EntryView:
    """What a template sees of one post; every string is raw and escaped by the template."""

    title: str
    subtitle: str | None
    url: str
    """Relative to the page being rendered."""
    date_iso: str | None
    date_text: str | None
    reading_minutes: int
    draft: bool
    excerpt_html: str
    """Already HTML (escaped text, or rendered Markdown); inserted as it is."""


class Renderer:
    """Renders post headers and listings with the theme's Jinja environment."""

    def __init__(self, env: jinja2.Environment, locale: Locale) -> None:
        """Keep the environment (its loader sees `custom_dir` first) and the locale."""
        self.env = env
        self.locale = locale

    def date_text(self, date: PostDate | None) -> str | None:
        """A date in the locale's long form, e.g. `April 6, 2023`."""
        return None if date is None else format_date(date.day, "long", locale=self.locale)

    def view(self, post: Post, page_url: str, excerpt_html: str = "") -> EntryView:
        """The template's view of a post, with its URL relative to `page_url`."""
        fields = post.parsed.fields
        return EntryView(
            title=post.parsed.title,
            subtitle=fields.subtitle,
            url=get_relative_url(post.site_path, page_url),
            date_iso=fields.date.iso if fields.date else None,
            date_text=self.date_text(fields.date),
            reading_minutes=post.reading_minutes,
            draft=post.draft,
            excerpt_html=excerpt_html,
        )

    def post_header(self, post: Post) -> str:
        """The header of a post's page: title, subtitle, date, reading time."""
        template = self.env.get_template("blogposts/post-header.html")
        return template.render(post=self.view(post, post.site_path))

    def listing(self, entries: list[EntryView]) -> str:
        """The list of posts on an index page."""
        return self.env.get_template("blogposts/listing.html").render(entries=entries)
