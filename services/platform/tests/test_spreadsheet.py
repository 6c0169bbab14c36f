"""CSV safety: exports neutralise what a spreadsheet would run as a formula; imports can tell such text."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest

from boligflyt.platform.spreadsheet import csv_document, neutralise, starts_like_a_formula

HYPERLINK = '=HYPERLINK("http://x","y")'


@pytest.mark.parametrize(
    "text",
    [HYPERLINK, "+1+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0", "@SUM(A1:A9)", "\t=1+1", "\r=1+1", "-", "=", "-x"],
)
def test_text_a_spreadsheet_would_run_gets_a_leading_quote(text: str) -> None:
    assert neutralise(text) == "'" + text


@pytest.mark.parametrize("value", ["Storgata 1", "", "a=b", "x-1", " =1", "'=1", "2015-03", "app-2015-0042"])
def test_other_text_is_left_as_it_is(value: str) -> None:
    assert neutralise(value) == value


@pytest.mark.parametrize("value", [-500, -0.25, 0, 12, 3.5, True, None, date(2015, 1, 5), "-500", "-0.25", "-7,5"])
def test_numbers_stay_numbers(value: object) -> None:
    # A negative amount is a number, not a formula: written as it is, it stays a number in the spreadsheet.
    assert neutralise(value) == value


def test_a_csv_document_neutralises_every_text_cell_and_writes_numbers_as_numbers() -> None:
    document = csv_document(["name", "amount", "day", "none"], [[HYPERLINK, -500, date(2015, 1, 5), None]])
    assert document.endswith("\r\n")
    rows = list(csv.reader(io.StringIO(document)))
    assert rows == [["name", "amount", "day", "none"], ["'" + HYPERLINK, "-500", "2015-01-05", ""]]


@pytest.mark.parametrize("text", [HYPERLINK, "+4791234567", "@home", "-x", "- Storgata 1", "-"])
def test_an_import_can_tell_text_that_starts_like_a_formula(text: str) -> None:
    assert starts_like_a_formula(text)


@pytest.mark.parametrize("text", ["Storgata 1", "-5", "-12 Storgata", "Nedre Storgate 3 = bak", "", "'=x"])
def test_an_import_lets_ordinary_text_through(text: str) -> None:
    assert not starts_like_a_formula(text)
