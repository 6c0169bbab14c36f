"""What integrators read: the AsyncAPI document and JSON Schemas of the catalogue, and the integrator guide.

The generated files live in the contracts project beside its package (`contracts/asyncapi.yaml`,
`contracts/schemas/<type>.json`), outside the importable package, so they are found from its location.
They are generated, and checked in, under the default contracts URL (the local embedded system's), so that
`./dev contracts --check` never depends on where it runs; a deployment serves them with its own URL in place
of the default, which is where its events' `dataschema` points.
"""

from __future__ import annotations

import html
from pathlib import Path

import boligflyt.contracts
from boligflyt.contracts.envelope import DEFAULT_CONTRACTS_BASE_URL
from boligflyt.contracts.registry import specs
from boligflyt.contracts.webhooks import WEBHOOK_ONLY

CONTRACTS_ROOT = Path(boligflyt.contracts.__file__).resolve().parents[3]
ASYNCAPI = CONTRACTS_ROOT / "asyncapi.yaml"
SCHEMAS = CONTRACTS_ROOT / "schemas"
GUIDE = Path(__file__).resolve().parent / "guide.md"


def _under(document: str, contracts_base_url: str) -> str:
    """The document with its URLs under this deployment's contracts URL instead of the default one."""
    return document.replace(DEFAULT_CONTRACTS_BASE_URL + "/", contracts_base_url.rstrip("/") + "/")


def asyncapi_document(contracts_base_url: str = DEFAULT_CONTRACTS_BASE_URL) -> str:
    return _under(ASYNCAPI.read_text(encoding="utf-8"), contracts_base_url)


def published_types() -> list[str]:
    """Every event type with a published schema: the catalogue's and the webhook-only ones (the ping)."""
    return [spec.type for spec in specs()] + sorted(WEBHOOK_ONLY)


def schema_document(event_type: str, contracts_base_url: str = DEFAULT_CONTRACTS_BASE_URL) -> str | None:
    """The JSON Schema of one published type, its `$id` under this deployment's contracts URL; None for
    anything else (never a path from the caller)."""
    if event_type not in set(published_types()):
        return None
    path = SCHEMAS / f"{event_type}.json"
    return _under(path.read_text(encoding="utf-8"), contracts_base_url) if path.is_file() else None


def asyncapi_page(contracts_base_url: str) -> str:
    """The AsyncAPI document as a page a person reads: each topic, its events, their keys and schemas."""
    base = contracts_base_url.rstrip("/")
    rows = []
    for spec in specs():
        schema = f"{base}/schemas/{spec.type}.json"
        rows.append(
            "<tr>"
            f"<td><code>{html.escape(spec.topic)}</code></td>"
            f"<td><code>{html.escape(spec.type)}</code></td>"
            f"<td><code>{html.escape(spec.key_field)}</code></td>"
            f"<td>{html.escape(spec.summary)}</td>"
            f'<td><a href="{html.escape(schema)}">schema</a></td>'
            "</tr>"
        )
    for event_type, model in sorted(WEBHOOK_ONLY.items()):
        schema = f"{base}/schemas/{event_type}.json"
        summary = (model.__doc__ or "").strip().split("\n", 1)[0]
        rows.append(
            "<tr><td>webhooks only</td>"
            f"<td><code>{html.escape(event_type)}</code></td><td></td>"
            f"<td>{html.escape(summary)}</td>"
            f'<td><a href="{html.escape(schema)}">schema</a></td></tr>'
        )
    return (
        "<!doctype html><html lang=en><head><meta charset=utf-8><title>Boligflyt events (AsyncAPI)</title>"
        "<style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:80rem}table{border-collapse:collapse}"
        "td,th{border-bottom:1px solid #ddd;padding:.3rem .6rem;text-align:left;vertical-align:top}</style>"
        "</head><body><h1>Boligflyt events</h1>"
        "<p>Every topic and event of the catalogue, from the AsyncAPI 3.0 document "
        f'(<a href="{html.escape(base)}/asyncapi.yaml">asyncapi.yaml</a>). Each record on Kafka is a CloudEvent '
        "in binary mode (<code>ce_*</code> headers, the data as JSON, the key as given); each webhook a "
        "CloudEvent in structured mode. Every event's <code>dataschema</code> is its schema's URL below.</p>"
        "<table><thead><tr><th>topic</th><th>type</th><th>key</th><th>what it means</th><th></th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table></body></html>"
    )


def guide() -> str:
    """The guide, with the catalogue's event types and what each means appended from the contracts."""
    lines = [GUIDE.read_text(encoding="utf-8").rstrip(), "", "## The event types", ""]
    lines += ["| type | key | what it means |", "| --- | --- | --- |"]
    for spec in specs():
        lines.append(f"| `{spec.type}` | `{spec.key_field}` | {spec.summary.replace('|', '/')} |")
    return "\n".join(lines) + "\n"
