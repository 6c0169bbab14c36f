"""NAV's situation report as CSV neutralises what a spreadsheet would run as a formula."""

from __future__ import annotations

import csv
import io

from boligflyt.temporary_housing import domain
from boligflyt.temporary_housing.domain.reports import MonthRow

HYPERLINK = '=HYPERLINK("http://x","y")'


def test_the_situation_report_as_csv_neutralises_a_formula_and_keeps_numbers() -> None:
    # Months are rendered by the service today; the export must not rely on that to be safe.
    rows = [
        MonthRow(
            month=HYPERLINK,
            persons=2,
            under_30=1,
            singles=1,
            new_enquiries=0,
            nights=-1,
            cost=3000,
            children_with_singles=2,
        )
    ]
    table = "".join(line for line in domain.report_csv(rows).splitlines(True) if not line.startswith("# "))
    [header, row] = list(csv.reader(io.StringIO(table)))
    assert header == list(domain.reports.REPORT_COLUMNS)
    assert row == ["'" + HYPERLINK, "2", "1", "1", "2", "0", "-1", "3000"]
