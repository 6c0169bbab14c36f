"""Structured logs with trace ids, W3C trace context and Prometheus metrics.

Every HTTP request passes `RequestContextMiddleware`, which continues the caller's trace (or starts one),
binds `trace_id` and `service` into every log line and counts the request. Code outside a request (event
consumers, relays) uses `continue_trace` + `bound_trace` the same way, and the outbox stores
`current_traceparent()` in each event so the trace carries on in the consumer.
"""

from __future__ import annotations

import logging
import random
import re
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

import structlog
import structlog.tracebacks
from prometheus_client import Counter, Gauge, Histogram
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from boligflyt.platform.settings import Settings

# --- Metrics: defined once here; the outbox, consumers and relays update the platform ones. ---

HTTP_REQUESTS = Counter(
    "boligflyt_http_requests_total",
    "HTTP requests handled",
    ["service", "method", "route", "status"],
)
HTTP_REQUEST_SECONDS = Histogram(
    "boligflyt_http_request_seconds",
    "Time from request to the end of the response",
    ["service", "method", "route"],
)
OUTBOX_BACKLOG = Gauge("boligflyt_outbox_backlog", "Outbox rows not yet published", ["service"])
CONSUMER_LAG = Gauge(
    "boligflyt_consumer_lag", "Messages on the topic not yet handled by the consumer", ["service", "topic"]
)
DEAD_LETTERS = Counter("boligflyt_dead_letters_total", "Messages sent to the dead-letter topic", ["service", "topic"])
EVENTS_PUBLISHED = Counter("boligflyt_events_published_total", "Events published from the outbox", ["service", "topic"])
EVENTS_HANDLED = Counter(
    "boligflyt_events_handled_total",
    "Events taken off the bus, by outcome (e.g. handled, duplicate, retried, dead_lettered)",
    ["service", "consumer", "outcome"],
)

# Anything else (fuzzers send made-up methods) is counted as OTHER to keep label cardinality bounded.
_KNOWN_METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
UNMATCHED_ROUTE = "<unmatched>"


# --- Trace context (W3C traceparent: version-traceid-spanid-flags) ---

_TRACEPARENT = re.compile(r"^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?$")
_current_traceparent: ContextVar[str | None] = ContextVar("boligflyt_traceparent", default=None)


def current_traceparent() -> str | None:
    """The traceparent of the span running now (request or event handling), or None outside one."""
    return _current_traceparent.get()


def current_trace_id() -> str | None:
    """The 32-hex trace id of the current span (for audit rows and logs), or None outside one."""
    traceparent = _current_traceparent.get()
    return trace_id_of(traceparent) if traceparent else None


def trace_id_of(traceparent: str) -> str:
    return traceparent[3:35]


def continue_trace(parent: str | None) -> str:
    """A traceparent for a new span: a child of `parent` if that is a valid traceparent, else a new trace."""
    match = _TRACEPARENT.match(parent.strip().lower()) if parent else None
    if match:
        version, trace_id, parent_id, flags, rest = match.groups()
        valid = version != "ff" and not (version == "00" and rest) and trace_id != "0" * 32 and parent_id != "0" * 16
        if valid:
            return f"00-{trace_id}-{_random_hex(64)}-{flags}"
    return f"00-{_random_hex(128)}-{_random_hex(64)}-01"


def _random_hex(bits: int) -> str:
    """Random ids for traces and spans, as OpenTelemetry makes them: they need to be unique, not secret, and a
    consumer makes one per event (the secrets module asks the kernel each time)."""
    return f"{random.getrandbits(bits):0{bits // 4}x}"


@contextmanager
def bound_trace(traceparent: str, *, service: str | None = None) -> Iterator[str]:
    """Make `traceparent` current and put its trace id (and the service) on every log line inside."""
    token = _current_traceparent.set(traceparent)
    context: dict[str, Any] = {"trace_id": trace_id_of(traceparent)}
    if service is not None:
        context["service"] = service
    # Set and reset by token rather than structlog's bound_contextvars, which copies the whole context to save
    # what it overrides: a consumer binds a trace per event, and that copy was most of the cost of binding one.
    log_tokens = structlog.contextvars.bind_contextvars(**context)
    try:
        yield traceparent
    finally:
        structlog.contextvars.reset_contextvars(**log_tokens)
        _current_traceparent.reset(token)


# --- The request middleware ---

# Scope keys shared with an enclosing RequestContextMiddleware: in embedded mode a parent app may have one
# too, and the request must keep one trace and be counted once (by the innermost, which knows the service).
_SCOPE_TRACEPARENT = "boligflyt.traceparent"
_SCOPE_RECORDER = "boligflyt.metrics_recorder"


class RequestContextMiddleware:
    """Pure ASGI (no BaseHTTPMiddleware), so contextvars bound here are seen by the endpoint."""

    def __init__(self, app: ASGIApp, service: str) -> None:
        self.app = app
        self.service = service

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        outer_traceparent: str | None = scope.get(_SCOPE_TRACEPARENT)
        traceparent = outer_traceparent or continue_trace(_header(scope, b"traceparent"))
        scope[_SCOPE_TRACEPARENT] = traceparent
        scope.setdefault("state", {})["trace_id"] = trace_id_of(traceparent)  # request.state.trace_id
        scope[_SCOPE_RECORDER] = self
        root_path = scope.get("root_path", "")
        status = 500  # what the client gets if the app raises before it responds
        started = time.perf_counter()

        async def send_with_trace(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                if outer_traceparent is None:
                    MutableHeaders(scope=message)["traceparent"] = traceparent
            await send(message)

        with bound_trace(traceparent, service=self.service):
            try:
                await self.app(scope, receive, send_with_trace)
            finally:
                if scope.get(_SCOPE_RECORDER) is self:
                    method = scope["method"] if scope["method"] in _KNOWN_METHODS else "OTHER"
                    route = _route_template(scope, root_path)
                    HTTP_REQUESTS.labels(self.service, method, route, str(status)).inc()
                    HTTP_REQUEST_SECONDS.labels(self.service, method, route).observe(time.perf_counter() - started)


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", ()):
        if key.lower() == name:
            return bytes(value).decode("latin-1")
    return None


def _route_template(scope: Scope, root_path_at_entry: str) -> str:
    """The matched route's template ("/applications/{application_id}"), never the raw path."""
    # FastAPI (>= 0.137) includes routers lazily: an included APIRoute's own path_format lacks the router
    # prefix, which FastAPI keeps in its effective route context. Without that context we fall back to the
    # route's own template: a shorter label, still bounded.
    fastapi_scope = scope.get("fastapi")
    effective = fastapi_scope.get("effective_route_context") if isinstance(fastapi_scope, dict) else None
    path_format = getattr(effective, "path_format", None) or getattr(scope.get("route"), "path_format", None)
    if not isinstance(path_format, str) or not path_format:
        return UNMATCHED_ROUTE
    # Mounts below this middleware extend root_path by their prefix.
    mount_prefix = str(scope.get("root_path", ""))[len(root_path_at_entry) :]
    return mount_prefix + path_format


# --- Logging ---

_HANDLER_NAME = "boligflyt"


def configure_logging(settings: Settings, *, service: str | None = None) -> None:
    """structlog for our code and the stdlib `logging` of libraries (uvicorn, aiokafka, sqlalchemy), both
    rendered the same way: JSON lines when settings.log_json, else readable console lines, on stderr.

    `service` names the process's service in distributed mode; a per-request binding wins over it.
    Safe to call again (replaces its own handler).
    """
    shared: list[structlog.typing.Processor] = [
        structlog.contextvars.merge_contextvars,
        structlog.stdlib.add_log_level,
        structlog.stdlib.add_logger_name,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
    ]
    if service is not None:
        shared.append(_default_field("service", service))

    # Tracebacks without local variables: locals hold request bodies, i.e. personal data.
    final: list[structlog.typing.Processor]
    if settings.log_json:
        final = [
            structlog.processors.ExceptionRenderer(structlog.tracebacks.ExceptionDictTransformer(show_locals=False)),
            structlog.processors.JSONRenderer(),
        ]
    else:
        final = [
            structlog.dev.ConsoleRenderer(
                colors=sys.stderr.isatty(),  # no escape codes in files and CI logs
                exception_formatter=structlog.dev.RichTracebackFormatter(show_locals=False),
            )
        ]

    structlog.configure(
        processors=[
            structlog.stdlib.filter_by_level,
            *shared,
            structlog.stdlib.ProcessorFormatter.wrap_for_formatter,
        ],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        # Uncached, so loggers first used before this call (module level, tests) follow it too.
        cache_logger_on_first_use=False,
    )

    handler = logging.StreamHandler(sys.stderr)
    handler.set_name(_HANDLER_NAME)
    handler.setFormatter(
        structlog.stdlib.ProcessorFormatter(
            foreign_pre_chain=shared,
            processors=[structlog.stdlib.ProcessorFormatter.remove_processors_meta, *final],
        )
    )
    root = logging.getLogger()
    for old in [h for h in root.handlers if h.get_name() == _HANDLER_NAME]:
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(settings.log_level.upper())
    # Alembic narrates every migration step at INFO; a service start is not the place for it.
    logging.getLogger("alembic").setLevel(max(logging.WARNING, root.level))
    # httpx logs every request it sends at INFO: the demo's seed alone is a thousand lines. The receiving service's
    # own request log and the traces say the same.
    logging.getLogger("httpx").setLevel(max(logging.WARNING, root.level))

    # uvicorn installs its own handlers (plain text, access log not propagated); send its records,
    # access log included, through ours instead.
    for name in ("uvicorn", "uvicorn.error", "uvicorn.access"):
        uvicorn_logger = logging.getLogger(name)
        uvicorn_logger.handlers.clear()
        uvicorn_logger.propagate = True


def _default_field(key: str, value: str) -> structlog.typing.Processor:
    def add(_logger: Any, _method: str, event_dict: structlog.typing.EventDict) -> structlog.typing.EventDict:
        event_dict.setdefault(key, value)
        return event_dict

    return add
