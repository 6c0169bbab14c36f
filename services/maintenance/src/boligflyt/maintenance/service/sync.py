"""Bulk sync from the property system (Facilit-like): rows upserted by external_ref, bad ones rejected with a
reason each; a batch over HTTP takes an Idempotency-Key, so a retried batch is answered again, not applied again."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime
from typing import Any

from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from boligflyt.contracts.codes import DwellingStatus
from boligflyt.maintenance.models import Dwelling
from boligflyt.maintenance.schemas import DwellingSyncRow, RejectedRow, SyncReport
from boligflyt.maintenance.service.dwellings import add_dwelling, apply_changes, register_values
from boligflyt.platform.db import Database, UnitOfWork
from boligflyt.platform.errors import Conflict, RuleViolation


def _parse_row(raw: Mapping[str, Any]) -> DwellingSyncRow:
    cleaned = {key: value for key, value in raw.items() if not (isinstance(value, str) and value.strip() == "")}
    return DwellingSyncRow.model_validate(cleaned)


def _reason(exc: ValidationError) -> str:
    parts = []
    for error in exc.errors():
        where = ".".join(str(part) for part in error["loc"]) or "row"
        parts.append(f"{where}: {error['msg']}")
    return "; ".join(parts)


async def sync_dwellings(
    uow: UnitOfWork,
    rows: Sequence[Mapping[str, Any]],
    today: date,
    now: datetime,
    *,
    first_row: int = 1,
    progress: Callable[[], object] | None = None,
) -> SyncReport:
    """Upsert dwellings keyed by external_ref, inside the caller's transaction: bad rows are rejected with a
    reason each, the good ones written together (or, if the transaction fails, none)."""
    report = SyncReport(created=[], changed=[], unchanged=[], rejected=[])
    seen: dict[str, int] = {}
    for offset, raw in enumerate(rows):
        number = first_row + offset
        ref = str(raw.get("external_ref") or "").strip() or None
        try:
            body = _parse_row(raw)
            if body.external_ref in seen:
                raise RuleViolation(
                    f"duplicate external_ref {body.external_ref} (first on row {seen[body.external_ref]})",
                    code="duplicate_external_ref",
                )
            seen[body.external_ref] = number
            existing = (
                await uow.session.execute(select(Dwelling).where(Dwelling.external_ref == body.external_ref))
            ).scalar_one_or_none()
            if existing is None:
                status = DwellingStatus(body.status.value)
                add_dwelling(uow, body.external_ref, register_values(body), status, today, now)
                report.created.append(body.external_ref)
            else:
                # The property system owns the attributes; LKE's turnover owns the status.
                # Only what the row states: a column left empty keeps what LKE has (e.g. how it was acquired).
                given = {k: v for k, v in register_values(body).items() if k in body.model_fields_set}
                changed = apply_changes(uow, existing, given, today, now)
                (report.changed if changed else report.unchanged).append(body.external_ref)
        except ValidationError as exc:
            report.rejected.append(RejectedRow(row=number, external_ref=ref, reason=_reason(exc)))
        except RuleViolation as exc:
            report.rejected.append(RejectedRow(row=number, external_ref=ref, reason=exc.detail))
        if progress is not None:
            progress()
    return report


async def sync_batch(
    database: Database,
    actor: str,
    batch_ref: str,
    rows: Sequence[Mapping[str, Any]],
    today: date,
    now: datetime,
) -> SyncReport:
    """The batch endpoint. Its Idempotency-Key (the batch's reference in the audit log) is the platform's: a
    retry of the same batch gets the first answer again and changes nothing (client_api.py)."""
    for _ in range(3):
        try:
            async with database.unit_of_work(actor) as uow:
                report = await sync_dwellings(uow, rows, today, now)
                uow.audit(
                    "dwelling.batch_synced",
                    "dwelling_batch",
                    batch_ref,
                    detail={
                        "created": len(report.created),
                        "changed": len(report.changed),
                        "rejected": len(report.rejected),
                    },
                )
                await uow.commit()
                return report
        except IntegrityError:
            continue  # a dwelling of the batch was written meanwhile: look again
    raise Conflict("the batch's dwellings were being changed meanwhile; retry", current_state="in_progress")
