"""A bar chart as inline SVG: drawn from numbers only, so it works offline and in print.

Every label is HTML-escaped; the shapes' coordinates are computed here from integers, and the
sanitizer (generator.render.sanitize) lets through only the SVG elements and attributes used.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

WIDTH, HEIGHT = 640, 240
_LEFT, _BOTTOM, _TOP = 32, 40, 16
COLOURS = ("#3f51b5", "#ff9800")


def bar_chart(title: str, series: Sequence[str], labels: Sequence[str],
              values: Sequence[Sequence[int]]) -> str:
    """Grouped bars: one group per label, one bar per series; `values[i][j]` is label i,
    series j. Returns one HTML block (a figure holding the SVG)."""
    plot_width = WIDTH - _LEFT - 8
    plot_height = HEIGHT - _BOTTOM - _TOP
    top = max((int(value) for row in values for value in row), default=0) or 1
    group = plot_width / max(len(labels), 1)
    bar = group * 0.8 / max(len(series), 1)
    parts = [f'<figure class="prepkit-chart"><svg viewBox="0 0 {WIDTH} {HEIGHT}" '
             f'width="100%" role="img" aria-label="{escape(title)}">',
             f"<title>{escape(title)}</title>"]
    base = _TOP + plot_height
    for tick in sorted({0, top // 2, top}):
        y = base - plot_height * tick / top
        parts.append(f'<line x1="{_LEFT}" y1="{y:.1f}" x2="{WIDTH - 8}" y2="{y:.1f}" '
                     'stroke="#bbbbbb" stroke-width="1"></line>')
        parts.append(f'<text x="{_LEFT - 4}" y="{y + 4:.1f}" text-anchor="end" '
                     f'font-size="11">{int(tick)}</text>')
    for index, (label, row) in enumerate(zip(labels, values, strict=True)):
        x0 = _LEFT + group * index + group * 0.1
        for number, value in enumerate(row):
            height = plot_height * int(value) / top
            parts.append(f'<rect x="{x0 + bar * number:.1f}" y="{base - height:.1f}" '
                         f'width="{bar:.1f}" height="{height:.1f}" '
                         f'fill="{COLOURS[number % len(COLOURS)]}">'
                         f"<title>{escape(series[number])}, {escape(label)}: {int(value)}"
                         "</title></rect>")
        parts.append(f'<text x="{x0 + group * 0.4:.1f}" y="{base + 14}" text-anchor="middle" '
                     f'font-size="10">{escape(label)}</text>')
    for number, name in enumerate(series):
        x = _LEFT + 140 * number
        parts.append(f'<rect x="{x}" y="{HEIGHT - 14}" width="10" height="10" '
                     f'fill="{COLOURS[number % len(COLOURS)]}"></rect>')
        parts.append(f'<text x="{x + 14}" y="{HEIGHT - 5}" font-size="11">{escape(name)}</text>')
    parts.append("</svg></figure>")
    return "".join(parts)
