"""The README's first webhook in five commands, run as written against a fresh embedded system (a free port, a
data directory of its own) with a receiver on loopback; then an event the receiver gets, and every record on
the bus validated against the schema fetched from its own `dataschema` without a token."""

from __future__ import annotations

import asyncio
import json
import os
import re
import subprocess
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
from jsonschema import Draft202012Validator
from standardwebhooks import Webhook

from .events import every_record
from .schemas import schema_violations
from .system import System

ROOT = Path(__file__).resolve().parents[2]
README_BASE, README_RECEIVER = "http://127.0.0.1:8000", "http://127.0.0.1:9000/hook"


def five_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"<!-- integrator-five-commands[^>]*-->\n```sh\n(.*?)```", readme, re.DOTALL)
    assert block is not None, "the README's integrator section lost its five commands"
    commands = [line for line in block.group(1).splitlines() if line.strip()]
    assert len(commands) == 5, commands
    return commands


class Hooks:
    """A receiver on loopback: keeps every POST (headers and body) and answers 204."""

    def __init__(self) -> None:
        self.received: list[tuple[dict[str, str], bytes]] = []
        hooks = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("content-length", "0")))
                hooks.received.append(({k.lower(): v for k, v in self.headers.items()}, body))
                self.send_response(204)
                self.end_headers()

            def log_message(self, *_args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)


async def test_the_readmes_five_commands_give_a_first_webhook(tmp_path: Path) -> None:
    system = System("embedded", tmp_path / "system")
    hooks = Hooks()
    hooks.thread.start()
    await system.start()
    try:
        root = system.base_urls["dashboard"]
        script = "\n".join(five_commands()).replace(README_RECEIVER, hooks.url).replace(README_BASE, root)
        environment = {**os.environ, "BOLIGFLYT_ENVIRONMENT": "local"}
        run = await asyncio.to_thread(
            subprocess.run,
            ["bash", "-euo", "pipefail", "-c", script],
            cwd=ROOT,
            env=environment,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert run.returncode == 0, run.stderr
        lines = run.stdout.splitlines()
        assert any('"no.larvik.boligflyt.dwelling.registered.v1"' in line for line in lines), run.stdout
        hook = json.loads(next(line for line in lines if line.startswith("{") and '"secret"' in line))
        assert lines[-1] == '{"delivered":true}', run.stdout

        # The ping verifies with the reference library and validates against its published schema.
        [(headers, body)] = hooks.received
        Webhook(hook["secret"]).verify(body, headers)
        ping = json.loads(body)
        assert ping["type"] == "no.larvik.boligflyt.webhook.ping.v1"
        async with httpx.AsyncClient(timeout=10) as anonymous:
            schema = (await anonymous.get(ping["dataschema"])).json()
            page = await anonymous.get(f"{root}/integrations/v1/contracts")
            asyncapi = await anonymous.get(f"{root}/integrations/v1/contracts/asyncapi.yaml")
        Draft202012Validator(schema).validate(ping["data"])
        assert page.status_code == 200 and "no.larvik.boligflyt.dwelling.registered.v1" in page.text
        assert f"{root}/integrations/v1/contracts/schemas/" in asyncapi.text

        # A dwelling LKE registers reaches the receiver, signed; and every record on the bus validates
        # against the schema its own dataschema names, fetched without a token.
        async with system.client("maintenance", "lke") as lke:
            created = await lke.post(
                "/v1/dwellings",
                json={
                    "external_ref": "F-README-1",
                    "address": "Kirkestredet 7",
                    "category": "ordinary",
                    "owner": "lke",
                    "rooms": 3,
                    "bedrooms": 2,
                    "monthly_rent": 8200,
                    "status": "vacant",
                },
            )
            assert created.status_code == 201, created.text
        for _ in range(150):
            if len(hooks.received) >= 2:
                break
            await asyncio.sleep(0.1)
        headers, body = hooks.received[1]
        Webhook(hook["secret"]).verify(body, headers)
        event = json.loads(body)
        assert event["type"] == "no.larvik.boligflyt.dwelling.registered.v1"
        assert event["dataschema"] == f"{root}/integrations/v1/contracts/schemas/{event['type']}.json"
        records = await every_record(system)
        problems, schemas = await schema_violations(records)
        assert records and schemas and not problems, problems
    finally:
        await system.stop()
        hooks.server.shutdown()
