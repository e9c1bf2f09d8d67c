import pytest

from mkdocs_blogposts.dialect.mdx import (
    NotALiteral,
    metadata_from_exports,
    normalize_fences,
    remove_jsx_comments,
    strip_esm,
)


def test_esm_lines_go_and_line_numbers_stay():
    text = (
        "import Image from 'next/image'\n"
        "import {\n  Callout,\n  Note,\n} from '@/components'\n"
        "\nexport const meta = { a: 1 }\n"
        "\nexport default ({ children }) => <Layout>{children}</Layout>\n"
        "\nText.\n"
    )
    out, statements = strip_esm(text)
    assert out.count("\n") == text.count("\n")
    assert out.strip() == "Text."
    assert [s.text.split("\n")[0] for s in statements] == [
        "import Image from 'next/image'",
        "import {",
        "export const meta = { a: 1 }",
        "export default ({ children }) => <Layout>{children}</Layout>",
    ]
    assert text[statements[1].offset :].startswith("import {")


@pytest.mark.parametrize(
    "text",
    [
        "```js\nimport React from 'react'\nexport default App\n```\n",
        "    import React from 'react'\n",
        "Prose that says\nimport { x } from 'y' in a sentence.\n",
        "Important: imports matter.\n",
        "Use `import x from 'y'` inline.\n",
    ],
)
def test_esm_inside_code_or_prose_stays(text):
    assert strip_esm(text) == (text, [])


def test_multi_line_statement_with_from_on_the_next_line():
    out, statements = strip_esm("import Thing\n  from './thing'\n\nBody\n")
    assert out == "\n\n\nBody\n"
    assert len(statements) == 1


def test_app_router_metadata_export():
    _, statements = strip_esm(
        "export const metadata = {\n  title: 'Hello',\n  description: \"A post\",\n"
        "  date: '2023-04-06',\n  tags: ['a'],\n}\n"
    )
    assert metadata_from_exports(statements) == {
        "title": "Hello",
        "description": "A post",
        "date": "2023-04-06",
        "tags": ["a"],
    }


def test_metadata_export_that_needs_javascript():
    _, statements = strip_esm("export const metadata = { title: siteTitle }\n")
    with pytest.raises(NotALiteral, match="'siteTitle' needs JavaScript"):
        metadata_from_exports(statements)
    assert metadata_from_exports(strip_esm("import x from 'y'\n")[1]) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "## The React Foundation {/*the-react-foundation*/}\n",
            "## The React Foundation {#the-react-foundation}\n",
        ),
        ("{/* eslint-disable react/jsx-no-undef */}\nText\n", "\nText\n"),
        ("A {/* multi\nline */} B\n", "A \n B\n"),
        ("Hello{\" \"}\n<b>x</b>{' '}world\n", "Hello \n<b>x</b> world\n"),
        (
            "Keep {@NuxtLabs} and $x^{2}$ and {count}\n",
            "Keep {@NuxtLabs} and $x^{2}$ and {count}\n",
        ),
        (
            "`{/* code */}`\n\n```\n{/* code */}\n```\n",
            "`{/* code */}`\n\n```\n{/* code */}\n```\n",
        ),
    ],
)
def test_jsx_comments_and_space_expressions(text, expected):
    assert remove_jsx_comments(text) == expected


@pytest.mark.parametrize(
    ("fence", "superfences", "expected"),
    [
        ("```jsx {19-23}", True, '```jsx hl_lines="19-23"'),
        ('```ts title="useQuery"', True, '```ts title="useQuery"'),
        ("```js src/App.js hidden", True, '```js title="src/App.js"'),
        ("```js src/App.js active", True, '```js title="src/App.js"'),
        ("```tsx showLineNumbers {1,3-4}", True, '```tsx hl_lines="1 3-4" linenums="1"'),
        ("```jsx filename='app.jsx'", True, '```jsx title="app.jsx"'),
        ("```jsx {19-23}", False, "```jsx"),
        ("```js src/App.js", False, "```js"),
        ("```python", True, "```python"),
        ("```", True, "```"),
        ("~~~~ js {2}", True, '~~~~js hl_lines="2"'),
    ],
)
def test_fence_meta_for_mdx_highlighters(fence, superfences, expected):
    text = f"{fence}\ncode {{1}}\n{fence[: len(fence) - len(fence.lstrip('`~'))]}\n"
    out = normalize_fences(text, superfences=superfences)
    assert out.split("\n")[0] == expected
    assert out.split("\n")[1:] == text.split("\n")[1:]


def test_an_apostrophe_in_exported_jsx_does_not_swallow_the_post():
    text = "export default () => <p>it's fine</p>\n\nStill here.\n"
    out, statements = strip_esm(text)
    assert out.strip() == "Still here."
    assert len(statements) == 1
