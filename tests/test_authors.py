import pytest

from mkdocs_blogposts.authors import Author, load_authors, resolve_authors
from mkdocs_blogposts.errors import PostError


def test_material_compatible_file():
    authors = load_authors(
        b"authors:\n  jane:\n    name: Jane Doe\n    description: Editor\n    avatar: https://x.org/j.png\n"
        b"  bob: Bob\n",
        "docs/blog/.authors.yml",
    )
    assert authors["jane"] == Author("jane", "Jane Doe", "Editor", "https://x.org/j.png")
    assert authors["bob"] == Author("bob", "Bob")
    assert resolve_authors(("jane", "Sam Smith"), authors) == (
        authors["jane"],
        Author("sam-smith", "Sam Smith"),
    )


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"authors: [a, b]\n", "must map author keys"),
        (b"authors:\n  jane: {name: [x]}\n", "author 'jane' needs a 'name'"),
        (b"authors:\n  jane: {name: 'x'\n", "not valid YAML"),
    ],
)
def test_bad_files(data, message):
    with pytest.raises(PostError, match=message):
        load_authors(data, "a.yml")
