"""What integrators read: the AsyncAPI document and JSON Schemas of the catalogue, and the integrator guide.

The generated files live in the contracts project beside its package (`contracts/asyncapi.yaml`,
`contracts/schemas/<type>.json`), outside the importable package, so they are found from its location.
"""

from __future__ import annotations

from pathlib import Path

import boligflyt.contracts
from boligflyt.contracts.registry import specs

CONTRACTS_ROOT = Path(boligflyt.contracts.__file__).resolve().parents[3]
ASYNCAPI = CONTRACTS_ROOT / "asyncapi.yaml"
SCHEMAS = CONTRACTS_ROOT / "schemas"
GUIDE = Path(__file__).resolve().parent / "guide.md"


def asyncapi_document() -> str:
    return ASYNCAPI.read_text(encoding="utf-8")


def schema_document(event_type: str) -> str | None:
    """The JSON Schema of one catalogue type; None for anything else (never a path from the caller)."""
    if event_type not in {spec.type for spec in specs()}:
        return None
    path = SCHEMAS / f"{event_type}.json"
    return path.read_text(encoding="utf-8") if path.is_file() else None


def guide() -> str:
    """The guide, with the catalogue's event types and what each means appended from the contracts."""
    lines = [GUIDE.read_text(encoding="utf-8").rstrip(), "", "## The event types", ""]
    lines += ["| type | key | what it means |", "| --- | --- | --- |"]
    for spec in specs():
        lines.append(f"| `{spec.type}` | `{spec.key_field}` | {spec.summary.replace('|', '/')} |")
    return "\n".join(lines) + "\n"
