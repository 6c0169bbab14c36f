"""Finds the installed services (entry point group `boligflyt.services`) and hosts them.

The platform imports no service: each service's distribution names its `ServiceDefinition` as an entry
point, so the embedded host and the per-service processes are built the same way.
"""

from __future__ import annotations

import os
from importlib.metadata import entry_points

from fastapi import FastAPI

from boligflyt.platform.runtime import ServiceDefinition, create_embedded_app, create_service_app
from boligflyt.platform.settings import Settings

ENTRY_POINT_GROUP = "boligflyt.services"
# The dashboard is what a coordinator opens first, so in embedded mode it is served at /.
ROOT_SERVICE = "dashboard"


def service_definitions() -> dict[str, ServiceDefinition]:
    definitions: dict[str, ServiceDefinition] = {}
    for entry_point in entry_points(group=ENTRY_POINT_GROUP):
        definition = entry_point.load()
        if not isinstance(definition, ServiceDefinition):
            raise TypeError(f"entry point {entry_point.value} is not a ServiceDefinition")
        definitions[definition.name] = definition
    return dict(sorted(definitions.items()))


def service_definition(name: str) -> ServiceDefinition:
    """One service's definition, loading no other service (each entry point is named after its package)."""
    for entry_point in entry_points(group=ENTRY_POINT_GROUP, name=name.replace("-", "_")):
        definition = entry_point.load()
        if isinstance(definition, ServiceDefinition):
            return definition
    raise KeyError(f"no service named {name!r} is installed")


def embedded_app(settings: Settings | None = None) -> FastAPI:
    """Every installed service in one process (uvicorn factory: boligflyt.platform.host:embedded_app)."""
    return create_embedded_app(list(service_definitions().values()), settings, root_service=ROOT_SERVICE)


def service_app(name: str, settings: Settings | None = None) -> FastAPI:
    """One service alone, for distributed mode. Only its own definition is loaded: another service's settings
    (which refuse their development defaults in production) are no concern of this process."""
    try:
        definition = service_definition(name)
    except KeyError:
        installed = sorted(entry_point.name.replace("_", "-") for entry_point in entry_points(group=ENTRY_POINT_GROUP))
        raise SystemExit(f"no service named {name!r}; installed: {', '.join(installed)}") from None
    return create_service_app(definition, settings)


def service_app_from_env() -> FastAPI:
    """uvicorn factory for one service, named by BOLIGFLYT_SERVICE (distributed mode)."""
    return service_app(os.environ["BOLIGFLYT_SERVICE"])
