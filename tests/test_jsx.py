import pytest

from mkdocs_blogposts.dialect.jsx import convert, parse_tag

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


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            '<div style={{ maxWidth: "80%", marginTop: 8 }}>x</div>',
            '<div style="max-width: 80%; margin-top: 8px">x</div>',
        ),
        ("<th style={{ textAlign: 'left' }}>A</th>", '<th style="text-align: left">A</th>'),
        (
            '<iframe src="https://v.example/x" frameBorder="0" allowFullScreen tabIndex={-1}></iframe>',
            '<iframe src="https://v.example/x" frameborder="0" allowfullscreen tabindex="-1"></iframe>',
        ),
        (
            "<video controls width={400} autoPlay playsInline muted loop></video>",
            '<video controls width="400" autoplay playsinline muted loop></video>',
        ),
        (
            '<svg viewBox="0 0 10 10"><path strokeWidth={2} /></svg>',
            '<svg viewBox="0 0 10 10"><path stroke-width="2"></path></svg>',
        ),
        ('<button onClick={() => go(1)} className="b">+</button>', '<button class="b">+</button>'),
        ("<li key={item.id}>x</li>", "<li>x</li>"),
        ("<p title={null}>x</p>", "<p>x</p>"),
    ],
)
def test_jsx_attributes_become_html(source, expected):
    assert convert(source).text == expected


def test_style_that_needs_javascript_is_dropped_with_a_warning():
    result = convert("<div style={theme.box}>x</div>")
    assert result.text == "<div>x</div>"
    assert "style={...}> holds an expression" in result.warnings[0][1]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            '<Image src="/a.png" width={256} height="128" alt="A" priority placeholder="blur" />',
            '<img src="/a.png" width="256" height="128" alt="A" />',
        ),
        (
            '<Figure><img src="/a.png" /><Caption>Hi</Caption></Figure>',
            '<figure><img src="/a.png" /><figcaption>Hi</figcaption></figure>',
        ),
        (
            '<YouTube id="dQw4w9WgXcQ" />',
            '<iframe class="blogposts-embed" src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ" title="YouTube video" loading="lazy" allow="autoplay; encrypted-media; picture-in-picture; fullscreen" allowfullscreen></iframe>',
        ),
        ("<>\n<b>fragment</b>\n</>", "\n<b>fragment</b>\n"),
        (
            '<callout-info kind="x">custom</callout-info>',
            '<callout-info kind="x">custom</callout-info>',
        ),
    ],
)
def test_components_with_a_mapping(source, expected):
    result = convert(source)
    assert result.text == expected
    assert result.warnings == []


def test_admonition_components_hold_markdown():
    result = convert(
        '<Callout type="warning" title="Careful">\n\nSome **bold**.\n\n```js\nconst a = <b />\n```\n\n</Callout>\n'
    )
    assert '<div class="admonition warning" markdown="1">' in result.text
    assert '<p class="admonition-title">Careful</p>' in result.text
    assert "```js\nconst a = <b />\n```" in result.text
    assert result.text.rstrip().endswith("</div>")
    assert convert("<Note>Short</Note>").text.count('class="admonition note"') == 1


def test_unknown_components_keep_children_and_warn_once_per_name():
    source = "<Intro>\n\nHello <Intro>again</Intro>.\n\n</Intro>\n<C.Counter />\n"
    result = convert(source)
    assert "Intro" not in result.text
    assert "Counter" not in result.text
    assert "Hello again." in result.text
    assert [(offset, message.split(" is ")[0]) for offset, message in result.warnings] == [
        (0, "<Intro>"),
        (source.index("<C.Counter"), "<C.Counter>"),
    ]
    assert result.unknown_components == {"Intro": 0, "C.Counter": source.index("<C.Counter")}


def test_user_mapping_unwrap_and_drop():
    from mkdocs_blogposts.dialect.components import parse_spec

    specs = {"Intro": parse_spec("unwrap"), "TOCInline": parse_spec("drop")}
    result = convert(
        "<Intro>Hi</Intro> <TOCInline toc={props.toc} /> <TOCInline>gone</TOCInline>",
        components=specs,
    )
    assert result.text == "Hi  "
    assert result.warnings == []


def test_jsx_in_expression_containers_loses_its_braces():
    source = "{<details open>\n\n<summary>More</summary>\n\nText\n\n</details>}\n\n  {\n    <figcaption>cap</figcaption>\n  }\n"
    out = convert(source).text
    assert "{" not in out
    assert "}" not in out
    assert "<details open>" in out
    assert "<figcaption>cap</figcaption>" in out


def test_markdown_inside_jsx_blocks_is_marked_and_dedented():
    source = '<div className="grid">\n  <div className="cell">\n    ![Maple](/maple.jpg)\n  </div>\n</div>\n'
    out = convert(source).text
    assert out == (
        '<div class="grid" markdown="1">\n\n<div class="cell" markdown="1">\n\n'
        "![Maple](/maple.jpg)\n\n</div>\n\n</div>\n"
    )


def test_html_without_markdown_is_left_alone():
    source = '<div class="video">\n    <video src="a.mp4"></video>\n</div>\n'
    assert convert(source).text == source


def test_srcset_candidates_are_resolved():
    out = convert(
        '<source srcSet="/a.png 1x, /b.png 2x" />', lambda url, offset: "../.." + url
    ).text
    assert out == '<source srcset="../../a.png 1x, ../../b.png 2x" />'


def test_deeply_nested_jsx_neither_recurses_nor_crawls():
    depth = 10_000
    source = "<div>\n" * depth + "*deep*\n" + "</div>\n" * depth
    out = convert(source).text
    assert out.count("<div") == depth
    assert out.count("</div>") == depth
    assert "*deep*" in out


@pytest.mark.parametrize("text", ["<A ", "<div ", "<img src='a' ", "x <b"])
def test_text_that_ends_inside_a_tag(text):
    assert convert(text).text == text
