"""The coordinators' CSV exports neutralise what a spreadsheet would run as a formula."""

from __future__ import annotations

import csv
import io

from boligflyt.dashboard.reports import Report

HYPERLINK = '=HYPERLINK("http://x","y")'


def test_a_report_exported_as_csv_neutralises_a_formula_and_keeps_numbers() -> None:
    # Every report of the dashboard is a Report, exported by Report.csv (the route serves nothing else).
    report = Report("waiting-list", ["application_id", "kind", "days_waiting"], [[HYPERLINK, "@x", -3]])
    rows = list(csv.reader(io.StringIO(report.csv())))
    assert rows == [["application_id", "kind", "days_waiting"], ["'" + HYPERLINK, "'@x", "-3"]]
