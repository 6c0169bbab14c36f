"""Fixtures for the contract tests: the contracts folder and the official AsyncAPI 3.0.0 JSON Schema.

The schema comes from the npm package `@asyncapi/specs` (pinned in contracts/package.json and its lock),
installed with `npm ci` into a cache folder outside the repository, so node_modules never lands in git.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

CONTRACTS_DIR = Path(__file__).resolve().parents[1]
NPM_FILES = ("package.json", "package-lock.json")
ASYNCAPI_SCHEMA = Path("node_modules/@asyncapi/specs/schemas/3.0.0.json")


def npm_cache_dir() -> Path:
    state = os.environ.get("BOLIGFLYT_STATE_DIR")
    base = Path(state) if state else Path.home() / ".cache" / "boligflyt"
    return base / "npm-asyncapi"


def install_asyncapi_specs() -> Path:
    """`npm ci` the pinned package into the cache unless the same lock is already installed there."""
    cache = npm_cache_dir()
    schema = cache / ASYNCAPI_SCHEMA
    lock_changed = any(
        not (cache / name).exists() or (cache / name).read_bytes() != (CONTRACTS_DIR / name).read_bytes()
        for name in NPM_FILES
    )
    if schema.exists() and not lock_changed:
        return schema
    npm = shutil.which("npm")
    if npm is None:
        pytest.fail("npm is needed to install @asyncapi/specs (the official AsyncAPI schema); install Node.js")
    cache.mkdir(parents=True, exist_ok=True)
    for name in NPM_FILES:
        shutil.copyfile(CONTRACTS_DIR / name, cache / name)
    result = subprocess.run(
        [npm, "ci", "--prefix", str(cache), "--ignore-scripts", "--no-audit", "--no-fund"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    if result.returncode != 0 or not schema.exists():
        pytest.fail(f"npm ci of @asyncapi/specs failed:\n{result.stdout}\n{result.stderr}")
    return schema


@pytest.fixture(scope="session")
def contracts_dir() -> Path:
    return CONTRACTS_DIR


@pytest.fixture(scope="session")
def asyncapi_spec_schema() -> dict[str, Any]:
    """The official AsyncAPI 3.0.0 JSON Schema (draft-07, every definition bundled under its $id)."""
    loaded: dict[str, Any] = json.loads(install_asyncapi_specs().read_text(encoding="utf-8"))
    return loaded
