"""Charts as inline SVG, drawn on the server: no JavaScript chart library, nothing to build.

Each function returns markup safe to put into a template; every text in it is escaped here.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from markupsafe import Markup, escape

PALETTE = ("#1f6feb", "#d29922", "#2da44e", "#cf222e", "#8250df", "#57606a")


def _svg(width: int, height: int, body: str, label: str) -> Markup:
    return Markup(
        f'<svg class="chart" role="img" aria-label="{escape(label)}" viewBox="0 0 {width} {height}" '
        f'width="100%" style="max-width: {width}px" preserveAspectRatio="xMinYMin meet" '
        f'xmlns="http://www.w3.org/2000/svg">'
        f"<title>{escape(label)}</title>{body}</svg>"
    )


def sparkline(values: Sequence[float | None], label: str, width: int = 220, height: int = 48) -> Markup:
    """A small trend line, one point per month; gaps where a month has no value."""
    points = [(i, v) for i, v in enumerate(values) if v is not None]
    if not points:
        return _svg(width, height, "", label)
    top = max(v for _, v in points) or 1.0
    step = (width - 8) / max(len(values) - 1, 1)

    def xy(i: int, v: float) -> str:
        return f"{4 + i * step:.1f},{height - 4 - (v / top) * (height - 12):.1f}"

    line = " ".join(xy(i, v) for i, v in points)
    dots = "".join(
        f'<circle cx="{xy(i, v).split(",")[0]}" cy="{xy(i, v).split(",")[1]}" r="2.5" fill="{PALETTE[0]}">'
        f"<title>{escape(f'{v:g}')}</title></circle>"
        for i, v in points
    )
    body = f'<polyline fill="none" stroke="{PALETTE[0]}" stroke-width="2" points="{line}"/>{dots}'
    return _svg(width, height, body, label)


def bars(items: Sequence[tuple[str, float]], label: str, width: int = 640, bar_height: int = 22) -> Markup:
    """Horizontal bars with their labels and values (stage counts, per-line figures)."""
    height = max(len(items), 1) * (bar_height + 6) + 4
    top = max((v for _, v in items), default=0) or 1
    body = []
    for index, (name, value) in enumerate(items):
        y = 4 + index * (bar_height + 6)
        length = (width - 260) * value / top
        body.append(
            f'<text x="0" y="{y + bar_height * 0.7:.0f}" font-size="13">{escape(name)}</text>'
            f'<rect x="200" y="{y}" width="{length:.1f}" height="{bar_height}" fill="{PALETTE[index % 4]}"/>'
            f'<text x="{206 + length:.1f}" y="{y + bar_height * 0.7:.0f}" font-size="13">{escape(f"{value:g}")}</text>'
        )
    return _svg(width, height, "".join(body), label)


def stacked(rows: Sequence[tuple[str, Sequence[float]]], parts: Sequence[str], label: str, width: int = 760) -> Markup:
    """One horizontal bar per row split into parts (time buckets per step, void days split)."""
    bar_height, gap = 20, 8
    legend_height = 22
    height = legend_height + max(len(rows), 1) * (bar_height + gap)
    top = max((sum(values) for _, values in rows), default=0) or 1
    body = []
    legend_x = 200.0
    for i, part in enumerate(parts):
        body.append(
            f'<rect x="{legend_x:.0f}" y="2" width="12" height="12" fill="{PALETTE[i % len(PALETTE)]}"/>'
            f'<text x="{legend_x + 16:.0f}" y="13" font-size="12">{escape(part)}</text>'
        )
        legend_x += 28 + 7 * len(part)  # about 7 px a character at 12 px
    for index, (name, values) in enumerate(rows):
        y = legend_height + index * (bar_height + gap)
        body.append(f'<text x="0" y="{y + 15}" font-size="13">{escape(name)}</text>')
        x = 200.0
        for part_index, value in enumerate(values):
            length = (width - 210) * value / top
            if length > 0:
                body.append(
                    f'<rect x="{x:.1f}" y="{y}" width="{length:.1f}" height="{bar_height}" '
                    f'fill="{PALETTE[part_index % len(PALETTE)]}"><title>{escape(parts[part_index])}: '
                    f"{escape(f'{value:g}')}</title></rect>"
                )
            x += length
    return _svg(width, height, "".join(body), label)


def histogram(
    days: Sequence[int], label: str, *, bin_days: int = 15, limit: int = 90, width: int = 640, height: int = 200
) -> Markup:
    """Days in temporary housing, in bins of `bin_days`, with a red line at the `limit` (the 90-day goal)."""
    top_day = max([*days, limit + bin_days])
    bins = [0] * (top_day // bin_days + 1)
    for value in days:
        bins[value // bin_days] += 1
    tallest = max(bins) or 1
    plot_w, plot_h, left, bottom = width - 40, height - 40, 30, height - 24
    bar_w = plot_w / len(bins)
    body = [f'<line x1="{left}" y1="{bottom}" x2="{left + plot_w}" y2="{bottom}" stroke="#57606a"/>']
    for index, count in enumerate(bins):
        x = left + index * bar_w
        h = plot_h * count / tallest
        if count:
            body.append(
                f'<rect x="{x + 1:.1f}" y="{bottom - h:.1f}" width="{bar_w - 2:.1f}" height="{h:.1f}" '
                f'fill="{PALETTE[0]}"><title>{index * bin_days}-{(index + 1) * bin_days - 1}: {count}</title>'
                f'</rect><text x="{x + bar_w / 2:.1f}" y="{bottom - h - 3:.1f}" font-size="11" '
                f'text-anchor="middle">{count}</text>'
            )
        if index % 2 == 0:
            body.append(f'<text x="{x:.1f}" y="{bottom + 14}" font-size="10">{index * bin_days}</text>')
    limit_x = left + plot_w * limit / (len(bins) * bin_days)
    body.append(
        f'<line class="limit" x1="{limit_x:.1f}" y1="10" x2="{limit_x:.1f}" y2="{bottom}" stroke="{PALETTE[3]}" '
        f'stroke-width="2" stroke-dasharray="4 3"/><text x="{limit_x + 4:.1f}" y="20" font-size="11" '
        f'fill="{PALETTE[3]}">{limit}</text>'
    )
    return _svg(width, height, "".join(body), label)


LANE_COLOURS = {"nav": PALETTE[0], "boligkontoret": PALETTE[1], "lke": PALETTE[2], "bestiller": PALETTE[4]}


def swimlanes(
    events: Sequence[tuple[str, date, str]], lanes: Sequence[tuple[str, str]], label: str, width: int = 900
) -> Markup:
    """A timeline with one lane per agency; `events` are (lane, day, name), `lanes` (key, title)."""
    lane_h, left = 54, 130
    height = len(lanes) * lane_h + 24
    days = [day for _, day, _ in events]
    if not days:
        return _svg(width, height, "", label)
    first, last = min(days), max(days)
    span = max((last - first).days, 1)

    def x(day: date) -> float:
        return left + (width - left - 20) * (day - first).days / span

    body = []
    for index, (key, title) in enumerate(lanes):
        y = index * lane_h
        body.append(
            f'<rect x="0" y="{y}" width="{width}" height="{lane_h - 4}" fill="#f6f8fa"/>'
            f'<text x="6" y="{y + lane_h / 2:.0f}" font-size="13" font-weight="bold">{escape(title)}</text>'
        )
        for n, (lane, day, name) in enumerate(e for e in events if e[0] == key):
            cx = x(day)
            body.append(
                f'<circle cx="{cx:.1f}" cy="{y + 18}" r="6" fill="{LANE_COLOURS.get(lane, PALETTE[5])}">'
                f"<title>{escape(day.isoformat())} {escape(name)}</title></circle>"
                f'<text x="{cx:.1f}" y="{y + 38 + (n % 2) * 10}" font-size="10" text-anchor="middle">'
                f"{escape(name)}</text>"
            )
    axis_y = len(lanes) * lane_h + 14
    body.append(
        f'<text x="{left}" y="{axis_y}" font-size="11">{first.isoformat()}</text>'
        f'<text x="{width - 20}" y="{axis_y}" font-size="11" text-anchor="end">{last.isoformat()}</text>'
    )
    return _svg(width, height, "".join(body), label)
