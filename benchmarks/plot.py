"""Draw build time against the number of posts from benchmarks/results.json, as SVG.

    .venv/bin/python benchmarks/plot.py    # writes docs/assets/benchmark.svg

Both axes are logarithmic: N grows by tens, and equal ratios (the plugin over the
floor) show as equal distances at every N. Each point is a median, its bar the
min-max of the runs.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "docs" / "assets" / "benchmark.svg"
SERIES = {  # name in results.json: (label, colour)
    "floor": ("MkDocs alone (the floor)", "#6b7280"),
    "plugin": ("blogposts", "#2563eb"),
    "material": ("Material's blog plugin", "#dc2626"),
    "shaped": ("MkDocs alone, posts", "#9ca3af"),
}
# Legend lines past the first: the shaped floor's label runs over two.
LEGEND_SECOND_LINES = {"shaped": "shaped as the blog's"}
# Dashed, so the shaped floor shows where it runs over the floor.
DASHED = {"shaped"}
WIDTH, HEIGHT = 640, 400
LEFT, RIGHT, TOP, BOTTOM = 64, 190, 36, 48


def _ticks(low: float, high: float) -> list[float]:
    """1-2-5 steps across the decades from low to high."""
    out = []
    for exponent in range(math.floor(math.log10(low)), math.ceil(math.log10(high)) + 1):
        for step in (1, 2, 5):
            value = step * 10**exponent
            if low <= value <= high:
                out.append(value)
    return out


def main() -> None:
    results = json.loads((HERE / "results.json").read_text())
    sizes = sorted(results["sizes"], key=int)
    ns = [int(n) for n in sizes]
    values = [results["sizes"][n][k][s] for n in sizes for k in ("min", "max") for s in SERIES]
    y_low, y_high = min(values) / 1.3, max(values) * 1.3
    x_low, x_high = ns[0] / 1.5, ns[-1] * 1.5

    def x(n: float) -> float:
        span = math.log(x_high) - math.log(x_low)
        return LEFT + (math.log(n) - math.log(x_low)) / span * (WIDTH - LEFT - RIGHT)

    def y(seconds: float) -> float:
        span = math.log(y_high) - math.log(y_low)
        return (
            HEIGHT - BOTTOM - (math.log(seconds) - math.log(y_low)) / span * (HEIGHT - TOP - BOTTOM)
        )

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'font-family="sans-serif" font-size="12" role="img" '
        f'aria-label="Build time against number of posts">',
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="#fff"/>',
        f'<text x="{LEFT}" y="20" font-size="13" font-weight="bold">'
        f"mkdocs build, seconds (log scale)</text>",
    ]
    for t in _ticks(y_low, y_high):
        parts.append(
            f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(t):.1f}" y2="{y(t):.1f}" '
            f'stroke="#e5e7eb"/><text x="{LEFT - 6}" y="{y(t) + 4:.1f}" text-anchor="end">'
            f"{t:g}</text>"
        )
    for n in ns:
        parts.append(
            f'<text x="{x(n):.1f}" y="{HEIGHT - BOTTOM + 18}" text-anchor="middle">{n:,}</text>'
        )
    parts.append(
        f'<text x="{(LEFT + WIDTH - RIGHT) / 2}" y="{HEIGHT - 10}" text-anchor="middle">'
        "posts (log scale)</text>"
    )
    for row, (key, (label, colour)) in enumerate(SERIES.items()):
        points = [(x(int(n)), y(results["sizes"][n]["median"][key])) for n in sizes]
        path = " ".join(f"{px:.1f},{py:.1f}" for px, py in points)
        dash = ' stroke-dasharray="6 4"' if key in DASHED else ""
        parts.append(
            f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2"{dash}/>'
        )
        for n, (px, py) in zip(sizes, points, strict=True):
            low, high = results["sizes"][n]["min"][key], results["sizes"][n]["max"][key]
            parts.append(
                f'<line x1="{px:.1f}" x2="{px:.1f}" y1="{y(low):.1f}" y2="{y(high):.1f}" '
                f'stroke="{colour}"/><circle cx="{px:.1f}" cy="{py:.1f}" r="3.5" '
                f'fill="{colour}"/>'
            )
        ly = TOP + 20 + row * 22
        parts.append(
            f'<line x1="{WIDTH - RIGHT + 14}" x2="{WIDTH - RIGHT + 34}" y1="{ly}" y2="{ly}" '
            f'stroke="{colour}" stroke-width="2"{dash}/><text x="{WIDTH - RIGHT + 40}" '
            f'y="{ly + 4}">{label}</text>'
        )
        if key in LEGEND_SECOND_LINES:
            parts.append(
                f'<text x="{WIDTH - RIGHT + 40}" y="{ly + 18}">{LEGEND_SECOND_LINES[key]}</text>'
            )
    parts.append(
        f'<text x="{WIDTH - RIGHT + 14}" y="{TOP + 20 + (len(SERIES) + 1) * 22 + 4}" '
        f'fill="#6b7280">{results["date"]}</text></svg>'
    )
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text("\n".join(parts) + "\n")
    print(f"wrote {OUT.relative_to(HERE.parent)}\n")
    print(table(results))


def table(results: dict[str, Any]) -> str:
    """The results as a Markdown table, for the docs."""
    rows = [
        "| Posts | blogposts | floor | Material's blog | shaped floor | ÷ floor | ÷ Material "
        "| ÷ floor, user CPU | ÷ shaped floor (user CPU) | peak memory (÷ floor) "
        "| serve rebuild (plugin share) |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for n in sorted(results["sizes"], key=int):
        r = results["sizes"][n]
        med, low, high = r["median"], r["min"], r["max"]
        cells = [
            f"{med[k]:.2f} s ({low[k]:.2f}-{high[k]:.2f})"
            for k in ("plugin", "floor", "material", "shaped")
        ]
        rebuild = r["rebuild"]
        share = rebuild["plugin_seconds"] / rebuild["seconds"]
        rows.append(
            f"| {int(n):,} | {' | '.join(cells)} | {r['vs_floor']:.2f}x | "
            f"{r['vs_material']:.2f}x | {r['cpu_vs_floor']:.2f}x | "
            f"{r['vs_shaped']:.2f}x ({r['cpu_vs_shaped']:.2f}x) | {r['peak_mib']['plugin']} MiB "
            f"({r['memory_vs_floor']:.2f}x) | {rebuild['seconds']:.2f} s ({share:.1%}) |"
        )
    return "\n".join(rows)


if __name__ == "__main__":
    main()
