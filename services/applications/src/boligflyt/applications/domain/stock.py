"""The existing stock: current tenancy contracts read from a file (CSV with `;`, `,` or tab, or the Facilit-like JSON
export), each row checked by itself and then against the other rows of the file.

Pure: text in, contracts and rejections out, each with the line (CSV: the file's line; JSON: the entry's number in
its list) and the reasons. What needs the database (is the dwelling known, is it let already) is checked by the
service (`service/stock.py`).
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from boligflyt.contracts.codes import ContractType
from boligflyt.platform.personref import validate_national_id
from boligflyt.platform.spreadsheet import cell_text, parse_date

# Column (or JSON key) names, English and Norwegian, folded to lower case with `_` for spaces.
FIELD_ALIASES: dict[str, tuple[str, ...]] = {
    "dwelling": ("dwelling_id", "dwelling_ref", "dwelling", "bolig", "bolig_id", "boligid", "object_id", "objekt_id"),
    "contract_type": ("contract_type", "kontrakttype", "kontraktstype", "type"),
    "start": ("start_date", "start", "startdato", "fra_dato", "fra", "innflytting"),
    "end": ("end_date", "end", "sluttdato", "til_dato", "til", "utløp", "utlop"),
    "national_id": ("national_id", "fodselsnummer", "fødselsnummer", "fnr", "personnummer", "tenant_national_id"),
    "rent": ("monthly_rent", "rent", "husleie", "leie"),
    "contract_ref": ("contract_ref", "kontrakt", "kontraktnr", "kontrakt_id", "contract_id", "leieforhold"),
    "name": ("name", "navn", "leietaker", "tenant_name"),
}
REQUIRED = ("dwelling", "contract_type", "start", "national_id")

# Boligkontoret's own words and numbers (1-9) for its nine contract types, beside the catalogue's codes.
CONTRACT_TYPE_NAMES: dict[str, ContractType] = {
    **{t.value: t for t in ContractType},
    **{str(number): t for number, t in enumerate(ContractType, start=1)},
    "ordinær": ContractType.ORDINARY_RENTAL,
    "ordinær utleie": ContractType.ORDINARY_RENTAL,
    "tidsbestemt": ContractType.ORDINARY_RENTAL,
    "omsorgsbolig": ContractType.MUNICIPAL_CARE,
    "bofellesskap demens": ContractType.DEMENTIA_GROUP_HOME,
    "bemannet psykisk helse": ContractType.STAFFED_MENTAL_HEALTH,
    "samlokalisert med personalbase": ContractType.CO_LOCATED_WITH_STAFF_BASE,
    "samlokalisert rus": ContractType.CO_LOCATED_SUBSTANCE_USE,
    "korttid bemannet": ContractType.SHORT_TERM_STAFFED,
    "tilrettelagt": ContractType.ADAPTED_PHYSICAL_DISABILITY,
    "faret": ContractType.FARET_ONE_YEAR,
}

MAX_RENT = 1_000_000  # as for a signed contract: four months of it fit the deposit column
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$")
_AMOUNT = re.compile(r"^\d+(?:[.,]\d{1,2})?$")


class StockUnreadable(ValueError):
    """The file as a whole cannot be read (no CSV header with the required columns, not a JSON list of contracts)."""


@dataclass(frozen=True)
class StockContract:
    """One current contract of the file, checked by itself."""

    line: int
    dwelling_id: str
    contract_type: ContractType
    start_date: date
    end_date: date | None
    national_id: str
    monthly_rent: int | None
    contract_ref: str | None
    name: str | None

    def key(self, person_ref: str) -> str:
        """The contract's natural key: the same dwelling, tenant and start are the same contract."""
        return hashlib.sha256(f"{self.dwelling_id}|{person_ref}|{self.start_date.isoformat()}".encode()).hexdigest()


@dataclass(frozen=True)
class StockRejection:
    line: int
    dwelling_id: str | None
    reasons: tuple[str, ...]


@dataclass
class StockFile:
    rows: int = 0
    contracts: list[StockContract] = field(default_factory=list)
    rejections: list[StockRejection] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)


def _fold(name: str) -> str:
    return name.strip().lower().replace(" ", "_").replace("-", "_")


def _columns(names: Iterable[str]) -> tuple[dict[str, str], list[str]]:
    """Which source column feeds each field, and which columns are ignored (never read, e.g. a phone number)."""
    by_alias = {alias: name for name, aliases in FIELD_ALIASES.items() for alias in aliases}
    used: dict[str, str] = {}
    ignored: list[str] = []
    for column in names:
        name = by_alias.get(_fold(column))
        if name is None or name in used:
            ignored.append(column)
        else:
            used[name] = column
    return used, ignored


def check_row(line: int, raw: dict[str, Any], columns: dict[str, str]) -> StockContract | StockRejection:
    """One row by itself: every field there and well formed, the national id valid, the end after the start."""
    reasons: list[str] = []
    for name in REQUIRED:
        if not cell_text(raw, columns, name):
            reasons.append(f"{name} is missing")
    dwelling_id = cell_text(raw, columns, "dwelling")
    if dwelling_id and not _ID.fullmatch(dwelling_id):
        reasons.append("the dwelling reference must be 1-64 letters, digits or . _ : -")
    contract_type: ContractType | None = None
    if text := cell_text(raw, columns, "contract_type"):
        contract_type = CONTRACT_TYPE_NAMES.get(text.lower())
        if contract_type is None:
            reasons.append(f"contract type {text!r} is not one of: {', '.join(t.value for t in ContractType)}")
    start: date | None = None
    if text := cell_text(raw, columns, "start"):
        start = parse_date(text)
        if start is None:
            reasons.append(f"start {text!r} is not a date (2027-05-31 or 31.05.2027)")
    end: date | None = None
    if text := cell_text(raw, columns, "end"):
        end = parse_date(text)
        if end is None:
            reasons.append(f"end {text!r} is not a date (2027-05-31 or 31.05.2027)")
    if start is not None and end is not None and end <= start:
        reasons.append(f"the end ({end.isoformat()}) is not after the start ({start.isoformat()})")
    national_id = ""
    if text := cell_text(raw, columns, "national_id"):
        try:
            national_id = validate_national_id(text)
        except ValueError as exc:
            reasons.append(f"invalid national identity number: {exc}")  # the number itself is never repeated
    rent: int | None = None
    if text := cell_text(raw, columns, "rent"):
        cleaned = text.replace("\u00a0", "").replace(" ", "").removesuffix(",-")
        if not _AMOUNT.fullmatch(cleaned) or float(cleaned.replace(",", ".")) > MAX_RENT:
            reasons.append(f"rent must be whole kroner per month from 0 to {MAX_RENT}, not {text!r}")
        else:
            rent = round(float(cleaned.replace(",", ".")))
    contract_ref = cell_text(raw, columns, "contract_ref") or None
    if contract_ref is not None and (not _ID.fullmatch(contract_ref) or re.fullmatch(r"\d{11}", contract_ref)):
        reasons.append("the contract reference must be 1-64 letters, digits or . _ : - (and not 11 digits)")
    tenant_name = cell_text(raw, columns, "name")[:200] or None
    if reasons or contract_type is None or start is None:
        return StockRejection(line, dwelling_id or None, tuple(reasons))
    return StockContract(line, dwelling_id, contract_type, start, end, national_id, rent, contract_ref, tenant_name)


def _csv_rows(text: str) -> tuple[list[tuple[int, dict[str, Any]]], list[str]]:
    first = text.lstrip("\ufeff").split("\n", 1)[0]
    # The header says which separator the file uses: the one it has most of.
    delimiter = max((";", "\t", ","), key=first.count)
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff"), newline=""), delimiter=delimiter)
    if not reader.fieldnames:
        raise StockUnreadable("the file has no header row")
    rows = []
    for raw in reader:
        if not any((value or "").strip() for value in raw.values() if isinstance(value, str)):
            continue  # a blank line
        rows.append((reader.line_num, dict(raw)))
    return rows, list(reader.fieldnames)


def _json_rows(text: str) -> tuple[list[tuple[int, dict[str, Any]]], list[str]]:
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise StockUnreadable(f"not JSON: {exc}") from exc
    if isinstance(document, dict):
        document = document.get("contracts", document.get("kontrakter"))
    if not isinstance(document, list):
        raise StockUnreadable('expected a list of contracts, or {"contracts": [...]}')
    names: dict[str, None] = {}
    rows = []
    for number, item in enumerate(document, start=1):
        entry = item if isinstance(item, dict) else {}
        names.update(dict.fromkeys(entry))
        rows.append((number, entry))
    return rows, list(names)


def read_stock(text: str, source_format: str) -> StockFile:
    """The file's contracts, each row checked by itself and then against the others (one open contract per
    dwelling: every row of a dwelling that has two is rejected, since the file cannot say which is right)."""
    if source_format not in ("csv", "json"):
        raise StockUnreadable(f"unknown format {source_format!r}: csv or json")
    rows, names = _csv_rows(text) if source_format == "csv" else _json_rows(text)
    columns, ignored = _columns(names)
    missing = [name for name in REQUIRED if name not in columns]
    if missing:
        raise StockUnreadable(f"no column for {', '.join(missing)} (columns: {', '.join(names) or 'none'})")
    parsed = StockFile(rows=len(rows), ignored_columns=ignored)
    checked = [check_row(line, raw, columns) for line, raw in rows]
    by_dwelling: dict[str, list[StockContract]] = defaultdict(list)
    for row in checked:
        if isinstance(row, StockContract):
            by_dwelling[row.dwelling_id].append(row)
        else:
            parsed.rejections.append(row)
    for dwelling_id, contracts in by_dwelling.items():
        if len(contracts) == 1:
            parsed.contracts.append(contracts[0])
            continue
        lines = ", ".join(str(c.line) for c in contracts)
        reason = f"dwelling {dwelling_id} has two open contracts in the file (lines {lines})"
        parsed.rejections.extend(StockRejection(c.line, dwelling_id, (reason,)) for c in contracts)
    parsed.contracts.sort(key=lambda c: c.line)
    parsed.rejections.sort(key=lambda r: r.line)
    return parsed


def format_of(filename: str | None, text: str) -> str:
    """The format by the file's suffix, else by its first character."""
    suffix = (filename or "").rsplit(".", 1)[-1].lower()
    if suffix in ("csv", "json"):
        return suffix
    if suffix in ("tsv", "txt"):
        return "csv"
    return "json" if text.lstrip("\ufeff \r\n\t")[:1] in ("[", "{") else "csv"
