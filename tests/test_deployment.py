"""docker-compose.yml and the Dockerfile name only what exists: every service, its settings, its database."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from boligflyt.platform.host import service_definitions
from boligflyt.platform.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
SERVICES = service_definitions()


def known_setting(variable: str) -> bool:
    name = variable.removeprefix("BOLIGFLYT_").lower()
    per_service = ("database_url_", "service_url_")
    for prefix in per_service:
        if name.startswith(prefix):
            return name.removeprefix(prefix).replace("_", "-") in SERVICES
    return name in Settings.model_fields or name == "service"


def test_every_installed_service_is_deployed_and_nothing_else() -> None:
    deployed = {name for name in COMPOSE["services"] if name not in {"kafka", "postgres"}}
    assert deployed == set(SERVICES)


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
