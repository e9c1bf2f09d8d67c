"""One plugin instance through 200 rebuilds, as `mkdocs serve` uses it."""

import gc
import json
import random
import re
import resource
import sys
import types
from collections import Counter

import pytest

from mkdocs_blogposts.plugin import BlogpostsPlugin

pytestmark = pytest.mark.slow  # the fast lane skips it

BUILDS = 200
WARM_UP = 100


def test_200_rebuilds_with_edits_adds_and_removals(site, tmp_path):
    site.config["theme"] = {"name": "mkdocs"}
    site.config["site_url"] = "https://example.org/"
    site.config["plugins"] = ["search", {"blogposts": {"posts_per_page": 3, "tag_feeds": True}}]
    rng = random.Random(20261126)
    posts: dict[str, str] = {}

    def write(name: str, version: int) -> None:
        title = f"Post {name} v{version}"
        posts[name] = title
        day = 1 + int(name) % 28
        site.post(
            f"p{name}.md",
            f'title: "{title}"\ndate: 2024-01-{day:02d}\ntags: [t{int(name) % 3}]',
            f"Body {version}.\n",
        )

    for n in range(6):
        write(str(n), 0)
    plugin = None
    measured = []
    for build in range(BUILDS):
        action = rng.choice(["edit", "edit", "add", "remove"])
        if action == "edit" or (action == "remove" and len(posts) < 3):
            write(rng.choice(sorted(posts)), build)
        elif action == "add":
            write(str(100 + build), build)
        else:
            name = rng.choice(sorted(posts))
            (site.docs / "blog" / f"p{name}.md").unlink()
            del posts[name]
        result = site.build(command="serve", strict=False)
        assert result.error is None, result.messages()

        # Every post once in the listings, feeds, tag pages and search index.
        listed = []
        page = 1
        while True:
            url = "blog/" if page == 1 else f"blog/page/{page}/"
            if not (site.out / url / "index.html").exists():
                break
            listed += [a.get_text() for a in result.html(url).select(".blogposts-entry-title a")]
            page += 1
        assert sorted(listed) == sorted(posts.values()), build
        feed = json.loads((site.out / "blog" / "feed.json").read_text())
        assert len(feed["items"]) == min(20, len(posts))
        assert {i["title"] for i in feed["items"]} <= set(posts.values())
        assert len({i["id"] for i in feed["items"]}) == len(feed["items"])
        search = json.loads((site.out / "search" / "search_index.json").read_text())
        titles = [d["title"] for d in search["docs"] if re.fullmatch(r"blog/p\d+/", d["location"])]
        assert sorted(titles) == sorted(posts.values()), build
        pages = sorted(p.parent.name for p in (site.out / "blog").glob("p*/index.html"))
        assert pages == sorted(f"p{name}" for name in posts), build
        if build in (WARM_UP - 1, BUILDS - 1):
            plugin = plugin or _the_plugin()
            measured.append((_reachable_bytes(plugin), _objects_by_type()))
    (size_before, objects_before), (size_after, objects_after) = measured
    grown = {k: v - objects_before.get(k, 0) for k, v in objects_after.items()}
    worst = sorted(grown.items(), key=lambda kv: -kv[1])[:5]
    # Printed so that a run shows its figures: the plugin's own state, and the
    # objects alive in the process, after build WARM_UP and after the last build.
    print(
        f"plugin state after build {WARM_UP}: {size_before:,} B, after {BUILDS}: {size_after:,} B"
    )
    print(
        f"objects grown most over builds {WARM_UP}-{BUILDS}: {worst}; peak RSS "
        f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MiB"
    )
    # The posts change size as they are edited, added and removed: a few kB either way.
    assert abs(size_after - size_before) < 50_000
    assert all(count < 300 for _, count in worst), worst


def _the_plugin():
    """The one BlogpostsPlugin instance every build used (MkDocs keeps it for serve)."""
    (plugin,) = {id(o): o for o in gc.get_objects() if isinstance(o, BlogpostsPlugin)}.values()
    return plugin


def _reachable_bytes(root) -> int:
    """Bytes of everything reachable from `root` (shared objects counted once)."""
    gc.collect()
    seen: set[int] = set()
    stack = [root]
    total = 0
    while stack:
        obj = stack.pop()
        if id(obj) in seen or isinstance(obj, type | types.ModuleType | types.FunctionType):
            continue
        seen.add(id(obj))
        total += sys.getsizeof(obj, 0)
        stack.extend(gc.get_referents(obj))
    return total


def _objects_by_type() -> Counter:
    gc.collect()
    return Counter(type(o).__name__ for o in gc.get_objects())
