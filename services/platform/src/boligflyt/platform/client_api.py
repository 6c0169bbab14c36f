"""What a client system can rely on, on every service's API: safe retries (Idempotency-Key), no lost updates
(ETag/If-Match), limits it can plan for (429, RateLimit fields) and notice of what is going (Deprecation,
Sunset). `install_client_api(app, runtime)` puts `ClientApi`, pure ASGI middleware, in front of the routes, and
documents all of it in the app's OpenAPI.

The middleware, per request (health, readiness and metrics pass untouched):
1. counts it against the client's quota (ratelimit.py): over it, a 429 with Retry-After;
2. for a change sent with an Idempotency-Key by an authenticated client: replays the stored answer, or refuses a
   reused key (422) or one in use (409), or lets the request run and stores its answer (idempotency.py);
3. adds the RateLimit fields, the resource's ETag (concurrency.py) and a deprecated route's headers to the answer.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import structlog
from fastapi import FastAPI
from starlette.datastructures import MutableHeaders
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from boligflyt.platform import concurrency, idempotency
from boligflyt.platform.apirequest import ApiRequest, current_api_request
from boligflyt.platform.auth import InvalidToken, Principal, SigningKeysUnavailable, TokenVerifier, from_this_machine
from boligflyt.platform.db import utcnow
from boligflyt.platform.deprecation import deprecation_headers
from boligflyt.platform.edge import RequestRefused
from boligflyt.platform.errors import DomainError, TooManyRequests
from boligflyt.platform.problems import PROBLEM_MEDIA_TYPE, ProblemDetails, domain_problem
from boligflyt.platform.ratelimit import RateLimiter

if TYPE_CHECKING:
    from boligflyt.platform.runtime import ServiceRuntime

log = structlog.get_logger(__name__)

EXEMPT_PATHS = frozenset({"/healthz", "/readyz", "/metrics"})
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


def install_client_api(app: FastAPI, runtime: ServiceRuntime) -> None:
    """Install before the request edge (so inside it: bodies are limited before this reads one)."""
    app.add_middleware(ClientApi, runtime=runtime)
    document_client_api(app, runtime)


class ClientApi:
    def __init__(self, app: ASGIApp, *, runtime: ServiceRuntime) -> None:
        self.app = app
        self.runtime = runtime
        self.limiter = RateLimiter(runtime.settings)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or _route_path(scope) in EXEMPT_PATHS:
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        principal = await self._principal(request)
        if principal is not None:
            quota = self.limiter.take(principal.actor, str(principal.agency))
        else:
            quota = self.limiter.take(f"address:{request.client.host if request.client else '-'}", "anonymous")
        rate_headers = quota.headers()
        if quota.exceeded:
            refusal = TooManyRequests(
                f"more than {quota.limit} requests in {quota.window_seconds} s; retry after {quota.reset_seconds} s",
                extra={"code": "rate_limited"},
            )
            headers = {**rate_headers, "Retry-After": str(quota.reset_seconds)}
            await domain_problem(refusal, request.url.path, headers)(scope, receive, send)
            return
        api = ApiRequest(
            service=self.runtime.definition.name,
            client=principal.actor if principal is not None else None,
            method=scope["method"],
            path=_route_path(scope),
        )
        token = current_api_request.set(api)
        try:
            key = request.headers.get(idempotency.HEADER)
            if key is not None and principal is not None and scope["method"] in UNSAFE_METHODS:
                await self._idempotent(scope, receive, send, api, key, rate_headers)
            else:
                await self.app(scope, receive, self._adding_headers(scope, send, api, rate_headers))
        finally:
            current_api_request.reset(token)

    async def _principal(self, request: Request) -> Principal | None:
        """The client the bearer token names, if it is valid (the route's own dependency answers a bad one)."""
        authorization = request.headers.get("authorization", "")
        scheme, _, credentials = authorization.partition(" ")
        verifier = getattr(self.runtime.app.state, "token_verifier", None)
        if scheme.lower() != "bearer" or not credentials or not isinstance(verifier, TokenVerifier):
            return None
        if verifier.development_secret and not from_this_machine(request):
            return None
        try:
            return await verifier.verify(credentials.strip())
        except (InvalidToken, SigningKeysUnavailable):
            return None

    def _adding_headers(self, scope: Scope, send: Send, api: ApiRequest, rate_headers: Mapping[str, str]) -> Send:
        async def sending(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in self._answer_headers(scope, api, message["status"], rate_headers).items():
                    if name not in headers:
                        headers[name] = value
            await send(message)

        return sending

    def _answer_headers(
        self, scope: Scope, api: ApiRequest, status: int, rate_headers: Mapping[str, str]
    ) -> dict[str, str]:
        headers = dict(rate_headers)
        if api.resource is not None and api.version is not None and (200 <= status < 300 or status == 412):
            headers["ETag"] = concurrency.etag(api.version)
        route = scope.get("route")
        if route is not None:
            headers.update(deprecation_headers(route, self.runtime.settings.api_changelog_url))
        return headers

    async def _idempotent(
        self, scope: Scope, receive: Receive, send: Send, api: ApiRequest, key: str, rate_headers: Mapping[str, str]
    ) -> None:
        path = _route_path(scope)
        if not idempotency.valid_key(key):
            problem = domain_problem(
                _BadKey(
                    f"{idempotency.HEADER} must be 1-{idempotency.MAX_KEY_LENGTH} visible ASCII characters",
                    extra={"code": "idempotency_key_invalid"},
                ),
                scope["path"],
                rate_headers,
            )
            await problem(scope, receive, send)
            return
        try:
            body = await _read_body(receive)
        except RequestRefused as refused:
            await refused.problem(scope, receive, send)
            return
        api.idempotency_key = key
        api.fingerprint = idempotency.fingerprint(scope["method"], path, scope.get("query_string", b""), body)
        database = self.runtime.database
        now = utcnow()
        assert api.client is not None
        async with database.autocommit_sessions() as session:
            stored = await idempotency.find(session, api.client, key, now)
        if stored is not None:
            answer = self._stored(stored, key, now)
            if isinstance(answer, DomainError):
                await domain_problem(answer, scope["path"], rate_headers)(scope, receive, send)
                return
            answer.headers.update(rate_headers)
            await answer(scope, receive, send)
            return
        # The answer is held back until it is stored: a client that got it gets the same again on a retry.
        held: list[Message] = []

        async def holding(message: Message) -> None:
            held.append(message)

        await self.app(scope, _replaying(body, receive), self._adding_headers(scope, holding, api, rate_headers))
        if api.key_claimed and held and held[0]["type"] == "http.response.start":
            start = held[0]
            content = b"".join(m.get("body", b"") for m in held[1:] if m["type"] == "http.response.body")
            headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in start.get("headers", [])}
            try:
                async with database.write_turn(), database.sessions() as session:
                    await idempotency.store_answer(session, api, start["status"], headers, content, utcnow())
                    await session.commit()
            except Exception:
                # The change is made; a retry is told so (idempotency_answer_lost) rather than making it again.
                log.exception("idempotency.answer_not_stored", path=path)
        for message in held:
            await send(message)

    def _stored(self, stored: idempotency.StoredKey, key: str, now: Any) -> Response | DomainError:
        api = current_api_request.get()
        assert api is not None
        if stored.fingerprint != api.fingerprint:
            return idempotency.key_reused(key)
        if stored.status_code is None:
            created = stored.created_at if stored.created_at.tzinfo else stored.created_at.replace(tzinfo=now.tzinfo)
            if (now - created).total_seconds() > idempotency.ANSWER_GRACE_SECONDS:
                return idempotency.answer_lost(key)
            return idempotency.key_in_use(key)
        return Response(
            content=stored.body or b"", status_code=stored.status_code, headers=idempotency.replay_headers(stored)
        )


class _BadKey(DomainError):
    status = 400
    slug = "idempotency-key-invalid"
    default_title = "Invalid Idempotency-Key"


async def _read_body(receive: Receive) -> bytes:
    chunks = []
    while True:
        message = await receive()
        if message["type"] != "http.request":
            break
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            break
    return b"".join(chunks)


def _replaying(body: bytes, receive: Receive) -> Receive:
    """A `receive` that gives the body read already, then waits on the client as before (for a disconnect)."""
    given = False

    async def replay() -> Message:
        nonlocal given
        if not given:
            given = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


def _route_path(scope: Scope) -> str:
    path: str = scope["path"]
    root_path: str = scope.get("root_path", "")
    return path[len(root_path) :] if root_path and path.startswith(root_path) else path


# --- OpenAPI ------------------------------------------------------------------------------------------------

_PROBLEM = {PROBLEM_MEDIA_TYPE: {"schema": ProblemDetails.model_json_schema(mode="serialization")}}
_ETAG = {"$ref": "#/components/headers/ETag"}


def document_client_api(app: FastAPI, runtime: ServiceRuntime) -> None:
    """Add the headers and answers above to the app's OpenAPI: Idempotency-Key on every change, If-Match and ETag
    on the versioned resources' operations, 412/428, and a deprecated operation's headers."""
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is not None:
            return app.openapi_schema
        schema = generate()
        _document(schema, runtime)
        return schema

    app.openapi = openapi  # type: ignore[method-assign]


def _document(schema: dict[str, Any], runtime: ServiceRuntime) -> None:
    components = schema.setdefault("components", {})
    components.setdefault("parameters", {}).update(
        {
            "IdempotencyKey": {
                "name": idempotency.HEADER,
                "in": "header",
                "required": False,
                "description": (
                    "Makes a retry safe: the first answer to a change sent with this key is kept for "
                    f"{runtime.settings.idempotency_ttl_seconds // 3600} h and given again to a retry with the "
                    "same key and request (with Idempotent-Replayed: true), which changes nothing. The same key "
                    "with another request is a 422, a retry while the first is running a 409. Keys are per client."
                ),
                "schema": {"type": "string", "pattern": f"^[!-~]{{1,{idempotency.MAX_KEY_LENGTH}}}$"},
            },
            "IfMatch": {
                "name": "If-Match",
                "in": "header",
                "required": runtime.settings.require_if_match,
                "description": (
                    "The resource's ETag as last read: the change is made only if the resource is still at that "
                    "version, else a 412 carrying the current one and nothing changes."
                ),
                "schema": {"type": "string", "maxLength": 1000},
            },
        }
    )
    components.setdefault("headers", {}).update(
        {
            "ETag": {"description": "The resource's version, for If-Match", "schema": {"type": "string"}},
            "Deprecation": {"description": "Since when it is deprecated (RFC 9745)", "schema": {"type": "string"}},
            "Sunset": {"description": "When the operation goes (RFC 8594)", "schema": {"type": "string"}},
        }
    )
    versioned = set(runtime.definition.versioned)
    for path, operations in schema.get("paths", {}).items():
        resource = any("{" + name + "}" in path for name in versioned)
        representation = any(path.endswith("{" + name + "}") for name in versioned)
        for method, operation in operations.items():
            if not isinstance(operation, dict) or "responses" not in operation:
                continue
            method = method.upper()
            parameters = operation.setdefault("parameters", [])
            named = {str(p.get("name", "")).lower() for p in parameters if isinstance(p, dict)}
            successes = [r for status, r in operation["responses"].items() if str(status).startswith("2")]
            if method in UNSAFE_METHODS and idempotency.HEADER.lower() not in named:
                parameters.append({"$ref": "#/components/parameters/IdempotencyKey"})
            if resource and (representation or method in UNSAFE_METHODS):
                for response in successes:
                    response.setdefault("headers", {})["ETag"] = _ETAG
                if method in UNSAFE_METHODS:
                    parameters.append({"$ref": "#/components/parameters/IfMatch"})
                    operation["responses"]["412"] = {
                        "description": "If-Match names an older version: nothing changed (current_version given)",
                        "content": _PROBLEM,
                        "headers": {"ETag": _ETAG},
                    }
                    operation["responses"]["428"] = {
                        "description": "If-Match is required for this change (where the deployment requires it)",
                        "content": _PROBLEM,
                    }
            if operation.get("x-sunset") or operation.get("deprecated"):
                for response in successes:
                    response.setdefault("headers", {}).update(
                        {
                            "Deprecation": {"$ref": "#/components/headers/Deprecation"},
                            "Sunset": {"$ref": "#/components/headers/Sunset"},
                        }
                    )
            if not parameters:
                del operation["parameters"]
