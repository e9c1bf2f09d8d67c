"""The MkDocs side of a build: plain data from MkDocs' config and files, and back.

`site_info` and `site_files` give `BlogBuild` what it needs of an MkDocs site;
`update_files` puts what it planned into MkDocs' files: posts at their URLs, the
blog's pages, the `public_dir` files posts use, and error pages in serve.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from mkdocs.structure.files import File, InclusionLevel

from .build import SiteFiles, SiteInfo
from .layout import POST_SUFFIXES

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

    from .build import BlogBuild
    from .posts import Post

__all__ = ["site_files", "site_info", "update_files"]


def site_info(config: MkDocsConfig, locale: str) -> SiteInfo:
    """What the build needs of an MkDocs config; the blog's dates are in `locale`."""
    return SiteInfo(
        docs_dir=config.docs_dir,
        site_dir=config.site_dir,
        config_dir=os.path.dirname(config.config_file_path or "") or os.getcwd(),
        site_name=config.site_name,
        site_url=config.site_url or "",
        site_description=config.site_description or "",
        site_author=config.site_author,
        use_directory_urls=config.use_directory_urls,
        locale=locale,
        markdown_extensions=config.markdown_extensions,
        mdx_configs=config.mdx_configs,
    )


def site_files(files: Files) -> SiteFiles:
    """MkDocs' files of `docs_dir`, as URLs, pages and the sources of possible posts."""
    return SiteFiles(
        urls={file.src_uri: file.url for file in files},
        pages={file.dest_uri: file.src_uri for file in files.documentation_pages()},
        sources={
            file.src_uri: file.abs_src_path
            for file in files
            if file.abs_src_path and not file.generated_by and file.src_uri.endswith(POST_SUFFIXES)
        },
    )


def update_files(
    files: Files, build: BlogBuild, config: MkDocsConfig, *, public_dir: str | None, dirty: bool
) -> None:
    """Replace the post files by the posts' pages and add the blog's own pages."""
    originals = {src_uri: files.get_file_from_path(src_uri) for src_uri in build.post_files}
    for file in originals.values():
        if file is not None:
            files.remove(file)
    for error in build.error_pages:
        page = File.generated(
            config, error.src_uri, content=error.markdown, inclusion=InclusionLevel.NOT_IN_NAV
        )
        page.edit_uri = error.edit_uri
        files.append(page)
    for src_uri, original in originals.items():  # in the site's order of files
        post = build.post(build.layout.page_src_uri(src_uri))
        if original is None or post is None or post.parsed.src_uri != src_uri:
            continue  # not published
        file = _post_file(original, post, build, config)
        # Posts are reached from the blog's pages, never one by one from the nav:
        # a nav of every post is rendered into every page (quadratic). Drafts and
        # future posts only reach here in serve, where MkDocs marks DRAFT pages.
        unpublished = post.draft or post.scheduled
        file.inclusion = InclusionLevel.DRAFT if unpublished else InclusionLevel.NOT_IN_NAV
        files.append(file)
    for site_path in sorted(build.public_files):
        if files.get_file_from_path(site_path) is None:
            files.append(File(site_path, public_dir, config.site_dir, config.use_directory_urls))
    for src_uri in build.listings:
        own = files.get_file_from_path(src_uri)
        if own is None:
            # Only the index is in the nav; the other pages are reached from it.
            index = src_uri == build.layout.index
            inclusion = InclusionLevel.UNDEFINED if index else InclusionLevel.NOT_IN_NAV
            files.append(File.generated(config, src_uri, content="", inclusion=inclusion))
        elif dirty and own.abs_src_path:
            # A listing depends on every post, so under --dirty it must be rebuilt
            # each time; a File with in-memory content always counts as modified.
            own.content_string = own.content_string


def _post_file(original: File, post: Post, build: BlogBuild, config: MkDocsConfig) -> File:
    """The File a post is published from, at the URL its path and slug give."""
    dest_uri = build.dest_uri(post)
    if post.page_src_uri == original.src_uri and dest_uri == original.dest_uri:
        return original
    file = File(
        post.page_src_uri,
        src_dir=None,
        dest_dir=config.site_dir,
        use_directory_urls=config.use_directory_urls,
        dest_uri=dest_uri,
    )
    file.abs_src_path = original.abs_src_path
    file.edit_uri = original.src_uri
    return file
