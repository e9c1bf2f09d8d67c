"""Time `mkdocs build` with the plugin, without any blog plugin, and with Material's blog.

    .venv/bin/python benchmarks/run.py                 # N = 100 and 1,000, 3 runs each
    .venv/bin/python benchmarks/run.py --posts 10000   # the full run adds 10,000
    .venv/bin/python benchmarks/run.py --posts 1000 --instructions  # and callgrind counts

For each N it writes N posts in the seed's shape (title, subtitle, quoted date,
excerpt, two JSX figures, about 600 words, a fenced code block) into four sites:

- plugin:   the posts under docs/blog/, built by the blogposts plugin, with the
            blog listed in `nav` as the floor and shaped floor list their pages
            (without a `nav`, MkDocs sorts every page to make one, whatever the
            plugins);
- floor:    the same pages with no blog plugin, kept out of the nav;
- material: the same posts as Material's blog plugin needs them (unquoted dates,
            `<!-- more -->`), under docs/blog/posts/;
- shaped:   the floor with the posts in the shape the plugin gives MkDocs: the title
            in the front matter only (the plugin's Markdown has no title heading
            either: its `<h1>` goes into the HTML), the post's headings one level
            down, the blog in the nav (these posts need neither of the Markdown
            extensions the plugin turns on for some posts). What MkDocs costs for
            the blog's post pages, so the rest of the gap is the plugin's own work.

Builds run in alternating order, each in a fresh process, into an empty site folder,
after an `os.sync()` (so that no build pays for deleting or writing out the one
before); the report gives the median and min-max wall time, the ratios to the floor,
to Material and to the shaped floor, each build's peak memory (max RSS) and its user
CPU time (which leaves out the kernel's time writing the site, the part that varies
most on a shared disk). Then one serve-style rebuild after editing one post: its
time, the share of it spent in the plugin, and how many posts were read and prepared
again. Results also go to benchmarks/results.json.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
WORDS = (
    "open models data tools people build share learn systems future teams research code "
    "language community safety scale cost speed trust design small large local network"
).split()
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108020000009077"
    "53de0000000c4944415408d763f8cfc000000301010018dd8db00000000049454e44ae426082"
)
BUILD_ENV = {"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"}
RUNNER = textwrap.dedent(
    """
    import resource, sys, time
    from mkdocs.__main__ import cli
    start = time.perf_counter()
    try:
        cli(["build", "-q", "-f", sys.argv[1]])
    except SystemExit as e:
        if e.code:
            raise
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print(time.perf_counter() - start, usage.ru_maxrss, usage.ru_utime)
    """
)


def prose(rng: random.Random, words: int) -> str:
    out, line = [], []
    for _ in range(words):
        line.append(rng.choice(WORDS))
        if len(line) >= 12:
            out.append(" ".join(line).capitalize() + ".")
            line = []
    return " ".join(out)


def post(rng: random.Random, index: int, *, material: bool, shaped: bool = False) -> str:
    # Every date in the past: a future-dated post is left out like a draft.
    day = dt.date(2025, 12, 31) - dt.timedelta(days=index)
    # The shaped floor's headings sit one level down, under the title.
    h1, h2 = ("##", "###") if shaped else ("#", "##")
    date = day.isoformat() if material else f'"{day.isoformat()}"'
    figure = (
        '<figure>\n  <img src="/img/figure-{n}.png" alt="Figure {n}" />\n'
        '  <figcaption className="text-sm text-muted-foreground mt-2 text-center">\n'
        '    Caption {n} with a <a href="https://example.org">link</a>\n'
        "  </figcaption>\n</figure>\n"
    )
    more = "\n<!-- more -->\n" if material else ""
    title = f"Post {index}: {rng.choice(WORDS).title()} {rng.choice(WORDS)}"
    return (
        f'---\ntitle: "{title}"\n'
        f'subtitle: "Why {rng.choice(WORDS)} matters"\ndate: {date}\n'
        f'excerpt: "{prose(rng, 20)}"\n---\n\n'
        + f"{prose(rng, 60)}\n{more}\n{h1} The first part\n\n{prose(rng, 200)}\n\n"
        f"{figure.format(n=1)}\n{prose(rng, 150)}\n\n{h2} Some code\n\n"
        "```python\ndef build(posts):\n    return [p for p in posts if p.ready]\n```\n\n"
        f"{h1} The second part\n\n{prose(rng, 150)}\n\n{figure.format(n=2)}\n{prose(rng, 40)}\n"
    )


def make_sites(root: Path, n: int) -> dict[str, Path]:
    rng = random.Random(n)
    sites = {}
    for kind in ("plugin", "floor", "material", "shaped"):
        site = root / kind
        blog = site / "docs" / "blog" / ("posts" if kind == "material" else "")
        blog.mkdir(parents=True)
        (site / "docs" / "index.md").write_text("# Home\n")
        for folder in (site / "public" / "img", site / "docs" / "img"):
            folder.mkdir(parents=True, exist_ok=True)
            for k in (1, 2):
                (folder / f"figure-{k}.png").write_bytes(PNG)
        state = rng.getstate()
        for i in range(n):
            text = post(rng, i, material=kind == "material", shaped=kind == "shaped")
            (blog / f"post-{i}.md").write_text(text)
        rng.setstate(state)
        config = {
            "plugin": "nav:\n  - index.md\n  - Blog: blog/index.md\n"
            "plugins:\n  - search\n  - blogposts:\n      public_dir: public\n",
            "floor": "nav:\n  - index.md\nnot_in_nav: |\n  /blog/\nplugins:\n  - search\n",
            "material": "plugins:\n  - search\n  - blog\n",
            "shaped": "nav:\n  - index.md\n  - Blog: blog/index.md\nnot_in_nav: |\n  /blog/\n"
            "plugins:\n  - search\n",
        }[kind]
        if kind in ("material", "shaped"):
            (site / "docs" / "blog" / "index.md").write_text("# Blog\n")
        (site / "mkdocs.yml").write_text(
            f"site_name: Bench\nsite_url: https://example.org/\ntheme:\n  name: material\n{config}"
        )
        sites[kind] = site
    return sites


def build(site: Path) -> tuple[float, int, float]:
    """Wall seconds, peak memory (MiB) and user CPU seconds of one `mkdocs build`."""
    # Every build starts from an empty site folder, as a build from a fresh checkout
    # does, and the last build's files go to disk now: deleting or writing out
    # another build's output is not timed.
    shutil.rmtree(site / "site", ignore_errors=True)
    os.sync()
    result = subprocess.run(
        [sys.executable, "-c", RUNNER, str(site / "mkdocs.yml")],
        cwd=site,
        capture_output=True,
        text=True,
        env=BUILD_ENV,
        check=False,
    )
    if result.returncode:
        sys.exit(f"build of {site} failed:\n{result.stderr[-3000:]}")
    seconds, rss, user = result.stdout.split()[-3:]
    return float(seconds), int(rss) // 1024, float(user)


def instructions(sites: dict[str, Path]) -> dict[str, int]:
    """Instructions of one build of the plugin's site and the two floors, by callgrind.

    Counted instructions repeat exactly from run to run whatever else the machine
    does, so they show a change to the plugin's code that wall and CPU time, which
    move from run to run on a shared machine, can hide. The three builds run at once.
    """
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        sys.exit("--instructions needs valgrind (on Debian: apt-get install valgrind)")
    running = {}
    for kind in ("plugin", "floor", "shaped"):
        shutil.rmtree(sites[kind] / "site", ignore_errors=True)
        command = [valgrind, "--tool=callgrind", "--callgrind-out-file=/dev/null"]
        running[kind] = subprocess.Popen(
            [*command, sys.executable, "-c", RUNNER, str(sites[kind] / "mkdocs.yml")],
            cwd=sites[kind],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            env=BUILD_ENV,
        )
    counts = {}
    for kind, process in running.items():
        _, log = process.communicate()
        collected = re.search(r"Collected : (\d+)", log)
        if process.returncode or collected is None:
            sys.exit(f"callgrind build of {sites[kind]} failed:\n{log[-3000:]}")
        counts[kind] = int(collected[1])
    return counts


def rebuild(site: Path) -> dict[str, float]:
    """One serve-style rebuild after editing one post, in this process."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    import mkdocs_blogposts.plugin as plugin_module

    parsed: list[str] = []
    prepared: list[str] = []

    def count(plugin: plugin_module.BlogpostsPlugin) -> None:
        """Count the posts the plugin's cache parses and prepares again."""
        real_parse, real_prepare = plugin.cache.parse, plugin.cache.prepare

        def counting_parse(data: bytes, src_uri: str, path: str) -> object:
            parsed.append(src_uri)
            return real_parse(data, src_uri, path)

        def counting_prepare(parsed_post, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
            prepared.append(parsed_post.src_uri)
            return real_prepare(parsed_post, *args, **kwargs)

        plugin.cache.parse = counting_parse  # type: ignore[assignment]
        plugin.cache.prepare = counting_prepare

    spent = [0.0]
    originals = {}
    for name in dir(plugin_module.BlogpostsPlugin):
        if name.startswith("on_"):
            method = getattr(plugin_module.BlogpostsPlugin, name)
            originals[name] = method

            def timed(self, *args, __method=method, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
                start = time.perf_counter()
                try:
                    return __method(self, *args, **kwargs)
                finally:
                    spent[0] += time.perf_counter() - start

            setattr(plugin_module.BlogpostsPlugin, name, timed)
    try:

        def once() -> float:
            config = load_config(str(site / "mkdocs.yml"), site_dir=str(site / "site-serve"))
            config.plugins.on_startup(command="serve", dirty=False)
            plugins.append(config.plugins["blogposts"])
            start = time.perf_counter()
            mkdocs_build(config, serve_url="http://127.0.0.1:8000/")
            return time.perf_counter() - start

        plugins: list[plugin_module.BlogpostsPlugin] = []
        once()
        count(plugins[0])  # MkDocs keeps one instance for every serve rebuild
        target = site / "docs" / "blog" / "post-0.md"
        target.write_text(target.read_text().replace("Why", "Why, after an edit,", 1))
        parsed.clear()
        prepared.clear()
        spent[0] = 0.0
        total = once()
        return {
            "seconds": total,
            "plugin_seconds": spent[0],
            "parsed_again": len(parsed),
            "prepared_again": len(prepared),
        }
    finally:
        for name, method in originals.items():
            setattr(plugin_module.BlogpostsPlugin, name, method)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--instructions",
        action="store_true",
        help="also count one build's instructions with valgrind (about 3 minutes a site "
        "at 1,000 posts)",
    )
    args = parser.parse_args()
    import logging

    logging.disable(logging.WARNING)
    results = {
        "date": dt.date.today().isoformat(),
        "machine": f"{platform.machine()}, {platform.processor() or 'cpu'}, "
        f"{os.cpu_count()} cores, Python {platform.python_version()}",
        "sizes": {},
    }
    for n in args.posts:
        with tempfile.TemporaryDirectory() as tmp:
            sites = make_sites(Path(tmp), n)
            times: dict[str, list[float]] = {k: [] for k in sites}
            memory: dict[str, list[int]] = {k: [] for k in sites}
            cpu: dict[str, list[float]] = {k: [] for k in sites}
            for _ in range(args.runs):
                for kind, site in sites.items():  # alternating: plugin, floor, material, shaped
                    seconds, rss, user = build(site)
                    if kind != "material":  # every post must have become a page
                        pages = len(list((site / "site" / "blog").glob("post-*/index.html")))
                        if pages != n:
                            sys.exit(f"{kind}: {pages} post pages for {n} posts")
                    times[kind].append(seconds)
                    memory[kind].append(rss)
                    cpu[kind].append(user)
            serve = rebuild(sites["plugin"])
            shutil.rmtree(sites["plugin"] / "site-serve", ignore_errors=True)
            counted = instructions(sites) if args.instructions else {}
        med = {k: statistics.median(v) for k, v in times.items()}
        med_cpu = {k: statistics.median(v) for k, v in cpu.items()}
        results["sizes"][str(n)] = {
            "median": med,
            "min": {k: min(v) for k, v in times.items()},
            "max": {k: max(v) for k, v in times.items()},
            "peak_mib": {k: max(v) for k, v in memory.items()},
            "vs_floor": med["plugin"] / med["floor"],
            "vs_material": med["plugin"] / med["material"],
            "vs_shaped": med["plugin"] / med["shaped"],
            "shaped_vs_floor": med["shaped"] / med["floor"],
            # User CPU leaves out the kernel's time writing the site, which varies
            # most from run to run on a shared disk.
            "user_cpu": med_cpu,
            "cpu_vs_floor": med_cpu["plugin"] / med_cpu["floor"],
            "cpu_vs_shaped": med_cpu["plugin"] / med_cpu["shaped"],
            "memory_vs_floor": max(memory["plugin"]) / max(memory["floor"]),
            "rebuild": serve,
        }
        row = results["sizes"][str(n)]
        if counted:
            row["instructions"] = counted
        print(f"\nN = {n:,} posts, {args.runs} runs each (median, min-max, peak memory)")
        for kind in sites:
            print(
                f"  {kind:<9} {med[kind]:7.2f} s  ({row['min'][kind]:.2f}-{row['max'][kind]:.2f})"
                f"  {row['peak_mib'][kind]:5d} MiB"
            )
        print(
            f"  plugin / floor = {row['vs_floor']:.2f}x   plugin / material = "
            f"{row['vs_material']:.2f}x   memory plugin / floor = {row['memory_vs_floor']:.2f}x"
        )
        print(
            f"  shaped floor / floor = {row['shaped_vs_floor']:.2f}x   "
            f"plugin / shaped floor = {row['vs_shaped']:.2f}x"
        )
        print(
            f"  user CPU: plugin {med_cpu['plugin']:.2f} s, floor {med_cpu['floor']:.2f} s, "
            f"material {med_cpu['material']:.2f} s, shaped {med_cpu['shaped']:.2f} s; "
            f"plugin / floor = {row['cpu_vs_floor']:.2f}x, "
            f"plugin / shaped = {row['cpu_vs_shaped']:.2f}x"
        )
        if counted:
            print(
                f"  instructions, one build each: plugin {counted['plugin'] / 1e9:.2f} G, "
                f"floor {counted['floor'] / 1e9:.2f} G, shaped {counted['shaped'] / 1e9:.2f} G; "
                f"plugin / floor = {counted['plugin'] / counted['floor']:.3f}x, "
                f"plugin / shaped = {counted['plugin'] / counted['shaped']:.3f}x"
            )
        share = serve["plugin_seconds"] / serve["seconds"]
        print(
            f"  serve rebuild after editing one post: {serve['seconds']:.2f} s, of which the "
            f"plugin {serve['plugin_seconds']:.2f} s ({share:.1%}); "
            f"posts parsed again: {serve['parsed_again']}, prepared again: "
            f"{serve['prepared_again']}"
        )
    (HERE / "results.json").write_text(json.dumps(results, indent=2) + "\n")
    print(f"\n{results['date']}, {results['machine']}")


if __name__ == "__main__":
    main()
