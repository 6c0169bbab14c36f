"""The existing stock: current tenancy contracts signed before Boligflyt, imported from a file so that renewal
reminders and the § 9-2 escalation cover every contract.

Idempotent: a contract's natural key is its dwelling, tenant and start (`StockContract.key`), so the same file again
creates nothing and reports every contract unchanged. A row that cannot be taken (the file's own checks in
`domain/stock.py`; here: a dwelling Boligkontoret does not know from LKE's events, a dwelling with an open contract
already, the same contract stored with other terms) is reported with its line and reasons and nothing of it is
stored; the good rows are, in one transaction. No event goes out: LKE knows its let dwellings already, and a
signing from years ago is not news for the dashboard. The tenant's national id stays here, on an applicant row.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from sqlalchemy import select

from boligflyt.applications import domain
from boligflyt.applications.domain import StockContract, StockRejection, StockUnreadable, TenancyState
from boligflyt.applications.models import Applicant, Dwelling, Tenancy
from boligflyt.applications.schemas import StockImportReport, StockRowRejected
from boligflyt.applications.service.common import commit_or_conflict
from boligflyt.contracts.codes import DepositKind, DwellingStatus
from boligflyt.platform.clock import Clock
from boligflyt.platform.db import Database, UnitOfWork
from boligflyt.platform.errors import RuleViolation
from boligflyt.platform.ids import new_id
from boligflyt.platform.personref import person_ref

OPEN_STATES = (TenancyState.SIGNED.value, TenancyState.ACTIVE.value, TenancyState.NOTICE_GIVEN.value)
# A dwelling Boligkontoret is letting to someone else right now cannot have a current tenant as well.
LETTING_NOW = frozenset({DwellingStatus.READY, DwellingStatus.RESERVED, DwellingStatus.WITHDRAWN})
CHUNK = 500  # rows per IN (...) list


def _same_terms(stored: Tenancy, contract: StockContract, rent: int) -> bool:
    return bool(
        stored.contract_type == contract.contract_type.value
        and stored.end_date == contract.end_date
        and stored.monthly_rent == rent
    )


async def import_stock(
    database: Database,
    key: str,
    clock: Clock,
    text: str,
    source_format: str,
    *,
    actor: str,
    dry_run: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> StockImportReport:
    """Import the file's contracts; report created, unchanged and rejected rows (line, reasons). A dry run reports
    what an import would do now and stores nothing. `progress(done, total)` follows the contracts checked."""
    try:
        parsed = domain.read_stock(text, source_format)
    except StockUnreadable as exc:
        raise RuleViolation(str(exc), code="unreadable_stock") from exc
    today = clock.today()
    rejections: list[StockRejection] = list(parsed.rejections)
    created: list[str] = []
    unchanged = 0
    async with database.unit_of_work(actor) as uow:
        dwelling_ids = sorted({c.dwelling_id for c in parsed.contracts})
        dwellings: dict[str, Dwelling] = {}
        open_tenancies: dict[str, list[Tenancy]] = {}
        for start in range(0, len(dwelling_ids), CHUNK):
            chunk = dwelling_ids[start : start + CHUNK]
            for dwelling in (await uow.session.scalars(select(Dwelling).where(Dwelling.id.in_(chunk)))).all():
                dwellings[dwelling.id] = dwelling
            rows = await uow.session.scalars(
                select(Tenancy).where(Tenancy.dwelling_id.in_(chunk), Tenancy.state.in_(OPEN_STATES))
            )
            for tenancy in rows.all():
                open_tenancies.setdefault(tenancy.dwelling_id, []).append(tenancy)
        national_ids = sorted({c.national_id for c in parsed.contracts})
        applicants: dict[str, Applicant] = {}
        for start in range(0, len(national_ids), CHUNK):
            chunk = national_ids[start : start + CHUNK]
            for applicant in (
                await uow.session.scalars(select(Applicant).where(Applicant.national_id.in_(chunk)))
            ).all():
                applicants[applicant.national_id] = applicant

        for done, contract in enumerate(parsed.contracts, start=1):
            outcome = _take(uow, contract, key, today, dwellings, open_tenancies, applicants)
            if isinstance(outcome, StockRejection):
                rejections.append(outcome)
            elif outcome is None:
                unchanged += 1
            else:
                created.append(outcome.id)
            if progress is not None:
                progress(done, len(parsed.contracts))
        uow.audit(
            "stock.imported",
            "stock_import",
            actor,
            detail={"created": len(created), "unchanged": unchanged, "rejected": len(rejections), "dry_run": dry_run},
        )
        if not dry_run:
            # The natural key is unique: an import of the same file at the same moment loses with a 409.
            await commit_or_conflict(uow, "another import stored some of these contracts at the same moment")
    rejections.sort(key=lambda r: r.line)
    return StockImportReport(
        source_format=source_format,
        rows=parsed.rows,
        created=len(created),
        unchanged=unchanged,
        rejected=len(rejections),
        dry_run=dry_run,
        created_tenancies=created,
        rejections=[
            StockRowRejected(line=r.line, dwelling_id=r.dwelling_id, reasons=list(r.reasons)) for r in rejections
        ],
        ignored_columns=parsed.ignored_columns,
    )


def _take(
    uow: UnitOfWork,
    contract: StockContract,
    key: str,
    today: date,
    dwellings: dict[str, Dwelling],
    open_tenancies: dict[str, list[Tenancy]],
    applicants: dict[str, Applicant],
) -> Tenancy | StockRejection | None:
    """The contract stored (a new tenancy), None when it is stored already, or why it cannot be."""
    dwelling = dwellings.get(contract.dwelling_id)
    if dwelling is None:
        return _rejected(contract, f"unknown dwelling {contract.dwelling_id}: LKE has not registered it")
    status = DwellingStatus(dwelling.status)
    if status in LETTING_NOW or dwelling.allocated_to is not None:
        letting = "allocated to a household" if dwelling.allocated_to else status.value
        return _rejected(contract, f"dwelling {dwelling.id} is {letting}, not let to a tenant")
    ref = person_ref(contract.national_id, key)
    natural_key = contract.key(ref)
    rent = contract.monthly_rent if contract.monthly_rent is not None else dwelling.monthly_rent
    already = open_tenancies.get(dwelling.id, [])
    same = next((t for t in already if t.import_key == natural_key), None)
    if same is not None:
        if _same_terms(same, contract, rent):
            return None
        return _rejected(
            contract, f"contract {same.id} was imported earlier with other terms: change it in Boligflyt, not here"
        )
    if already:
        return _rejected(
            contract, f"dwelling {dwelling.id} has an open contract already ({', '.join(t.id for t in already)})"
        )
    applicant = applicants.get(contract.national_id)
    if applicant is None:
        applicant = Applicant(
            id=new_id("apl"),
            national_id=contract.national_id,
            person_ref=ref,
            name=contract.name or "",
            language="nb",
            interpreter_needed=False,
            household_members=[],
            created_by_agency="boligkontoret",
            created_at=uow.clock.now(),
        )
        uow.session.add(applicant)
        applicants[contract.national_id] = applicant
    tenancy = Tenancy(
        id=new_id("ten"),
        application_id=None,
        applicant_id=applicant.id,
        dwelling_id=dwelling.id,
        person_ref=ref,
        state=TenancyState.ACTIVE.value,  # a current contract: the tenant lives there
        contract_type=contract.contract_type.value,
        signed_on=contract.start_date,
        start_date=contract.start_date,
        end_date=contract.end_date,
        monthly_rent=rent,
        deposit_kind=DepositKind.NONE.value,  # not known from the old system; the deposit was settled then
        deposit_amount=0,
        interpreter_at_signing=False,
        move_in_date=contract.start_date,
        reminders_sent=[],
        import_key=natural_key,
        contract_ref=contract.contract_ref,
        imported_on=today,
    )
    uow.session.add(tenancy)
    open_tenancies.setdefault(dwelling.id, []).append(tenancy)
    return tenancy


def _rejected(contract: StockContract, reason: str) -> StockRejection:
    return StockRejection(contract.line, contract.dwelling_id, (reason,))
