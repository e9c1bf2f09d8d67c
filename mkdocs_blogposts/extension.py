"""The JSX/MDX conversion as a Python-Markdown extension, for tools without MkDocs plugins.

Zensical reads `mkdocs.yml` but runs no MkDocs plugins; it, and anything else that
loads Python-Markdown extensions, can still turn JSX into HTML:

```yaml
markdown_extensions:
  - attr_list
  - md_in_html
  - mkdocs_blogposts.extension:
      components:
        Intro: unwrap
```

It does what the plugin does to a post's body, but nothing that needs the site: no
image lookup, no excerpts, no listings. Use it or the plugin, not both.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

from .dialect.components import DEFAULT_COMPONENTS, parse_spec
from .dialect.jsx import close_open_blocks, convert
from .dialect.mdx import clean_mdx

if TYPE_CHECKING:
    from markdown import Markdown

    from .dialect.components import ComponentSpec

__all__ = ["BlogpostsExtension", "makeExtension"]


class _JsxPreprocessor(Preprocessor):
    """Turns the document's JSX into HTML before Markdown reads its blocks."""

    def __init__(
        self, md: Markdown, components: dict[str, ComponentSpec], superfences: bool
    ) -> None:
        super().__init__(md)
        self.components = components
        self.superfences = superfences

    def run(self, lines: list[str]) -> list[str]:
        text = clean_mdx("\n".join(lines), superfences=self.superfences)
        text = close_open_blocks(text).text
        return convert(text, components=self.components).text.split("\n")


class BlogpostsExtension(Extension):
    """`mkdocs_blogposts.extension`: JSX and MDX in Markdown, converted to HTML."""

    def __init__(self, **kwargs: Any) -> None:
        """Take the options: `components` (as the plugin's) and `superfences`."""
        self.config = {
            "components": [{}, "What components become, added to the defaults"],
            "superfences": [True, "Write MDX fence meta as SuperFences options"],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        """Register the converter ahead of every preprocessor that reads HTML or fences."""
        mapping = {**DEFAULT_COMPONENTS, **self.getConfig("components")}
        components = {name: parse_spec(str(spec)) for name, spec in mapping.items()}
        converter = _JsxPreprocessor(md, components, bool(self.getConfig("superfences")))
        md.preprocessors.register(converter, "blogposts_jsx", 40)


def makeExtension(**kwargs: Any) -> BlogpostsExtension:
    """Python-Markdown's entry point for `mkdocs_blogposts.extension`."""
    return BlogpostsExtension(**kwargs)
