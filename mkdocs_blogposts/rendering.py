"""Rendering the plugin's HTML fragments from Jinja templates a theme can override.

Templates get views: plain data whose strings are raw (every template escapes them)
and whose URLs are already relative to the page being rendered.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass, field
from importlib import resources
from typing import TYPE_CHECKING

from babel import Locale, UnknownLocaleError
from babel.dates import format_date
from mkdocs.utils import get_relative_url

from .labels import labels_for

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable

    import jinja2

    from .dates import PostDate
    from .listings import BlogIndex, Listing
    from .posts import Post

__all__ = ["EntryView", "FragmentMemo", "Renderer", "parse_locale", "template_state"]

_TEMPLATES = str(resources.files("mkdocs_blogposts") / "templates")


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
class LinkView:
    """A name and a URL relative to the page."""

    name: str
    url: str


@dataclass(frozen=True)
class AuthorView:
    """An author as shown on posts and listings."""

    name: str
    url: str
    avatar: str | None = None
    description: str | None = None


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
    scheduled: bool = False
    tags: list[LinkView] = field(default_factory=list)
    authors: list[AuthorView] = field(default_factory=list)


@dataclass(frozen=True)
class PartView:
    """One part of a series, in the series box."""

    number: int
    title: str
    url: str
    current: bool


@dataclass(frozen=True)
class SeriesView:
    """The series box on a post."""

    name: str
    url: str
    current: int
    parts: list[PartView]
    previous: PartView | None
    next: PartView | None


@dataclass(frozen=True)
class PlaceView:
    """Which page of its listing a listing page is."""

    number: int
    total: int


class FragmentMemo:
    """Rendered fragments kept from one `mkdocs serve` rebuild to the next.

    A rebuild renders every post's header and footer and every listing page again,
    though an edit changes few of them. A fragment is keyed by its template and the
    repr of the views it is given: frozen dataclasses of strings, numbers and lists,
    whose repr is their content. The memo starts empty whenever the fingerprint given
    to `begin` (templates and labels) differs from the last one; after `end` it holds
    only the fragments the last build used, so it never outgrows one build.
    """

    def __init__(self) -> None:
        """An empty memo."""
        self._kept: dict[str, str] = {}
        self._used: dict[str, str] = {}
        self._fingerprint: object = None

    def begin(self, fingerprint: object) -> None:
        """Start a build whose templates and labels are summed up by `fingerprint`."""
        self._kept = self._used if fingerprint == self._fingerprint else {}
        self._used = {}
        self._fingerprint = fingerprint

    def end(self) -> None:
        """Finish a build: what it did not use is dropped."""
        self._kept = {}

    def get(self, key: str, render: Callable[[], str]) -> str:
        """The fragment for `key`, kept from the last build or rendered now."""
        html = self._used.get(key)
        if html is None:
            html = self._kept.get(key)
            if html is None:
                html = render()
            self._used[key] = html
        return html


def template_state(theme_dirs: list[str], custom_dir: str | None) -> tuple[object, ...]:
    """What the plugin's fragments may be rendered from, as it is now.

    The theme's folders, and each file's path, size and mtime in `custom_dir` and in
    the plugin's own templates: the folders a user (or a developer of the plugin)
    edits while `mkdocs serve` runs. Installed themes do not change under it.
    """
    files = []
    for top in (custom_dir, _TEMPLATES):
        if not top:
            continue
        for root, _, names in os.walk(top):
            for name in names:
                path = os.path.join(root, name)
                with contextlib.suppress(OSError):  # removed while we looked
                    stat = os.stat(path)
                    files.append((path, stat.st_size, stat.st_mtime_ns))
    return (tuple(theme_dirs), tuple(sorted(files)))


class Renderer:
    """Renders post headers, post footers and listings with the theme's Jinja environment."""

    def __init__(
        self,
        env: jinja2.Environment,
        locale: Locale,
        url_of: Callable[[str], str],
        labels: dict[str, str] | None = None,
        memo: FragmentMemo | None = None,
    ) -> None:
        """Keep what rendering needs.

        Args:
            env: The theme's environment (its loader sees `custom_dir` first).
            locale: The language of dates.
            url_of: Given the Markdown path of a page, its URL from the site root.
            labels: The words templates show; by default those of the locale's language.
            memo: Fragments kept across serve rebuilds; the caller has begun its build.
        """
        self.env = env
        self.locale = locale
        self.url_of = url_of
        self.labels = labels or labels_for(locale)
        self.memo = memo
        # Babel takes ~20 us a date; a post's date is shown on several pages.
        self._dates: dict[dt.date, str] = {}
        self._templates: dict[str, jinja2.Template] = {}

    def date_text(self, date: PostDate | None) -> str | None:
        """A date in the locale's long form, e.g. `April 6, 2023`."""
        if date is None:
            return None
        text = self._dates.get(date.day)
        if text is None:
            text = self._dates[date.day] = format_date(date.day, "long", locale=self.locale)
        return text

    def _link(self, src_uri: str, page_url: str) -> str:
        return get_relative_url(self.url_of(src_uri), page_url)

    def view(
        self,
        post: Post,
        page_url: str,
        excerpt_html: str = "",
        index: BlogIndex | None = None,
    ) -> EntryView:
        """The template's view of a post, with its URLs relative to `page_url`."""
        fields = post.parsed.fields
        tags: list[LinkView] = []
        authors: list[AuthorView] = []
        if index is not None:
            tags = [LinkView(t, self._link(index.tag_uri(t), page_url)) for t in fields.tags]
            authors = [
                AuthorView(a.name, self._link(index.author_uri(a), page_url), a.avatar)
                for a in index.authors_of(post)
            ]
        return EntryView(
            title=post.parsed.title,
            subtitle=fields.subtitle,
            url=get_relative_url(post.site_path, page_url),
            date_iso=fields.date.iso if fields.date else None,
            date_text=self.date_text(fields.date),
            reading_minutes=post.reading_minutes,
            draft=post.draft,
            scheduled=post.scheduled,
            excerpt_html=excerpt_html,
            tags=tags,
            authors=authors,
        )

    def _template(self, name: str) -> jinja2.Template:
        template = self._templates.get(name)
        if template is None:
            template = self._templates[name] = self.env.get_template(name)
        return template

    def _render(self, template: str, key: tuple[object, ...], **context: object) -> str:
        """Render `template`; `key` holds everything in `context` it can show."""

        def render() -> str:
            return self._template(template).render(labels=self.labels, **context)

        if self.memo is None:
            return render()
        return self.memo.get(f"{template}\0{key!r}", render)

    def post_header(
        self, post: Post, index: BlogIndex | None = None, view: EntryView | None = None
    ) -> str:
        """The header of a post's page: title, subtitle, authors, date, reading time.

        `view` is the post's own view on its page, when the caller has it already.
        """
        view = view or self.view(post, post.site_path, index=index)
        return self._render("blogposts/post-header.html", (view,), post=view)

    def series_box(self, post: Post, index: BlogIndex) -> str:
        """The box listing every part of the post's series, or nothing."""
        series = index.series_of(post)
        if series is None:
            return ""
        here = post.site_path
        parts = [
            PartView(n, p.parsed.title, get_relative_url(p.site_path, here), p is post)
            for n, p in enumerate(series.parts, 1)
        ]
        current = next(part.number for part in parts if part.current)
        view = SeriesView(
            name=series.name,
            url=self._link(index.series_uri(series.key), here),
            current=current,
            parts=parts,
            previous=parts[current - 2] if current > 1 else None,
            next=parts[current] if current < len(parts) else None,
        )
        return self._render("blogposts/series.html", (view,), series=view, total=len(parts))

    def post_footer(self, post: Post, index: BlogIndex, view: EntryView | None = None) -> str:
        """Tags, the newer and older posts, and related posts, under a post."""
        here = post.site_path
        newer, older = index.neighbours.get(id(post), (None, None))
        context = {
            "post": view or self.view(post, here, index=index),
            "newer": self.view(newer, here) if newer else None,
            "older": self.view(older, here) if older else None,
            "related": [self.view(p, here) for p in index.related.get(id(post), [])],
        }
        return self._render("blogposts/post-footer.html", tuple(context.values()), **context)

    def listing(
        self,
        entries: list[EntryView],
        *,
        page_url: str = "",
        listing: Listing | None = None,
    ) -> str:
        """A list of posts, or of groups, with the pagination links of its page."""
        newer = older = None
        groups: list[tuple[LinkView, int]] = []
        author = None
        if listing is not None:
            if listing.paged is not None:
                newer = self._link(listing.paged.newer, page_url) if listing.paged.newer else None
                older = self._link(listing.paged.older, page_url) if listing.paged.older else None
            groups = [
                (LinkView(g.name, self._link(g.src_uri, page_url)), g.count) for g in listing.groups
            ]
            if listing.author is not None:
                a = listing.author
                author = AuthorView(a.name, a.url or "", a.avatar, a.description)
        paged = listing.paged if listing else None
        place = PlaceView(paged.number, paged.total) if paged else None
        compact = bool(listing and listing.compact)
        return self._render(
            "blogposts/listing.html",
            (entries, place, newer, older, groups, author, compact),
            entries=entries,
            paged=place,
            newer=newer,
            older=older,
            groups=groups,
            author=author,
            compact=compact,
        )
