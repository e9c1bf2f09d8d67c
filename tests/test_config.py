import pytest

from mkdocs_blogposts.config import BlogpostsConfig


def validate(options, config_file_path=None):
    config = BlogpostsConfig(config_file_path=config_file_path)
    config.load_dict(options)
    errors, warnings = config.validate()
    return config, [f"{key}: {error}" for key, error in errors], warnings


def test_defaults():
    config, errors, warnings = validate({})
    assert errors == []
    assert warnings == []
    assert config.blog_dir == "blog"
    assert config.public_dir is None
    assert config.words_per_minute == 230
    assert config.excerpt_separators == ["<!-- more -->", "<!-- truncate -->", "{/* truncate */}"]
    assert config.locale is None
    assert config.draft_in_serve is True


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"blog_dir": "../outside"}, "blog_dir: '../outside' is not a folder inside docs_dir"),
        ({"blog_dir": ""}, "is not a folder inside docs_dir"),
        ({"blog_dir": "/"}, "is not a folder inside docs_dir"),
        ({"blog_dir": 3}, "blog_dir: Expected type: <class 'str'>"),
        ({"words_per_minute": 0}, "words_per_minute: must be a whole number of at least 1, not 0"),
        ({"locale": "xx-nope"}, "locale: unknown locale 'xx-nope'; use a language code such as"),
        ({"public_dir": "does-not-exist"}, "does-not-exist' isn't an existing directory."),
        ({"draft_in_serve": "yes"}, "draft_in_serve: Expected type: <class 'bool'>"),
        ({"unknown_option": 1}, None),
    ],
)
def test_invalid_options(tmp_path, options, message):
    _, errors, warnings = validate(options, str(tmp_path / "mkdocs.yml"))
    if message is None:
        assert warnings == [("unknown_option", "Unrecognised configuration name: unknown_option")]
    else:
        assert any(message in e for e in errors), errors


def test_blog_dir_is_normalised():
    config, errors, _ = validate({"blog_dir": "/writing/"})
    assert errors == []
    assert config.blog_dir == "writing"


def test_public_dir_is_relative_to_mkdocs_yml(tmp_path):
    (tmp_path / "public").mkdir()
    config, errors, _ = validate({"public_dir": "public"}, str(tmp_path / "mkdocs.yml"))
    assert errors == []
    assert config.public_dir == str(tmp_path / "public")


@pytest.mark.parametrize(
    ("locale", "theme", "expected"),
    [
        (None, {}, "en"),
        (None, {"language": "fr"}, "fr"),
        (None, {"locale": "ja"}, "ja"),
        ("de", {"language": "fr"}, "de"),
    ],
)
def test_locale_falls_back_to_the_theme(locale, theme, expected):
    config, _, _ = validate({"locale": locale} if locale else {})
    assert config.theme_locale(theme) == expected
