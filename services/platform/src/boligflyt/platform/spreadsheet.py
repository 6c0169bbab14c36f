"""CSV that is safe to open in a spreadsheet: exports neutralise formulas, imports can tell text that starts
like one.

A spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` as a formula (and some read past a leading tab
or carriage return), so `=HYPERLINK("http://x","y")` in an address becomes a link, or worse, on a coordinator's
machine. The OWASP rule for exports (CSV injection): such a text cell gets a leading `'`, which the spreadsheet
shows as text. Numbers are not text: a negative amount is written as it is and stays a number. Pure Python.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
# A number written as text (a report that renders its values first): stays a number, it runs nothing.
_PLAIN_NUMBER = re.compile(r"-?\d+(?:[.,]\d+)?")
# In imported text: `-` followed by a digit is a number or a house number, anything else after it is a formula.
_FORMULA_START = re.compile(r"[=+@\t\r]|-(?!\d)")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_NORWEGIAN_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")


def neutralise(value: object) -> object:
    """The value to write in a CSV cell: a text cell that starts like a formula gets a leading `'`; numbers,
    dates and other text as they are."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES) and not _PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


def csv_document(columns: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """A CSV export (a header, then the rows; CRLF as RFC 4180 says), every cell neutralised and None empty."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([neutralise(column) for column in columns])
    for row in rows:
        writer.writerow(["" if value is None else neutralise(value) for value in row])
    return out.getvalue()


def starts_like_a_formula(text: str) -> bool:
    """For imports: free text (an address) that a spreadsheet would run, which no one means to store."""
    return _FORMULA_START.match(text) is not None


def cell_text(row: Mapping[str, Any], columns: Mapping[str, str], name: str) -> str:
    """For imports: the stripped text of the row's cell for the field `name` (`columns`: field -> the file's own
    column name), empty when the file has no such column or the cell is empty."""
    column = columns.get(name)
    value = row.get(column) if column is not None else None
    return "" if value is None else str(value).strip()


def parse_date(value: str) -> date | None:
    """For imports: a date as exports write it, 2027-05-31 or 31.05.2027; None for anything else."""
    try:
        if match := _ISO_DATE.fullmatch(value):
            return date(int(match[1]), int(match[2]), int(match[3]))
        if match := _NORWEGIAN_DATE.fullmatch(value):
            return date(int(match[3]), int(match[2]), int(match[1]))
    except ValueError:
        return None
    return None
