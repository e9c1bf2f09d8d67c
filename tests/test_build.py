"""Real `mkdocs build --strict` runs with the Material theme, HTML parsed and asserted."""

import json
import logging
import re

import pytest
from sitekit import png

SEED_SHAPED = """\
---
title: "Tide Pools at Dawn"
subtitle: "What the low tide WON'T tell you"
date: "2023-04-06"
excerpt: "Notes from a morning among anemones, and why the small pools matter."
---

The tide went out before sunrise and left the rocks full of small worlds.

# The Pools

Each pool is its own weather system.

<figure>
  <img src="/img/pool.png" alt="A tide pool" />
  <figcaption className="text-sm text-muted-foreground mt-2 text-center">
    A pool at the <a href="https://example.org/reef">north reef</a>, <strong>6 a.m.</strong>
  </figcaption>
</figure>

## What lives there

- Anemones
- Hermit crabs

```html
<figure className="stays-in-code" />
```

# Going Back

Inline `<img className="x" />` stays code too.
"""


@pytest.fixture
def blog(site):
    site.config["site_url"] = "https://example.org/sub/path/"
    site.config["plugins"] = ["search", {"blogposts": {"public_dir": "public"}}]
    site.write("docs/blog/tide-pools.md", SEED_SHAPED, dedent=False)
    site.write("public/img/pool.png", png())
    site.write("public/img/unused.png", png())
    return site


def test_post_page_header(blog):
    page = blog.build().ok().html("blog/tide-pools/")
    h1s = page.find_all("h1")
    assert [h.get_text() for h in h1s] == ["Tide Pools at Dawn"]
    header = page.select_one(".blogposts-header")
    assert header.select_one(".blogposts-subtitle").get_text() == "What the low tide WON'T tell you"
    time = header.find("time")
    assert time["datetime"] == "2023-04-06"
    assert time.get_text() == "April 6, 2023"
    assert header.select_one(".blogposts-reading-time").get_text() == "1 min read"
    assert page.title.get_text().startswith("Tide Pools at Dawn")


def test_search_reads_the_post_not_its_header_and_footer(blog):
    blog.post("older.md", 'title: "Older"\ndate: "2020-01-01"', "Older text.\n")
    result = blog.build().ok()
    page = result.html("blog/tide-pools/")
    assert page.select_one(".blogposts-footer .blogposts-post-nav") is not None
    assert "blogposts-header-" not in str(page)
    assert "blogposts-footer-" not in str(page)
    index = json.loads((blog.out / "search" / "search_index.json").read_text())
    text = " ".join(
        doc["title"] + " " + doc["text"]
        for doc in index["docs"]
        if doc["location"].startswith("blog/tide-pools/")
    )
    assert "Tide Pools at Dawn" in text
    assert "WON&#x27;T tell you" in text or "WON'T tell you" in text  # the subtitle
    assert "Each pool is its own weather system" in text
    assert "min read" not in text
    assert "Older post" not in text


def test_body_headings_move_down_and_the_toc_follows(blog):
    page = blog.build().ok().html("blog/tide-pools/")
    content = page.select_one(".blogposts-post")
    assert [h.name for h in content.find_all(re.compile("^h[1-6]$"))] == ["h1", "h2", "h3", "h2"]
    toc = [a.get_text(strip=True) for a in page.select("nav.md-nav--secondary a.md-nav__link")]
    assert toc == ["The Pools", "What lives there", "Going Back"]


def test_figures_become_valid_html(blog):
    page = blog.build().ok().html("blog/tide-pools/")
    figure = page.select_one(".blogposts-post figure")
    caption = figure.find("figcaption")
    assert caption["class"] == "text-sm text-muted-foreground mt-2 text-center".split()
    assert caption.find("a")["href"] == "https://example.org/reef"
    assert caption.find("strong").get_text() == "6 a.m."
    assert not page.find_all(attrs={"classname": True})
    assert "className" not in str(page.select_one(".blogposts-post figure"))


def test_code_keeps_its_jsx(blog):
    page = blog.build().ok().html("blog/tide-pools/")
    codes = [c.get_text() for c in page.select(".blogposts-post code")]
    assert '<figure className="stays-in-code" />' in "".join(codes)
    assert '<img className="x" />' in codes


def test_root_absolute_images_work_under_a_sub_path(blog):
    result = blog.build().ok()
    img = result.html("blog/tide-pools/").select_one(".blogposts-post figure img")
    assert img["src"] == "../../img/pool.png"
    # Resolved from the page's own URL, the image is a file in the site.
    assert (
        blog.out / "blog" / "tide-pools" / img["src"]
    ).resolve() == blog.out / "img" / "pool.png"
    assert (blog.out / "img" / "pool.png").read_bytes() == png()
    # Only what a post uses is copied from public_dir.
    assert not (blog.out / "img" / "unused.png").exists()


def test_images_in_docs_dir_win_over_public_dir(blog):
    blog.write("docs/img/pool.png", png(8, 8))
    blog.build().ok()
    assert (blog.out / "img" / "pool.png").read_bytes() == png(8, 8)


def test_a_missing_image_warns_with_post_and_line(blog):
    blog.write(
        "docs/blog/tide-pools.md",
        SEED_SHAPED.replace("/img/pool.png", "/img/gone.webp"),
        dedent=False,
    )
    strict = blog.build()
    assert strict.error is not None
    warnings = strict.messages(logging.WARNING)
    assert any(
        w.startswith("blogposts: docs/blog/tide-pools.md:15: image '/img/gone.webp' was not found")
        and "add the file or fix the path" in w
        for w in warnings
    ), warnings
    relaxed = blog.build(strict=False).ok()
    img = relaxed.html("blog/tide-pools/").select_one("figure img")
    assert img["src"] == "/img/gone.webp"


def test_index_lists_posts_newest_first(blog):
    blog.post(
        "older.md",
        'title: "Older <Post>"\nsubtitle: "Sub"\ndate: "April 1, 2021"',
        "First paragraph of the older post.\n\nSecond paragraph, not in the excerpt.\n",
    )
    blog.post(
        "nested/index.mdx",
        'title: "Middle"\ndate: 2022-05-05\ndescription: "From description."',
        "Body.\n",
    )
    page = blog.build().ok().html("blog/")
    entries = page.select(".blogposts-entry")
    titles = [e.select_one(".blogposts-entry-title a").get_text() for e in entries]
    assert titles == ["Tide Pools at Dawn", "Middle", "Older <Post>"]
    hrefs = [e.select_one(".blogposts-entry-title a")["href"] for e in entries]
    assert hrefs == ["tide-pools/", "nested/", "older/"]
    first = entries[0]
    assert first.select_one(".blogposts-subtitle").get_text() == "What the low tide WON'T tell you"
    assert first.find("time")["datetime"] == "2023-04-06"
    assert first.select_one(".blogposts-reading-time").get_text() == "1 min read"
    assert first.select_one(".blogposts-excerpt").get_text(strip=True) == (
        "Notes from a morning among anemones, and why the small pools matter."
    )
    assert entries[1].select_one(".blogposts-excerpt").get_text(strip=True) == "From description."
    older = entries[2].select_one(".blogposts-excerpt")
    assert older.get_text(strip=True) == "First paragraph of the older post."
    assert "Second paragraph" not in page.get_text()


def test_excerpt_markers(blog):
    blog.post(
        "marked.md",
        'title: "Marked"\ndate: 2020-01-01',
        "Before *the* marker, see [the pools](tide-pools.md) and ![pool](/img/pool.png).\n\n"
        "{/* truncate */}\n\nAfter the marker.\n",
    )
    result = blog.build().ok()
    excerpt = result.html("blog/").select(".blogposts-entry")[-1].select_one(".blogposts-excerpt")
    assert excerpt.find("em").get_text() == "the"
    assert excerpt.find("a")["href"] == "tide-pools/"
    assert excerpt.find("img")["src"] == "../img/pool.png"
    assert "After the marker" not in excerpt.get_text()
    post = result.html("blog/marked/")
    assert "truncate" not in post.select_one(".blogposts-post").get_text()
    assert "After the marker." in post.get_text()


def test_users_index_content_stays_above_the_list(blog):
    blog.write("docs/blog/index.md", "# Field Notes\n\nWelcome to the notes.\n")
    page = blog.build().ok().html("blog/")
    article = page.select_one("article.md-content__inner")
    texts = [el.get_text(strip=True) for el in article.find_all(["h1", "p"], recursive=False)]
    assert texts[:2] == ["Field Notes", "Welcome to the notes."]
    assert article.select_one(".blogposts-listing") is not None


def test_the_blog_is_one_nav_entry(blog):
    blog.post("second.md", 'title: "Second"\ndate: 2020-01-01')
    page = blog.build().ok().html("")
    links = [a.get_text(strip=True) for a in page.select("nav.md-nav--primary a.md-nav__link")]
    assert links == ["Home", "Blog"]


def test_drafts_are_left_out_of_build(blog):
    blog.post("secret.md", 'title: "Secret Draft"\ndate: 2024-01-01\ndraft: true')
    result = blog.build().ok()
    assert not (blog.out / "blog" / "secret").exists()
    assert "Secret Draft" not in result.html("blog/").get_text()
    index = json.loads((blog.out / "search" / "search_index.json").read_text())
    assert not any("Secret" in doc["title"] or "secret" in doc["location"] for doc in index["docs"])


def test_drafts_show_in_serve_marked(blog):
    blog.post("secret.md", 'title: "Secret Draft"\ndate: 2024-01-01\ndraft: true')
    result = blog.build(command="serve").ok()
    entry = result.html("blog/").select(".blogposts-entry")[0]
    assert entry.select_one(".blogposts-entry-title").get_text(strip=True) == "Secret Draft"
    assert entry.select_one(".blogposts-draft").get_text() == "Draft"
    page = result.html("blog/secret/")
    assert page.select_one(".blogposts-header .blogposts-draft") is not None


def test_slug_replaces_the_last_segment(blog):
    blog.post("2023/long-file-name.md", 'title: "Slugged"\ndate: 2020-01-01\nslug: short')
    result = blog.build().ok()
    assert (blog.out / "blog" / "2023" / "short" / "index.html").exists()
    assert "2023/short/" in [
        a["href"] for a in result.html("blog/").select(".blogposts-entry-title a")
    ]


def test_mdx_posts_become_pages(blog):
    blog.post("hello.mdx", 'title: "Hello MDX"\ndate: 2020-01-01', "An **mdx** body.\n")
    result = blog.build().ok()
    page = result.html("blog/hello/")
    assert page.select_one(".blogposts-post strong").get_text() == "mdx"
    assert not (blog.out / "blog" / "hello.mdx").exists()


def test_same_url_twice_is_an_error_naming_both(blog):
    blog.post("twin.md", 'title: "A"\ndate: 2020-01-01')
    blog.post("twin/index.md", 'title: "B"\ndate: 2020-01-01')
    result = blog.build()
    assert result.error is not None
    errors = result.messages(logging.ERROR)
    assert any("twin" in e and "already taken by" in e for e in errors), errors


def test_undated_post_warns_and_sorts_last(blog):
    blog.post("undated.md", 'title: "Undated"')
    strict = blog.build()
    assert strict.error is not None
    assert "docs/blog/undated.md: the post has no 'date'; it is listed last." in " ".join(
        strict.messages()
    )
    page = blog.build(strict=False).ok().html("blog/")
    titles = [a.get_text() for a in page.select(".blogposts-entry-title a")]
    assert titles[-1] == "Undated"


HOSTILE = '<script>alert("x")</script>'


def test_front_matter_strings_are_escaped_everywhere(blog):
    blog.post(
        "hostile.md",
        f"title: '{HOSTILE}'\nsubtitle: '{HOSTILE}'\nexcerpt: '{HOSTILE}'\ndate: 2020-01-01\n"
        f"description: '{HOSTILE}'",
    )
    result = blog.build().ok()
    for url in ("blog/", "blog/hostile/"):
        raw = (blog.out / url / "index.html").read_text()
        assert HOSTILE not in raw
        page = result.html(url)
        assert not [s for s in page.find_all("script") if "alert" in s.get_text()]
    post = result.html("blog/hostile/")
    assert post.select_one(".blogposts-title").get_text() == HOSTILE
    assert post.select_one(".blogposts-subtitle").get_text() == HOSTILE
    index = result.html("blog/")
    assert HOSTILE in [a.get_text() for a in index.select(".blogposts-entry-title a")]


@pytest.mark.parametrize(
    ("front_matter", "where", "what"),
    [
        ('title: "T"\nsubtitle: a: b\ndate: 2020-01-01', ":3:", "not valid YAML"),
        ('title: "T"\ndate: "2023-02-30"', ":3:", "February 2023 has 28 days"),
        ("title:\n  - a\n  - b\ndate: 2020-01-01", ":2:", "'title' must be text, not a list"),
    ],
)
def test_bad_front_matter_stops_the_build_with_file_and_line(blog, front_matter, where, what):
    blog.post("bad.md", front_matter)
    result = blog.build(strict=False)
    assert result.error is not None
    errors = " ".join(result.messages(logging.ERROR))
    assert f"docs/blog/bad.md{where}" in errors
    assert what in errors


def test_unclosed_front_matter_and_bad_bytes(blog):
    blog.write("docs/blog/open.md", '---\ntitle: "T"\n\nNo end.\n')
    blog.write("docs/blog/latin1.md", b'---\ntitle: "T"\ndate: 2020-01-01\n---\n\nCaf\xe9\n')
    result = blog.build(strict=False)
    errors = " ".join(result.messages(logging.ERROR))
    assert "docs/blog/open.md:1: the front matter opened on line 1 is never closed" in errors
    assert "docs/blog/latin1.md:6: the file is not valid UTF-8" in errors


def test_css_is_shipped_and_linked(blog):
    result = blog.build().ok()
    css = blog.out / "assets" / "blogposts" / "blogposts.css"
    assert ".blogposts-post figcaption" in css.read_text()
    page = result.html("blog/tide-pools/")
    assert "../../assets/blogposts/blogposts.css" in [
        link["href"] for link in page.find_all("link")
    ]


def test_without_material(blog):
    blog.config["theme"] = {"name": "mkdocs"}
    result = blog.build().ok()
    page = result.html("blog/tide-pools/")
    assert [h.get_text() for h in page.find_all("h1")] == ["Tide Pools at Dawn"]
    assert result.html("blog/").select(".blogposts-entry")


def test_locale_follows_the_theme(blog):
    blog.config["theme"] = {"name": "material", "language": "de"}
    page = blog.build().ok().html("blog/tide-pools/")
    assert page.find("time").get_text() == "6. April 2023"


def test_a_byte_order_mark_does_not_hide_front_matter(blog):
    blog.write("docs/blog/bom.md", '\ufeff---\ntitle: "With BOM"\ndate: 2020-01-01\n---\n\nText.\n')
    page = blog.build().ok().html("blog/bom/")
    assert page.select_one(".blogposts-title").get_text() == "With BOM"
    assert "title:" not in page.select_one(".blogposts-post").get_text()


def test_a_template_in_custom_dir_overrides_the_plugins(blog):
    blog.config["theme"] = {"name": "material", "custom_dir": "overrides"}
    blog.write(
        "overrides/blogposts/post-header.html",
        '<header class="my-header"><h1>{{ post.title | e }}</h1><p>by the site</p>'
        "<p>{% for n in range(3) %}{{ n }}{% endfor %}</p></header>\n",
    )
    page = blog.build().ok().html("blog/tide-pools/")
    assert [p.get_text() for p in page.select(".my-header p")] == ["by the site", "012"]
    assert page.select_one(".blogposts-header") is None


def test_templates_see_the_filters_other_plugins_add(blog):
    # A hook (or plugin) adds a filter in on_env; the blog's fragments render with
    # the same environment as the theme, so an override can use it.
    blog.config["theme"] = {"name": "material", "custom_dir": "overrides"}
    blog.config["hooks"] = ["hooks.py"]
    blog.write(
        "hooks.py",
        "def on_env(env, config, files):\n"
        "    env.filters['shout'] = lambda text: text.upper() + '!'\n"
        "    return env\n",
    )
    for name in ("post-header", "listing"):
        blog.write(
            f"overrides/blogposts/{name}.html",
            f'<p class="shout">{{{{ "{name}" | shout }}}}</p>\n',
        )
    result = blog.build().ok()
    assert result.html("blog/").select_one(".shout").get_text() == "LISTING!"
    assert result.html("blog/tide-pools/").select_one(".shout").get_text() == "POST-HEADER!"
