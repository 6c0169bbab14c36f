"""Generate the published contracts from the pydantic catalogue: one JSON Schema per event type and an
AsyncAPI 3.0.0 document of every topic, message and header. Both are checked in and drift-tested.

    python -m boligflyt.contracts.generate          # write contracts/schemas/*.json, contracts/asyncapi.yaml
    python -m boligflyt.contracts.generate --check  # exit 1 and list what differs; write nothing
"""

from __future__ import annotations

import argparse
import inspect
import json
import sys
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import yaml
from pydantic.json_schema import models_json_schema

from boligflyt.contracts.envelope import SOURCE_PREFIX, schema_url
from boligflyt.contracts.examples import examples
from boligflyt.contracts.registry import EventSpec, specs
from boligflyt.contracts.topics import PRODUCERS, topic_for
from boligflyt.contracts.webhooks import EXAMPLES as WEBHOOK_EXAMPLES
from boligflyt.contracts.webhooks import WEBHOOK_ONLY

# src/boligflyt/contracts/generate.py -> contracts/
CONTRACTS_DIR = Path(__file__).resolve().parents[3]
SCHEMAS_DIR_NAME = "schemas"
ASYNCAPI_FILE_NAME = "asyncapi.yaml"

JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
ASYNCAPI_VERSION = "3.0.0"
# The version of the event catalogue as a whole; event types carry their own version (`.v1`).
CATALOGUE_VERSION = "1.0.0"
KAFKA_BINDING_VERSION = "0.5.0"
DEV_BROKER = "localhost:19092"
PARTITIONS = 3
REPLICAS = 1

HEADERS_SCHEMA = "CloudEventsKafkaHeaders"
SCHEMA_REF = "#/components/schemas/{model}"

AGENCIES = {
    "applications": "Boligkontoret (the housing office)",
    "temporary-housing": "NAV (social services and NAV Intro)",
    "maintenance": "LKE, Larvik kommunale eiendom KF",
    "ordering": "the central ordering function (sentral bestillerfunksjon)",
    "integrations": "the integrations service",
}

# An example's envelope is fixed so the generated files are stable.
EXAMPLE_TIME = datetime(2015, 3, 16, 9, 30, tzinfo=UTC)
EXAMPLE_TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"


# --- JSON Schema, one per event type -------------------------------------------------------------------


def _example_payloads() -> dict[str, dict[str, Any]]:
    return {example.event_type: example.model_dump(mode="json") for example in examples()}


def event_schema(spec: EventSpec, example: dict[str, Any] | None = None) -> dict[str, Any]:
    """The self-contained JSON Schema (draft 2020-12) of one event type's data."""
    schema = spec.model.model_json_schema()
    schema.update(
        {
            "$schema": JSON_SCHEMA_DIALECT,
            "$id": schema_url(spec.type),
            "title": spec.title,
            "description": spec.description,
        }
    )
    if example is not None:
        schema["examples"] = [example]
    return schema


def webhook_only_schema(event_type: str) -> dict[str, Any]:
    """The JSON Schema of an event sent only on webhooks (the ping), published beside the catalogue's."""
    model = WEBHOOK_ONLY[event_type]
    schema = model.model_json_schema()
    doc = inspect.getdoc(model) or ""
    schema.update(
        {
            "$schema": JSON_SCHEMA_DIALECT,
            "$id": schema_url(event_type),
            "title": doc.split("\n", 1)[0].rstrip("."),
            "description": doc,
            "examples": [WEBHOOK_EXAMPLES[event_type]],
        }
    )
    return schema


def json_schemas() -> dict[str, dict[str, Any]]:
    """Every event type's JSON Schema, by type, and those of the webhook-only events."""
    payloads = _example_payloads()
    schemas = {spec.type: event_schema(spec, payloads.get(spec.type)) for spec in specs()}
    schemas.update({event_type: webhook_only_schema(event_type) for event_type in WEBHOOK_ONLY})
    return schemas


# --- AsyncAPI 3.0.0 ------------------------------------------------------------------------------------


def _headers_schema() -> dict[str, Any]:
    """The Kafka headers of CloudEvents binary mode as `envelope.to_wire` writes them."""
    return {
        "type": "object",
        "description": "CloudEvents 1.0 attributes as Kafka headers (binary mode); the body is the data.",
        "required": [
            "ce_specversion",
            "ce_id",
            "ce_source",
            "ce_type",
            "ce_time",
            "ce_dataschema",
            "ce_partitionkey",
            "content-type",
        ],
        "properties": {
            "ce_specversion": {"type": "string", "const": "1.0", "description": "CloudEvents spec version."},
            "ce_id": {
                "type": "string",
                "minLength": 1,
                "description": "Unique id of the event; consumers skip an id they have handled (inbox).",
            },
            "ce_source": {
                "type": "string",
                "pattern": "^/boligflyt/[a-z-]+$",
                "description": "The producing service, `/boligflyt/<producer>`.",
            },
            "ce_type": {
                "type": "string",
                "pattern": r"^no\.larvik\.boligflyt\.[a-z_]+\.[a-z_]+\.v[0-9]+$",
                "description": "The event type: which contract the body follows.",
            },
            "ce_time": {
                "type": "string",
                "format": "date-time",
                "description": "When the fact was recorded.",
            },
            "ce_subject": {"type": "string", "description": "Optional subject within the source."},
            "ce_dataschema": {
                "type": "string",
                "format": "uri",
                "description": "The JSON Schema of the body.",
            },
            "ce_partitionkey": {
                "type": "string",
                "description": "The aggregate id; equal to the Kafka message key.",
            },
            "ce_traceparent": {
                "type": "string",
                "pattern": "^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$",
                "description": "W3C trace context of the request that caused the event.",
            },
            "traceparent": {
                "type": "string",
                "pattern": "^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$",
                "description": "The same trace context as a plain W3C header, for OpenTelemetry's Kafka tooling.",
            },
            "content-type": {
                "type": "string",
                "const": "application/json",
                "description": "The body's type.",
            },
        },
    }


def _message_headers(spec: EventSpec) -> dict[str, Any]:
    return {
        "type": "object",
        "allOf": [
            {"$ref": SCHEMA_REF.format(model=HEADERS_SCHEMA)},
            {
                "type": "object",
                "properties": {
                    "ce_type": {"const": spec.type},
                    "ce_source": {"const": SOURCE_PREFIX + spec.producer},
                    "ce_dataschema": {"const": schema_url(spec.type)},
                },
            },
        ],
    }


def _example_headers(spec: EventSpec, key: str) -> dict[str, str]:
    return {
        "ce_specversion": "1.0",
        "ce_id": str(uuid.uuid5(uuid.NAMESPACE_URL, schema_url(spec.type))),
        "ce_source": SOURCE_PREFIX + spec.producer,
        "ce_type": spec.type,
        "ce_time": EXAMPLE_TIME.isoformat().replace("+00:00", "Z"),
        "ce_dataschema": schema_url(spec.type),
        "ce_partitionkey": key,
        "ce_traceparent": EXAMPLE_TRACEPARENT,
        "content-type": "application/json",
    }


def _message(spec: EventSpec, example_payload: dict[str, Any] | None) -> dict[str, Any]:
    key_description = f"`{spec.key_field}`: the aggregate id, so one case's events stay in order."
    message: dict[str, Any] = {
        "name": spec.type,
        "title": spec.title,
        "summary": spec.summary,
        "description": spec.description,
        "contentType": "application/json",
        "headers": _message_headers(spec),
        "payload": {"$ref": SCHEMA_REF.format(model=spec.model.__name__)},
        "bindings": {
            "kafka": {
                "key": {"type": "string", "description": key_description},
                "bindingVersion": KAFKA_BINDING_VERSION,
            }
        },
    }
    if example_payload is not None:
        key = str(example_payload[spec.key_field])
        message["examples"] = [
            {
                "name": spec.name,
                "summary": f"Example of {spec.name}",
                "headers": _example_headers(spec, key),
                "payload": example_payload,
            }
        ]
    return message


def _component_schemas(all_specs: Sequence[EventSpec]) -> dict[str, Any]:
    """Every payload schema and the enums they share, with refs pointing into components/schemas."""
    names = [spec.model.__name__ for spec in all_specs]
    duplicates = {name for name in names if names.count(name) > 1}
    if duplicates:  # components/schemas is keyed by class name
        raise ValueError(f"event models share a class name: {sorted(duplicates)}")
    _, top = models_json_schema([(spec.model, "validation") for spec in all_specs], ref_template=SCHEMA_REF)
    schemas: dict[str, Any] = {HEADERS_SCHEMA: _headers_schema()}
    schemas.update(sorted(top.get("$defs", {}).items()))
    return schemas


def _camel(producer: str) -> str:
    return "".join(part.capitalize() for part in producer.split("-"))


def asyncapi_document() -> dict[str, Any]:
    """The AsyncAPI 3.0.0 document of the whole catalogue, as a plain dict."""
    all_specs = specs()
    payloads = _example_payloads()
    producers = [producer for producer in PRODUCERS if any(spec.producer == producer for spec in all_specs)]

    channels: dict[str, Any] = {}
    operations: dict[str, Any] = {}
    messages: dict[str, Any] = {}
    for producer in producers:
        own = [spec for spec in all_specs if spec.producer == producer]
        topic = topic_for(producer)
        for spec in own:
            messages[spec.model.__name__] = _message(spec, payloads.get(spec.type))
        channels[producer] = {
            "address": topic,
            "title": topic,
            "description": f"Facts published by {AGENCIES.get(producer, producer)}. Key: the aggregate id.",
            "messages": {spec.model.__name__: {"$ref": f"#/components/messages/{spec.model.__name__}"} for spec in own},
            "bindings": {
                "kafka": {
                    "topic": topic,
                    "partitions": PARTITIONS,
                    "replicas": REPLICAS,
                    "bindingVersion": KAFKA_BINDING_VERSION,
                }
            },
        }
        operations[f"send{_camel(producer)}Events"] = {
            "action": "send",
            "channel": {"$ref": f"#/channels/{producer}"},
            "title": f"{_camel(producer)} publishes its events",
            "summary": f"The {producer} service publishes its facts through its outbox relay.",
            "messages": [{"$ref": f"#/channels/{producer}/messages/{spec.model.__name__}"} for spec in own],
        }

    return {
        "asyncapi": ASYNCAPI_VERSION,
        "id": "urn:no:larvik:boligflyt:events",
        "info": {
            "title": "Boligflyt events",
            "version": CATALOGUE_VERSION,
            "description": (
                "The facts Larvik kommune's housing agencies publish about the housing flow, from need to "
                "move-in. CloudEvents 1.0 in Kafka binary mode: ce_* headers, a JSON body, key = the "
                "aggregate id, one topic per producing service. Persons appear only as `person_ref`, a "
                "keyed pseudonym; payloads never carry names, national identity numbers, addresses of "
                "persons or health information. Generated from the pydantic catalogue in contracts/; "
                "do not edit by hand."
            ),
        },
        "defaultContentType": "application/json",
        "servers": {
            "development": {
                "host": DEV_BROKER,
                "protocol": "kafka",
                "description": "The single-node KRaft broker for development and CI (`./dev kafka`).",
            }
        },
        "channels": channels,
        "operations": operations,
        "components": {"schemas": _component_schemas(all_specs), "messages": messages},
    }


# --- Files ---------------------------------------------------------------------------------------------


def render_json(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


class _Dumper(yaml.SafeDumper):
    """Safe YAML, with multi-line text (the docstrings) as literal blocks so it reads like the source."""


def _represent_text(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    style = "|" if "\n" in text else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


_Dumper.add_representer(str, _represent_text)


def render_yaml(document: dict[str, Any]) -> str:
    return yaml.dump(document, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=110)


def rendered_files() -> dict[str, str]:
    """Every generated file's path (relative to contracts/) and content."""
    files = {
        f"{SCHEMAS_DIR_NAME}/{event_type}.json": render_json(schema) for event_type, schema in json_schemas().items()
    }
    files[ASYNCAPI_FILE_NAME] = render_yaml(asyncapi_document())
    return files


def differences(root: Path = CONTRACTS_DIR) -> list[str]:
    """What on disk differs from what the catalogue generates: changed, missing and stale files."""
    expected = rendered_files()
    found: list[str] = []
    for relative, content in expected.items():
        path = root / relative
        if not path.exists():
            found.append(f"missing: {relative}")
        elif path.read_text(encoding="utf-8") != content:
            found.append(f"changed: {relative}")
    schemas_dir = root / SCHEMAS_DIR_NAME
    if schemas_dir.is_dir():
        for path in sorted(schemas_dir.glob("*.json")):
            relative = f"{SCHEMAS_DIR_NAME}/{path.name}"
            if relative not in expected:
                found.append(f"stale: {relative}")
    return found


def write(root: Path = CONTRACTS_DIR) -> list[str]:
    """Write every generated file and delete stale schemas; returns what changed."""
    changed = differences(root)
    expected = rendered_files()
    (root / SCHEMAS_DIR_NAME).mkdir(parents=True, exist_ok=True)
    for relative, content in expected.items():
        path = root / relative
        if not path.exists() or path.read_text(encoding="utf-8") != content:
            path.write_text(content, encoding="utf-8")
    for path in (root / SCHEMAS_DIR_NAME).glob("*.json"):
        if f"{SCHEMAS_DIR_NAME}/{path.name}" not in expected:
            path.unlink()
    return changed


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m boligflyt.contracts.generate", description=__doc__)
    parser.add_argument("--check", action="store_true", help="exit 1 if the files differ; write nothing")
    parser.add_argument("--root", type=Path, default=CONTRACTS_DIR, help="the contracts/ folder")
    args = parser.parse_args(argv)
    if args.check:
        found = differences(args.root)
        for line in found:
            print(line)
        if found:
            print("contracts are out of date: run ./dev contracts", file=sys.stderr)
            return 1
        print(f"contracts up to date ({len(specs())} event types)")
        return 0
    for line in write(args.root):
        print(line)
    print(f"wrote {len(specs())} JSON Schemas and {ASYNCAPI_FILE_NAME} under {args.root}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
