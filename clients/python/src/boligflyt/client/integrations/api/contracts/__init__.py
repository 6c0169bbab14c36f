"""Contains endpoint functions for accessing the API"""

from . import asyncapi, asyncapi_page, event_schema, granted_event_types, integrator_guide

__all__ = [
    "asyncapi",
    "asyncapi_page",
    "event_schema",
    "granted_event_types",
    "integrator_guide",
]
