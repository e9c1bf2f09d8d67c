import pytest

from mkdocs_blogposts.dialect.components import ComponentSpec, embed, parse_spec


@pytest.mark.parametrize(
    ("text", "spec"),
    [
        ("img", ComponentSpec("element", "img")),
        ("section", ComponentSpec("element", "section")),
        ("my-widget", ComponentSpec("element", "my-widget")),
        ("admonition warning", ComponentSpec("admonition", "warning")),
        ("youtube", ComponentSpec("youtube")),
        ("tweet", ComponentSpec("tweet")),
        ("unwrap", ComponentSpec("unwrap")),
        ("drop", ComponentSpec("drop")),
    ],
)
def test_specs(text, spec):
    assert parse_spec(text) == spec


@pytest.mark.parametrize("text", ["", "banana", "admonition", "admonition Bad Type", "Image"])
def test_bad_specs_say_what_is_allowed(text):
    with pytest.raises(ValueError, match="use an HTML element name"):
        parse_spec(text)


@pytest.mark.parametrize(
    "attrs",
    [
        {"id": "dQw4w9WgXcQ"},
        {"videoId": "dQw4w9WgXcQ"},
        {"src": "https://www.youtube.com/embed/dQw4w9WgXcQ?start=3"},
        {"src": "https://www.youtube.com/watch?v=dQw4w9WgXcQ"},
        {"src": "https://youtu.be/dQw4w9WgXcQ"},
    ],
)
def test_youtube_ids(attrs):
    assert 'src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"' in embed("youtube", attrs)


def test_other_embeds():
    assert "player.vimeo.com/video/123456" in embed("vimeo", {"id": "123456"})
    assert embed("tweet", {"id": "42"}) == (
        '<p class="blogposts-tweet"><a href="https://twitter.com/i/web/status/42">'
        "View the post on X</a></p>"
    )
    assert embed("youtube", {}) is None
    assert embed("tweet", {}) is None
    assert 'title="A &quot;talk&quot;"' in embed(
        "youtube", {"id": "dQw4w9WgXcQ", "title": 'A "talk"'}
    )
