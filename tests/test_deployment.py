"""docker-compose.yml, the Dockerfile and the reverse proxy name only what exists: every service, its settings, its
database; and the proxy in front is the only way in, with the platform's limits."""

from __future__ import annotations

import functools
import os
import re
import subprocess
from pathlib import Path

import yaml

from boligflyt.platform import launcher
from boligflyt.platform.host import service_definitions
from boligflyt.platform.settings import ServiceSettings, Settings

ROOT = Path(__file__).resolve().parents[1]
COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
SERVICES = service_definitions()
INFRASTRUCTURE = {"kafka", "postgres", "proxy"}
NGINX_CONF = ROOT / "deploy/nginx/nginx.conf"


def known_setting(variable: str) -> bool:
    name = variable.removeprefix("BOLIGFLYT_").lower()
    per_service = ("database_url_", "service_url_")
    for prefix in per_service:
        if name.startswith(prefix):
            return name.removeprefix(prefix).replace("_", "-") in SERVICES
    return name in Settings.model_fields or name == "service" or service_setting(variable)


def service_setting(variable: str) -> bool:
    """A service's own setting (BOLIGFLYT_<SERVICE>_<NAME>), of a settings class an installed service loads."""
    for settings_class in ServiceSettings.__subclasses__():
        prefix = str(settings_class.model_config.get("env_prefix", ""))
        if prefix and variable.startswith(prefix):
            return variable.removeprefix(prefix).lower() in settings_class.model_fields
    return False


def test_every_installed_service_is_deployed_and_nothing_else() -> None:
    deployed = {name for name in COMPOSE["services"] if name not in INFRASTRUCTURE}
    assert deployed == set(SERVICES)


def test_integrations_gets_the_keys_that_seal_webhook_secrets_or_does_not_start() -> None:
    # Production refuses the development key, so the compose file must ask for the real ones.
    keys = COMPOSE["services"]["integrations"]["environment"]["BOLIGFLYT_INTEGRATIONS_SECRET_KEYS"]
    assert keys.startswith("${BOLIGFLYT_INTEGRATIONS_SECRET_KEYS:?")


def test_every_setting_the_compose_file_names_exists() -> None:
    for name, service in COMPOSE["services"].items():
        for variable in service.get("environment", {}):
            if variable.startswith("BOLIGFLYT_"):
                assert known_setting(variable), f"{name} sets {variable}, which no setting reads"


def test_each_service_runs_itself_on_its_own_database_behind_healthy_infrastructure() -> None:
    databases = set(re.findall(r"CREATE DATABASE (\w+);", (ROOT / "deploy/postgres/init-databases.sql").read_text()))
    for name in SERVICES:
        service = COMPOSE["services"][name]
        environment = service["environment"]
        assert environment["BOLIGFLYT_SERVICE"] == name
        assert environment["BOLIGFLYT_BUS"] == "kafka"
        assert environment["BOLIGFLYT_ENVIRONMENT"] == "production"
        url = environment["BOLIGFLYT_DATABASE_URL_" + name.upper().replace("-", "_")]
        assert url.rsplit("/", 1)[1] in databases
        assert service["depends_on"]["kafka"]["condition"] == "service_healthy"
        assert service["depends_on"]["postgres"]["condition"] == "service_healthy"
        for other in SERVICES:
            assert environment["BOLIGFLYT_SERVICE_URL_" + other.upper().replace("-", "_")] == f"http://{other}:8000"
    for infrastructure in ("kafka", "postgres"):
        assert "healthcheck" in COMPOSE["services"][infrastructure]


def test_the_image_runs_the_service_factory_that_exists() -> None:
    dockerfile = (ROOT / "deploy/docker/Dockerfile").read_text()
    factory = re.search(r'"--factory", "([\w.]+):(\w+)"', dockerfile)
    assert factory is not None
    module, attribute = factory.groups()
    imported = __import__(module, fromlist=[attribute])
    assert callable(getattr(imported, attribute))
    assert "/readyz" in dockerfile


# --- the reverse proxy in front --------------------------------------------------------------------------------


def nginx_size(value: str) -> int:
    size = re.fullmatch(r"(\d+)([kmg]?)", value.lower())
    assert size is not None, f"not an nginx size: {value}"
    return int(size[1]) * {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3}[size[2]]


def nginx_seconds(value: str) -> float:
    time = re.fullmatch(r"(\d+)(ms|s|m|h|)", value)
    assert time is not None, f"not an nginx time: {value}"
    return int(time[1]) * {"ms": 0.001, "": 1, "s": 1, "m": 60, "h": 3600}[time[2]]


@functools.cache
def nginx() -> str:
    return NGINX_CONF.read_text()


def nginx_http_directives() -> dict[str, str]:
    """The directives of the http block itself (not of its upstreams, servers or locations)."""
    depth, found = 0, {}
    for line in nginx().splitlines():
        line = line.split("#", 1)[0].strip()
        if depth == 1 and (directive := re.fullmatch(r"(\w+)\s+([^;{]+);", line)):
            found[directive.group(1)] = directive.group(2).strip()
        depth += line.count("{") - line.count("}")
    return found


def nginx_location(path: str) -> str:
    match = re.search(r"location = " + re.escape(path) + r" \{(.*?)\}", nginx(), re.DOTALL)
    assert match is not None, f"the proxy has no location = {path}"
    return match.group(1)


def test_the_proxy_is_the_only_way_in() -> None:
    published = {name for name, service in COMPOSE["services"].items() if service.get("ports")}
    assert published == {"proxy"}
    proxy = COMPOSE["services"]["proxy"]
    assert "./deploy/nginx/nginx.conf:/etc/nginx/nginx.conf:ro" in proxy["volumes"]
    assert {name for name, need in proxy["depends_on"].items() if need["condition"] == "service_healthy"} == set(
        SERVICES
    )
    for name in SERVICES:
        assert re.search(rf"server {name}:8000\b", nginx()), f"the proxy does not pass requests on to {name}"
        prefix = "/" if name == "dashboard" else f"/{name}/"
        assert re.search(rf"location {re.escape(prefix)} \{{\s*proxy_pass http://{name}\b", nginx())
        root_path = COMPOSE["services"][name]["environment"].get("UVICORN_ROOT_PATH")
        assert root_path == (None if name == "dashboard" else f"/{name}")


def test_the_proxy_times_out_slow_clients_and_refuses_bodies_the_services_would() -> None:
    http = nginx_http_directives()
    for timeout in ("client_header_timeout", "client_body_timeout", "send_timeout", "keepalive_timeout"):
        assert timeout in http, f"the proxy sets no {timeout}"
        assert 0 < nginx_seconds(http[timeout]) <= 60
    defaults = Settings.model_fields
    assert nginx_seconds(http["client_body_timeout"]) <= defaults["body_timeout_seconds"].default
    assert nginx_size(http["client_max_body_size"]) == defaults["max_body_bytes"].default
    import_routes = [(name, route) for name, service in SERVICES.items() for route in service.import_routes]
    assert import_routes, "no service names a bulk import route"
    for name, (_method, path) in import_routes:
        location = nginx_location(f"/{name}{path}")
        size = re.search(r"client_max_body_size (\w+);", location)
        assert size is not None and nginx_size(size.group(1)) == defaults["max_import_body_bytes"].default
        assert f"proxy_pass http://{name}{path};" in location


def test_uvicorn_runs_with_the_launchers_limits_in_the_image() -> None:
    dockerfile = (ROOT / "deploy/docker/Dockerfile").read_text()
    command = re.search(r"^CMD (\[.*?\])$", dockerfile.replace("\\\n", ""), re.MULTILINE | re.DOTALL)
    assert command is not None
    arguments = yaml.safe_load(command.group(1))
    assert set(launcher.server_limit_arguments()) <= set(arguments)
    assert "--timeout-keep-alive=5" in arguments


# --- development is asked for ----------------------------------------------------------------------------------


def test_dev_commands_ask_for_development_when_nothing_is_set() -> None:
    """An unset environment is production, which refuses the development secret ./dev token signs with."""
    # Where ./dev keeps its tools stays; every setting goes.
    bare = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith("BOLIGFLYT_") or name == "BOLIGFLYT_STATE_DIR"
    }
    signed = subprocess.run(
        [str(ROOT / "dev"), "token", "--agency", "nav"], env=bare, capture_output=True, text=True, timeout=120
    )
    assert signed.returncode == 0, signed.stderr
    assert signed.stdout.count(".") == 2  # a JWT
    refused = subprocess.run(
        [str(ROOT / ".venv/bin/python"), "-m", "boligflyt.platform.cli", "token", "--agency", "nav"],
        env=bare,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert refused.returncode != 0 and "BOLIGFLYT_ENVIRONMENT=local" in refused.stderr
    test_branch = re.search(r"^  test\)\n(.*?)\n    ;;", (ROOT / "dev").read_text(), re.MULTILINE | re.DOTALL)
    assert test_branch is not None and "BOLIGFLYT_ENVIRONMENT=test" in test_branch.group(1)
