"""Every record on the bus against the JSON Schema its own `dataschema` names, fetched as a schema tool would:
by that URL, without a token."""

from __future__ import annotations

import json
from typing import Any

import httpx
from jsonschema import Draft202012Validator

from boligflyt.platform.bus import Record


async def schema_violations(records: list[Record]) -> tuple[list[str], dict[str, dict[str, Any]]]:
    """What in these records does not validate against its `dataschema`; and the schemas fetched, by URL."""
    schemas: dict[str, dict[str, Any]] = {}
    problems: list[str] = []
    async with httpx.AsyncClient(timeout=10) as client:  # no Authorization header: the schemas are public
        for record in records:
            if record.topic.endswith(".dlq"):
                continue  # a dead letter is there because it did not parse
            headers = {name: value.decode() for name, value in record.headers}
            url = headers.get("ce_dataschema")
            if url is None:
                problems.append(f"{record.topic}@{record.offset}: no ce_dataschema")
                continue
            if url not in schemas:
                response = await client.get(url)
                if response.status_code != 200:
                    problems.append(f"{url}: HTTP {response.status_code}")
                    continue
                schema = response.json()
                Draft202012Validator.check_schema(schema)
                if schema.get("$id") != url:
                    problems.append(f"{url}: its $id is {schema.get('$id')}")
                schemas[url] = schema
            if url not in schemas:
                continue
            errors = list(Draft202012Validator(schemas[url]).iter_errors(json.loads(record.value)))
            problems += [f"{record.topic}@{record.offset} ({headers.get('ce_type')}): {e.message}" for e in errors]
    return problems, schemas
