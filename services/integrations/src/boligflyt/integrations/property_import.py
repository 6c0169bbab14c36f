"""The inbound connector: the property system's export into the maintenance service's dwelling register.

`DwellingRegister` is the port; `MaintenanceDwellingRegister` its adapter for the maintenance service's batch
upsert, keyed by the property system's id (`external_ref`):

    POST /v1/dwelling-batches
    Idempotency-Key: facilit-<sha256 of the body>
    {"dwellings": [{"external_ref": "LKE-0153", "address": "Storgata 12 A, 3256 Larvik", "category": "ordinary",
                    "owner": "lke", "rooms": 3, "bedrooms": 2, "floor_area_m2": 64, "monthly_rent": 9800,
                    "status": "let"}]}
    -> {"created": [...], "changed": [...], "unchanged": [...], "rejected": [{"row", "external_ref", "reason"}]}

Idempotent here too: the fingerprint of what was last accepted per object skips unchanged objects, so running
the same export twice sends nothing the second time and reports every object unchanged; the key makes a
retried batch (after a lost answer) a replay at maintenance.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar, Protocol

import httpx
from sqlalchemy import select

from boligflyt.integrations.models import PropertyImport, PropertyObject
from boligflyt.integrations.property_export import ExportUnreadable, MappedObject, parse_export
from boligflyt.integrations.schemas import ImportRejection, ImportReport
from boligflyt.platform.db import Database, utcnow
from boligflyt.platform.errors import DomainError, RuleViolation
from boligflyt.platform.ids import new_id

BATCH_PATH = "/v1/dwelling-batches"
CHUNK = 500


class RegisterUnavailable(DomainError):
    """The maintenance service did not take the batch: nothing of this import was recorded; run it again."""

    status = 502
    slug = "register-unavailable"
    default_title = "The dwelling register is unavailable"


@dataclass(frozen=True)
class RegisterResult:
    """What the register refused, by position in the batch (0-based), with its reason."""

    refused: dict[int, str] = field(default_factory=dict)


class DwellingRegister(Protocol):
    async def bulk_upsert(self, dwellings: Sequence[dict[str, Any]]) -> RegisterResult: ...


class MaintenanceDwellingRegister:
    """The maintenance service's batch upsert over HTTP (in one process: straight to its app)."""

    path: ClassVar[str] = BATCH_PATH

    def __init__(self, client_factory: Callable[[], httpx.AsyncClient]) -> None:
        self.client_factory = client_factory

    async def bulk_upsert(self, dwellings: Sequence[dict[str, Any]]) -> RegisterResult:
        body = {"dwellings": list(dwellings)}
        key = "facilit-" + hashlib.sha256(json.dumps(body, sort_keys=True).encode()).hexdigest()
        async with self.client_factory() as client:
            try:
                response = await client.post(self.path, json=body, headers={"Idempotency-Key": key})
            except httpx.HTTPError as exc:
                raise RegisterUnavailable(f"maintenance could not be reached: {exc}") from exc
        if not response.is_success:
            raise RegisterUnavailable(
                f"maintenance answered {response.status_code} to the dwelling batch",
                extra={"upstream_status": response.status_code, "upstream_body": response.text[:1000]},
            )
        try:
            rejected = response.json().get("rejected", [])
            return RegisterResult(refused={int(r["row"]) - 1: str(r["reason"]) for r in rejected})
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise RegisterUnavailable(f"maintenance's answer is not a sync report: {exc}") from exc


async def run_import(
    database: Database,
    register: DwellingRegister,
    text: str,
    source_format: str,
    *,
    actor: str,
    dry_run: bool = False,
) -> ImportReport:
    """Map the export, send what is new or changed, remember it, and report; rejected rows are reported, not
    sent. When the register refuses, nothing is remembered, so the next run sends the same again.

    A dry run reports what an import would do now (created, updated, unchanged, the rows the mapping rejects)
    and changes nothing: nothing is sent, remembered or stored. What maintenance itself would refuse is known
    only by sending, so a dry run cannot report it."""
    started_at = utcnow()
    try:
        parsed = parse_export(text, source_format)
    except ExportUnreadable as exc:
        raise RuleViolation(str(exc), code="unreadable-export") from exc

    async with database.sessions() as session:
        ids = [o.object_id for o in parsed.objects]
        known = {
            row.object_id: row.fingerprint
            for row in (await session.execute(select(PropertyObject).where(PropertyObject.object_id.in_(ids))))
            .scalars()
            .all()
        }
    to_send = [o for o in parsed.objects if known.get(o.object_id) != o.fingerprint]
    refused: dict[str, tuple[MappedObject, str]] = {}
    for start in range(0, 0 if dry_run else len(to_send), CHUNK):
        chunk = to_send[start : start + CHUNK]
        result = await register.bulk_upsert([o.dwelling for o in chunk])
        for index, reason in result.refused.items():
            if 0 <= index < len(chunk):
                refused[chunk[index].object_id] = (chunk[index], reason)
    # What the register refused is reported with its reason and not remembered: the next run sends it again.
    changed = [o for o in to_send if o.object_id not in refused]
    created = [o for o in changed if o.object_id not in known]
    updated = [o for o in changed if o.object_id in known]
    rejections = [
        ImportRejection(row=r.row, object_id=r.object_id, reasons=list(r.reasons)) for r in parsed.rejections
    ] + [
        ImportRejection(row=obj.row, object_id=obj.object_id, reasons=[f"the dwelling register refused it: {why}"])
        for obj, why in refused.values()
    ]
    rejections.sort(key=lambda r: r.row)

    import_id = new_id("dry" if dry_run else "imp")
    finished_at = utcnow()
    report = ImportReport(
        id=import_id,
        source_format=source_format,
        started_by=actor,
        started_at=started_at,
        finished_at=finished_at,
        rows=parsed.rows,
        created=len(created),
        updated=len(updated),
        unchanged=len(parsed.objects) - len(to_send),
        rejected=len(rejections),
        created_objects=[o.object_id for o in created],
        updated_objects=[o.object_id for o in updated],
        rejections=rejections,
        ignored_columns=parsed.ignored_columns,
        dry_run=dry_run,
    )
    if dry_run:
        return report
    async with database.unit_of_work(actor) as uow:
        for obj in changed:
            row = await uow.session.get(PropertyObject, obj.object_id)
            if row is None:
                uow.session.add(
                    PropertyObject(
                        object_id=obj.object_id,
                        fingerprint=obj.fingerprint,
                        last_import_id=import_id,
                        updated_at=finished_at,
                    )
                )
            else:
                row.fingerprint = obj.fingerprint
                row.last_import_id = import_id
                row.updated_at = finished_at
        uow.session.add(
            PropertyImport(
                id=import_id,
                source_format=source_format,
                started_by=actor,
                started_at=started_at,
                finished_at=finished_at,
                rows=report.rows,
                created=report.created,
                updated=report.updated,
                unchanged=report.unchanged,
                rejected=report.rejected,
                report=report.model_dump(mode="json"),
            )
        )
        uow.audit(
            "property_import.run",
            "property_import",
            import_id,
            detail={"created": report.created, "updated": report.updated, "rejected": report.rejected},
        )
        await uow.commit()
    return report


async def get_report(database: Database, import_id: str) -> ImportReport | None:
    async with database.sessions() as session:
        row = await session.get(PropertyImport, import_id)
    return ImportReport.from_report(row.report) if row is not None else None


def format_of_path(path: Path) -> str:
    suffix = path.suffix.lower().lstrip(".")
    if suffix not in {"csv", "json"}:
        raise RuleViolation(f"{path.name}: the export must be a .csv or .json file", code="unknown-export-format")
    return suffix


async def import_file(
    database: Database,
    register: DwellingRegister,
    path: Path,
    *,
    source_format: str | None = None,
    actor: str,
    dry_run: bool = False,
) -> ImportReport:
    """The scheduled job's and the command's way in: an export file on disk."""
    source_format = source_format or format_of_path(path)
    text = await asyncio.to_thread(path.read_text, encoding="utf-8-sig")
    return await run_import(database, register, text, source_format, actor=actor, dry_run=dry_run)
