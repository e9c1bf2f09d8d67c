"""The `blogposts` MkDocs plugin: wires MkDocs events to the modules that do the work."""

from __future__ import annotations

import html
import os
import posixpath
from importlib import resources
from typing import TYPE_CHECKING, Any, Literal
from urllib.parse import quote

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Section
from mkdocs.utils import get_relative_url

from .assets import ImageResolver, Missing
from .blog import Blog, Dialect, Post, prepare_post, slug_of
from .config import BlogpostsConfig
from .errors import Diagnostic, PostError
from .excerpt_html import ExcerptRenderer, text_excerpt
from .posts import ParsedPost, is_post_path, parse_post, post_dest_uri
from .rendering import Renderer, parse_locale

if TYPE_CHECKING:
    from collections.abc import Callable

    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page

__all__ = ["BlogpostsPlugin"]

# Named as users write the plugin in mkdocs.yml: messages read "blogposts: ...".
log = get_plugin_logger("blogposts")

_CSS_URI = "assets/blogposts/blogposts.css"
# attr_list keeps `## Title {/*id*/}` anchors; md_in_html renders the Markdown that MDX
# allows inside JSX blocks and admonition components.
_REQUIRED_EXTENSIONS = ("attr_list", "md_in_html")
_PACKAGE = resources.files("mkdocs_blogposts")


class BlogpostsPlugin(BasePlugin[BlogpostsConfig]):  # type: ignore[no-untyped-call]
    """Publishes the Markdown/MDX posts under `blog_dir` as a blog."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self._serving = False
        self._dirty = False
        # Survives `mkdocs serve` rebuilds (on_startup keeps this instance): plain
        # parse results keyed by path, with the (size, mtime) they were read at.
        self._cache: dict[str, tuple[tuple[int, int], ParsedPost]] = {}
        self._reset()

    def _reset(self) -> None:
        """Forget everything about the previous build."""
        self.blog = Blog([])
        self._index_uri = ""
        self._renderer: Renderer | None = None
        self._excerpts: ExcerptRenderer | None = None
        self._excerpt_html: dict[str, str] = {}

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        """Remember whether this is `serve` (drafts show) and `--dirty` (index kept fresh)."""
        self._serving = command == "serve"
        self._dirty = dirty

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Make the plugin's templates and stylesheet available to the theme."""
        self._reset()
        # Appended last, so a same-named template in the theme's custom_dir wins.
        config.theme.dirs.append(str(_PACKAGE / "templates"))
        if _CSS_URI not in config.extra_css:
            config.extra_css.append(_CSS_URI)
        for extension in _REQUIRED_EXTENSIONS:
            if extension not in config.markdown_extensions:
                config.markdown_extensions.append(extension)
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

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Find the posts, read them once, give them their URLs and images."""
        self._reset()
        blog_dir = self.config.blog_dir
        show_drafts = self._serving and self.config.draft_in_serve
        published: list[tuple[File, ParsedPost]] = []
        errors: list[str] = []
        for file in list(files):
            if file.generated_by or not is_post_path(file.src_uri, blog_dir):
                continue
            try:
                parsed = self._parse(file, self._display_path(file, config))
            except PostError as e:
                errors.append(str(e))
                continue
            files.remove(file)
            if parsed.fields.draft and not show_drafts:
                continue  # no page, no listing entry, no search entry
            published.append((self._post_file(file, parsed, config), parsed))
        if errors:
            raise PluginError("\n".join(errors))

        by_dest = {f.dest_uri: f for f in files.documentation_pages()}
        for file, parsed in published:
            other = by_dest.get(file.dest_uri) or files.get_file_from_path(file.src_uri)
            if other is not None:
                raise PluginError(
                    f"{parsed.path}: its URL '{file.url}' is already taken by "
                    f"'{other.edit_uri or other.src_uri}'; give one of them another "
                    "file name or a different 'slug'"
                )
            if parsed.fields.draft:
                file.inclusion = InclusionLevel.DRAFT
            else:
                # Posts are reached from the blog's index, never one by one from the
                # nav: a nav of every post is rendered into every page (quadratic).
                file.inclusion = InclusionLevel.NOT_IN_NAV
            files.append(file)
            by_dest[file.dest_uri] = file

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
            slug = slug_of(file.url)
            warnings: list[Diagnostic] = []
            post = prepare_post(
                parsed,
                file.src_uri,
                file.url,
                dialect=dialect,
                resolve_url=self._url_resolver(resolver, parsed, slug, file.url, warnings),
                resolve_image=self._url_resolver(resolver, parsed, slug, None, warnings),
            )
            post.warnings[:0] = [*parsed.warnings, *warnings]
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

        self._add_index(files, config)
        if files.get_file_from_path(_CSS_URI) is None:
            css = (_PACKAGE / "assets" / "blogposts.css").read_text(encoding="utf-8")
            files.append(File.generated(config, _CSS_URI, content=css))

        env = config.theme.get_env()
        self._renderer = Renderer(env, parse_locale(self.config.theme_locale(config.theme)))
        self._excerpts = ExcerptRenderer(
            config.markdown_extensions,
            config.mdx_configs,
            self._link_target(files),
            resolver.resolve,
            dialect.components,
        )
        return files

    @staticmethod
    def _docs_url(files: Files) -> Callable[[str], str | None]:
        def docs_url(path: str) -> str | None:
            file = files.get_file_from_path(path)
            return None if file is None else file.url

        return docs_url

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

    def _add_index(self, files: Files, config: MkDocsConfig) -> None:
        self._index_uri = f"{self.config.blog_dir}/index.md"
        index = files.get_file_from_path(self._index_uri)
        if index is None:
            files.append(File.generated(config, self._index_uri, content="# Blog\n"))
        elif self._dirty and index.abs_src_path:
            # The listing depends on every post, so under --dirty the index must be
            # rebuilt each time; a File with in-memory content always counts as modified.
            index.content_string = index.content_string

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

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        """Give a post's page its converted Markdown and its front matter."""
        post = self.blog.by_page.get(page.file.src_uri)
        if post is None:
            return markdown
        page.meta = _escaped(post.parsed.meta)
        page.meta["title"] = html.escape(post.parsed.title)
        return post.markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Put the header on a post and the list of posts on the index."""
        assert self._renderer is not None
        post = self.blog.by_page.get(page.file.src_uri)
        if post is not None:
            header = self._renderer.post_header(post)
            return f'<div class="blogposts-post">\n{header}\n{html}\n</div>'
        if page.file.src_uri == self._index_uri:
            views = [
                self._renderer.view(post, page.url, self._excerpt(post, page.url))
                for post in self.blog.posts
            ]
            return html + self._renderer.listing(views)
        return html

    def _excerpt(self, post: Post, page_url: str) -> str:
        """A post's excerpt HTML for a page, rendered once per build."""
        src_uri = post.parsed.src_uri
        if src_uri not in self._excerpt_html:
            if post.parsed.fields.excerpt:
                rendered = text_excerpt(post.parsed.fields.excerpt)
            elif post.excerpt_source:
                assert self._excerpts is not None
                rendered = self._excerpts.render(
                    post.excerpt_source, src_uri, post.site_path, post.slug
                )
            else:
                rendered = ""
            self._excerpt_html[src_uri] = rendered
        assert self._excerpts is not None
        return self._excerpts.relocate(self._excerpt_html[src_uri], page_url)


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
