"""The checked-in JSON Schemas and AsyncAPI document are exactly what the catalogue generates."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft7Validator, Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT7

from boligflyt.contracts import generate
from boligflyt.contracts.envelope import schema_url
from boligflyt.contracts.examples import examples
from boligflyt.contracts.registry import specs
from boligflyt.contracts.webhooks import EXAMPLES as WEBHOOK_EXAMPLES
from boligflyt.contracts.webhooks import WEBHOOK_ONLY

RUN = "run `./dev contracts` (python -m boligflyt.contracts.generate) and commit the result"


def test_checked_in_files_match_the_catalogue(contracts_dir: Path) -> None:
    drift = generate.differences(contracts_dir)
    assert drift == [], f"generated contracts are out of date: {drift}; {RUN}"


def test_generation_is_deterministic() -> None:
    assert generate.rendered_files() == generate.rendered_files()


def test_check_mode_reports_drift_and_writes_nothing(tmp_path: Path, contracts_dir: Path) -> None:
    shutil.copytree(contracts_dir / "schemas", tmp_path / "schemas")
    shutil.copy(contracts_dir / "asyncapi.yaml", tmp_path / "asyncapi.yaml")
    assert generate.main(["--check", "--root", str(tmp_path)]) == 0

    changed = tmp_path / "schemas" / "no.larvik.boligflyt.stay.started.v1.json"
    changed.write_text("{}\n", encoding="utf-8")
    stale = tmp_path / "schemas" / "no.larvik.boligflyt.stay.teleported.v1.json"
    stale.write_text("{}\n", encoding="utf-8")
    (tmp_path / "asyncapi.yaml").unlink()

    assert generate.differences(tmp_path) == [
        "changed: schemas/no.larvik.boligflyt.stay.started.v1.json",
        "missing: asyncapi.yaml",
        "stale: schemas/no.larvik.boligflyt.stay.teleported.v1.json",
    ]
    assert generate.main(["--check", "--root", str(tmp_path)]) == 1
    assert changed.read_text(encoding="utf-8") == "{}\n" and stale.exists()

    assert generate.main(["--root", str(tmp_path)]) == 0
    assert generate.differences(tmp_path) == []
    assert not stale.exists()


def test_one_schema_file_per_event_type(contracts_dir: Path) -> None:
    on_disk = sorted(path.name for path in (contracts_dir / "schemas").glob("*.json"))
    published = [spec.type for spec in specs()] + list(WEBHOOK_ONLY)
    assert on_disk == sorted(f"{event_type}.json" for event_type in published)


@pytest.mark.parametrize("event_type", sorted(WEBHOOK_ONLY))
def test_a_webhook_only_event_has_a_schema_that_accepts_its_example(event_type: str, contracts_dir: Path) -> None:
    schema = json.loads((contracts_dir / "schemas" / f"{event_type}.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    assert schema["$id"] == schema_url(event_type)
    Draft202012Validator(schema).validate(WEBHOOK_EXAMPLES[event_type])
    assert list(Draft202012Validator(schema).iter_errors({"subscription_id": "wh-1"}))  # `message` is required


@pytest.mark.parametrize("spec", specs(), ids=[spec.type for spec in specs()])
def test_schema_file_is_valid_and_accepts_the_example(spec: Any, contracts_dir: Path) -> None:
    schema = json.loads((contracts_dir / "schemas" / f"{spec.type}.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    assert schema["$id"] == schema_url(spec.type)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["title"] and schema["description"]
    assert schema["additionalProperties"] is False
    validator = Draft202012Validator(schema, format_checker=FormatChecker())
    for example in schema["examples"]:
        assert list(validator.iter_errors(example)) == []
    # and the schema refuses what the model refuses
    broken = {**schema["examples"][0]}
    broken.pop(spec.key_field)
    assert list(validator.iter_errors(broken))


def test_asyncapi_message_examples_match_their_schemas(contracts_dir: Path) -> None:
    document = yaml.safe_load((contracts_dir / "asyncapi.yaml").read_text(encoding="utf-8"))
    root = "urn:boligflyt:asyncapi"
    registry: Registry[Any] = Registry().with_resource(
        root, Resource.from_contents(document, default_specification=DRAFT7)
    )
    checked = 0
    for name, message in document["components"]["messages"].items():
        # Resolve the message's own payload and headers schemas inside the document, as a tool would.
        payload, headers = (
            Draft7Validator(
                {"$ref": f"{root}#/components/messages/{name}/{part}"},
                registry=registry,
                format_checker=FormatChecker(),
            )
            for part in ("payload", "headers")
        )
        for example in message["examples"]:
            assert list(payload.iter_errors(example["payload"])) == [], name
            assert list(headers.iter_errors(example["headers"])) == [], name
            wrong_type = {**example["headers"], "ce_type": "no.larvik.boligflyt.other.thing.v1"}
            assert list(headers.iter_errors(wrong_type)), "the headers schema pins ce_type"
            checked += 1
    assert checked == len(examples())
