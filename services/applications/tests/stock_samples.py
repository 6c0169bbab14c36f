"""Sample files of the existing stock: N current tenancy contracts (CSV with Norwegian columns and `;`, or the
Facilit-like JSON with English keys), made up and belonging to nobody. The tests build them; to get files to try
`./dev import-tenancies` with:

    .venv/bin/python services/applications/tests/stock_samples.py OUT_DIR [N]

writes OUT_DIR/tenancies.csv and OUT_DIR/tenancies.json (the dwellings they name are `dw-stock-0001`...; LKE must
have registered them, e.g. with `./dev import-dwellings`).
"""

from __future__ import annotations

import csv
import io
import json
import sys
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from boligflyt.contracts.codes import ContractType
from boligflyt.platform.personref import with_check_digits

# The contract types in the stock, most of them ordinary three-year contracts.
MIX = [ContractType.ORDINARY_RENTAL] * 6 + [
    ContractType.MUNICIPAL_CARE,
    ContractType.CO_LOCATED_SUBSTANCE_USE,
    ContractType.ADAPTED_PHYSICAL_DISABILITY,
    ContractType.FARET_ONE_YEAR,
]
TERM_MONTHS = {
    ContractType.ORDINARY_RENTAL: 36,
    ContractType.CO_LOCATED_SUBSTANCE_USE: 36,
    ContractType.FARET_ONE_YEAR: 12,
}


@dataclass(frozen=True)
class SampleContract:
    contract_ref: str
    dwelling_id: str
    contract_type: ContractType
    start: date
    end: date | None
    national_id: str
    rent: int


def dwelling_id(n: int) -> str:
    return f"dw-stock-{n:04d}"


def person(n: int) -> str:
    """The n-th tenant's national id: born 1950-1989, valid check digits."""
    birth = date(1950 + n % 40, 1 + n % 12, 1 + n % 28)
    for serial in range(n % 500, n % 500 + 500):
        if number := with_check_digits(f"{birth:%d%m%y}{serial % 500:03d}"):
            return number
    raise AssertionError(n)


def _months_later(start: date, months: int) -> date:
    year, month = divmod(start.month - 1 + months, 12)
    return date(start.year + year, month + 1, min(start.day, 28))


def contracts(count: int, today: date) -> list[SampleContract]:
    """`count` current contracts on dwellings 1..count, started up to ~3 years before `today` (a few ending in the
    next three months, a few already past their end), every fifth indefinite or need-based."""
    made = []
    for n in range(1, count + 1):
        kind = MIX[n % len(MIX)]
        term = TERM_MONTHS.get(kind)
        start = today - timedelta(days=30 + (n * 37) % (3 * 365))
        end = None if term is None else _months_later(start, term) - timedelta(days=1)
        made.append(
            SampleContract(
                f"K-{start.year}-{n:04d}", dwelling_id(n), kind, start, end, person(n), 6000 + (n % 40) * 150
            )
        )
    return made


def csv_text(rows: list[SampleContract], delimiter: str = ";") -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(["kontraktnr", "bolig", "kontrakttype", "startdato", "sluttdato", "fødselsnummer", "husleie"])
    for c in rows:
        writer.writerow(
            [
                c.contract_ref,
                c.dwelling_id,
                c.contract_type.value,
                f"{c.start:%d.%m.%Y}",
                f"{c.end:%d.%m.%Y}" if c.end else "",
                c.national_id,
                f"{c.rent:,}".replace(",", " "),
            ]
        )
    return out.getvalue()


def json_text(rows: list[SampleContract]) -> str:
    return json.dumps(
        {
            "contracts": [
                {
                    "contract_id": c.contract_ref,
                    "object_id": c.dwelling_id,
                    "contract_type": c.contract_type.value,
                    "start_date": c.start.isoformat(),
                    "end_date": c.end.isoformat() if c.end else None,
                    "national_id": c.national_id,
                    "rent": c.rent,
                }
                for c in rows
            ]
        },
        ensure_ascii=False,
        indent=2,
    )


if __name__ == "__main__":
    target = Path(sys.argv[1])
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 700
    target.mkdir(parents=True, exist_ok=True)
    sample = contracts(count, date.today())
    (target / "tenancies.csv").write_text(csv_text(sample), encoding="utf-8")
    (target / "tenancies.json").write_text(json_text(sample), encoding="utf-8")
    print(f"wrote {count} contracts to {target}/tenancies.csv and tenancies.json")
