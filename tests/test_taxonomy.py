from dataclasses import dataclass, field

import pytest

from mkdocs_blogposts.taxonomy import group_by, neighbours, related, series_of, slugify


@dataclass(eq=False)
class P:
    title: str
    tags: tuple = ()
    series: str | None = None
    part: int | None = None
    date: int = 0
    extra: dict = field(default_factory=dict)


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Open Source", "open-source"),
        ("Café crème", "cafe-creme"),
        ("日本語", "日本語"),
        ("  AI/ML ", "ai-ml"),
        ("!!!", "-"),
    ],
)
def test_slugify(text, slug):
    assert slugify(text) == slug


def test_group_by_keeps_order_and_first_spelling():
    a, b, c = P("a", ("Python", "AI")), P("b", ("python",)), P("c", ("AI",))
    groups = group_by([a, b, c], lambda p: p.tags)
    assert list(groups) == ["python", "ai"]
    assert groups["python"].name == "Python"
    assert groups["python"].posts == [a, b]
    assert groups["ai"].posts == [a, c]


def test_neighbours():
    a, b, c = P("a"), P("b"), P("c")
    n = neighbours([a, b, c])
    assert n[id(a)] == (None, b)
    assert n[id(b)] == (a, c)
    assert n[id(c)] == (b, None)


def test_related_prefers_shared_tags_then_recency():
    posts = [
        P("new-one-tag", ("x",)),
        P("me", ("x", "y", "z")),
        P("old-three", ("x", "y", "z")),
        P("two", ("y", "z")),
        P("none", ("q",)),
        P("older-one", ("x",)),
    ]
    result = related(posts, lambda p: p.tags, limit=3)
    assert [p.title for p in result[id(posts[1])]] == ["old-three", "two", "new-one-tag"]
    assert id(posts[4]) not in result  # it shares no tag


def test_related_is_bounded_for_a_tag_on_every_post():
    posts = [P(str(i), ("everywhere",)) for i in range(1000)]
    result = related(posts, lambda p: p.tags, limit=3, window=50)
    assert [p.title for p in result[id(posts[999])]] == ["0", "1", "2"]


def test_series_from_front_matter_and_titles():
    p2 = P("Watch Your Language, Part 2", date=2)
    p1 = P("Watch Your Language (Part 1)", date=1)
    alone = P("Lonely, Part 1")
    d2 = P("Second", series="Guide", part=2)
    d1 = P("First", series="Guide", part=1)
    d3 = P("Unnumbered", series="Guide")
    posts = [p2, p1, alone, d2, d1, d3]
    found = series_of(
        posts,
        declared=lambda p: (p.series, p.part),
        title=lambda p: p.title,
        sort_key=lambda p: p.date,
        from_titles=True,
    )
    assert set(found) == {"watch-your-language", "guide"}
    assert found["watch-your-language"].parts == [p1, p2]
    assert found["watch-your-language"].name == "Watch Your Language"
    assert found["guide"].parts == [d1, d2, d3]
    without = series_of(
        posts,
        declared=lambda p: (p.series, p.part),
        title=lambda p: p.title,
        sort_key=lambda p: p.date,
        from_titles=False,
    )
    assert set(without) == {"guide"}
