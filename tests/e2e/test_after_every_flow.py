"""What must hold of everything the end-to-end flows did, checked once every flow of a way to run has run
(conftest.py orders these tests last for their system):

- no personal data on the bus: every record on every topic (dead letters and relayed duplicates included) is
  searched for the national identity numbers, names, phone numbers and e-mail addresses the flows sent to the
  APIs, and for anything shaped like a national identity number (valid check digits), a phone number or an
  e-mail address;
- every write a service accepted from an agency's token left an audit row naming that token's subject, under
  the request's own trace.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest

from boligflyt.platform.bus import Record
from boligflyt.platform.host import service_definitions
from boligflyt.platform.personref import validate_national_id

from .events import every_record
from .schemas import schema_violations
from .system import System

pytestmark = pytest.mark.after_every_flow

# Identifiers are hex: a trace id or a pseudonym may hold a run of 11 digits by chance, so they are cut out
# before looking for numbers.
IDENTIFIERS = re.compile(
    r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[0-9a-fA-F]{16,}"
)
ELEVEN_DIGITS = re.compile(r"(?<!\d)\d{6} ?\d{5}(?!\d)")
PHONE = re.compile(
    r"(?:\+|\b00)47[ -]?\d(?:[ -]?\d){7}"  # with the country code, however grouped
    r"|\b[2-9]\d{2} \d{2} \d{3}\b|\b[2-9]\d (?:\d{2} ){2}\d{2}\b"  # grouped as Norwegians write them
    r'|"[2-9]\d{7}"'  # a string of eight digits (amounts are JSON numbers, not strings)
)
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def personal_data_in(record: Record, sent: set[str]) -> list[str]:
    """What in this record looks like, or is, personal data the flows sent to an API."""
    text = "\n".join(
        [
            record.key or "",
            record.value.decode("utf-8", "replace"),
            *(value.decode("utf-8", "replace") for _, value in record.headers),
        ]
    )
    hits = [f"fixture value {value!r}" for value in sent if value in text]
    numbers = IDENTIFIERS.sub(" ", text)
    for candidate in ELEVEN_DIGITS.findall(numbers):
        try:
            validate_national_id(candidate)
        except ValueError:
            continue
        hits.append(f"national identity number {candidate}")
    hits += [f"phone number {match!r}" for match in PHONE.findall(numbers)]
    hits += [f"e-mail address {match!r}" for match in EMAIL.findall(text)]
    return hits


async def test_no_personal_data_on_the_bus(system: System) -> None:
    records = await every_record(system)
    per_topic = Counter(record.topic for record in records)
    print(f"\n[{system.kind}] scanned {len(records)} records on {len(per_topic)} topics: {dict(per_topic)}")
    print(f"[{system.kind}] against {len(system.personal_data)} personal values the flows sent to the APIs")
    assert len(per_topic) >= 4 and len(records) >= 100, "the flows should have put events on every agency's topic"
    assert len(system.personal_data) >= 20, "the flows should have registered people"

    findings = [
        f"{record.topic} key={record.key!r}: {hit}"
        for record in records
        for hit in personal_data_in(record, system.personal_data)
    ]
    assert not findings, "personal data on the bus:\n" + "\n".join(findings[:50])


async def test_every_record_validates_against_the_schema_its_dataschema_names(system: System) -> None:
    records = [record for record in await every_record(system) if not record.topic.endswith(".dlq")]
    problems, schemas = await schema_violations(records)
    print(f"\n[{system.kind}] validated {len(records)} records against {len(schemas)} schemas fetched without a token")
    assert len(records) >= 100 and len(schemas) >= 10
    assert not problems, "\n".join(problems[:50])


def test_the_scan_finds_what_it_looks_for() -> None:
    """The patterns above, on records that do leak, so a scan that finds nothing means something."""
    person = {"01017012345", "Kari Nordmann"}
    leaks = {
        b'{"subject_ref": "a1b2", "national_id": "13097248022"}': "national identity number",
        b'{"note": "ring +47 900 12 345"}': "phone number",
        b'{"contact": "41234567"}': "phone number",
        b'{"note": "call 412 34 567"}': "phone number",
        b'{"note": "skriv til kari@example.no"}': "e-mail address",
        b'{"name": "Kari Nordmann"}': "fixture value",
    }
    for value, kind in leaks.items():
        hits = personal_data_in(Record("t", 0, 0, "k", value, (), 0), person)
        assert any(hit.startswith(kind) for hit in hits), (value, hits)
    clean = (
        b'{"person_ref": "5f0c1e2d3b4a59687766554433221100ffeeddccbbaa99887766554433221100", '
        b'"amount": 30000000, "date": "2026-11-27", "trace": "00-12345678901234567890123456789012-0123456789abcdef-01"}'
    )
    assert personal_data_in(Record("t", 0, 0, "3f2c9a1e-1111-4222-8333-944455556666", clean, (), 0), person) == []


async def test_every_write_left_an_audit_row_naming_its_subject(system: System) -> None:
    readers = {name: definition.audit_readers for name, definition in service_definitions().items()}
    writes = list(system.writes)
    per_service = Counter(write.service for write in writes)
    print(f"\n[{system.kind}] checking the audit rows of {len(writes)} accepted writes: {dict(per_service)}")
    assert len(per_service) >= 4 and len(writes) >= 50, "the flows should have written to every agency's service"

    unaudited = []
    for service in per_service:
        assert readers[service], f"{service} serves no audit log"
        async with system.client(service, readers[service][0], subject="auditor-e2e") as auditor:
            for write in (write for write in writes if write.service == service):
                response = await auditor.get("/v1/audit", params={"trace_id": write.trace_id, "limit": 100})
                assert response.status_code == 200, response.text
                actors = {row["actor"] for row in response.json()["items"]}
                if write.actor not in actors:
                    unaudited.append(f"{service}: {write.what} by {write.actor} (trace {write.trace_id}): {actors}")
    assert not unaudited, f"{len(unaudited)} of {len(writes)} writes left no audit row:\n" + "\n".join(unaudited[:50])
