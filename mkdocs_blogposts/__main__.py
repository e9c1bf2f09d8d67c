"""`python -m mkdocs_blogposts check DIR`: the migration report, from the command line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .check import check_folder, relative_display
from .dialect.components import DEFAULT_COMPONENTS, parse_spec

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mkdocs-blogposts",
        description="Tools for blogs published with the mkdocs-blogposts plugin.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser(
        "check",
        help="list what a build would warn or fail on, for a folder of posts",
        description=(
            "Read every .md and .mdx post under DIR as the plugin would, without building, "
            "and list by post what a build would fail on (errors) or warn about "
            "(warnings: --strict fails on them). Exits 1 when there is an error."
        ),
    )
    check.add_argument("dir", type=Path, help="the folder of posts (the blog_dir)")
    check.add_argument(
        "--public-dir", type=Path, help="the folder served from the site root (Next.js public/)"
    )
    check.add_argument(
        "--image-fallback",
        action="append",
        default=[],
        metavar="FOLDER",
        help="a folder from the site root for bare image names; {slug} is the post's slug",
    )
    check.add_argument(
        "--component",
        action="append",
        default=[],
        metavar="NAME=SPEC",
        help="what a component becomes, as in the 'components' option (Intro=unwrap)",
    )
    check.add_argument(
        "--strict", action="store_true", help="exit 1 on warnings too, like mkdocs build --strict"
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = _parser()
    args = parser.parse_args(argv)
    if not args.dir.is_dir():
        parser.error(f"{args.dir} is not a folder")
    if args.public_dir is not None and not args.public_dir.is_dir():
        parser.error(f"--public-dir {args.public_dir} is not a folder")
    mapping = dict(DEFAULT_COMPONENTS)
    for item in args.component:
        name, sep, spec = item.partition("=")
        if not sep:
            parser.error(f"--component {item!r}: write it as NAME=SPEC, such as Intro=unwrap")
        mapping[name.strip()] = spec.strip()
    try:
        components = {name: parse_spec(spec) for name, spec in mapping.items()}
    except ValueError as e:
        parser.error(f"--component: {e}")
    report = check_folder(
        args.dir,
        public_dir=args.public_dir,
        image_fallbacks=tuple(args.image_fallback),
        components=components,
        display=relative_display(Path.cwd()),
    )
    print("\n".join(report.lines()))
    return 1 if report.errors or (args.strict and report.warnings) else 0


if __name__ == "__main__":
    sys.exit(main())
