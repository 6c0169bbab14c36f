"""The housing programme report's CSV export neutralises what a spreadsheet would run as a formula."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest

from boligflyt.ordering import service
from boligflyt.ordering.schemas import ProgrammeReport, ReportLine

HYPERLINK = '=HYPERLINK("http://x","y")'


# A text where the model wants a budget line: pydantic warns when it serialises it, as it should.
@pytest.mark.filterwarnings("ignore:Pydantic serializer warnings:UserWarning")
def test_the_programme_report_as_csv_neutralises_a_formula_and_keeps_a_negative_amount_a_number() -> None:
    counts = {name: 0 for name in ReportLine.model_fields if name not in {"budget_line", "frame_amount", "available"}}
    # Budget lines are a code list today; the export must not rely on that to be safe.
    line = ReportLine.model_construct(budget_line=HYPERLINK, frame_amount=1000, available=-500, **counts)
    report = ProgrammeReport.model_construct(
        year=2015, as_of=date(2015, 6, 1), lines=[line], needs_reported_in_year=0, needs_rejected_in_year=0
    )
    [row] = list(csv.DictReader(io.StringIO(service.report_csv(report))))
    assert row["budget_line"] == "'" + HYPERLINK
    assert (row["year"], row["available"], row["frame_amount"]) == ("2015", "-500", "1000")
