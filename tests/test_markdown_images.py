import pytest

from mkdocs_blogposts.dialect.markdown_images import rewrite_images


def upper(url, offset):
    return None if url.startswith("http") else url.upper()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("![alt](/img/a.png)", "![alt](/IMG/A.PNG)"),
        ('![alt](/img/a.png "A title")', '![alt](/IMG/A.PNG "A title")'),
        ("![a [nested] label](b.png)", "![a [nested] label](B.PNG)"),
        ("![x](<with space.png>)", "![x](<WITH SPACE.PNG>)"),
        ("![x](a_(1).png)", "![x](A_(1).PNG)"),
        ("![x](https://x.org/a.png)", "![x](https://x.org/a.png)"),
        ("[not an image](a.png)", "[not an image](a.png)"),
        ("`![code](a.png)`", "`![code](a.png)`"),
        ("```\n![code](a.png)\n```\n", "```\n![code](a.png)\n```\n"),
        ("![broken](", "![broken]("),
        ("![a](x.png) and ![b](y.png)", "![a](X.PNG) and ![b](Y.PNG)"),
    ],
)
def test_rewrites_only_image_destinations(text, expected):
    assert rewrite_images(text, upper) == expected


def test_offsets_and_spaces():
    seen = []

    def resolve(url, offset):
        seen.append((url, offset))
        return "../img/a b.png"

    assert rewrite_images("Text\n![x](/img/a%20b.png)", resolve) == "Text\n![x](<../img/a b.png>)"
    assert seen == [("/img/a%20b.png", 5)]
