"""Reports as printable PDFs for the leadership: the title, which clock the figures follow, charts of the report's
main figures and the whole table. The charts are the pages' own SVG charts, drawn into the PDF by fpdf2."""

from __future__ import annotations

import io
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from boligflyt.dashboard import charts
from boligflyt.dashboard.reports import Report

MOST_BARS = 24  # the latest rows of a long report: a chart stays readable on A4


@dataclass(frozen=True)
class ChartSpec:
    """Bars of each value column against the label columns. With `total`, rows that share a label are added up
    (a row counts 1 where the value column is `rows`)."""

    labels: tuple[str, ...]
    values: tuple[str, ...]
    total: bool = False
    only: tuple[str, Any] | None = None  # (column, value): the rows the chart is drawn from


CHARTS: dict[str, ChartSpec] = {
    "four-monthly": ChartSpec(("period",), ("in_temporary_housing", "over_90_days", "relets", "settled_this_year")),
    "nav-monthly": ChartSpec(("month",), ("persons", "under_30", "singles")),
    "waiting-list": ChartSpec(("kind",), ("rows",), total=True),
    "relet-times": ChartSpec(("let_date",), ("void_days",)),
    "renovation": ChartSpec(("state",), ("rows", "lost_rent"), total=True),
    "ordering": ChartSpec(("budget_line",), ("ordered", "delivered")),
    "budgets": ChartSpec(("year", "budget_line"), ("frame", "ordered", "delivered_cost")),
    "husbanken": ChartSpec(
        ("year", "budget_line"),
        ("dwellings_acquired", "acquisition_cost", "referred_to_buying"),
        only=("period", "year"),
    ),
    "settlement": ChartSpec(("year", "month"), ("settled_cumulative", "even_spread_cumulative")),
    "settlement-areas": ChartSpec(("year", "area_code"), ("households", "persons")),
}


def report_charts(report: Report) -> list[tuple[str, Markup]]:
    """(caption, chart): one bar chart per main figure of the report; none for a report without rows."""
    spec = CHARTS.get(report.name)
    if spec is None or not report.rows:
        return []
    index = {column: number for number, column in enumerate(report.columns)}
    rows = report.rows
    if spec.only is not None:
        column, value = spec.only
        rows = [row for row in rows if row[index[column]] == value]
    drawn = []
    for value_column in spec.values:
        items: dict[str, float] = defaultdict(float)
        for row in rows:
            label = " ".join("" if row[index[c]] is None else str(row[index[c]]) for c in spec.labels).strip()
            value = 1.0 if value_column == "rows" else float(row[index[value_column]] or 0)
            if spec.total:
                items[label or "-"] += value
            else:
                items[label or "-"] = value
        shown = list(items.items())[-MOST_BARS:]
        caption = f"{'rows' if value_column == 'rows' else value_column} by {' and '.join(spec.labels)}"
        drawn.append((caption, charts.bars(shown, caption)))
    return drawn


def report_pdf(title: str, subtitle: str, report: Report, drawn: Sequence[tuple[str, Markup]]) -> bytes:
    """A4 landscape: the title, the clock and day, each chart with its caption, then the table."""
    # Imported on the first PDF: fpdf is heavy to import and most processes never print.
    from fpdf import FPDF
    from fpdf.fonts import FontFace

    pdf = FPDF(orientation="landscape", format="A4")
    pdf.set_auto_page_break(auto=True, margin=12)
    pdf.set_title(_latin(title))
    pdf.add_page()
    pdf.set_font("Helvetica", style="B", size=16)
    pdf.multi_cell(0, 8, _latin(title), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=10)
    pdf.multi_cell(0, 6, _latin(subtitle), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    for caption, chart in drawn:
        if pdf.get_y() > pdf.eph - 40:
            pdf.add_page()
        pdf.set_font("Helvetica", style="B", size=10)
        pdf.cell(0, 6, _latin(caption), new_x="LMARGIN", new_y="NEXT")
        pdf.image(io.BytesIO(str(chart).encode()), w=min(pdf.epw, 200))
        pdf.ln(3)
    pdf.add_page()
    pdf.set_font("Helvetica", size=7 if len(report.columns) > 7 else 8)
    with pdf.table(headings_style=FontFace(emphasis="BOLD"), line_height=4.5) as table:
        table.row([_latin(c) for c in report.columns])
        for row in report.rows:
            table.row(["" if value is None else _latin(str(value)) for value in row])
    return bytes(pdf.output())


def _latin(text: str) -> str:
    # The PDF's built-in font covers Latin-1 (Norwegian letters included); anything else prints as '?'.
    return text.encode("latin-1", errors="replace").decode("latin-1")
