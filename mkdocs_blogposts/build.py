"""One build of a blog: read, place, convert, plan, then render and write.

`BlogBuild` is the pipeline every front end drives: the MkDocs plugin (one per
`mkdocs build` or `serve` rebuild), and the `check` command. It knows the site only
through `SiteInfo` and `SiteFiles`, plain data a front end makes from its own view
of the site, and records every problem as a `Finding` that the front end reports in
its own way: the plugin logs them (and stops a build on errors), `check` lists them.

The steps, in order: `read` (parse each post file once), `place` (give each post its
URL, refusing clashes), `prepare` (convert each post's body, resolve its images and
cover), `plan` (index, listings, feeds). Then, page by page, the front end asks for
a page's Markdown (`page_markdown`), keeps its HTML (`page_content`) and finishes it
(`finish_page`); last, `write_files` writes the feeds and the blog's sitemap.
"""

from __future__ import annotations

import datetime as dt
import os
import posixpath
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urljoin

from mkdocs.utils import get_relative_url

from . import feeds
from .authors import Author, load_authors
from .cache import PostCache, Where
from .errors import Diagnostic, EmptyPost, Finding, PostError
from .escaping import escaped, markdown_text
from .excerpts import ExcerptRenderer, text_excerpt
from .head import Sharing, add_to_head, feed_links, sharing_tags, text_of
from .images import Found, ImageResolver, Missing
from .labels import labels_for
from .latest import find_markers
from .layout import Layout
from .listings import BlogIndex, Listing, build_index, plan_listings
from .placement import content_with_markers, listing_marker, place, place_listing
from .posts import Blog, Dialect, Post, slug_of
from .rendering import EntryView, Renderer, parse_locale
from .taxonomy import slugify

if TYPE_CHECKING:
    from collections.abc import Callable

    import jinja2

    from .config import BlogpostsConfig
    from .reading import ParsedPost
    from .rendering import FragmentMemo

__all__ = ["BlogBuild", "ErrorPage", "Feed", "SiteFiles", "SiteInfo"]


@dataclass(frozen=True)
class SiteInfo:
    """What a build needs to know of the site it is part of."""

    docs_dir: str
    site_dir: str
    config_dir: str
    """Files are named in messages relative to this folder (the one of `mkdocs.yml`)."""
    site_name: str
    site_url: str = ""
    site_description: str = ""
    site_author: str | None = None
    use_directory_urls: bool = True
    locale: str = "en"
    markdown_extensions: list[Any] = field(default_factory=list)
    mdx_configs: dict[str, Any] = field(default_factory=dict)


@dataclass
class SiteFiles:
    """The files of `docs_dir`, as the site publishes them."""

    urls: dict[str, str]
    """Each file's URL from the site root, by its path under `docs_dir`."""
    pages: dict[str, str]
    """The path of each Markdown page, by where its HTML is written (`dest_uri`)."""
    sources: dict[str, str]
    """The absolute path of each file that may be a post, by its path under `docs_dir`."""


@dataclass(frozen=True)
class ErrorPage:
    """In serve, what a post that cannot be read shows where its page would be."""

    src_uri: str
    edit_uri: str
    markdown: str


@dataclass(frozen=True)
class Feed:
    """One set of feeds (every format), in one folder."""

    folder: str
    title: str
    posts: list[Post]


class BlogBuild:
    """The pipeline for one build of one blog, and everything it found."""

    def __init__(
        self,
        options: BlogpostsConfig,
        site: SiteInfo,
        files: SiteFiles,
        *,
        serving: bool = False,
        cache: PostCache | None = None,
        now: dt.datetime | None = None,
    ) -> None:
        """Start a build.

        Args:
            options: The plugin's options.
            site: The site the blog is part of.
            files: The site's files, posts among them.
            serving: Whether this is `mkdocs serve` (drafts show; errors do not stop).
            cache: Parses and prepared posts to reuse; a fresh one keeps nothing.
            now: The build's time, which decides what is in the future.
        """
        self.options = options
        self.site = site
        self.files = files
        self.serving = serving
        self.cache = cache or PostCache()
        self.now = now or dt.datetime.now(dt.timezone.utc)
        self.layout = Layout(options.blog_dir, site.use_directory_urls)
        self.findings: list[Finding] = []
        self._reported = 0
        # Every URL the build links to, by the path it is published from.
        self.urls = dict(files.urls)
        self.dialect = Dialect(
            components=options.component_specs(),
            superfences="pymdownx.superfences" in site.markdown_extensions,
            separators=tuple(options.excerpt_separators),
            words_per_minute=options.words_per_minute,
        )
        self.images = ImageResolver(
            self.urls.get, self._public_dir(), tuple(options.image_fallbacks)
        )
        # read
        self.post_files: list[str] = []
        """Every post file read: they are the blog's, never plain pages."""
        self.error_pages: list[ErrorPage] = []
        self._parsed: list[tuple[str, ParsedPost]] = []
        # place
        self._placed: list[tuple[str, ParsedPost, str]] = []
        # prepare and plan
        self.blog = Blog([])
        self.index = BlogIndex(self.layout, {}, {}, {}, {}, {})
        self.listings: dict[str, Listing] = {}
        self.feeds: list[Feed] = []
        self._covers: dict[str, str] = {}
        # render
        self.renderer: Renderer | None = None
        self._excerpts = ExcerptRenderer(
            site.markdown_extensions,
            site.mdx_configs,
            self._link_target,
            self.images.resolve,
            self.dialect.components,
        )
        self._excerpt_html: dict[str, str] = {}
        self._descriptions: dict[str, str | None] = {}
        # The HTML of the posts whose feed items carry it: only those are kept.
        self._feed_pages: set[str] = set()
        self._post_html: dict[str, str] = {}
        self._feed_items: dict[str, feeds.FeedItem] = {}
        self._feed_links: dict[str, str] = {}

    # -- what was found -----------------------------------------------------------

    def _find(self, severity: str, diagnostic: Diagnostic) -> None:
        self.findings.append(Finding(severity, diagnostic))

    def new_findings(self) -> list[Finding]:
        """The findings since the last call, for a front end that reports step by step."""
        new = self.findings[self._reported :]
        self._reported = len(self.findings)
        return new

    def display(self, path: str) -> str:
        """A file's name in messages: relative to the config's folder where inside it."""
        rel = os.path.relpath(path, self.site.config_dir)
        return path if rel.startswith("..") else rel

    def _public_dir(self) -> str | None:
        public_dir = self.options.public_dir
        return os.path.join(self.site.config_dir, public_dir) if public_dir else None

    # -- read -----------------------------------------------------------------------

    def read(self) -> None:
        """Read every post file once; keep those this build publishes.

        A post that cannot be read is an error; in serve its page shows the error.
        Drafts (and posts dated in the future) are kept only in serve.
        """
        show_unpublished = self.serving and self.options.draft_in_serve
        for src_uri in self.files.sources:
            if not self.layout.is_post(src_uri):
                continue
            path = self.files.sources[src_uri]
            self.post_files.append(src_uri)
            self.urls.pop(src_uri, None)
            try:
                parsed = self.cache.read(path, src_uri, self.display(path))
            except EmptyPost as e:
                self._find("warning", e.diagnostic)  # nothing to publish, nothing lost
                continue
            except PostError as e:
                self._find("error", e.diagnostic)
                if self.serving:
                    self.error_pages.append(_error_page(src_uri, self.layout, str(e)))
                continue
            if (parsed.fields.draft or self._is_future(parsed)) and not show_unpublished:
                continue  # no page, no listing entry, no feed item, no search entry
            self._parsed.append((path, parsed))
        self.cache.keep_only({self.files.sources[s] for s in self.post_files})

    def _is_future(self, parsed: ParsedPost) -> bool:
        date = parsed.fields.date
        return date is not None and date.sort_key > self.now and not self.options.publish_future

    # -- place ----------------------------------------------------------------------

    def place(self) -> None:
        """Give each post its URL; two pages at one URL are an error naming both."""
        posts = set(self.post_files)
        taken = {dest: src for dest, src in self.files.pages.items() if src not in posts}
        parsed_posts, self._parsed = self._parsed, []  # a parse holds the post's body
        for path, parsed in parsed_posts:
            page_src_uri = self.layout.page_src_uri(parsed.src_uri)
            dest = self.layout.post_dest_uri(parsed.src_uri, parsed.fields.slug)
            url = self.layout.url(dest)
            other = taken.get(dest) or (page_src_uri if page_src_uri in self.urls else None)
            if other is not None:
                self._find(
                    "error",
                    Diagnostic(
                        parsed.path,
                        None,
                        f"its URL '{url}' is already taken by '{other}'; give one of them "
                        "another file name or a different 'slug'",
                    ),
                )
                continue  # serve goes on with the first of the two
            taken[dest] = parsed.src_uri
            self.urls[page_src_uri] = url
            self._placed.append((path, parsed, url))

    def dest_uri(self, post: Post) -> str:
        """Where a post's HTML is written."""
        return self.layout.post_dest_uri(post.parsed.src_uri, post.parsed.fields.slug)

    # -- prepare --------------------------------------------------------------------

    def prepare(self) -> None:
        """Convert each placed post; resolve its images and its cover."""
        posts = []
        placed, self._placed = self._placed, []
        for path, parsed, url in placed:
            page_src_uri = self.layout.page_src_uri(parsed.src_uri)
            slug = slug_of(url)
            post = self.cache.prepared(
                path,
                parsed,
                Where(page_src_uri, url, self.dialect),
                self._lookup(parsed, slug, url),
                self._lookup(parsed, slug, None),
            )
            post.scheduled = self._is_future(parsed)
            self._cover(post)
            for warning in sorted(post.warnings, key=lambda w: w.line or 0):
                self._find("warning", warning)
            posts.append(post)
        self.blog = Blog(posts)

    def _lookup(
        self, parsed: ParsedPost, slug: str, page_url: str | None
    ) -> Callable[[str, int], tuple[str | None, Diagnostic | None]]:
        """A URL rewriter for one post's images.

        With `page_url`, for raw HTML: a URL relative to the page, since MkDocs never
        rewrites raw HTML. Without, for Markdown images: a path relative to the post's
        source file, which MkDocs checks and rewrites like any link.
        """

        def lookup(url: str, line: int) -> tuple[str | None, Diagnostic | None]:
            found = self.images.resolve(url, parsed.src_uri, slug)
            if found is None:
                return None, None
            if isinstance(found, Missing):
                message = (
                    f"image '{url}' was not found (looked in {', '.join(found.tried)}); "
                    "add the file or fix the path"
                )
                return None, Diagnostic(parsed.path, line, message)
            if page_url is not None:
                return get_relative_url(quote(found.site_path), page_url) + found.suffix, None
            base = posixpath.dirname(parsed.src_uri)
            return posixpath.relpath(found.site_path, base or ".") + found.suffix, None

        return lookup

    def _cover(self, post: Post) -> None:
        image = post.parsed.fields.image
        if not image:
            return
        cover = self.images.resolve(image, post.parsed.src_uri, post.slug)
        if isinstance(cover, Found):
            self._covers[post.page_src_uri] = quote(cover.site_path) + cover.suffix
        elif cover is None:
            self._covers[post.page_src_uri] = image  # an absolute URL
        else:
            post.warnings.append(
                Diagnostic(
                    post.parsed.path,
                    None,
                    f"the cover image '{image}' was not found (looked in "
                    f"{', '.join(cover.tried)}); add the file or fix the path",
                )
            )

    @property
    def public_files(self) -> dict[str, str]:
        """Site path -> absolute path of every `public_dir` file a post uses."""
        return self.images.public_files

    # -- plan -----------------------------------------------------------------------

    def plan(self) -> None:
        """Plan the index, archive, tag, author and series pages, and the feeds."""
        self.index = build_index(
            self.blog.posts,
            layout=self.layout,
            authors=self._authors(),
            series_from_titles=self.options.series_from_titles,
            related_posts=self.options.related_posts,
        )
        self.listings = plan_listings(
            self.blog.posts,
            self.index,
            per_page=self.options.posts_per_page,
            labels=labels_for(parse_locale(self.site.locale)),
        )
        for src_uri in self.listings:
            self.urls.setdefault(src_uri, self.layout.url(self.layout.dest_uri(src_uri)))
        if self.feeds_on:
            self.feeds = self._plan_feeds()
            if self.options.feed_content != "excerpt":
                self._feed_pages = {p.page_src_uri for feed in self.feeds for p in feed.posts}

    def _authors(self) -> dict[str, Author]:
        path = os.path.join(self.site.docs_dir, self.options.blog_dir, self.options.authors_file)
        if not os.path.isfile(path):
            return {}
        with open(path, "rb") as f:
            data = f.read()
        try:
            return load_authors(data, self.display(path))
        except PostError as e:
            self._find("error", e.diagnostic)
            return {}

    @property
    def feeds_on(self) -> bool:
        """Whether this build writes feeds: they need absolute URLs."""
        return bool(self.options.feeds and self.site.site_url)

    def _plan_feeds(self) -> list[Feed]:
        limit = self.options.feed_limit

        def published(posts: list[Post]) -> list[Post]:
            return [p for p in posts if not (p.draft or p.scheduled)][:limit]

        name = self.site.site_name
        planned = [Feed(self.layout.feed_folder, name, published(self.blog.posts))]
        if self.options.tag_feeds:
            for key, group in sorted(self.index.tags.items()):
                folder = self.layout.tag_feed_folder(key)
                planned.append(Feed(folder, f"{name}: {group.name}", published(group.posts)))
        return planned

    # -- pages ----------------------------------------------------------------------

    def post(self, src_uri: str) -> Post | None:
        """The post published from `src_uri`, if it is one."""
        return self.blog.by_page.get(src_uri)

    def page_markdown(self, src_uri: str) -> tuple[str, dict[str, Any]] | None:
        """The Markdown and front matter MkDocs renders for one of the blog's pages.

        Every front-matter string is HTML-escaped: MkDocs' Jinja does not autoescape,
        so `{{ page.meta.x }}` in any theme shows text, never markup.
        """
        post = self.post(src_uri)
        meta: dict[str, Any]
        if post is not None:
            meta = escaped(post.parsed.meta)
            meta["title"] = escaped(post.parsed.title)
            if description := self.description(post):
                meta["description"] = escaped(description)
            return post.markdown, meta
        listing = self.listings.get(src_uri)
        if listing is None or src_uri in self.files.urls:
            return None  # not the blog's, or the user's own page in its place
        meta = {"title": escaped(listing.heading)}
        if src_uri != self.layout.index:
            # Pages that only list posts would make every search hit twice
            # (Material's search reads this; MkDocs' own search indexes them).
            meta["search"] = {"exclude": True}
        return f"# {markdown_text(listing.heading)}\n", meta

    def page_content(self, src_uri: str, html: str) -> str:
        """A page's content as search and the theme see it.

        A post gets a stand-in for its header and a place for its footer, which are
        rendered into the finished page; its HTML is kept for its feed item. A listing
        gets the place its posts are put.
        """
        post = self.post(src_uri)
        if post is not None:
            if post.page_src_uri in self._feed_pages:
                self._post_html[post.page_src_uri] = html
            return content_with_markers(post.parsed.title, post.parsed.fields.subtitle, html)
        if src_uri in self.listings:
            return html + listing_marker()
        return html

    def use_templates(self, env: jinja2.Environment, memo: FragmentMemo | None = None) -> None:
        """Render the blog's fragments with the theme's environment from now on."""
        self.renderer = Renderer(
            env, parse_locale(self.site.locale), self.urls.__getitem__, memo=memo
        )

    def finish_page(self, src_uri: str, page_url: str, output: str) -> str:
        """A finished page with the blog's parts put in, and its head tags.

        A post gets its header, series box and footer and its sharing cards; a listing
        its posts; any other page its latest-posts lists; every page links the feeds.
        """
        post = self.post(src_uri)
        listing = self.listings.get(src_uri)
        tags = self._feed_link_tags(page_url)
        if post is None:
            if listing is not None:
                output = place_listing(output, self._listing_html(listing, page_url))
            output = self._latest(output, page_url, src_uri)
            return add_to_head(output, tags) if tags else output
        output = self._place_header_and_footer(output, post)
        description = self.description(post)
        url = self._absolute(post.site_path) if self.site.site_url else None
        if url:
            fields = post.parsed.fields
            cover = self._covers.get(post.page_src_uri)
            tags += sharing_tags(
                Sharing(
                    title=post.parsed.title,
                    url=url,
                    site_name=self.site.site_name,
                    description=description,
                    image=self._absolute(cover) if cover else None,
                    published=fields.date.iso if fields.date else None,
                    modified=fields.updated.iso if fields.updated else None,
                    authors=tuple(a.name for a in self.index.authors_of(post)),
                    tags=fields.tags,
                )
            )
        return add_to_head(output, tags, description=description, canonical=url)

    def _renderer(self) -> Renderer:
        assert self.renderer is not None, "use_templates() comes before pages are finished"
        return self.renderer

    def _place_header_and_footer(self, output: str, post: Post) -> str:
        renderer = self._renderer()
        view = renderer.view(post, post.site_path, index=self.index)
        header = renderer.post_header(post, self.index, view)
        series = renderer.series_box(post, self.index)
        footer = renderer.post_footer(post, self.index, view)
        placed = place(output, f"{header}\n{series}", footer)
        if placed is not None:
            return placed
        if 'class="blogposts-title"' in output:  # the content is there, its markers are not
            self._find(
                "warning",
                Diagnostic(
                    post.parsed.path,
                    None,
                    "the post's header and footer could not be placed: another plugin "
                    "removed the HTML comments that mark their place. List blogposts after "
                    "that plugin in mkdocs.yml",
                ),
            )
        return output

    def _listing_html(self, listing: Listing, page_url: str) -> str:
        renderer = self._renderer()
        posts = listing.paged.items if listing.paged else []
        if listing.compact:  # titles and dates: no excerpt to render
            views = [renderer.view(p, page_url) for p in posts]
        else:
            views = [self._entry(p, page_url) for p in posts]
        return renderer.listing(views, page_url=page_url, listing=listing)

    def _entry(self, post: Post, page_url: str) -> EntryView:
        excerpt = self._excerpts.relocate(self.excerpt_html(post), page_url)
        return self._renderer().view(post, page_url, excerpt, self.index)

    def _latest(self, output: str, page_url: str, src_uri: str) -> str:
        """Replace latest-posts markers with the newest posts, in the index's style."""
        if "blogposts:latest" not in output:
            return output
        out: list[str] = []
        cursor = 0
        for marker in find_markers(output):
            out.append(output[cursor : marker.start])
            cursor = marker.end
            if marker.error:
                path = self.display(os.path.join(self.site.docs_dir, src_uri))
                self._find(
                    "warning", Diagnostic(path, None, f"blogposts:latest marker: {marker.error}")
                )
            posts = self.blog.posts
            if marker.tag is not None:
                group = self.index.tags.get(slugify(marker.tag))
                posts = group.posts if group else []
            views = [self._entry(p, page_url) for p in posts[: marker.count]]
            out.append(self._renderer().listing(views, page_url=page_url))
        out.append(output[cursor:])
        return "".join(out)

    def _feed_link_tags(self, page_url: str) -> str:
        """The feed links for a page's head: pages at one depth share them."""
        if not self.feeds_on:
            return ""
        first = feeds.FEED_FORMATS[0].file
        # The feeds share a folder: its URL relative to the page is one for them all.
        key = get_relative_url(f"{self.layout.feed_folder}/{first}", page_url)
        links = self._feed_links.get(key)
        if links is None:
            folder = key.removesuffix(first)
            relative = [(f.media_type, folder + f.file) for f in feeds.FEED_FORMATS]
            links = self._feed_links[key] = feed_links(self.site.site_name, relative)
        return links

    # -- excerpts and descriptions --------------------------------------------------

    def excerpt_html(self, post: Post) -> str:
        """A post's excerpt as HTML, its links marked to be made relative to a page."""
        src_uri = post.parsed.src_uri
        if src_uri not in self._excerpt_html:
            if post.parsed.fields.excerpt:
                rendered = text_excerpt(post.parsed.fields.excerpt)
            elif post.excerpt_source:
                rendered = self._excerpts.render(
                    post.excerpt_source, src_uri, post.site_path, post.slug
                )
            else:
                rendered = ""
            self._excerpt_html[src_uri] = rendered
        return self._excerpt_html[src_uri]

    def description(self, post: Post) -> str | None:
        """The post's description for search engines, cards and feeds: its excerpt as text."""
        src_uri = post.parsed.src_uri
        if src_uri not in self._descriptions:
            text = post.parsed.fields.excerpt
            if not text:
                text = " ".join(text_of(self.excerpt_html(post)).split()) or None
            self._descriptions[src_uri] = text
        return self._descriptions[src_uri]

    def _link_target(self, src_uri: str, path: str) -> str | None:
        """The URL of the file a relative link from a post names, if the site has it."""
        return self.urls.get(posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), path)))

    # -- files ----------------------------------------------------------------------

    def _absolute(self, site_path: str) -> str:
        return urljoin(self.site.site_url, site_path)

    def write_files(self) -> None:
        """Write the feeds and the blog's own sitemap (unless the site has one) into the site."""
        for feed in self.feeds:
            self._write_feed(feed)
        if self.feeds_on and self.layout.sitemap not in self.files.urls:
            self._write(self.layout.sitemap, feeds.sitemap(self._sitemap_pages()))

    def _write(self, site_path: str, text: str) -> None:
        path = os.path.join(self.site.site_dir, *site_path.split("/"))
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)

    def _sitemap_pages(self) -> list[tuple[str, dt.datetime | None]]:
        pages: list[tuple[str, dt.datetime | None]] = [
            (self._absolute(self.urls[src_uri]), None) for src_uri in self.listings
        ]
        for post in self.blog.posts:
            if post.draft or post.scheduled:
                continue
            fields = post.parsed.fields
            changed = fields.updated or fields.date
            pages.append((self._absolute(post.site_path), changed.instant if changed else None))
        return pages

    def _write_feed(self, feed: Feed) -> None:
        items = [self._feed_item(post) for post in feed.posts]
        for kind in feeds.FEED_FORMATS:
            info = feeds.FeedInfo(
                title=feed.title,
                home_url=self._absolute(posixpath.join(feed.folder, "")),
                feed_url=self._absolute(f"{feed.folder}/{kind.file}"),
                description=self.site.site_description,
                language=self.site.locale,
                author=self.site.site_author,
                items=items,
            )
            self._write(f"{feed.folder}/{kind.file}", kind.write(info))

    def _feed_item(self, post: Post) -> feeds.FeedItem:
        """A post's feed item, made once however many feeds it is in."""
        item = self._feed_items.get(post.page_src_uri)
        if item is not None:
            return item
        fields = post.parsed.fields
        url = self._absolute(post.site_path)
        content = self._post_html.get(post.page_src_uri)
        if self.options.feed_content == "excerpt" or content is None:
            # An excerpt is written relative to the index; a --dirty build has no
            # content for the posts it did not render.
            folder = posixpath.join(self.layout.feed_folder, "")
            content = self._excerpts.relocate(self.excerpt_html(post), folder)
            base = self._absolute(folder)
        else:
            base = url
        cover = self._covers.get(post.page_src_uri)
        item = self._feed_items[post.page_src_uri] = feeds.FeedItem(
            url=url,
            title=post.parsed.title,
            published=fields.date.instant if fields.date else self.now,
            updated=fields.updated.instant if fields.updated else None,
            summary=self.description(post),
            content_html=feeds.absolutize(content, base) if content else None,
            authors=tuple(a.name for a in self.index.authors_of(post)),
            tags=fields.tags,
            image=self._absolute(cover) if cover else None,
        )
        return item


def _error_page(src_uri: str, layout: Layout, message: str) -> ErrorPage:
    """In serve, the page a broken post gets: the error, where its page would be."""
    content = (
        f"# {markdown_text(posixpath.basename(src_uri))}\n\n"
        '<div class="admonition failure blogposts-error">\n'
        '<p class="admonition-title">This post could not be built</p>\n'
        f"<p><code>{escaped(message)}</code></p>\n"
        "<p>Fix the file and save it: this page comes back on the next reload.</p>\n"
        "</div>\n"
    )
    return ErrorPage(layout.page_src_uri(src_uri), src_uri, content)
