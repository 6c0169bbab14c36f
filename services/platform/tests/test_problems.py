"""Every error path answers with RFC 9457 application/problem+json."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from datetime import date
from typing import Annotated, Any

import httpx
import pytest
from fastapi import FastAPI, Query
from pydantic import BaseModel, Field, field_validator
from sqlalchemy.exc import DBAPIError
from structlog.testing import capture_logs

from boligflyt.platform.errors import Conflict, DomainError, Forbidden, NotFound, RuleViolation
from boligflyt.platform.problems import (
    PROBLEM_RESPONSES,
    PROBLEM_TYPE_BASE,
    install_problem_handlers,
    problem_response,
)


class NewApplication(BaseModel):
    kind: str
    adults: int = Field(ge=1)

    @field_validator("kind")
    @classmethod
    def known_kind(cls, value: str) -> str:
        if value not in {"rental", "care", "staffed"}:
            # pydantic keeps this exception object in the error's ctx
            raise ValueError(f"unknown application kind {value!r}")
        return value


def build_app() -> FastAPI:
    app = FastAPI(responses=PROBLEM_RESPONSES)
    install_problem_handlers(app)

    @app.post("/applications", status_code=201)
    async def submit(application: NewApplication) -> dict[str, Any]:
        return application.model_dump()

    @app.get("/applications")
    async def search(limit: Annotated[int, Query(ge=1, le=100)] = 20) -> dict[str, int]:
        return {"limit": limit}

    @app.get("/applications/{application_id}")
    async def get_application(application_id: str) -> dict[str, str]:
        raise NotFound(f"no application {application_id}")

    @app.post("/applications/{application_id}/decision")
    async def decide(application_id: str) -> None:
        raise Conflict("a withdrawn application cannot be decided", current_state="withdrawn")

    @app.post("/offers")
    async def offer() -> None:
        raise RuleViolation(
            "the applicant has declined an offer before", code="offer.already_declined", extra={"offers": 1}
        )

    @app.delete("/applications/{application_id}")
    async def delete(application_id: str) -> None:
        raise Forbidden("applications are never deleted, only withdrawn")

    @app.get("/plain-domain-error")
    async def plain() -> None:
        raise DomainError("something the caller did", title="Bad thing")

    @app.get("/boom")
    async def boom() -> None:
        raise RuntimeError("password=hunter2 at /srv/secret/path")

    return app


@pytest.fixture
async def client() -> AsyncIterator[httpx.AsyncClient]:
    # raise_app_exceptions=False: Starlette re-raises after sending the 500, for the server to log.
    transport = httpx.ASGITransport(app=build_app(), raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
        yield http


def problem(response: httpx.Response, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    body: dict[str, Any] = response.json()
    assert body["status"] == status
    assert isinstance(body["title"], str) and body["title"]
    assert body["type"] == "about:blank" or body["type"].startswith(PROBLEM_TYPE_BASE)
    assert body["instance"] == response.request.url.path
    return body


async def test_validation_error_is_422_with_errors(client: httpx.AsyncClient) -> None:
    response = await client.post("/applications", json={"kind": "rental", "adults": 0})
    body = problem(response, 422)
    assert body["type"] == PROBLEM_TYPE_BASE + "validation-error"
    assert body["errors"] == [
        {
            "loc": ["body", "adults"],
            "msg": "Input should be greater than or equal to 1",
            "type": "greater_than_equal",
            "ctx": {"ge": 1},
        }
    ]
    assert "body.adults" in body["detail"]


async def test_validator_exception_in_ctx_is_made_json_safe(client: httpx.AsyncClient) -> None:
    response = await client.post("/applications", json={"kind": "villa", "adults": 1})
    body = problem(response, 422)
    [error] = body["errors"]
    assert error["type"] == "value_error"
    assert error["ctx"] == {"error": "unknown application kind 'villa'"}
    assert "input" not in error  # never echoed: inputs may hold personal data


async def test_missing_body_and_query_errors(client: httpx.AsyncClient) -> None:
    body = problem(await client.post("/applications"), 422)
    assert body["errors"][0]["loc"] == ["body"]
    body = problem(await client.get("/applications", params={"limit": "many"}), 422)
    assert body["errors"][0]["loc"] == ["query", "limit"]


async def test_many_errors_are_summarised(client: httpx.AsyncClient) -> None:
    body = problem(await client.post("/applications", json={}), 422)
    assert len(body["errors"]) == 2
    assert "body.kind: Field required" in body["detail"]


async def test_malformed_json_is_400_problem(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/applications", content=b'{"kind": "rental", ', headers={"content-type": "application/json"}
    )
    body = problem(response, 400)
    assert body["type"] == PROBLEM_TYPE_BASE + "malformed-body"
    assert "not valid JSON" in body["detail"]
    assert body["errors"][0]["type"] == "json_invalid"


@pytest.mark.parametrize(
    "content",
    [b"\xff\xfe\x00garbage", b"", b"null", b"[1, 2]", b'"text"', b"NaN"],
    ids=["not-utf8", "empty", "null", "array", "string", "nan"],
)
async def test_bad_json_bodies_are_4xx_never_500(client: httpx.AsyncClient, content: bytes) -> None:
    response = await client.post("/applications", content=content, headers={"content-type": "application/json"})
    assert 400 <= response.status_code < 500, response.text
    assert response.headers["content-type"] == "application/problem+json"


async def test_unknown_route_is_404_problem(client: httpx.AsyncClient) -> None:
    body = problem(await client.get("/no/such/thing"), 404)
    assert body["type"] == "about:blank"
    assert body["title"] == "Not Found"
    assert body["detail"] == "nothing is found at /no/such/thing"


async def test_wrong_method_is_405_problem_keeping_allow(client: httpx.AsyncClient) -> None:
    response = await client.put("/offers")
    body = problem(response, 405)
    assert "PUT" in body["detail"]
    assert response.headers["allow"] == "POST"


async def test_not_found(client: httpx.AsyncClient) -> None:
    body = problem(await client.get("/applications/a-404"), 404)
    assert body == {
        "type": PROBLEM_TYPE_BASE + "not-found",
        "title": "Not found",
        "status": 404,
        "detail": "no application a-404",
        "instance": "/applications/a-404",
    }


async def test_conflict_tells_the_current_state(client: httpx.AsyncClient) -> None:
    body = problem(await client.post("/applications/a-1/decision"), 409)
    assert body["type"] == PROBLEM_TYPE_BASE + "conflict"
    assert body["current_state"] == "withdrawn"
    assert body["detail"] == "a withdrawn application cannot be decided"


async def test_rule_violation_carries_its_code(client: httpx.AsyncClient) -> None:
    body = problem(await client.post("/offers"), 422)
    assert body["type"] == PROBLEM_TYPE_BASE + "rule-violation"
    assert body["code"] == "offer.already_declined"
    assert body["offers"] == 1


async def test_forbidden_and_base_domain_error(client: httpx.AsyncClient) -> None:
    assert problem(await client.delete("/applications/a-1"), 403)["type"] == PROBLEM_TYPE_BASE + "forbidden"
    body = problem(await client.get("/plain-domain-error"), 400)
    assert body["title"] == "Bad thing"


def test_domain_error_status_attributes() -> None:
    assert (DomainError.status, NotFound.status, Forbidden.status, Conflict.status, RuleViolation.status) == (
        400,
        404,
        403,
        409,
        422,
    )
    error = Conflict("no", current_state="closed", extra={"order_id": "o-1"})
    assert error.extra == {"order_id": "o-1", "current_state": "closed"}
    assert str(error) == "no"


async def test_unexpected_exception_is_500_without_internals(client: httpx.AsyncClient) -> None:
    with capture_logs() as logs:
        response = await client.get("/boom")
    body = problem(response, 500)
    assert "hunter2" not in response.text
    assert "RuntimeError" not in response.text
    assert body["type"] == PROBLEM_TYPE_BASE + "internal-error"
    [entry] = [entry for entry in logs if entry["event"] == "unhandled exception"]
    assert entry["log_level"] == "error"
    assert isinstance(entry["exc_info"], RuntimeError)  # the traceback goes to the log, not the client


def test_problem_response_helper() -> None:
    response = problem_response(409, "Conflict", "taken", instance="/x", code="c", since=date(2015, 1, 2))
    assert response.status_code == 409
    assert response.media_type == "application/problem+json"
    assert json.loads(bytes(response.body)) == {
        "type": "about:blank",
        "title": "Conflict",
        "status": 409,
        "detail": "taken",
        "instance": "/x",
        "code": "c",
        "since": "2015-01-02",
    }


async def test_domain_error_extras_cannot_override_standard_members() -> None:
    app = FastAPI()
    install_problem_handlers(app)

    @app.get("/clash")
    async def clash() -> None:
        raise Conflict("real detail", extra={"status": 200, "title": "fake", "type": "x", "headers": "h"})

    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
        body = problem(await http.get("/clash"), 409)
    assert body["detail"] == "real detail"
    assert body["title"] == "Conflict with the current state"
    assert body["type"] == PROBLEM_TYPE_BASE + "conflict"
    assert body["headers"] == "h"


async def test_a_database_outage_is_503_with_retry_after_and_no_internals() -> None:
    app = FastAPI()
    install_problem_handlers(app)

    @app.post("/stays")
    async def start_stay() -> None:
        # What asyncpg raises while PostgreSQL is starting up again (SQLSTATE 57P03), as SQLAlchemy wraps it.
        refusal = type("CannotConnectNowError", (Exception,), {"sqlstate": "57P03"})(
            "the database system is starting up"
        )
        raise DBAPIError("INSERT INTO stays ...", {}, refusal)

    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
        response = await http.post("/stays")
    body = problem(response, 503)
    assert response.headers["retry-after"] == "5"
    assert body["type"] == PROBLEM_TYPE_BASE + "unavailable"
    assert "INSERT" not in response.text and "starting up" not in response.text


async def test_openapi_documents_problem_json(client: httpx.AsyncClient) -> None:
    spec = (await client.get("/openapi.json")).json()
    responses = spec["paths"]["/applications"]["post"]["responses"]
    for status in ("400", "401", "403", "404", "409", "422", "503"):
        content = responses[status]["content"]
        assert list(content) == ["application/problem+json"], status
        schema = content["application/problem+json"]["schema"]
        assert set(schema["required"]) == {"title", "status"}
        assert {"type", "title", "status", "detail", "instance"} <= set(schema["properties"])
