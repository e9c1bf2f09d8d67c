"""`mkdocs-blogposts check`: the migration report, from the command line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .check import CheckError, Report, check_folder, check_site

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mkdocs-blogposts",
        description="Tools for blogs published with the mkdocs-blogposts plugin.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser(
        "check",
        help="list what a build would warn or fail on, without building",
        description=(
            "Read every post as `mkdocs build` would, without building, and list by post "
            "what the build would fail on (errors) or warn about (warnings: --strict fails "
            "on them), in the build's own words. Give a site's mkdocs.yml with -f, or a "
            "folder of posts (DIR) to check before it is part of a site. Exits 1 when there "
            "is an error."
        ),
    )
    check.add_argument(
        "dir", type=Path, nargs="?", help="a folder of posts, checked as the site's blog_dir"
    )
    check.add_argument(
        "-f", "--config-file", metavar="FILE", help="a site's mkdocs.yml (default: ./mkdocs.yml)"
    )
    check.add_argument(
        "--public-dir", type=Path, help="with DIR: the folder served from the site root (public/)"
    )
    check.add_argument(
        "--image-fallback",
        action="append",
        default=[],
        metavar="FOLDER",
        help="with DIR: a folder from the site root for bare image names ({slug}: the post's)",
    )
    check.add_argument(
        "--component",
        action="append",
        default=[],
        metavar="NAME=SPEC",
        help="with DIR: what a component becomes, as in the 'components' option (Intro=unwrap)",
    )
    check.add_argument(
        "--drafts", action="store_true", help="check drafts and future posts too, as serve shows"
    )
    check.add_argument(
        "--strict", action="store_true", help="exit 1 on warnings too, like mkdocs build --strict"
    )
    return parser


def _folder_options(parser: argparse.ArgumentParser, args: argparse.Namespace) -> dict[str, object]:
    if not args.dir.is_dir():
        parser.error(f"{args.dir} is not a folder")
    options: dict[str, object] = {"image_fallbacks": args.image_fallback}
    if args.public_dir is not None:
        if not args.public_dir.is_dir():
            parser.error(f"--public-dir {args.public_dir} is not a folder")
        options["public_dir"] = str(args.public_dir)
    components = {}
    for item in args.component:
        name, sep, spec = item.partition("=")
        if not sep:
            parser.error(f"--component {item!r}: write it as NAME=SPEC, such as Intro=unwrap")
        components[name.strip()] = spec.strip()
    options["components"] = components
    return options


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = _parser()
    args = parser.parse_args(argv)
    report: Report
    try:
        if args.dir is not None:
            if args.config_file:
                parser.error("give a folder of posts or -f mkdocs.yml, not both")
            report = check_folder(args.dir, _folder_options(parser, args), drafts=args.drafts)
        else:
            if args.public_dir or args.image_fallback or args.component:
                parser.error("--public-dir, --image-fallback and --component go with DIR")
            report = check_site(args.config_file or "mkdocs.yml", drafts=args.drafts)
    except CheckError as e:
        parser.error(str(e))
    print("\n".join(report.lines()))
    return 1 if report.errors or (args.strict and report.warnings) else 0


if __name__ == "__main__":
    sys.exit(main())
