"""Generate the typed client from the services' OpenAPI documents: `openapi/<service>.json` (each document as the
service serves it at /openapi.json) and the package `boligflyt.client.<service>` beside this module. Both are
checked in and drift-tested (clients/python/tests/test_client_generated.py).

    python -m boligflyt.client.generate          # ./dev client: write what differs
    python -m boligflyt.client.generate --check  # ./dev client --check: exit 1 and list what differs; write nothing

A development tool: it builds every installed service's app in this process, as the hosts do (by entry point), and
runs openapi-python-client (pinned in the workspace's dev group) over each document, then ruff with the
repository's settings, so the output is the same wherever it is generated.
"""

from __future__ import annotations

import argparse
import collections
import copy
import json
import subprocess
import sys
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

# src/boligflyt/client/generate.py -> clients/python/
CLIENT_DIR = Path(__file__).resolve().parents[3]
REPOSITORY = CLIENT_DIR.parents[1]
PACKAGE = "src/boligflyt/client"
OPENAPI = "openapi"
CONFIG = CLIENT_DIR / "openapi-python-client.yml"
TEMPLATES = CLIENT_DIR / "templates"  # the generator's templates that Boligflyt overrides
RUFF_CONFIG = REPOSITORY / "pyproject.toml"
BIN = Path(sys.executable).parent
PROBLEM_SCHEMA = "ProblemDetails"
RUN = "run ./dev client (python -m boligflyt.client.generate) and commit the result"


def module_name(service: str) -> str:
    """`temporary-housing` -> `temporary_housing`, as the service's own package is named."""
    return service.replace("-", "_")


def served_documents() -> dict[str, dict[str, Any]]:
    """Every installed service's OpenAPI document, by service name, as its app serves it."""
    # Imported here: the client itself needs no service, only its generation does.
    from boligflyt.platform.bus import create_bus
    from boligflyt.platform.host import service_definitions
    from boligflyt.platform.runtime import ServiceRuntime
    from boligflyt.platform.settings import Settings

    documents: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory(prefix="boligflyt-openapi-") as scratch:
        # Apps built as a service builds its own and never started: the same documents whatever this machine's
        # settings are.
        settings = Settings(environment="local", bus="embedded", data_dir=Path(scratch))
        for name, definition in service_definitions().items():
            documents[name] = ServiceRuntime(definition, settings, create_bus(settings)).app.openapi()
    return documents


def for_generator(served: Mapping[str, Any]) -> dict[str, Any]:
    """The document as the generator reads it best, meaning the same: the problem+json body (inlined in every
    response, see boligflyt.platform.problems) as one shared component, so the client has one `ProblemDetails`
    class rather than one per operation and status; and no component titled like another (the generator names
    classes by title), so those take their names from their keys."""
    document: dict[str, Any] = copy.deepcopy(dict(served))
    schemas: dict[str, Any] = document.setdefault("components", {}).setdefault("schemas", {})
    operations: collections.Counter[str] = collections.Counter()
    for path, item in document.get("paths", {}).items():
        for method, operation in item.items():
            operations[operation.get("operationId", f"{method} {path}")] += 1
            for response in operation.get("responses", {}).values():
                for content in response.get("content", {}).values():
                    schema = content.get("schema", {})
                    if schema.get("title") == PROBLEM_SCHEMA:
                        schemas[PROBLEM_SCHEMA] = schema
                        content["schema"] = {"$ref": f"#/components/schemas/{PROBLEM_SCHEMA}"}
    duplicates = sorted(name for name, count in operations.items() if count > 1)
    if duplicates:  # the client's functions are named by operation id (boligflyt.platform.runtime.operation_id)
        raise ValueError(f"{document['info']['title']}: two endpoints share the function name of {duplicates}")
    titles = collections.Counter(schema.get("title") for schema in schemas.values())
    for schema in schemas.values():
        if titles[schema.get("title")] > 1:
            schema.pop("title")
    return document


def render_json(document: Mapping[str, Any]) -> str:
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def _run(*command: str | Path, cwd: Path) -> None:
    result = subprocess.run([str(part) for part in command], cwd=cwd, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(map(str, command))} failed:\n{result.stdout}\n{result.stderr}")


def generate_package(service: str, document: Mapping[str, Any], scratch: Path) -> dict[str, str]:
    """The client package of one service's document: its files' paths (relative to the package) and content."""
    spec = scratch / f"{service}.json"
    spec.write_text(render_json(for_generator(document)), encoding="utf-8")
    output = scratch / module_name(service)
    _run(
        BIN / "openapi-python-client",
        *("generate", "--path", spec, "--output-path", output, "--meta", "none"),
        *("--config", CONFIG, "--custom-template-path", TEMPLATES),
        cwd=scratch,
    )
    _run(BIN / "ruff", "check", "--fix-only", "--quiet", "--config", RUFF_CONFIG, output, cwd=scratch)
    _run(BIN / "ruff", "format", "--quiet", "--config", RUFF_CONFIG, output, cwd=scratch)
    return {
        path.relative_to(output).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(output.rglob("*.py"))
        if "__pycache__" not in path.parts
    }


def rendered_files(documents: Mapping[str, Mapping[str, Any]] | None = None) -> dict[str, str]:
    """Every generated file's path (relative to clients/python/) and content."""
    documents = served_documents() if documents is None else documents
    files: dict[str, str] = {}
    with tempfile.TemporaryDirectory(prefix="boligflyt-client-") as scratch:
        for service, document in sorted(documents.items()):
            files[f"{OPENAPI}/{service}.json"] = render_json(document)
            package = generate_package(service, document, Path(scratch))
            files.update({f"{PACKAGE}/{module_name(service)}/{path}": text for path, text in package.items()})
    return files


def _generated_on_disk(root: Path) -> set[str]:
    """The files on disk that generation owns: the documents and every generated package's modules (a package
    is generated where it has the generator's `client.py`)."""
    found = {path.relative_to(root).as_posix() for path in (root / OPENAPI).glob("*.json")}
    for client in (root / PACKAGE).glob("*/client.py"):
        modules = client.parent.rglob("*.py")
        found |= {path.relative_to(root).as_posix() for path in modules if "__pycache__" not in path.parts}
    return found


def differences(root: Path = CLIENT_DIR, expected: Mapping[str, str] | None = None) -> list[str]:
    """What on disk differs from what the services generate: changed, missing and stale files."""
    expected = rendered_files() if expected is None else expected
    found: list[str] = []
    for relative, content in expected.items():
        path = root / relative
        if not path.exists():
            found.append(f"missing: {relative}")
        elif path.read_text(encoding="utf-8") != content:
            found.append(f"changed: {relative}")
    found += [f"stale: {relative}" for relative in sorted(_generated_on_disk(root) - set(expected))]
    return found


def write(root: Path = CLIENT_DIR, expected: Mapping[str, str] | None = None) -> list[str]:
    """Write every generated file and delete stale ones; returns what changed."""
    expected = rendered_files() if expected is None else expected
    changed = differences(root, expected)
    for line in changed:
        kind, relative = line.split(": ", 1)
        path = root / relative
        if kind == "stale":
            path.unlink()
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(expected[relative], encoding="utf-8")
    return changed


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m boligflyt.client.generate", description=__doc__)
    parser.add_argument("--check", action="store_true", help="exit 1 if the files differ; write nothing")
    parser.add_argument("--root", type=Path, default=CLIENT_DIR, help="the clients/python/ folder")
    args = parser.parse_args(argv)
    expected = rendered_files()
    services = len([path for path in expected if path.startswith(f"{OPENAPI}/")])
    if args.check:
        found = differences(args.root, expected)
        for line in found:
            print(line)
        if found:
            print(f"the client is out of date: {RUN}", file=sys.stderr)
            return 1
        print(f"client up to date ({services} services)")
        return 0
    for line in write(args.root, expected):
        print(line)
    print(f"wrote the client of {services} services under {args.root}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
