from functools import partial

from mkdocs_blogposts.layout import Layout
from mkdocs_blogposts.pagination import paginate

LAYOUT = Layout("blog")


def test_pages_and_links():
    pages = paginate(list(range(25)), 10, partial(LAYOUT.page, LAYOUT.index))
    assert [(p.number, p.src_uri, len(p.items), p.newer, p.older) for p in pages] == [
        (1, "blog/index.md", 10, None, "blog/page/2.md"),
        (2, "blog/page/2.md", 10, "blog/index.md", "blog/page/3.md"),
        (3, "blog/page/3.md", 5, "blog/page/2.md", None),
    ]
    assert all(p.total == 3 for p in pages)


def test_one_page_even_when_empty_and_nested_listings():
    assert [p.src_uri for p in paginate([], 10, partial(LAYOUT.page, LAYOUT.index))] == [
        "blog/index.md"
    ]
    first = LAYOUT.tag("ai")
    assert [p.src_uri for p in paginate(list(range(11)), 10, partial(LAYOUT.page, first))] == [
        "blog/tags/ai.md",
        "blog/tags/ai/page/2.md",
    ]
