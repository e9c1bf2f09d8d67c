"""Labels and dates in the languages the plugin speaks, through a real build."""

import pytest

from mkdocs_blogposts.labels import LABELS, labels_for
from mkdocs_blogposts.rendering import parse_locale


def test_every_language_has_every_label_with_the_same_placeholders():
    english = LABELS["en"]
    for language, labels in LABELS.items():
        assert labels.keys() == english.keys(), language
        for key, text in labels.items():
            for placeholder in ("{name}", "{minutes}", "{part}", "{total}", "{number}"):
                assert (placeholder in text) == (placeholder in english[key]), (language, key)


def test_unknown_languages_fall_back_to_english():
    assert labels_for(parse_locale("pt_BR")) == LABELS["en"]
    assert labels_for(parse_locale("de_AT")) == LABELS["de"]


@pytest.mark.parametrize(
    ("language", "date", "reading", "newer_posts", "tags"),
    [
        ("en", "April 6, 2023", "1 min read", "Older posts", "Tags"),
        ("de", "6. April 2023", "1 Min. Lesezeit", "Ältere Beiträge", "Schlagwörter"),
        ("fr", "6 avril 2023", "1 min de lecture", "Articles plus anciens", "Étiquettes"),
        ("es", "6 de abril de 2023", "1 min de lectura", "Entradas anteriores", "Etiquetas"),
        ("ja", "2023年4月6日", "1分で読めます", "古い投稿", "タグ"),
        ("zh", "2023年4月6日", "1 分钟阅读", "较早的文章", "标签"),
    ],
)
def test_pages_follow_the_theme_language(site, language, date, reading, newer_posts, tags):
    site.config["theme"] = {"name": "material", "language": language}
    site.config["plugins"] = ["search", {"blogposts": {"posts_per_page": 1}}]
    site.post("a.md", 'title: "A"\ndate: "2023-04-06"\ntags: [x]')
    site.post("b.md", 'title: "B"\ndate: "2023-04-05"')
    result = site.build().ok()
    index = result.html("blog/")
    assert index.find("time").get_text() == date
    assert index.select_one(".blogposts-reading-time").get_text() == reading
    assert index.select_one(".blogposts-older").get_text().strip(" →") == newer_posts
    assert result.html("blog/tags/").find("h1").get_text(strip=True).startswith(tags)


def test_the_locale_option_wins_over_the_theme(site):
    site.config["theme"] = {"name": "material", "language": "en"}
    site.config["plugins"] = [{"blogposts": {"locale": "fr"}}]
    site.post("a.md", 'title: "A"\ndate: "2023-04-06"')
    page = site.build().ok().html("blog/a/")
    assert page.select_one(".blogposts-header time").get_text() == "6 avril 2023"
    assert page.select_one(".blogposts-reading-time").get_text() == "1 min de lecture"
