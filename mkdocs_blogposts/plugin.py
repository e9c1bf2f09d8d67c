"""The `blogposts` MkDocs plugin: wires MkDocs events to the modules that do the work."""

from __future__ import annotations

import contextlib
import datetime as dt
import html
import os
import posixpath
from dataclasses import dataclass, replace
from importlib import resources
from typing import TYPE_CHECKING, Any, Literal
from urllib.parse import quote, urljoin

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Section
from mkdocs.utils import get_relative_url

from . import feeds
from .authors import Author, load_authors
from .config import BlogpostsConfig
from .dialect.needed_extensions import ExtensionLists
from .errors import Diagnostic, EmptyPost, PostError
from .excerpts import ExcerptRenderer, text_excerpt
from .head import Sharing, add_to_head, feed_links, sharing_tags, text_of
from .images import Found, ImageResolver, Missing
from .labels import labels_for
from .latest import find_markers
from .listings import RESERVED, BlogIndex, Listing, build_index, plan_listings
from .placement import content_with_markers, place
from .posts import Blog, Dialect, Post, prepare_post, slug_of
from .reading import ParsedPost, is_post_path, parse_post, post_dest_uri
from .rendering import EntryView, FragmentMemo, Renderer, parse_locale
from .taxonomy import slugify

if TYPE_CHECKING:
    from collections.abc import Callable

    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page

__all__ = ["BlogpostsPlugin"]

# Named as users write the plugin in mkdocs.yml: messages read "blogposts: ...".
log = get_plugin_logger("blogposts")

_CSS_URI = "assets/blogposts/blogposts.css"
_FEED_FILES = ("rss.xml", "atom.xml", "feed.json")
_PACKAGE = resources.files("mkdocs_blogposts")


@dataclass(frozen=True)
class _Prepared:
    """A prepared post kept between serve rebuilds, with what it was made from."""

    parsed: ParsedPost
    context: tuple[str, str, Dialect]
    """The file's `src_uri` and URL, and the dialect."""
    lookups: list[tuple[int, str, int, str | None]]
    """Each image lookup: (0 for raw HTML or 1 for Markdown, URL, line, answer)."""
    post: Post
    """As prepare_post returned it: its own warnings only."""


class BlogpostsPlugin(BasePlugin[BlogpostsConfig]):  # type: ignore[no-untyped-call]
    """Publishes the Markdown/MDX posts under `blog_dir` as a blog."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self._serving = False
        self._dirty = False
        # Survives `mkdocs serve` rebuilds (on_startup keeps this instance): plain
        # parse results keyed by path, with the (size, mtime) they were read at.
        self._cache: dict[str, tuple[tuple[int, int], ParsedPost]] = {}
        self._prepared: dict[str, _Prepared] = {}
        self._fragments = FragmentMemo()  # headers, footers, listings; serve only
        self._reset()

    def _reset(self) -> None:
        """Forget everything about the previous build."""
        self.blog = Blog([])
        self.index: BlogIndex | None = None
        self.listings: dict[str, Listing] = {}
        self._index_uri = ""
        self._renderer: Renderer | None = None
        self._excerpts: ExcerptRenderer | None = None
        self._excerpt_html: dict[str, str] = {}
        self._post_html: dict[str, str] = {}
        # The posts whose page HTML goes into a feed: only those are kept.
        self._feed_pages: set[str] = set()
        self._sitemap_uri = ""
        self._covers: dict[str, str] = {}
        # Feed link tags by the feeds' URL relative to a page: pages at one depth share them.
        self._feed_links: dict[str, str] = {}
        self._site_url = ""
        self._now = dt.datetime.now(dt.timezone.utc)
        self._extensions = ExtensionLists([])
        # The site's own extension list while a post's page renders with another.
        self._swapped: list[Any] | None = None

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        """Remember whether this is `serve` (drafts show) and `--dirty` (index kept fresh)."""
        self._serving = command == "serve"
        self._dirty = dirty

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Make the plugin's templates and stylesheet available."""
        self._reset()
        # Appended last, so a same-named template in the theme's custom_dir wins.
        config.theme.dirs.append(str(_PACKAGE / "templates"))
        if _CSS_URI not in config.extra_css:
            config.extra_css.append(_CSS_URI)
        if self.config.public_dir and self.config.public_dir not in config.watch:
            config.watch.append(self.config.public_dir)  # serve rebuilds on new images too
        return config

    # -- reading the posts --------------------------------------------------------

    def _display_path(self, file: File, config: MkDocsConfig) -> str:
        assert file.abs_src_path is not None
        root = os.path.dirname(config.config_file_path or "") or os.getcwd()
        rel = os.path.relpath(file.abs_src_path, root)
        return file.abs_src_path if rel.startswith("..") else rel

    def _parse(self, file: File, path: str) -> ParsedPost:
        assert file.abs_src_path is not None
        stat = os.stat(file.abs_src_path)
        key = (stat.st_size, stat.st_mtime_ns)
        cached = self._cache.get(file.abs_src_path)
        if cached is not None and cached[0] == key:
            return cached[1]
        with open(file.abs_src_path, "rb") as f:
            parsed = parse_post(f.read(), file.src_uri, path)
        if self._serving:  # a build reads each file once: nothing to keep
            self._cache[file.abs_src_path] = (key, parsed)
        return parsed

    def _post_file(self, file: File, parsed: ParsedPost, config: MkDocsConfig) -> File:
        """The File a post is published from, at the URL its path and slug give."""
        assert file.abs_src_path is not None
        src_uri = file.src_uri
        if src_uri.endswith(".mdx"):
            src_uri = src_uri[:-1]  # MkDocs renders only `.md` as pages
        dest_uri = post_dest_uri(file.src_uri, parsed.fields.slug, config.use_directory_urls)
        if src_uri == file.src_uri and dest_uri == file.dest_uri:
            return file
        new = File(
            src_uri,
            src_dir=None,
            dest_dir=config.site_dir,
            use_directory_urls=config.use_directory_urls,
            dest_uri=dest_uri,
        )
        new.abs_src_path = file.abs_src_path
        new.edit_uri = file.src_uri
        return new

    def _is_post(self, file: File) -> bool:
        blog_dir = self.config.blog_dir
        if file.generated_by or not is_post_path(file.src_uri, blog_dir):
            return False
        # Files in the plugin's own folders are overrides of its pages, not posts.
        return file.src_uri[len(blog_dir) + 1 :].split("/", 1)[0] not in RESERVED

    def _read_posts(self, files: Files, config: MkDocsConfig) -> list[tuple[File, ParsedPost]]:
        """Read every post once; drop those this build does not publish.

        A post that cannot be read stops `mkdocs build`; in `mkdocs serve` its page shows
        the error instead, and every other page keeps working.
        """
        show_unpublished = self._serving and self.config.draft_in_serve
        kept: list[tuple[File, ParsedPost]] = []
        errors: list[str] = []
        seen: set[str] = set()
        for file in list(files):
            if not self._is_post(file):
                continue
            assert file.abs_src_path is not None
            seen.add(file.abs_src_path)
            try:
                parsed = self._parse(file, self._display_path(file, config))
            except EmptyPost as e:
                log.warning(str(e))  # nothing to publish, nothing lost
                files.remove(file)
                continue
            except PostError as e:
                errors.append(str(e))
                if self._serving:
                    files.remove(file)
                    files.append(_error_page(file, str(e), config))
                continue
            files.remove(file)
            if (parsed.fields.draft or self._is_future(parsed)) and not show_unpublished:
                continue  # no page, no listing entry, no feed item, no search entry
            kept.append((self._post_file(file, parsed, config), parsed))
        for path in self._cache.keys() - seen:
            del self._cache[path]  # deleted or renamed posts
        for path in self._prepared.keys() - seen:
            del self._prepared[path]
        if errors and not self._serving:
            raise PluginError("\n".join(errors))
        for error in errors:
            log.error(error)
        return kept

    def _place_posts(
        self, files: Files, posts: list[tuple[File, ParsedPost]]
    ) -> list[tuple[File, ParsedPost]]:
        """Add the posts' Files, refusing two pages at one URL; returns those placed."""
        by_dest = {f.dest_uri: f for f in files.documentation_pages()}
        placed = []
        for file, parsed in posts:
            other = by_dest.get(file.dest_uri) or files.get_file_from_path(file.src_uri)
            if other is not None:
                message = (
                    f"{parsed.path}: its URL '{file.url}' is already taken by "
                    f"'{other.edit_uri or other.src_uri}'; give one of them another "
                    "file name or a different 'slug'"
                )
                if not self._serving:
                    raise PluginError(message)
                log.error(message)  # serve keeps going with the first of the two
                continue
            # Posts are reached from the blog's pages, never one by one from the nav:
            # a nav of every post is rendered into every page (quadratic). Drafts and
            # future posts only reach here in serve, where MkDocs marks DRAFT pages.
            unpublished = parsed.fields.draft or self._is_future(parsed)
            file.inclusion = InclusionLevel.DRAFT if unpublished else InclusionLevel.NOT_IN_NAV
            files.append(file)
            by_dest[file.dest_uri] = file
            placed.append((file, parsed))
        return placed

    def _is_future(self, parsed: ParsedPost) -> bool:
        date = parsed.fields.date
        return date is not None and date.sort_key > self._now and not self.config.publish_future

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Find the posts, read them once, give them their URLs, images and pages."""
        self._reset()
        self._site_url = config.site_url or ""
        self._now = dt.datetime.now(dt.timezone.utc)
        self._extensions = ExtensionLists(config.markdown_extensions)
        published = self._place_posts(files, self._read_posts(files, config))

        public_dir = self.config.public_dir
        resolver = ImageResolver(
            self._docs_url(files), public_dir, tuple(self.config.image_fallbacks)
        )
        dialect = Dialect(
            components=self.config.component_specs(),
            superfences="pymdownx.superfences" in config.markdown_extensions,
            separators=tuple(self.config.excerpt_separators),
            words_per_minute=self.config.words_per_minute,
        )
        posts = []
        for file, parsed in published:
            post = self._prepare(file, parsed, dialect, resolver)
            slug = post.slug
            if parsed.fields.image:
                cover = resolver.resolve(parsed.fields.image, parsed.src_uri, slug)
                if isinstance(cover, Found):
                    self._covers[post.page_src_uri] = quote(cover.site_path) + cover.suffix
                elif cover is None:
                    self._covers[post.page_src_uri] = parsed.fields.image  # an absolute URL
                else:
                    post.warnings.append(
                        Diagnostic(
                            parsed.path,
                            None,
                            f"the cover image '{parsed.fields.image}' was not found (looked in "
                            f"{', '.join(cover.tried)}); add the file or fix the path",
                        )
                    )
            for warning in sorted(post.warnings, key=lambda w: w.line or 0):
                log.warning(str(warning))
            posts.append(post)
        self.blog = Blog(posts)

        assert public_dir is not None or not resolver.public_files
        for site_path in sorted(resolver.public_files):
            if files.get_file_from_path(site_path) is None:
                files.append(
                    File(site_path, public_dir, config.site_dir, config.use_directory_urls)
                )

        self._plan_pages(files, config)
        sitemap_uri = posixpath.join(posixpath.dirname(self._index_uri), "sitemap.xml")
        # Written with the feeds, unless the site has a file of that name.
        self._sitemap_uri = "" if files.get_file_from_path(sitemap_uri) else sitemap_uri
        if self._feeds_on() and self.config.feed_content != "excerpt":
            self._feed_pages = {
                post.page_src_uri for *_, posts in self._feeds(config.site_name) for post in posts
            }
        if files.get_file_from_path(_CSS_URI) is None:
            css = (_PACKAGE / "assets" / "blogposts.css").read_text(encoding="utf-8")
            files.append(File.generated(config, _CSS_URI, content=css))

        env = config.theme.get_env()
        locale_name = self.config.theme_locale(config.theme)
        memo = None
        if self._serving:
            self._fragments.begin((locale_name, _template_state(config)))
            memo = self._fragments
        self._renderer = Renderer(env, parse_locale(locale_name), self._url_of(files), memo=memo)
        self._excerpts = ExcerptRenderer(
            config.markdown_extensions,
            config.mdx_configs,
            self._link_target(files),
            resolver.resolve,
            dialect.components,
        )
        return files

    def _prepare(
        self, file: File, parsed: ParsedPost, dialect: Dialect, resolver: ImageResolver
    ) -> Post:
        """A post's page Markdown; in serve, reused while nothing it depends on changed.

        A prepared post depends on the parsed file, its URL, the dialect and the answers
        the image lookups gave. Those answers are recorded; when the same lookups give
        the same answers again (an image added since would change one), the post is
        reused as it was, and only its lookups run again.
        """
        slug = slug_of(file.url)
        lookup_warnings: list[Diagnostic] = []
        resolve_url = self._url_resolver(resolver, parsed, slug, file.url, lookup_warnings)
        resolve_image = self._url_resolver(resolver, parsed, slug, None, lookup_warnings)
        resolvers = (resolve_url, resolve_image)
        assert file.abs_src_path is not None
        cached = self._prepared.get(file.abs_src_path)
        if (
            cached is not None
            and cached.parsed is parsed  # the parse cache gives the same object while unchanged
            and cached.context == (file.src_uri, file.url, dialect)
            and all(
                resolvers[which](url, line) == answer for which, url, line, answer in cached.lookups
            )
        ):
            post = replace(cached.post, warnings=list(cached.post.warnings))
        else:
            del lookup_warnings[:]
            lookups: list[tuple[int, str, int, str | None]] = []

            def recorded(which: int) -> Callable[[str, int], str | None]:
                def lookup(url: str, line: int) -> str | None:
                    answer = resolvers[which](url, line)
                    lookups.append((which, url, line, answer))
                    return answer

                return lookup

            post = prepare_post(
                parsed,
                file.src_uri,
                file.url,
                dialect=dialect,
                resolve_url=recorded(0),
                resolve_image=recorded(1),
            )
            if not self._serving:
                # A build needs the body no more: dropping it saves a copy of every post.
                post.parsed = replace(parsed, body="")
            else:
                self._prepared[file.abs_src_path] = _Prepared(
                    parsed,
                    (file.src_uri, file.url, dialect),
                    lookups,
                    replace(post, warnings=list(post.warnings)),
                )
        post.warnings[:0] = [*parsed.warnings, *lookup_warnings]
        post.scheduled = self._is_future(parsed)
        return post

    @staticmethod
    def _docs_url(files: Files) -> Callable[[str], str | None]:
        def docs_url(path: str) -> str | None:
            file = files.get_file_from_path(path)
            return None if file is None else file.url

        return docs_url

    @staticmethod
    def _url_of(files: Files) -> Callable[[str], str]:
        def url_of(src_uri: str) -> str:
            file = files.get_file_from_path(src_uri)
            assert file is not None, src_uri
            return file.url

        return url_of

    def _link_target(self, files: Files) -> Callable[[str, str], str | None]:
        def target(src_uri: str, path: str) -> str | None:
            base = os.path.dirname(src_uri)
            file = files.get_file_from_path(os.path.normpath(os.path.join(base, path)))
            return None if file is None else file.url

        return target

    def _url_resolver(
        self,
        resolver: ImageResolver,
        parsed: ParsedPost,
        slug: str,
        page_url: str | None,
        warnings: list[Diagnostic],
    ) -> Callable[[str, int], str | None]:
        """A URL rewriter for one post; its warnings go to `warnings`.

        With `page_url`, for raw HTML: a URL relative to the page, since MkDocs never
        rewrites raw HTML. Without, for Markdown images: a path relative to the post's
        source file, which MkDocs checks and rewrites like any link.
        """

        def resolve(url: str, line: int) -> str | None:
            found = resolver.resolve(url, parsed.src_uri, slug)
            if found is None:
                return None
            if isinstance(found, Missing):
                warnings.append(
                    Diagnostic(
                        parsed.path,
                        line,
                        f"image '{url}' was not found (looked in {', '.join(found.tried)}); "
                        "add the file or fix the path",
                    )
                )
                return None
            if page_url is not None:
                return get_relative_url(quote(found.site_path), page_url) + found.suffix
            base = posixpath.dirname(parsed.src_uri)
            return posixpath.relpath(found.site_path, base or ".") + found.suffix

        return resolve

    # -- the blog's own pages -----------------------------------------------------

    def _authors(self, config: MkDocsConfig) -> dict[str, Author]:
        path = os.path.join(config.docs_dir, self.config.blog_dir, self.config.authors_file)
        if not os.path.isfile(path):
            return {}
        with open(path, "rb") as f:
            data = f.read()
        try:
            return load_authors(data, os.path.relpath(path))
        except PostError as e:
            raise PluginError(str(e)) from None

    def _plan_pages(self, files: Files, config: MkDocsConfig) -> None:
        """Plan the index, archive, tag, author and series pages and add their Files."""
        blog_dir = self.config.blog_dir
        self._index_uri = f"{blog_dir}/index.md"
        self.index = build_index(
            self.blog.posts,
            blog_dir=blog_dir,
            authors=self._authors(config),
            series_from_titles=self.config.series_from_titles,
            related_posts=self.config.related_posts,
        )
        self.listings = plan_listings(
            self.blog.posts,
            self.index,
            per_page=self.config.posts_per_page,
            labels=labels_for(parse_locale(self.config.theme_locale(config.theme))),
            tag_feeds=self.config.tag_feeds,
        )
        for src_uri in self.listings:
            own = files.get_file_from_path(src_uri)
            if own is None:
                # Only the index is in the nav; the other pages are reached from it.
                inclusion = (
                    InclusionLevel.UNDEFINED
                    if src_uri == self._index_uri
                    else InclusionLevel.NOT_IN_NAV
                )
                files.append(File.generated(config, src_uri, content="", inclusion=inclusion))
            elif self._dirty and own.abs_src_path:
                # A listing depends on every post, so under --dirty it must be rebuilt
                # each time; a File with in-memory content always counts as modified.
                own.content_string = own.content_string

    # -- navigation and pages -----------------------------------------------------

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        """Show the blog as one entry: a section holding only the index becomes that page."""
        index = files.get_file_from_path(self._index_uri)
        if index is None or index.page is None:
            return nav
        parent = index.page.parent
        if isinstance(parent, Section) and parent.children == [index.page]:
            siblings = parent.parent.children if parent.parent else nav.items
            siblings[siblings.index(parent)] = index.page
            index.page.parent = parent.parent
        return nav

    def on_page_read_source(self, *, page: Page, config: MkDocsConfig) -> str | None:
        """Give MkDocs a post's Markdown as converted: the file was read once, in on_files."""
        post = self.blog.by_page.get(page.file.src_uri)
        if post is None:
            return None
        # The leading blank line tells MkDocs' metadata reader that there is none:
        # it does not parse the YAML a second time, and a first line like "Note: x"
        # is never taken for MultiMarkdown metadata.
        return "\n" + post.markdown

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        """Give a post its converted Markdown and front matter, a listing its title."""
        post = self.blog.by_page.get(page.file.src_uri)
        self._restore_extensions(config)
        if post is not None and post.extensions:
            # MkDocs renders the page next, with the list it finds in the config; the
            # site's own list is put back in on_page_content.
            extensions = self._extensions.for_needs(post.extensions)
            if extensions is not config["markdown_extensions"]:
                self._swapped = config["markdown_extensions"]
                config["markdown_extensions"] = extensions
        if post is not None:
            page.meta = _escaped(post.parsed.meta)
            page.meta["title"] = html.escape(post.parsed.title)
            if description := self._description(post):
                page.meta["description"] = html.escape(description)
            return post.markdown
        listing = self.listings.get(page.file.src_uri)
        if listing is not None and page.file.generated_by:
            page.meta.setdefault("title", html.escape(listing.heading))
            if page.file.src_uri != self._index_uri:
                # Pages that only list posts would make every search hit twice
                # (Material's search reads this; MkDocs' own search indexes them).
                page.meta.setdefault("search", {"exclude": True})
            return f"# {_markdown_text(listing.heading)}\n"
        return markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Mark where a post's header and footer go; put the list of posts on a listing."""
        self._restore_extensions(config)
        assert self._renderer is not None
        assert self.index is not None
        post = self.blog.by_page.get(page.file.src_uri)
        if post is not None:
            if post.page_src_uri in self._feed_pages:
                self._post_html[post.page_src_uri] = html
            # Header and footer are placed in on_post_page, after search has read this.
            return content_with_markers(post.parsed.title, post.parsed.fields.subtitle, html)
        listing = self.listings.get(page.file.src_uri)
        if listing is not None:
            posts = listing.paged.items if listing.paged else []
            if listing.compact:  # titles and dates: no excerpt to render
                views = [self._renderer.view(p, page.url) for p in posts]
            else:
                views = [self._entry(p, page.url) for p in posts]
            html += self._renderer.listing(views, page_url=page.url, listing=listing)
        return self._latest(html, page)

    def _restore_extensions(self, config: MkDocsConfig) -> None:
        if self._swapped is not None:
            config["markdown_extensions"] = self._swapped
            self._swapped = None

    def _entry(self, post: Post, page_url: str) -> EntryView:
        assert self._renderer is not None
        excerpt = self._excerpt(post, page_url)
        return self._renderer.view(post, page_url, excerpt, self.index)

    def _latest(self, html: str, page: Page) -> str:
        """Replace latest-posts markers with the newest posts, in the index's style."""
        if "blogposts:latest" not in html:
            return html
        assert self._renderer is not None
        assert self.index is not None
        out: list[str] = []
        cursor = 0
        for marker in find_markers(html):
            out.append(html[cursor : marker.start])
            cursor = marker.end
            if marker.error:
                log.warning(f"{page.file.src_path}: blogposts:latest marker: {marker.error}")
            posts = self.blog.posts
            if marker.tag is not None:
                group = self.index.tags.get(slugify(marker.tag))
                posts = group.posts if group else []
            views = [self._entry(p, page.url) for p in posts[: marker.count]]
            out.append(self._renderer.listing(views, page_url=page.url))
        out.append(html[cursor:])
        return "".join(out)

    def _excerpt(self, post: Post, page_url: str) -> str:
        """A post's excerpt HTML for a page, rendered once per build."""
        assert self._excerpts is not None
        return self._excerpts.relocate(self._excerpt_source_html(post), page_url)

    def _excerpt_source_html(self, post: Post) -> str:
        src_uri = post.parsed.src_uri
        if src_uri not in self._excerpt_html:
            assert self._excerpts is not None
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

    def _description(self, post: Post) -> str | None:
        """The post's description for search engines and cards: its excerpt as text."""
        if post.parsed.fields.excerpt:
            return post.parsed.fields.excerpt
        return " ".join(text_of(self._excerpt_source_html(post)).split()) or None

    # -- head tags and feeds ------------------------------------------------------

    def _feeds_on(self) -> bool:
        return bool(self.config.feeds and self._site_url)

    def _absolute(self, site_path: str) -> str:
        return urljoin(self._site_url, site_path)

    @event_priority(50)  # before plugins that rewrite or minify the finished page
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        """Place a post's header and footer; add feed links, and a post's sharing cards."""
        tags = ""
        if self._feeds_on():
            base = posixpath.dirname(self._index_uri)
            # The feeds share a folder: one relative URL gives the other two.
            first = get_relative_url(f"{base}/{_FEED_FILES[0]}", page.url)
            links = self._feed_links.get(first)
            if links is None:
                prefix = first[: -len(_FEED_FILES[0])]
                links = feed_links(config.site_name, first, *(prefix + f for f in _FEED_FILES[1:]))
                self._feed_links[first] = links
            tags += links
        post = self.blog.by_page.get(page.file.src_uri)
        if post is None:
            return add_to_head(output, tags) if tags else output
        output = self._place_header_and_footer(output, post)
        fields = post.parsed.fields
        description = self._description(post)
        url = self._absolute(post.site_path) if self._site_url else None
        if url:
            cover = self._covers.get(post.page_src_uri)
            authors = self.index.authors_of(post) if self.index else ()
            tags += sharing_tags(
                Sharing(
                    title=post.parsed.title,
                    url=url,
                    site_name=config.site_name,
                    description=description,
                    image=self._absolute(cover) if cover else None,
                    published=fields.date.iso if fields.date else None,
                    modified=fields.updated.iso if fields.updated else None,
                    authors=tuple(a.name for a in authors),
                    tags=fields.tags,
                )
            )
        return add_to_head(output, tags, description=description, canonical=url)

    def _place_header_and_footer(self, output: str, post: Post) -> str:
        assert self._renderer is not None
        assert self.index is not None
        view = self._renderer.view(post, post.site_path, index=self.index)
        header = self._renderer.post_header(post, self.index, view)
        series = self._renderer.series_box(post, self.index)
        footer = self._renderer.post_footer(post, self.index, view)
        placed = place(output, f"{header}\n{series}", footer)
        if placed is not None:
            return placed
        if 'class="blogposts-title"' in output:  # the content is there, its markers are not
            log.warning(
                f"{post.parsed.path}: the post's header and footer could not be placed: "
                "another plugin removed the HTML comments that mark their place. List "
                "blogposts after that plugin in mkdocs.yml"
            )
        return output

    @event_priority(-50)  # after other plugins' on_post_build: the site is complete
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Write the blog's feeds (and each tag's with `tag_feeds`) and its sitemap."""
        self._restore_extensions(config)
        self._fragments.end()
        if not self.config.feeds:
            return
        if not self._site_url:
            log.info("no feeds were written: feeds need absolute URLs; set site_url in mkdocs.yml")
            return
        for folder, title, posts in self._feeds(config.site_name):
            self._write_feeds(config, folder, title, posts)
        if self._sitemap_uri:
            self._write_sitemap(config)

    def _write_sitemap(self, config: MkDocsConfig) -> None:
        """The blog's own sitemap, beside its feeds, with each post's date."""
        assert self._renderer is not None
        pages: list[tuple[str, dt.datetime | None]] = [
            (self._absolute(self._renderer.url_of(src_uri)), None) for src_uri in self.listings
        ]
        for post in self.blog.posts:
            if post.draft or post.scheduled:
                continue
            fields = post.parsed.fields
            changed = fields.updated or fields.date
            pages.append((self._absolute(post.site_path), changed.instant if changed else None))
        path = os.path.join(config.site_dir, *self._sitemap_uri.split("/"))
        with open(path, "w", encoding="utf-8") as f:
            f.write(feeds.sitemap(pages))

    def _feeds(self, site_name: str) -> list[tuple[str, str, list[Post]]]:
        """Each feed to write: its folder, its title and its posts, newest first."""
        published = [p for p in self.blog.posts if not (p.draft or p.scheduled)]
        limit = self.config.feed_limit
        planned = [(posixpath.dirname(self._index_uri), site_name, published[:limit])]
        if self.config.tag_feeds and self.index is not None:
            for listing in self.listings.values():
                if listing.feeds and listing.paged is not None:
                    group = self.index.tags[posixpath.basename(listing.feeds)]
                    tagged = [p for p in group.posts if not (p.draft or p.scheduled)]
                    planned.append((listing.feeds, f"{site_name}: {group.name}", tagged[:limit]))
        return planned

    def _write_feeds(
        self, config: MkDocsConfig, folder: str, title: str, posts: list[Post]
    ) -> None:
        items = [self._feed_item(post) for post in posts]
        language = self.config.theme_locale(config.theme)
        for name, write in zip(_FEED_FILES, (feeds.rss, feeds.atom, feeds.json_feed), strict=True):
            info = feeds.FeedInfo(
                title=title,
                home_url=self._absolute(posixpath.join(folder, "")),
                feed_url=self._absolute(f"{folder}/{name}"),
                description=config.site_description or "",
                language=language,
                author=config.site_author,
                items=items,
            )
            path = os.path.join(config.site_dir, *folder.split("/"), name)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8") as f:
                f.write(write(info))

    def _feed_item(self, post: Post) -> feeds.FeedItem:
        fields = post.parsed.fields
        url = self._absolute(post.site_path)
        content = self._post_html.get(post.page_src_uri)
        if self.config.feed_content == "excerpt" or content is None:
            # An excerpt is written relative to the index; a --dirty build has no
            # content for the posts it did not render.
            index_url = self._absolute(posixpath.dirname(self._index_uri) + "/")
            content, base = self._excerpt(post, posixpath.dirname(self._index_uri) + "/"), index_url
        else:
            base = url
        cover = self._covers.get(post.page_src_uri)
        authors = self.index.authors_of(post) if self.index else ()
        return feeds.FeedItem(
            url=url,
            title=post.parsed.title,
            published=fields.date.instant if fields.date else self._now,
            updated=fields.updated.instant if fields.updated else None,
            summary=self._description(post),
            content_html=feeds.absolutize(content, base) if content else None,
            authors=tuple(a.name for a in authors),
            tags=fields.tags,
            image=self._absolute(cover) if cover else None,
        )


def _template_state(config: MkDocsConfig) -> tuple[object, ...]:
    """What the plugin's fragments may be rendered from, as it is now.

    The theme's folders, and each file's path, size and mtime in `custom_dir` and in
    the plugin's own templates: the folders a user (or a developer of the plugin)
    edits while `mkdocs serve` runs. Installed themes do not change under it.
    """
    files = []
    for top in (config.theme.custom_dir, str(_PACKAGE / "templates")):
        if not top:
            continue
        for root, _, names in os.walk(top):
            for name in names:
                path = os.path.join(root, name)
                with contextlib.suppress(OSError):  # removed while we looked
                    stat = os.stat(path)
                    files.append((path, stat.st_size, stat.st_mtime_ns))
    return (tuple(config.theme.dirs), tuple(sorted(files)))


def _error_page(file: File, message: str, config: MkDocsConfig) -> File:
    """In serve, the page a broken post gets: the error, where its page would be."""
    src_uri = file.src_uri[:-1] if file.src_uri.endswith(".mdx") else file.src_uri
    content = (
        f"# {_markdown_text(posixpath.basename(file.src_uri))}\n\n"
        '<div class="admonition failure blogposts-error">\n'
        '<p class="admonition-title">This post could not be built</p>\n'
        f"<p><code>{html.escape(message)}</code></p>\n"
        "<p>Fix the file and save it: this page comes back on the next reload.</p>\n"
        "</div>\n"
    )
    page = File.generated(config, src_uri, content=content, inclusion=InclusionLevel.NOT_IN_NAV)
    page.edit_uri = file.src_uri
    return page


def _markdown_text(text: str) -> str:
    """Text that Markdown shows as it is: HTML-escaped, Markdown's specials escaped."""
    escaped = html.escape(text, quote=False)
    return "".join("\\" + ch if ch in "\\`*_{}[]()#+-.!" else ch for ch in escaped)


def _escaped(value: Any) -> Any:
    """Front matter for the theme, every string HTML-escaped.

    MkDocs' Jinja does not autoescape, so `{{ page.meta.x }}` in any theme shows text,
    never markup, only if the string is escaped here.
    """
    if isinstance(value, str):
        return html.escape(value)
    if isinstance(value, list):
        return [_escaped(v) for v in value]
    if isinstance(value, dict):
        return {k: _escaped(v) for k, v in value.items()}
    return value
