"""MDX posts through a real `mkdocs build --strict`: what a reader sees of each conversion."""

import logging

import pytest
from sitekit import png

MDX_POST = """\
---
title: "An MDX Post"
date: 2024-05-01
---
import Image from 'next/image'
import { Callout } from '@/components/callout'

{/* eslint-disable */}

## Getting Started {/*getting-started*/}

Hello{" "}<strong>world</strong>, {/* a comment */}see <Image src="/img/pic.png" width={256} height={128} alt="A pic" />.

<div style={{ maxWidth: "80%", marginTop: 8 }}>
  <div className="cell">
    ![Inside a div](/img/pic.png)
  </div>
</div>

<Callout type="warning">

Careful with **this**.

```jsx {2} title="App.jsx"
export default function App() {
  return <div className="app" />
}
```

</Callout>

<Sandpack>

```js src/App.js hidden
import { useState } from 'react';
```

</Sandpack>

![A bare name](pic-2.png)

export const meta = { unused: true }
"""


@pytest.fixture
def mdx_site(site):
    site.config["site_url"] = "https://example.org/sub/"
    site.config["plugins"] = [
        "search",
        {
            "blogposts": {
                "public_dir": "public",
                "image_fallbacks": ["blog/images/{slug}"],
                "components": {"Sandpack": "unwrap"},
            }
        },
    ]
    site.config["markdown_extensions"] = ["pymdownx.highlight", "pymdownx.superfences"]
    site.write("docs/blog/an-mdx-post.mdx", MDX_POST, dedent=False)
    site.write("public/img/pic.png", png())
    site.write("public/blog/images/an-mdx-post/pic-2.png", png(2, 2))
    return site


def test_mdx_post_builds_strict_with_nothing_of_mdx_showing(mdx_site):
    result = mdx_site.build().ok()
    page = result.html("blog/an-mdx-post/")
    body = page.select_one(".blogposts-post")
    prose = body.__copy__()
    for code in prose.select("pre, code"):
        code.decompose()
    text = prose.get_text()
    assert "import" not in text
    assert "export" not in text
    assert "{/*" not in text
    assert "Callout" not in str(prose)
    assert "Sandpack" not in str(prose)
    assert "className" not in str(prose)
    assert "style={{" not in str(prose)

    heading = body.find("h2", id="getting-started")
    assert heading is not None
    assert heading.get_text(strip=True).startswith("Getting Started")
    assert "Hello world" in " ".join(body.get_text().split())

    img = body.find("img", alt="A pic")
    assert img["src"] == "../../img/pic.png"
    assert (img["width"], img["height"]) == ("256", "128")
    styled = body.find("div", style=True)
    assert styled["style"] == "max-width: 80%; margin-top: 8px"
    inside = styled.find("img", alt="Inside a div")
    assert inside is not None
    assert (mdx_site.out / "blog" / "an-mdx-post" / inside["src"]).resolve().is_file()
    fallback = body.find("img", alt="A bare name")
    assert (mdx_site.out / "blog" / "an-mdx-post" / fallback["src"]).resolve().read_bytes() == png(
        2, 2
    )

    admonition = body.select_one(".admonition.warning")
    assert admonition.find("strong").get_text() == "this"
    code_block = admonition.select_one(".highlight")
    assert 'return <div className="app" />' in code_block.get_text()
    assert code_block.select_one(".filename").get_text() == "App.jsx"
    assert code_block.select(".hll")  # line 2 highlighted

    # The fence inside a component is still code, with its Sandpack file name as title.
    blocks = {b.select_one(".filename").get_text(): b.get_text() for b in body.select(".highlight")}
    assert "import { useState } from 'react';" in blocks["src/App.js"]


def test_messages_name_the_line_after_removed_jsx(mdx_site):
    mdx_site.config["plugins"][1]["blogposts"]["components"] = {}
    mdx_site.write(
        "docs/blog/an-mdx-post.mdx",
        MDX_POST.replace('/img/pic.png" width', '/img/missing.png" width'),
        dedent=False,
    )
    result = mdx_site.build(strict=False)
    warnings = result.messages(logging.WARNING)
    assert any(
        w.startswith(
            "blogposts: docs/blog/an-mdx-post.mdx:12: image '/img/missing.png' was not found"
        )
        for w in warnings
    ), warnings
    assert any(
        w.startswith(
            "blogposts: docs/blog/an-mdx-post.mdx:32: <Sandpack> is a component with no HTML mapping"
        )
        for w in warnings
    ), warnings


def test_app_router_metadata_export(site):
    site.write(
        "docs/blog/app-router.mdx",
        "export const metadata = {\n  title: 'From an export',\n  description: 'Exported.',\n"
        "  date: '2024-02-03',\n}\n\nBody.\n",
        dedent=False,
    )
    result = site.build().ok()
    page = result.html("blog/app-router/")
    assert page.select_one(".blogposts-title").get_text() == "From an export"
    assert "const metadata" not in page.select_one(".blogposts-post").get_text()
    entry = result.html("blog/").select_one(".blogposts-entry")
    assert entry.select_one(".blogposts-excerpt").get_text(strip=True) == "Exported."
    assert entry.find("time")["datetime"] == "2024-02-03"


def test_attr_list_and_md_in_html_are_enabled(site):
    site.config["markdown_extensions"] = ["toc"]
    site.post("p.md", 'title: "T"\ndate: 2020-01-01', "## Named {/*custom-id*/}\n")
    page = site.build().ok().html("blog/p/")
    assert page.find("h2", id="custom-id") is not None


def test_the_sites_other_pages_keep_its_own_extensions(site):
    # The post needs attr_list and md_in_html; the site's other pages do not get them,
    # though they have what those would change, and the config is left as it was.
    site.config["markdown_extensions"] = ["toc"]
    body = "## Named {/*custom-id*/}\n\n<div>\n**Bold** words\n</div>\n"
    site.post("p.md", 'title: "T"\ndate: 2020-01-01', body)
    site.write(
        "docs/other.md", '# Other\n\n## Kept {#kept}\n\n<div markdown="1">*as written*</div>\n'
    )
    result = site.build().ok()
    post = result.html("blog/p/")
    assert post.find("h2", id="custom-id") is not None
    assert post.select_one(".blogposts-post div strong").get_text() == "Bold"
    assert result.config["markdown_extensions"] == ["toc", "tables", "fenced_code"]
    other = result.html("other/")
    assert other.find("h2", id="kept") is None
    assert "{#kept}" in other.find("h2").get_text()
    assert other.find("em") is None
    assert "*as written*" in other.get_text()


def test_an_excerpt_gets_the_extensions_its_markdown_needs(site):
    # No site-wide md_in_html: the excerpt renderer turns it on for this excerpt.
    site.config["markdown_extensions"] = ["toc"]
    body = "<div>\n**Bold** start\n</div>\n\n<!-- more -->\n\nThe rest.\n"
    site.post("p.md", 'title: "T"\ndate: 2020-01-01', body)
    entry = site.build().ok().html("blog/").select_one(".blogposts-excerpt")
    assert entry.select_one("div strong").get_text() == "Bold"
    assert "**" not in entry.get_text()


def test_a_page_that_fails_leaves_the_sites_extensions_as_they_were(site, monkeypatch):
    # A post that needs attr_list gets it for its own render; when that render fails,
    # the site's configuration still holds its own list.
    site.write(
        "boom_ext.py",
        "from markdown.extensions import Extension\n"
        "from markdown.preprocessors import Preprocessor\n"
        "from mkdocs.exceptions import BuildError\n\n"
        "class Boom(Preprocessor):\n"
        "    def run(self, lines):\n"
        "        if 'BOOM' in lines:\n"
        "            raise BuildError('boom')\n"
        "        return lines\n\n"
        "class BoomExtension(Extension):\n"
        "    def extendMarkdown(self, md):\n"
        "        md.preprocessors.register(Boom(md), 'boom', 100)\n\n"
        "def makeExtension(**kwargs):\n"
        "    return BoomExtension(**kwargs)\n",
    )
    monkeypatch.syspath_prepend(str(site.root))
    site.config["markdown_extensions"] = ["toc", "boom_ext"]
    site.post("p.md", 'title: "T"\ndate: 2020-01-01', "## Named {/*custom-id*/}\n\nBOOM\n")
    result = site.build()
    assert result.error is not None
    assert result.config["markdown_extensions"] == ["toc", "tables", "fenced_code", "boom_ext"]
