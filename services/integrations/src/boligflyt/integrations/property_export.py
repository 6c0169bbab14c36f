"""The Facilit-like property system's export (CSV or JSON) mapped to the maintenance service's dwellings.

Pure: text in, mapped objects and rejections out. Only the seven known fields are read; any other column (a
tenant's name, a phone number) is never looked at and never sent on: the report only names such columns.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import math
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from boligflyt.contracts.codes import DwellingCategory, DwellingOwner
from boligflyt.platform.spreadsheet import cell_text, parse_date, starts_like_a_formula

FIELD_ALIASES: dict[str, tuple[str, ...]] = {
    "object_id": ("object_id", "objekt_id", "objektnr", "objekt"),
    "address": ("address", "adresse"),
    "rooms": ("rooms", "antall_rom", "rom"),
    "area": ("area", "areal", "areal_m2", "area_m2"),
    "rent": ("rent", "husleie", "monthly_rent"),
    "owner": ("owner", "eier"),
    "tenancy": ("tenancy", "leieforhold"),
    "category": ("category", "kategori", "boligtype"),
    "head_lease_end": ("head_lease_end", "innleie_til", "leieavtale_slutt"),
}
REQUIRED = ("object_id", "address", "rooms", "rent", "owner")

OWNER_NAMES: dict[str, DwellingOwner] = {
    "lke": DwellingOwner.LKE,
    "larvik kommunale eiendom": DwellingOwner.LKE,
    "larvik kommunale eiendom kf": DwellingOwner.LKE,
    "lkbs": DwellingOwner.LKBS,
    "larvik kommunale boligstiftelse": DwellingOwner.LKBS,
    "municipality": DwellingOwner.MUNICIPALITY,
    "kommunen": DwellingOwner.MUNICIPALITY,
    "larvik kommune": DwellingOwner.MUNICIPALITY,
    "private_lease": DwellingOwner.PRIVATE_LEASE,
    "privat innleie": DwellingOwner.PRIVATE_LEASE,
    "innleie": DwellingOwner.PRIVATE_LEASE,
    "housing_coop": DwellingOwner.HOUSING_COOP,
    "borettslag": DwellingOwner.HOUSING_COOP,
}
CATEGORY_NAMES: dict[str, DwellingCategory] = {
    **{c.value: c for c in DwellingCategory},
    "ordinær": DwellingCategory.ORDINARY,
    "trygdebolig": DwellingCategory.BENEFIT_RECIPIENT,
    "omsorgsbolig": DwellingCategory.CARE,
    "bemannet": DwellingCategory.STAFFED,
    "samlokalisert": DwellingCategory.CO_LOCATED,
    "gjennomgangsbolig": DwellingCategory.TRANSITIONAL,
    "etablererbolig": DwellingCategory.STARTER,
    "beredskapsbolig": DwellingCategory.EMERGENCY,
}
VACANT = {"", "ledig", "vacant", "none", "-"}

_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$")
_NATIONAL_ID_SHAPE = re.compile(r"\d{11}")
_NUMBER = re.compile(r"^\d+(?:[.,]\d+)?$")


class ExportUnreadable(ValueError):
    """The export as a whole cannot be read (not CSV with a header, not a JSON list of objects)."""


@dataclass(frozen=True)
class MappedObject:
    """One object of the export as the maintenance service's bulk upsert takes it."""

    row: int
    object_id: str
    dwelling: dict[str, Any]

    @property
    def fingerprint(self) -> str:
        return hashlib.sha256(json.dumps(self.dwelling, sort_keys=True).encode()).hexdigest()


@dataclass(frozen=True)
class Rejection:
    row: int
    object_id: str | None
    reasons: tuple[str, ...]


@dataclass
class ParsedExport:
    rows: int = 0
    objects: list[MappedObject] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)


def _canonical_columns(columns: list[str]) -> tuple[dict[str, str], list[str]]:
    """Which source column feeds each field, and which columns are ignored."""
    by_alias = {alias: name for name, aliases in FIELD_ALIASES.items() for alias in aliases}
    used: dict[str, str] = {}
    ignored: list[str] = []
    for column in columns:
        name = by_alias.get(column.strip().lower().replace(" ", "_"))
        if name is None or name in used:
            ignored.append(column)
        else:
            used[name] = column
    return used, ignored


def _number(value: str) -> float | None:
    cleaned = value.replace("\u00a0", "").replace(" ", "").removesuffix(",-")
    if not _NUMBER.fullmatch(cleaned):
        return None
    number = float(cleaned.replace(",", "."))
    # Some four hundred digits make a float's infinity: no count or amount, and no integer to round it to.
    return number if math.isfinite(number) else None


def map_object(row: int, raw: dict[str, Any], columns: dict[str, str]) -> MappedObject | Rejection:
    reasons: list[str] = []
    object_id = cell_text(raw, columns, "object_id")
    for name in REQUIRED:
        if not cell_text(raw, columns, name):
            reasons.append(f"{name} is missing")
    if object_id and (not _ID.fullmatch(object_id) or _NATIONAL_ID_SHAPE.fullmatch(object_id)):
        reasons.append("object_id must be 1-64 letters, digits or . _ : - and not 11 digits")
    address = cell_text(raw, columns, "address")
    if len(address) > 200:
        reasons.append("address is longer than 200 characters")
    if starts_like_a_formula(address):
        # Exports pass through spreadsheets: no one means `=HYPERLINK(...)` as an address.
        reasons.append("address must not start like a spreadsheet formula (=, +, @, or - before a non-digit)")

    rooms: int | None = None
    if text := cell_text(raw, columns, "rooms"):
        number = _number(text)
        if number is None or number != int(number) or not 1 <= number <= 30:
            reasons.append(f"rooms must be a whole number from 1 to 30, not {text!r}")
        else:
            rooms = int(number)
    area: int | None = None
    if text := cell_text(raw, columns, "area"):
        number = _number(text)
        if number is None or not 1 <= number <= 2000:
            reasons.append(f"area must be square metres from 1 to 2000, not {text!r}")
        else:
            area = round(number)
    rent: int | None = None
    if text := cell_text(raw, columns, "rent"):
        number = _number(text)
        if number is None or number > 200_000:
            reasons.append(f"rent must be whole kroner per month from 0 to 200000, not {text!r}")
        else:
            rent = round(number)
    owner: DwellingOwner | None = None
    if text := cell_text(raw, columns, "owner"):
        owner = OWNER_NAMES.get(text.lower())
        if owner is None:
            reasons.append(f"owner {text!r} is not one of: {', '.join(sorted(OWNER_NAMES))}")
    tenancy = cell_text(raw, columns, "tenancy")
    tenancy_ref: str | None = None
    if tenancy.lower() not in VACANT:
        if _NATIONAL_ID_SHAPE.fullmatch(tenancy) or not _ID.fullmatch(tenancy):
            # A name or an identity number would be personal data: only a contract reference is taken.
            reasons.append("tenancy must be a contract reference (letters, digits, . _ : -) or 'ledig'")
        else:
            tenancy_ref = tenancy

    category: DwellingCategory | None = None
    if text := cell_text(raw, columns, "category"):
        found = CATEGORY_NAMES.get(text.lower())
        if found is None:
            reasons.append(f"category {text!r} is not one of: {', '.join(sorted(CATEGORY_NAMES))}")
        else:
            category = found

    head_lease_end: date | None = None
    if text := cell_text(raw, columns, "head_lease_end"):
        head_lease_end = parse_date(text)
        if head_lease_end is None:
            reasons.append(f"head_lease_end must be a date (2028-05-31 or 31.05.2028), not {text!r}")

    if reasons or rooms is None or rent is None or owner is None:
        return Rejection(row=row, object_id=object_id or None, reasons=tuple(reasons))
    # The fields of the maintenance service's DwellingCreate; what the export does not state is left out,
    # so a batch never overwrites what LKE keeps itself (area when unknown, accessibility, staffing).
    dwelling: dict[str, Any] = {
        "external_ref": object_id,
        "address": address,
        "owner": owner.value,
        "rooms": rooms,
        # Norwegian property systems count the living room among the rooms.
        "bedrooms": max(rooms - 1, 0),
        "monthly_rent": rent,
        # Only for a new dwelling: afterwards LKE's turnover owns the status.
        "status": "let" if tenancy_ref is not None else "vacant",
    }
    if category is not None:
        # Left out otherwise: the register keeps the category LKE set (a new dwelling is ordinary).
        dwelling["category"] = category.value
    if area is not None:
        dwelling["floor_area_m2"] = area
    if head_lease_end is not None:
        dwelling["head_lease_end"] = head_lease_end.isoformat()
    if owner is DwellingOwner.HOUSING_COOP:
        # Co-op dwellings are let only with the board's approval of the tenant.
        dwelling["coop_board_approval"] = True
    return MappedObject(row=row, object_id=object_id, dwelling=dwelling)


def _records(text: str, source_format: str) -> tuple[list[str], list[dict[str, Any]]]:
    if source_format == "csv":
        sample = text[:4096]
        try:
            dialect: Any = csv.Sniffer().sniff(sample, delimiters=",;\t")
        except csv.Error:
            dialect = csv.excel
        reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")), dialect=dialect)
        if not reader.fieldnames:
            raise ExportUnreadable("the CSV export has no header row")
        return list(reader.fieldnames), [dict(r) for r in reader]
    if source_format == "json":
        try:
            document = json.loads(text)
        except ValueError as exc:
            raise ExportUnreadable(f"the JSON export is not JSON: {exc}") from exc
        if isinstance(document, dict):
            document = document.get("objects")
        if not isinstance(document, list):
            raise ExportUnreadable("the JSON export must be a list of objects, or {'objects': [...]}")
        columns: dict[str, None] = {}
        for item in document:
            if isinstance(item, dict):
                columns.update(dict.fromkeys(str(k) for k in item))
        return list(columns), [item if isinstance(item, dict) else {} for item in document]
    raise ExportUnreadable(f"unknown export format {source_format!r}: csv or json")


def parse_export(text: str, source_format: str) -> ParsedExport:
    columns, records = _records(text, source_format)
    used, ignored = _canonical_columns(columns)
    missing = [name for name in REQUIRED if name not in used]
    if missing:
        raise ExportUnreadable(f"the export lacks the columns {', '.join(missing)}")
    parsed = ParsedExport(rows=len(records), ignored_columns=ignored)
    seen: set[str] = set()
    for index, raw in enumerate(records, start=1):
        result = map_object(index, raw, used)
        if isinstance(result, MappedObject) and result.object_id in seen:
            result = Rejection(row=index, object_id=result.object_id, reasons=("object_id appears twice",))
        if isinstance(result, Rejection):
            parsed.rejections.append(result)
        else:
            seen.add(result.object_id)
            parsed.objects.append(result)
    return parsed
