"""The converter as a plain Python-Markdown extension (for Zensical and other tools)."""

import markdown
from bs4 import BeautifulSoup

SOURCE = """\
import Image from 'next/image'

## Start {/*start*/}

<figure>
  <img src="/img/a.png" alt="A" />
  <figcaption className="text-sm text-center">A <strong>caption</strong></figcaption>
</figure>

<Intro>Hello{" "}<em>world</em></Intro>

<Note>Some **note**.</Note>

```jsx {1}
<div className="stays" />
```
"""


def render(**config):
    return BeautifulSoup(
        markdown.markdown(
            SOURCE,
            extensions=[
                "attr_list",
                "md_in_html",
                "pymdownx.superfences",
                "pymdownx.highlight",
                "mkdocs_blogposts.extension",
            ],
            extension_configs={"mkdocs_blogposts.extension": config},
        ),
        "html.parser",
    )


def test_jsx_becomes_html_with_the_extension_alone():
    page = render(components={"Intro": "unwrap"})
    assert "import" not in page.get_text()
    assert page.find("h2")["id"] == "start"
    assert page.find("figcaption")["class"] == ["text-sm", "text-center"]
    assert page.find("figcaption").find("strong").get_text() == "caption"
    assert "Intro" not in str(page)
    assert "Hello world" in " ".join(page.get_text().split())
    assert page.select_one(".admonition.note strong").get_text() == "note"
    assert '<div className="stays" />' in page.select_one(".highlight").get_text()
    assert page.select(".highlight .hll")


def test_mkdocs_can_load_it_without_the_plugin(site):
    site.config["plugins"] = []
    site.config["markdown_extensions"] = ["attr_list", "md_in_html", "mkdocs_blogposts.extension"]
    site.write(
        "docs/post.md",
        '# Post\n\n<figure><img src="a.png" alt="" /><figcaption className="c">Cap</figcaption></figure>\n',
    )
    site.write("docs/a.png", b"\x89PNG")
    page = site.build(strict=False).html("post/")
    assert page.find("figcaption")["class"] == ["c"]
