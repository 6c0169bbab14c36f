"""The request's edge: what a request may send, checked before its body is parsed or its token read.

`RequestEdge` is pure ASGI middleware on every service app (`ServiceRuntime._build_app`, so also under the
embedded host's prefixes). It refuses, as a problem and before any handler runs:

- a control character (U+0000-U+001F other than tab, newline and carriage return) in the path, in a query
  parameter, or in a JSON body as a `\\u` escape (the JSON parser refuses raw ones): 422, naming where. None
  belongs in a name, an address or a note, and PostgreSQL cannot store a NUL at all;
- a body larger than the route takes: 413. At once when Content-Length says so (the app is not called);
  otherwise the bytes are counted as they arrive and reading stops at the limit. Nothing is buffered here, and
  FastAPI buffers at most the limit. The limit is `max_body_bytes`, or `max_import_body_bytes` on the routes a
  service names in `ServiceDefinition.import_routes`;
- a body not fully arrived `body_timeout_seconds` after the request began: 408.

FastAPI's own `max_body_size` is not used: it answers an over-long Content-Length only once the body is read,
so a route that reads no body runs first, and it has no body timeout. Slow headers are the reverse proxy's to
time out (deploy/nginx): uvicorn has no header timeout.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Collection
from typing import Any
from urllib.parse import parse_qsl

from fastapi import FastAPI, Request
from starlette.datastructures import Headers
from starlette.exceptions import HTTPException
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from boligflyt.platform.problems import problem_response, problem_type
from boligflyt.platform.settings import Settings

# U+0000-U+001F other than tab, newline and carriage return.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
# What can bring one into a query string: its percent-escape, or the raw byte.
_QUERY_MAY_HOLD_CONTROL = re.compile(rb"%[01][0-9A-Fa-f]|[\x00-\x08\x0b\x0c\x0e-\x1f]")
# JSON escapes, taken one at a time from the left, so that an escaped backslash (\\) is never read as the start of
# the next escape. Group 1 is set when the escape is a control character's.
_JSON_ESCAPE = re.compile(rb"\\(?:(u00(?:0[0-8BbCcEeFf]|1[0-9A-Fa-f]))|.)?", re.DOTALL)
_LONGEST_ESCAPE = len(b"\\u0000")


class RequestRefused(HTTPException):
    """Raised while the app reads the body: an HTTPException, so that FastAPI passes it on instead of calling the
    body malformed, and answered with the problem it carries (see `install_request_edge`)."""

    def __init__(self, problem: Response) -> None:
        super().__init__(problem.status_code)
        self.problem = problem


def install_request_edge(app: FastAPI, settings: Settings, import_routes: Collection[tuple[str, str]] = ()) -> None:
    """Put the edge in front of `app`'s routes. Install it before the request context middleware, so that a
    refused request still gets its trace id and is counted."""
    app.add_exception_handler(RequestRefused, _answer_refusal)
    app.add_middleware(
        RequestEdge,
        max_body_bytes=settings.max_body_bytes,
        max_import_body_bytes=settings.max_import_body_bytes,
        body_timeout_seconds=settings.body_timeout_seconds,
        import_routes=import_routes,
    )


async def _answer_refusal(_request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestRefused)
    return exc.problem


class RequestEdge:
    """The middleware (see the module's docstring); `install_request_edge` puts it on an app."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        max_body_bytes: int,
        max_import_body_bytes: int,
        body_timeout_seconds: float,
        import_routes: Collection[tuple[str, str]] = (),
    ) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes
        self.max_import_body_bytes = max_import_body_bytes
        self.body_timeout_seconds = body_timeout_seconds
        self.import_routes = frozenset((method.upper(), path) for method, path in import_routes)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        refusal = _control_character_in_path_or_query(scope)
        if refusal is not None:
            await refusal(scope, receive, send)
            return
        is_import = (scope["method"], _route_path(scope)) in self.import_routes
        limit = self.max_import_body_bytes if is_import else self.max_body_bytes
        headers = Headers(scope=scope)
        declared = _content_length(headers)
        if declared is not None and declared > limit:
            await _too_large(scope, limit)(scope, receive, send)
            return
        body = _WatchedBody(scope, receive, limit, self.body_timeout_seconds, _is_json(headers.get("content-type")))
        await self.app(scope, body.receive, send)


class _WatchedBody:
    """The app's `receive`: counts the body, bounds its time, and looks for control escapes, as it arrives."""

    def __init__(self, scope: Scope, receive: Receive, limit: int, timeout_seconds: float, json: bool) -> None:
        self.scope = scope
        self._receive = receive
        self.limit = limit
        self.timeout_seconds = timeout_seconds
        self.deadline = asyncio.get_running_loop().time() + timeout_seconds
        self.received = 0
        self.done = False  # after the body, receive() waits for a disconnect: no deadline (streamed responses)
        self.escapes = _JsonControlEscapes() if json else None

    async def receive(self) -> Message:
        if self.done:
            return await self._receive()
        try:
            async with asyncio.timeout_at(self.deadline):
                message = await self._receive()
        except TimeoutError:
            raise RequestRefused(_too_slow(self.scope, self.timeout_seconds)) from None
        if message["type"] != "http.request":  # the client went away
            self.done = True
            return message
        chunk: bytes = message.get("body", b"")
        more: bool = message.get("more_body", False)
        self.received += len(chunk)
        if self.received > self.limit:
            raise RequestRefused(_too_large(self.scope, self.limit))
        if self.escapes is not None and self.escapes.found_in(chunk, last=not more):
            raise RequestRefused(
                _control_character(self.scope, ["body"], "the request body (a \\u escape in a string)")
            )
        self.done = not more
        return message


class _JsonControlEscapes:
    """Finds `\\u0000`-`\\u001f` escapes (but tab, newline, carriage return) in a JSON text fed in chunks."""

    def __init__(self) -> None:
        self._carried = b""  # an escape that may go on in the next chunk

    def found_in(self, chunk: bytes, *, last: bool) -> bool:
        data = self._carried + chunk
        self._carried = b""
        unsure_from = len(data) - (_LONGEST_ESCAPE - 1)
        for escape in _JSON_ESCAPE.finditer(data):
            if not last and escape.start() >= unsure_from:
                self._carried = data[escape.start() :]
                return False
            if escape.group(1):
                return True
        return False


def _control_character_in_path_or_query(scope: Scope) -> Response | None:
    if _CONTROL.search(scope["path"]):
        return _control_character(scope, ["path"], "the path")
    query: bytes = scope.get("query_string", b"")
    if query and _QUERY_MAY_HOLD_CONTROL.search(query):
        # Decoded as Starlette decodes it for the app, so the name is the one the route declares.
        for name, value in parse_qsl(query.decode("latin-1"), keep_blank_values=True):
            if _CONTROL.search(name):
                return _control_character(scope, ["query"], "the name of a query parameter")
            if _CONTROL.search(value):  # the value is not repeated: it may be personal data
                return _control_character(scope, ["query", name], f"the query parameter {name!r}")
    return None


def _route_path(scope: Scope) -> str:
    """The path as the app's routes see it: under the embedded host, without the service's prefix."""
    path: str = scope["path"]
    root_path: str = scope.get("root_path", "")
    return path[len(root_path) :] if root_path and path.startswith(root_path) else path


def _content_length(headers: Headers) -> int | None:
    try:
        return int(headers["content-length"])
    except (KeyError, ValueError):
        return None


def _is_json(content_type: str | None) -> bool:
    """Whether the app may parse the body as JSON (FastAPI does also without a Content-Type, if told to)."""
    if content_type is None:
        return True
    media_type = content_type.partition(";")[0].strip().lower()
    return media_type == "application/json" or (media_type.startswith("application/") and media_type.endswith("+json"))


def _too_large(scope: Scope, limit: int) -> Response:
    detail = f"the request body is larger than {limit} bytes, the most {scope['method']} {_route_path(scope)} takes"
    return _problem(scope, 413, "Content Too Large", detail, "body-too-large", close=True, max_body_bytes=limit)


def _too_slow(scope: Scope, seconds: float) -> Response:
    detail = f"the request body did not arrive within {seconds:g} s"
    return _problem(scope, 408, "Request Timeout", detail, "body-timeout", close=True)


def _control_character(scope: Scope, loc: list[str], where: str) -> Response:
    message = "control characters are not allowed in text (tab, newline and carriage return are)"
    error = {"loc": loc, "msg": message, "type": "control_character"}
    return _problem(
        scope,
        422,
        "Invalid request",
        f"{where}: {message}",
        "validation-error",
        code="control-character",
        errors=[error],
    )


def _problem(
    scope: Scope, status: int, title: str, detail: str, slug: str, *, close: bool = False, **extensions: Any
) -> Response:
    # close: the connection ends with this answer, as the rest of the body is never read.
    headers = {"Connection": "close"} if close else None
    return problem_response(
        status, title, detail, type=problem_type(slug), instance=scope["path"], headers=headers, **extensions
    )
