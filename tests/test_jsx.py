import pytest

from mkdocs_blogposts.jsx import convert, parse_tag

SEED_FIGURE = """<figure>
  <img src="/img/woodstock-ai-venue.webp" alt="The venue for WoodstockAI" />
  <figcaption className="text-sm text-muted-foreground mt-2 text-center">
    The beautiful venue where open source AI history was made
  </figcaption>
</figure>
"""


def test_seed_figure_becomes_html():
    out = convert(SEED_FIGURE).text
    assert "className" not in out
    assert '<figcaption class="text-sm text-muted-foreground mt-2 text-center">' in out
    # The void <img /> needed nothing: its bytes are untouched.
    assert '<img src="/img/woodstock-ai-venue.webp" alt="The venue for WoodstockAI" />' in out


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ('<p className="a">x</p>', '<p class="a">x</p>'),
        ('<p class="a" className="b">x</p>', '<p class="a b">x</p>'),
        ('<p className="b" class="a">x</p>', '<p class="b a">x</p>'),
        ("<p className={'a'}>x</p>", '<p class="a">x</p>'),
        ('<label htmlFor="n">x</label>', '<label for="n">x</label>'),
        ('<div className="spacer" />', '<div class="spacer"></div>'),
        ("<span />", "<span></span>"),
        ('<img src="a.png" width={256} />', '<img src="a.png" width="256" />'),
        ("<input disabled={true} checked={false} />", "<input disabled />"),
        ('<img src="a.png">', '<img src="a.png">'),
        ("<br/>", "<br/>"),
        (
            '<a href="x" title={"say \\"hi\\""}>x</a>',
            '<a href="x" title="say &quot;hi&quot;">x</a>',
        ),
        ("<p className={`t`}>x</p>", '<p class="t">x</p>'),
    ],
)
def test_attribute_and_tag_rewrites(source, expected):
    assert convert(source).text == expected


def test_caption_inline_html_is_kept():
    source = '<figcaption className="c">See <a href="https://x.org">this</a> and <strong>that</strong></figcaption>'
    assert convert(source).text == (
        '<figcaption class="c">See <a href="https://x.org">this</a> and <strong>that</strong></figcaption>'
    )


def test_unchanged_tags_keep_their_exact_bytes():
    source = '<div   data-x=\'1\'\n     hidden>\n<iframe src="https://v.example/?a=1&amp;b=2" frameborder="0"></iframe></div>'
    assert convert(source).text == source


@pytest.mark.parametrize(
    "source",
    [
        '```html\n<figure className="x" />\n```\n',
        '~~~\n<div className="x" />\n~~~\n',
        'Para\n\n    <div className="x" />\n',
        'Use `<div className="x" />` inline.\n',
        '1. Step\n\n   ```jsx\n   <Image className="y" />\n   ```\n',
    ],
)
def test_code_is_never_touched(source):
    assert convert(source).text == source


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("I love \\<Company Name>GPT.", "I love &lt;Company Name>GPT."),
        ("a \\\\<b>bold</b>", "a \\\\<b>bold</b>"),
        ("a <proportionate> share", "a &lt;proportionate> share"),
        ("see <https://example.org> now", "see <https://example.org> now"),
        ("mail <me@example.org>", "mail <me@example.org>"),
        ("if a < b and c > d", "if a < b and c > d"),
        ('<callout-info kind="x">hi</callout-info>', '<callout-info kind="x">hi</callout-info>'),
        ('<!-- <figure className="x" /> -->', '<!-- <figure className="x" /> -->'),
    ],
)
def test_text_that_only_looks_like_markup(source, expected):
    assert convert(source).text == expected


def test_expression_attributes_that_need_javascript_are_dropped_with_a_warning():
    result = convert('text\n<img src={cover} alt="x" />')
    assert result.text == 'text\n<img alt="x" />'
    assert result.warnings == [
        (
            5,
            "<img src={...}> holds an expression that cannot be evaluated without "
            "JavaScript; the attribute was dropped",
        )
    ]


def test_urls_are_resolved_with_their_offsets():
    seen = []

    def resolve(url, offset):
        seen.append((url, offset))
        return "../../" + url.lstrip("/") if url.startswith("/") else None

    source = 'Text\n<img src="/img/a&amp;b.webp" alt="" /> <img src="https://x.org/b.png" />'
    out = convert(source, resolve).text
    assert seen == [("/img/a&b.webp", 5), ("https://x.org/b.png", 44)]
    assert '<img src="../../img/a&amp;b.webp" alt="" />' in out
    assert '<img src="https://x.org/b.png" />' in out


def test_parse_tag_reads_jsx_values_with_nested_braces():
    text = "<div style={{ a: \"}\" , b: {c: 1} }} data-x='y' {...rest} hidden />"
    tag = parse_tag(text, 0)
    assert tag is not None
    assert tag.end == len(text)
    assert tag.self_closing
    assert [a.name for a in tag.attributes] == ["style", "data-x", None, "hidden"]
    assert tag.attributes[0].value == '{ a: "}" , b: {c: 1} }'


@pytest.mark.parametrize("text", ["<", "<>", "< div>", "<div", '<div a="x>', "<div a={x>", "<1>"])
def test_parse_tag_refuses_what_is_not_a_tag(text):
    assert parse_tag(text, 0) is None
