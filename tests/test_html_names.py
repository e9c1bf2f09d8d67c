import pytest

from mkdocs_blogposts.dialect.html_names import attribute_name, style_text


@pytest.mark.parametrize(
    ("element", "name", "expected"),
    [
        ("p", "className", "class"),
        ("label", "htmlFor", "for"),
        ("iframe", "frameBorder", "frameborder"),
        ("iframe", "allowFullScreen", "allowfullscreen"),
        ("img", "srcSet", "srcset"),
        ("div", "tabIndex", "tabindex"),
        ("video", "autoPlay", "autoplay"),
        ("video", "playsInline", "playsinline"),
        ("meta", "httpEquiv", "http-equiv"),
        ("path", "strokeWidth", "stroke-width"),
        ("path", "fillOpacity", "fill-opacity"),
        ("svg", "viewBox", "viewBox"),
        ("linearGradient", "gradientUnits", "gradientUnits"),
        ("use", "xlinkHref", "xlink:href"),
        ("a", "aria-label", "aria-label"),
        ("div", "data-testId", "data-testId"),
        ("img", "alt", "alt"),
    ],
)
def test_attribute_names(element, name, expected):
    assert attribute_name(element, name) == expected


@pytest.mark.parametrize(
    ("style", "css"),
    [
        ({"maxWidth": "80%", "marginTop": 8}, "max-width: 80%; margin-top: 8px"),
        ({"textAlign": "left"}, "text-align: left"),
        (
            {"zIndex": 2, "opacity": 0.5, "lineHeight": 1.5, "flexGrow": 1},
            "z-index: 2; opacity: 0.5; line-height: 1.5; flex-grow: 1",
        ),
        ({"padding": 0, "width": 1.5}, "padding: 0; width: 1.5px"),
        ({"WebkitTransform": "none", "msFlex": 1}, "-webkit-transform: none; -ms-flex: 1"),
        ({"--accent": "red"}, "--accent: red"),
        ({"display": None, "color": ""}, ""),
    ],
)
def test_style_objects(style, css):
    assert style_text(style) == css
