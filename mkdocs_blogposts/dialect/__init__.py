"""The MDX dialect: a post's CommonMark/MDX/JSX body as Markdown that MkDocs renders.

Pure text in, text out, with no MkDocs imports: ESM and JSX comments removed
(`mdx`), JSX read by one tokenizer (`jsx_tags`) and turned into HTML (`jsx`, with
`components` for what each MDX component becomes and `html_names` for React's
attribute names), code found and left alone (`code_regions`), headings moved under
the post's title (`headings`), image URLs handed to a resolver (`markdown_images`),
and the excerpt found in the Markdown (`excerpt_source`).
"""
