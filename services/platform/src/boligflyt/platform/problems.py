"""RFC 9457 problem details (`application/problem+json`) for every error path of a service.

`install_problem_handlers(app)` makes domain errors, HTTP errors (unknown route, wrong method, auth),
request validation errors and unexpected exceptions all answer with a problem body, so clients parse one
error shape and bad input always gets a 4xx that says what is wrong.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from http import HTTPStatus
from typing import Any

import structlog
from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import JSONResponse, Response

from boligflyt.platform.db import is_outage
from boligflyt.platform.errors import DomainError

PROBLEM_TYPE_BASE = "https://boligflyt.larvik.kommune.no/problems/"
PROBLEM_MEDIA_TYPE = "application/problem+json"
# How long a client should wait before retrying a request refused while the database is away.
RETRY_AFTER_SECONDS = 5

log = structlog.get_logger(__name__)


class ProblemDetails(BaseModel):
    """The problem body; any further members are extensions (e.g. `errors`, `code`, `current_state`)."""

    model_config = ConfigDict(extra="allow")

    type: str = Field(
        default="about:blank",
        description="URI naming the problem type; about:blank means the HTTP status says it all",
    )
    title: str = Field(description="Short summary of the problem type")
    status: int = Field(description="HTTP status code")
    detail: str | None = Field(default=None, description="What went wrong with this request")
    instance: str | None = Field(default=None, description="The request path")


class ProblemJSONResponse(JSONResponse):
    media_type = PROBLEM_MEDIA_TYPE


def problem_type(slug: str) -> str:
    return PROBLEM_TYPE_BASE + slug


def problem_response(
    status: int,
    title: str,
    detail: str | None = None,
    *,
    type: str = "about:blank",
    instance: str | None = None,
    headers: Mapping[str, str] | None = None,
    **extensions: Any,
) -> JSONResponse:
    """A problem+json response; keyword arguments beyond the standard members become extensions."""
    return _problem(status, title, detail, type=type, instance=instance, headers=headers, extensions=extensions)


def _problem(
    status: int,
    title: str,
    detail: str | None,
    *,
    type: str,
    instance: str | None,
    headers: Mapping[str, str] | None = None,
    extensions: Mapping[str, Any],
) -> JSONResponse:
    # Extensions come from error objects too (DomainError.extra): the standard members must win.
    body: dict[str, Any] = jsonable_encoder(dict(extensions))
    body.update(type=type, title=title, status=status)
    if detail is not None:
        body["detail"] = detail
    if instance is not None:
        body["instance"] = instance
    return ProblemJSONResponse(body, status_code=status, headers=headers)


_PROBLEM_CONTENT = {
    PROBLEM_MEDIA_TYPE: {"schema": ProblemDetails.model_json_schema(mode="serialization")},
}

# For `responses=` on routes, routers or the app. The schema is inlined rather than given as `model`,
# because FastAPI would document a model under the route's own media type (application/json).
PROBLEM_RESPONSES: dict[int | str, dict[str, Any]] = {
    400: {"description": "Malformed request", "content": _PROBLEM_CONTENT},
    401: {"description": "Missing or invalid bearer token", "content": _PROBLEM_CONTENT},
    403: {"description": "The caller's agency or scopes do not allow this", "content": _PROBLEM_CONTENT},
    404: {"description": "Not found", "content": _PROBLEM_CONTENT},
    408: {"description": "The request body did not arrive in time", "content": _PROBLEM_CONTENT},
    409: {"description": "Conflicts with the current state", "content": _PROBLEM_CONTENT},
    413: {"description": "The request body is larger than the route takes", "content": _PROBLEM_CONTENT},
    422: {
        "description": "Invalid request (a control character in text, too) or a business rule refused it",
        "content": _PROBLEM_CONTENT,
    },
    429: {
        "description": "Too many requests from this client in the window: retry after Retry-After seconds",
        "content": _PROBLEM_CONTENT,
        "headers": {
            "Retry-After": {"description": "Seconds until the window ends", "schema": {"type": "integer"}},
            "RateLimit-Policy": {"description": "The client's quota policy (IETF draft)", "schema": {"type": "string"}},
            "RateLimit": {"description": "What is left of the quota (IETF draft)", "schema": {"type": "string"}},
        },
    },
    503: {
        "description": "The database is away for a moment: nothing changed, retry after Retry-After seconds",
        "content": _PROBLEM_CONTENT,
    },
}


def install_problem_handlers(app: FastAPI) -> None:
    app.add_exception_handler(DomainError, _domain_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(IntegrityError, _integrity_error)
    app.add_exception_handler(StaleDataError, _stale_data)
    # Starlette runs the Exception handler in its outermost middleware, which sends our 500 and then
    # re-raises so the server sees the failure too.
    app.add_exception_handler(Exception, _unexpected_error)


# Handlers take `Exception` because that is what Starlette's handler type promises; each narrows.


async def _domain_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, DomainError)
    return domain_problem(exc, request.url.path)


def domain_problem(exc: DomainError, instance: str | None, headers: Mapping[str, str] | None = None) -> JSONResponse:
    """The problem answering a domain error (also for middleware, which runs outside the exception handlers)."""
    return _problem(
        exc.status,
        exc.title,
        exc.detail,
        type=problem_type(exc.slug),
        instance=instance,
        headers=headers,
        extensions=exc.extra,
    )


async def _stale_data(request: Request, exc: Exception) -> Response:
    # A versioned row (concurrency.py) was changed by another transaction between this one's read and its write:
    # the transaction rolled back, nothing of the change landed.
    log.info("request.stale_data", path=request.url.path, error=str(exc)[:300])
    return _problem(
        412,
        "The resource has changed",
        "the resource was changed by another request while this one was being handled; read it again and retry",
        type=problem_type("precondition-failed"),
        instance=request.url.path,
        extensions={},
    )


async def _integrity_error(request: Request, exc: Exception) -> Response:
    # Two requests raced for the same unique thing (or a rule the database enforces was broken): the loser's
    # transaction rolled back, so nothing changed. The constraint's text may echo data, so it stays in the log.
    log.warning("request.integrity_error", path=request.url.path, error=str(getattr(exc, "orig", exc))[:300])
    return _problem(
        409,
        "Conflict",
        "The request conflicts with the current state of the data (most likely a concurrent change); "
        "read it again and retry.",
        type=problem_type("conflict"),
        instance=request.url.path,
        extensions={},
    )


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    status = exc.status_code
    if status < 200 or status in (204, 205, 304):  # these must not carry a body
        return Response(status_code=status, headers=exc.headers)
    title = _phrase(status)
    detail = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
    if detail == title:  # Starlette's default detail repeats the title; say something useful instead
        detail = _default_detail(request, status) or detail
    return problem_response(status, title, detail, instance=request.url.path, headers=exc.headers)


async def _validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    errors = [_json_safe_error(error) for error in exc.errors()]
    if errors and all(error["type"] == "json_invalid" for error in errors):
        # Syntax, not content: 400 (RFC 9110) rather than 422.
        reason = errors[0].get("ctx", {}).get("error", "invalid JSON")
        return problem_response(
            400,
            "Malformed request body",
            f"the request body is not valid JSON: {reason}",
            type=problem_type("malformed-body"),
            instance=request.url.path,
            errors=errors,
        )
    shown = "; ".join(f"{_dotted(error['loc'])}: {error['msg']}" for error in errors[:3])
    if len(errors) > 3:
        shown += f"; and {len(errors) - 3} more"
    return problem_response(
        422,
        "Invalid request",
        shown or "the request is invalid",
        type=problem_type("validation-error"),
        instance=request.url.path,
        errors=errors,
    )


async def _unexpected_error(request: Request, exc: Exception) -> Response:
    trace_id = getattr(request.state, "trace_id", None)
    if is_outage(exc):
        # The database is down or restarting: nothing was changed, and the same request will do once it is back.
        log.warning("request.database_unavailable", path=request.url.path, trace_id=trace_id, error=repr(exc)[:300])
        return problem_response(
            503,
            "Service unavailable",
            "the service's database is unavailable for a moment; nothing was changed, retry shortly",
            type=problem_type("unavailable"),
            instance=request.url.path,
            headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
        )
    log.error(
        "unhandled exception",
        method=request.method,
        path=request.url.path,
        trace_id=trace_id,
        exc_info=exc,
    )
    # Never the exception text: it may hold internals (SQL, paths) or personal data.
    detail = "the server failed to handle the request; the error has been logged"
    extensions: dict[str, str] = {}
    if trace_id:
        detail += f" with trace id {trace_id}"
        extensions["trace_id"] = trace_id
    return _problem(
        500,
        "Internal server error",
        detail,
        type=problem_type("internal-error"),
        instance=request.url.path,
        extensions=extensions,
    )


def _phrase(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"


def _default_detail(request: Request, status: int) -> str | None:
    if status == 404:
        return f"nothing is found at {request.url.path}"
    if status == 405:
        return f"{request.method} is not allowed on {request.url.path}"
    return None


def _json_safe_error(error: Mapping[str, Any]) -> dict[str, Any]:
    """loc/msg/type (+ctx) of one pydantic error; `input` is left out as it may echo personal data."""
    safe: dict[str, Any] = {
        "loc": [part if isinstance(part, int) else str(part) for part in error.get("loc", ())],
        "msg": str(error.get("msg", "")),
        "type": str(error.get("type", "")),
    }
    ctx = error.get("ctx")
    if isinstance(ctx, Mapping) and ctx:
        # ctx may hold the exception a validator raised; its message is what the client needs.
        safe["ctx"] = {
            str(key): value if isinstance(value, str | int | float | bool) or value is None else str(value)
            for key, value in ctx.items()
        }
    return safe


def _dotted(loc: Sequence[Any]) -> str:
    return ".".join(str(part) for part in loc) or "request"
