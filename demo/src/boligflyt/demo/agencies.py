"""The agencies of Larvik at their desks: one HTTP client per service and agency, each with its own token, and the
typed client generated from the service's OpenAPI document (`boligflyt.client`) over the same connection."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Awaitable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Protocol, TypeVar

import httpx

from boligflyt.client import applications, maintenance, ordering, temporary_housing
from boligflyt.platform.auth import Agency, mint_token
from boligflyt.platform.clock import SystemClock
from boligflyt.platform.oidc import DEVELOPMENT_CLIENT_SECRET, ClientCredentials, provider_client
from boligflyt.platform.runtime import BearerFrom
from boligflyt.platform.settings import Settings

SERVICES = ("applications", "temporary-housing", "maintenance", "ordering", "dashboard")
# Each agency's system at the identity provider, when there is one: the client of the service the agency owns
# (the coordinator's is the dashboard's), as deploy/mock-oauth2/config.json gives them their roles.
AGENCY_CLIENTS = {
    Agency.boligkontoret: provider_client("applications"),
    Agency.nav: provider_client("temporary-housing"),
    Agency.lke: provider_client("maintenance"),
    Agency.bestiller: provider_client("ordering"),
    Agency.coordinator: provider_client("dashboard"),
}
CLOCK_PATH = "/_demo/clock"
# The generated client of each service a desk works at.
TYPED_CLIENTS: dict[str, Any] = {
    "applications": applications.AuthenticatedClient,
    "temporary-housing": temporary_housing.AuthenticatedClient,
    "maintenance": maintenance.AuthenticatedClient,
    "ordering": ordering.AuthenticatedClient,
}

T = TypeVar("T")


def embedded_urls(base_url: str) -> dict[str, str]:
    """Every service of the embedded host at /<name>; the dashboard at / (and the demo clock there too)."""
    root = base_url.rstrip("/")
    urls = {name: f"{root}/{name}" for name in SERVICES}
    urls["dashboard"] = root
    urls["host"] = root
    return urls


class ApiError(RuntimeError):
    def __init__(self, what: str, status_code: int, body: str) -> None:
        self.status_code = status_code
        self.body = body
        super().__init__(f"{what} -> {status_code}: {body}")


class Endpoint(Protocol):
    """An endpoint module of the generated client (`boligflyt.client.applications.api.offers.make_offer`)."""

    __name__: str

    async def asyncio_detailed(self, *args: Any, **kwargs: Any) -> Any: ...


def as_json(parsed: Any) -> Any:
    """What the generated client parsed, as the JSON the service sent (the demo keeps its records as dicts)."""
    if parsed is None:
        return None
    return [item.to_dict() for item in parsed] if isinstance(parsed, list) else parsed.to_dict()


@dataclass
class Desk:
    """One agency's client for one service: `do` calls the typed client's endpoints, `get` reads plainly."""

    client: httpx.AsyncClient
    api: Any = None  # the service's generated AuthenticatedClient, over `client`

    async def call(self, method: str, path: str, **kwargs: Any) -> Any:
        response = await self.client.request(method, path, **kwargs)
        if response.status_code >= 400:
            raise ApiError(f"{response.request.method} {response.request.url}", response.status_code, response.text)
        return response.json() if response.content else None

    async def do(self, endpoint: Endpoint, *args: Any, **kwargs: Any) -> Any:
        """Call an endpoint of the generated client at this desk: its answer as JSON, or ApiError."""
        response = await endpoint.asyncio_detailed(*args, client=self.api, **kwargs)
        if response.status_code >= 400:
            what = f"{endpoint.__name__.rsplit('.', 1)[-1]}{tuple(args) or ''}"
            raise ApiError(what, int(response.status_code), response.content.decode(errors="replace"))
        return as_json(response.parsed)

    async def try_do(self, endpoint: Endpoint, *args: Any, **kwargs: Any) -> Any | None:
        """A step of the simulation that the system may refuse (a rule, a race): None when it does."""
        try:
            return await self.do(endpoint, *args, **kwargs)
        except ApiError as error:
            if error.status_code >= 500:
                raise
            return None

    async def get(self, path: str, **params: Any) -> Any:
        return await self.call("GET", path, params={k: v for k, v in params.items() if v is not None})

    async def post(self, path: str, body: Any = None, **kwargs: Any) -> Any:
        return await self.call("POST", path, json=body if body is not None else {}, **kwargs)

    async def total(self, path: str, **params: Any) -> int:
        page = await self.get(path, limit=1, **params)
        return int(page["total"])

    async def all(self, path: str, **params: Any) -> list[dict[str, Any]]:
        """Every item of a paginated list."""
        items: list[dict[str, Any]] = []
        while True:
            page = await self.get(path, limit=500, offset=len(items), **params)
            items.extend(page["items"])
            if not page["items"] or len(items) >= page["total"]:
                return items


@dataclass
class Larvik:
    """The desks the demo works at: Boligkontoret, NAV, LKE, the ordering function and a coordinator."""

    boligkontoret: Desk
    nav: Desk
    lke: Desk
    bestiller: Desk
    coordinator_applications: Desk
    host: Desk | None
    clients: list[httpx.AsyncClient] = field(default_factory=list)
    # Bounds concurrent requests: SQLite serialises writes anyway, and a host on two cores is easily swamped.
    limit: asyncio.Semaphore = field(default_factory=lambda: asyncio.Semaphore(8))

    async def gather(self, calls: Iterable[Awaitable[T]]) -> list[T]:
        async def bounded(call: Awaitable[T]) -> T:
            async with self.limit:
                return await call

        return list(await asyncio.gather(*(bounded(call) for call in calls)))

    async def wait_until_ready(self, timeout_seconds: float = 60.0) -> None:
        """Wait for every desk's service to answer /readyz (a host that has just been started migrates first)."""
        deadline = asyncio.get_running_loop().time() + timeout_seconds
        for desk in (self.boligkontoret, self.nav, self.lke, self.bestiller):
            while True:
                try:
                    if (await desk.client.get("/readyz")).status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                if asyncio.get_running_loop().time() > deadline:
                    raise RuntimeError(f"{desk.client.base_url} is not ready after {timeout_seconds:.0f} s")
                await asyncio.sleep(0.5)

    async def today(self) -> date:
        """The services' today: the demo clock's when the host has one, else the wall clock's."""
        if self.host is not None:
            with contextlib.suppress(ApiError, httpx.HTTPError):
                return date.fromisoformat((await self.host.get(CLOCK_PATH))["today"])
        return SystemClock().today()

    async def can_move_time(self) -> bool:
        if self.host is None:
            return False
        try:
            await self.host.get(CLOCK_PATH)
        except (ApiError, httpx.HTTPError):
            return False
        return True

    async def advance(self, days: int) -> date:
        if self.host is None:
            raise RuntimeError("the host has no demo clock")
        reading = await self.host.post(f"{CLOCK_PATH}/advance", {"days": days})
        return date.fromisoformat(reading["today"])

    async def advance_to(self, day: date) -> date:
        today = await self.today()
        return await self.advance((day - today).days) if day > today else today


@contextlib.asynccontextmanager
async def open_larvik(
    base_urls: dict[str, str],
    settings: Settings,
    *,
    transport: httpx.AsyncBaseTransport | None = None,
    concurrency: int = 8,
) -> AsyncIterator[Larvik]:
    """Clients for every desk; `transport` lets tests call an app in-process (httpx.ASGITransport).

    With an identity provider (settings.jwt_discovery_url) each agency's desks carry its system's token from
    there (client credentials, renewed as it nears expiry); without one, a development token signed here."""
    clients: list[httpx.AsyncClient] = []
    machine_tokens: dict[Agency, ClientCredentials] = {}

    def desk(service: str, agency: Agency, subject: str) -> Desk:
        headers: dict[str, str] = {}
        auth: httpx.Auth | None = None
        if settings.jwt_discovery_url:
            if agency not in machine_tokens:
                machine_tokens[agency] = ClientCredentials(
                    settings.jwt_discovery_url, AGENCY_CLIENTS[agency], DEVELOPMENT_CLIENT_SECRET
                )
            auth = BearerFrom(machine_tokens[agency])
        else:
            token = mint_token(settings, subject=subject, agency=agency, ttl_seconds=12 * 3600)
            headers["Authorization"] = f"Bearer {token}"
        client = httpx.AsyncClient(
            base_url=base_urls[service],
            headers=headers,
            auth=auth,
            timeout=httpx.Timeout(60.0),
            transport=transport,
        )
        clients.append(client)
        typed = TYPED_CLIENTS.get(service)
        # The connection carries the token (a development token's header, or the provider's renewing auth).
        api = None if typed is None else typed(base_url=base_urls[service], token="").set_async_httpx_client(client)
        return Desk(client, api)

    larvik = Larvik(
        boligkontoret=desk("applications", Agency.boligkontoret, "demo-caseworker"),
        nav=desk("temporary-housing", Agency.nav, "demo-nav-adviser"),
        lke=desk("maintenance", Agency.lke, "demo-lke-manager"),
        bestiller=desk("ordering", Agency.bestiller, "demo-ordering-officer"),
        coordinator_applications=desk("applications", Agency.coordinator, "demo-coordinator"),
        host=desk("host", Agency.coordinator, "demo-coordinator") if "host" in base_urls else None,
        clients=clients,
        limit=asyncio.Semaphore(concurrency),
    )
    try:
        yield larvik
    finally:
        for client in clients:
            await client.aclose()


def days_after(day: date, days: int) -> str:
    return (day + timedelta(days=days)).isoformat()
