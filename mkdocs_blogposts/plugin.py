"""The `blogposts` MkDocs plugin: MkDocs' events, wired to one `BlogBuild` a build."""

from __future__ import annotations

from importlib import resources
from typing import TYPE_CHECKING, Any, Literal

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Section

from .build import BlogBuild
from .cache import PostCache
from .config import BlogpostsConfig
from .dialect.needed_extensions import ExtensionLists
from .layout import STYLESHEET
from .mkdocs_site import site_files, site_info, update_files
from .rendering import FragmentMemo, template_state

if TYPE_CHECKING:
    import jinja2
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page


__all__ = ["BlogpostsPlugin"]

# Named as users write the plugin in mkdocs.yml: messages read "blogposts: ...".
log = get_plugin_logger("blogposts")

_PACKAGE = resources.files("mkdocs_blogposts")


class BlogpostsPlugin(BasePlugin[BlogpostsConfig]):  # type: ignore[no-untyped-call]
    """Publishes the Markdown/MDX posts under `blog_dir` as a blog."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.serving = False
        self.dirty = False
        # Both survive `mkdocs serve` rebuilds (MkDocs keeps this instance); a build
        # keeps nothing in them.
        self.cache = PostCache()
        self.fragments = FragmentMemo()
        self.build: BlogBuild | None = None
        self._extensions = ExtensionLists([])
        self._site_extensions: tuple[MkDocsConfig, list[Any]] | None = None

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        """Remember whether this is `serve` (drafts show, parses are kept) and `--dirty`."""
        self.serving = command == "serve"
        self.dirty = dirty
        self.cache.keep = self.serving

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Make the plugin's templates and stylesheet available."""
        self.build = None
        # Appended last, so a same-named template in the theme's custom_dir wins.
        config.theme.dirs.append(str(_PACKAGE / "templates"))
        if STYLESHEET not in config.extra_css:
            config.extra_css.append(STYLESHEET)
        if self.config.public_dir and self.config.public_dir not in config.watch:
            config.watch.append(self.config.public_dir)  # serve rebuilds on new images too
        return config

    def _report(self, build: BlogBuild) -> None:
        """Log what the build found; an error stops `mkdocs build` (serve goes on)."""
        errors = []
        for finding in build.new_findings():
            if finding.severity == "error":
                errors.append(str(finding.diagnostic))
            elif finding.severity == "warning":
                log.warning(str(finding.diagnostic))
            else:
                log.info(str(finding.diagnostic))
        if errors and not self.serving:
            raise PluginError("\n".join(errors))
        for error in errors:
            log.error(error)

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Read the posts once, place them, and add the blog's pages to the site."""
        self._extensions = ExtensionLists(config.markdown_extensions)
        build = self.build = BlogBuild(
            self.config,
            site_info(config, self.config.theme_locale(config.theme)),
            site_files(files),
            serving=self.serving,
            cache=self.cache,
        )
        build.read()
        self._report(build)
        build.place()
        self._report(build)
        build.prepare()
        build.plan()
        self._report(build)

        update_files(files, build, config, public_dir=self.config.public_dir, dirty=self.dirty)
        if files.get_file_from_path(STYLESHEET) is None:
            css = (_PACKAGE / "assets" / "blogposts.css").read_text(encoding="utf-8")
            files.append(File.generated(config, STYLESHEET, content=css))
        return files

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        """Show the blog as one entry: a section holding only the index becomes that page."""
        assert self.build is not None
        index = files.get_file_from_path(self.build.layout.index)
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
        assert self.build is not None
        post = self.build.post(page.file.src_uri)
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
        assert self.build is not None
        made = self.build.page_markdown(page.file.src_uri)
        if made is None:
            return markdown
        text, meta = made
        post = self.build.post(page.file.src_uri)
        if post is None:
            for key, value in meta.items():
                page.meta.setdefault(key, value)
            return text
        page.meta = meta
        if post.extensions:
            # MkDocs renders the page next, with the list it finds in the config; the
            # site's own list is put back in on_page_content (or on a build error).
            extensions = self._extensions.for_needs(post.extensions)
            if extensions is not config["markdown_extensions"]:
                self._site_extensions = (config, config["markdown_extensions"])
                config["markdown_extensions"] = extensions
        return text

    def _restore_extensions(self) -> None:
        if self._site_extensions is not None:
            config, extensions = self._site_extensions
            config["markdown_extensions"] = extensions
            self._site_extensions = None

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Mark where a post's header and footer and a listing's posts go."""
        self._restore_extensions()
        assert self.build is not None
        return self.build.page_content(page.file.src_uri, html)

    def on_env(
        self, env: jinja2.Environment, *, config: MkDocsConfig, files: Files
    ) -> jinja2.Environment:
        """Render the blog's fragments with the environment the theme renders with."""
        assert self.build is not None
        memo = None
        if self.serving:  # headers, footers and listings an edit did not change are kept
            self.fragments.begin(
                (self.build.site.locale, template_state(config.theme.dirs, config.theme.custom_dir))
            )
            memo = self.fragments
        self.build.use_templates(env, memo)
        return env

    @event_priority(50)  # before plugins that rewrite or minify the finished page
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        """Put in a post's header and footer, a listing's posts, and head tags."""
        assert self.build is not None
        output = self.build.finish_page(page.file.src_uri, page.url, output)
        self._report(self.build)
        return output

    @event_priority(-50)  # after other plugins' on_post_build: the site is complete
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Write the blog's feeds (and each tag's with `tag_feeds`) and its sitemap."""
        self.fragments.end()
        assert self.build is not None
        if self.config.feeds and not self.build.feeds_on:
            log.info("no feeds were written: feeds need absolute URLs; set site_url in mkdocs.yml")
        self.build.write_files()

    def on_build_error(self, *, error: Exception) -> None:
        """Leave the site's configuration as it was, whichever page failed."""
        self._restore_extensions()
