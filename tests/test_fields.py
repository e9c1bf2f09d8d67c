import datetime as dt

import pytest

from mkdocs_blogposts.errors import PostError
from mkdocs_blogposts.fields import ALIASES, read_fields
from mkdocs_blogposts.frontmatter_reader import split


def fields_of(front_matter: str):
    source = split(f"---\n{front_matter}\n---\nBody\n", "blog/p.md")
    return read_fields(source, "blog/p.md")


def test_seed_fields():
    fields, warnings = fields_of(
        'title: "The Future"\nsubtitle: "Why not"\ndate: "2023-04-06"\nexcerpt: "Short."'
    )
    assert (fields.title, fields.subtitle, fields.excerpt) == ("The Future", "Why not", "Short.")
    assert fields.date is not None
    assert fields.date.day == dt.date(2023, 4, 6)
    assert warnings == []


@pytest.mark.parametrize(
    ("field", "alias", "value"),
    [(field, alias, "2023-04-06") for field in ("date", "updated") for alias in ALIASES[field]]
    + [("excerpt", alias, "Text") for alias in ALIASES["excerpt"]]
    + [("image", alias, "/img/x.png") for alias in ALIASES["image"]],
)
def test_other_blogs_names_map_onto_ours(field, alias, value):
    own_date = "" if field == "date" else 'date: "2020-01-01"\n'
    fields, _ = fields_of(f'title: "T"\n{own_date}{alias}: "{value}"')
    got = getattr(fields, field)
    if field in ("date", "updated"):
        assert got.iso == value
    else:
        assert got == value


def test_our_name_wins_over_an_alias():
    fields, _ = fields_of('excerpt: "Ours"\ndescription: "Theirs"\ndate: "2020-01-01"')
    assert fields.excerpt == "Ours"


def test_lists_and_single_names():
    fields, _ = fields_of(
        "date: 2020-01-01\ntags: [ai, open source, ai]\nauthor:\n  name: Jane Doe\n  picture: x.png"
    )
    assert fields.tags == ("ai", "open source")
    assert fields.authors == ("Jane Doe",)
    fields, _ = fields_of("date: 2020-01-01\ntags: python\nauthors: ['A', 'B']")
    assert fields.tags == ("python",)
    assert fields.authors == ("A", "B")


def test_image_mapping_and_draft():
    fields, _ = fields_of(
        "date: 2020-01-01\nogImage:\n  url: /x.png\ncoverImage: /c.png\ndraft: true"
    )
    assert fields.image == "/c.png"
    assert fields.draft is True


@pytest.mark.parametrize(
    ("front_matter", "line", "message"),
    [
        ("title:\n  - a\n  - b", 2, "'title' must be text, not a list"),
        ('date: "2020-01-01"\nsubtitle: {a: 1}', 3, "'subtitle' must be text, not a mapping"),
        ("excerpt: true", 2, "'excerpt' must be text, not the boolean true"),
        ('date: "2023-02-30"', 2, "'date': '2023-02-30' is not a real date"),
        ("date: 2023-02-30", 2, "February 2023 has 28 days"),
        ('date: "2020-01-01"\nlastmod: "soon"', 3, "'lastmod': 'soon' is not a date"),
        ('date: "2020-01-01"\ndraft: "yes"', 3, "'draft' must be true or false"),
        ('date: "2020-01-01"\ntags: [[a]]', 3, "'tags' must be a name or a list of names"),
        ('date: "2020-01-01"\nslug: "../etc"', 3, "cannot be a URL segment"),
        ('date: "2020-01-01"\nslug: "a/b"', 3, "cannot be a URL segment"),
        ('date: "2020-01-01"\nslug: "!!!"', 3, "cannot be a URL segment"),
        ('date: "2020-01-01"\nimage: [1]', 3, "'image' must be an image path or URL"),
    ],
)
def test_wrong_values_name_file_line_and_fix(front_matter, line, message):
    with pytest.raises(PostError) as e:
        fields_of(front_matter)
    assert e.value.diagnostic.path == "blog/p.md"
    assert e.value.diagnostic.line == line
    assert message in str(e.value)


def test_numbers_are_accepted_as_text():
    fields, _ = fields_of("title: 1984\ndate: 2020-01-01")
    assert fields.title == "1984"


def test_slug_is_made_url_safe():
    fields, _ = fields_of("date: 2020-01-01\nslug: My Great Post")
    assert fields.slug == "My-Great-Post"


def test_missing_date_is_a_warning_not_an_error():
    fields, warnings = fields_of('title: "T"')
    assert fields.date is None
    assert [str(w) for w in warnings] == [
        "blog/p.md: the post has no 'date'; it is listed last. "
        'Add date: "YYYY-MM-DD" to its front matter'
    ]
