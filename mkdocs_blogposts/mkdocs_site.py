"""An MkDocs site as the blog's build sees it: plain data from MkDocs' config and files."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from .build import SiteFiles, SiteInfo
from .layout import POST_SUFFIXES

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

__all__ = ["site_files", "site_info"]


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
