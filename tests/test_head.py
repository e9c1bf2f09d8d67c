from mkdocs_blogposts.head import add_to_head, text_of

PAGE = (
    "<!doctype html><html><head>\n"
    '<!-- <meta name="description" content="in a comment"> -->\n'
    '<script>var s = \'<link rel="canonical" href="x">\';</script>\n'
    '<meta charset="utf-8">\n'
    "<meta content='Site-wide, with a > sign' name=description>\n"
    "</head><body><p>Body</p></body></html>"
)


def test_the_theme_description_is_replaced_and_a_canonical_link_added():
    out = add_to_head(PAGE, "<meta x>\n", description="Post <one>", canonical="https://e.org/p/")
    head = out[: out.index("</head>")]
    assert "Site-wide" not in head
    assert head.count('name="description"') == 1 + head.count("in a comment")
    assert '<meta name="description" content="Post &lt;one&gt;">' in head
    assert '<link rel="canonical" href="https://e.org/p/">' in head
    assert "<meta x>" in head
    assert out.endswith("<body><p>Body</p></body></html>")


def test_tags_in_comments_and_scripts_do_not_count():
    page = PAGE.replace("<meta content='Site-wide, with a > sign' name=description>\n", "")
    out = add_to_head(page, "", description="Mine", canonical="https://e.org/p/")
    head = out[: out.index("</head>")]
    assert "in a comment" in head  # left as it was
    assert head.count('<meta name="description" content="Mine">') == 1
    assert '<link rel="canonical" href="https://e.org/p/">' in head


def test_an_existing_canonical_link_is_kept():
    page = PAGE.replace(
        "<meta charset", '<LINK REL="Canonical" href="https://e.org/theirs/"><meta charset'
    )
    out = add_to_head(page, "", canonical="https://e.org/mine/")
    assert "mine" not in out


def test_a_page_without_head_is_left_alone():
    assert add_to_head("<p>fragment</p>", "<meta x>", description="d") == "<p>fragment</p>"


def test_text_of_counts_alt_text():
    assert text_of('<p>A <b>bold</b> <img alt="cat" src="c.png"> move</p>') == "A bold cat move"
