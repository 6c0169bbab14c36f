"""A steady load of what the agencies do every day, through the public APIs, while a fault strikes.

Each operation is something one agency does (NAV places a person in a stay, Boligkontoret takes an application,
LKE makes a dwelling ready, NAV reports a housing need that the ordering function orders from LKE), chosen so that
another service consumes its events and reacts. The load records, for every request a service accepted, the
events that request must put on the topics, and for every operation all of whose requests were accepted, the
reaction it must cause elsewhere; `reckoning` checks both afterwards.

Only what a service accepted counts as done. A request retried after a connection error or a 5xx is one whose
repetition is harmless by design (a dwelling's external_ref, a need's source_ref); any other failed request
ends its operation there, as a clerk who got an error would stop and look.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import random
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import httpx
from e2e.agencies import DOCUMENTS, new_person
from e2e.system import System

from boligflyt.contracts.topics import topic_for
from boligflyt.platform.auth import Agency

APPLICATIONS = topic_for("applications")
TEMPORARY_HOUSING = topic_for("temporary-housing")
MAINTENANCE = topic_for("maintenance")
ORDERING = topic_for("ordering")

# One turn of the mix; repeated for as long as the load runs. Stays come first and most often: every
# application is for a person NAV has placed, and some stays end without one.
MIX = (
    "stay",
    "application",
    "ready_dwelling",
    "stay",
    "order",
    "stay",
    "application",
    "inspected_dwelling",
    "stay_end",
)
RETRIES = 3


class Refused(Exception):
    """A service answered a request with something other than what the operation needed."""

    def __init__(self, response: httpx.Response, detail: str = "") -> None:
        super().__init__(f"{response.request.method} {response.request.url.path}: {response.status_code} {detail}")
        self.status = response.status_code


@dataclass(frozen=True)
class Expected:
    """An event that must be on `topic` once: of type `name`, naming `ref` (its key or one of its ids)."""

    topic: str
    name: str
    ref: str


@dataclass
class Operation:
    """One thing an agency does, of one or more requests; `done` once every request was accepted."""

    kind: str
    started_at: float
    expected: list[Expected] = field(default_factory=list)
    ids: dict[str, str] = field(default_factory=dict)
    done: bool = False
    failure: str | None = None
    failed_with: str | None = None  # the status code, or the kind of error when there was no answer


@dataclass
class PlacedPerson:
    person: dict[str, str]
    stay_id: str


class Load:
    """`async with Load(system) as load:` runs the mix at `rate` operations a second until the block ends; then
    `load.operations` holds what was done."""

    def __init__(self, system: System, *, rate: float = 6.0, max_in_flight: int = 12) -> None:
        self.system = system
        self.rate = rate
        self.operations: list[Operation] = []
        self.requests = Counter[str]()  # "accepted", "failed", "retried"
        self._in_flight = asyncio.Semaphore(max_in_flight)
        self._tasks: set[asyncio.Task[None]] = set()
        self._driver: asyncio.Task[None] | None = None
        self._awaiting_application: list[PlacedPerson] = []
        self._to_end: list[PlacedPerson] = []
        self._stays = 0
        self.provider_id = ""  # NAV's provider with a quality agreement, from _prepare
        self.checklist: list[str] = []  # LKE's minimum standard, from _prepare
        self.nav = system.client("temporary-housing", Agency.nav, subject="nav-faults")
        self.nav_at_ordering = system.client("ordering", Agency.nav, subject="nav-faults")
        self.tbo = system.client("applications", Agency.boligkontoret, subject="tbo-faults")
        self.lke = system.client("maintenance", Agency.lke, subject="lke-faults")
        self.bestiller = system.client("ordering", Agency.bestiller, subject="bestiller-faults")
        self._clients = (self.nav, self.nav_at_ordering, self.tbo, self.lke, self.bestiller)

    async def __aenter__(self) -> Load:
        await self._prepare()
        self._driver = asyncio.create_task(self._drive())
        return self

    async def __aexit__(self, *_: object) -> None:
        await self.stop()

    async def stop(self) -> None:
        """Start no more operations; let those under way finish (requests time out, so they do)."""
        if self._driver is not None:
            self._driver.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._driver
            self._driver = None
        if self._tasks:
            await asyncio.gather(*self._tasks)
        for client in self._clients:
            await client.aclose()

    @property
    def today(self) -> date:
        return self.system.today()

    # --- the driver ----------------------------------------------------------------------------------------------

    async def _prepare(self) -> None:
        """What every operation builds on: a provider NAV may place people with, a programme year with budget."""
        provider = await self._accepted(
            self.nav,
            "/v1/providers",
            {
                "name": f"Pensjonat {uuid.uuid4().hex[:6]}",
                "kind": "pension",
                "address": "Storgata 7, 3256 Larvik",
                "owner_operator": "Pensjonat AS",
                "capacity": 500,
            },
        )
        self.provider_id = str(provider["provider_id"])
        await self._accepted(
            self.nav,
            f"/v1/providers/{self.provider_id}/agreements",
            {
                "valid_from": (self.today - timedelta(days=30)).isoformat(),
                "valid_to": (self.today + timedelta(days=365)).isoformat(),
                "price_per_night": 650,
            },
        )
        programme = await self.bestiller.post("/v1/programmes", json={"year": self.today.year})
        assert programme.status_code in (201, 409), programme.text  # 409: an earlier load made it
        checklist = await self.lke.get("/v1/inspection-checklist")
        assert checklist.status_code == 200, checklist.text
        self.checklist = [item["code"] for item in checklist.json()["items"]]

    async def _drive(self) -> None:
        interval = 1 / self.rate
        next_at = time.monotonic()
        for kind in itertools.cycle(MIX):
            await self._in_flight.acquire()
            task = asyncio.create_task(self._perform(kind))
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)
            # Behind schedule (a slow moment), the next operation starts at once, but no burst makes up for it.
            next_at = max(next_at + interval, time.monotonic())
            await asyncio.sleep(next_at - time.monotonic())

    async def _perform(self, kind: str) -> None:
        operation = Operation(kind, time.monotonic())
        self.operations.append(operation)
        try:
            await getattr(self, f"_{kind}")(operation)
            operation.done = True
        except (Refused, httpx.HTTPError) as exc:
            operation.failure = f"{type(exc).__name__}: {exc}"[:300]
            operation.failed_with = str(exc.status) if isinstance(exc, Refused) else type(exc).__name__
        finally:
            self._in_flight.release()

    async def _request(
        self, client: httpx.AsyncClient, path: str, body: dict[str, Any], *, retry: bool
    ) -> httpx.Response:
        """POST and return the response; with `retry`, again after a connection error or a 5xx."""
        for attempt in itertools.count(1):
            try:
                response = await client.post(path, json=body)
            except httpx.TransportError:
                if not retry or attempt >= RETRIES:
                    self.requests["failed"] += 1
                    raise
                self.requests["retried"] += 1
                await asyncio.sleep(0.5 * attempt)
                continue
            if response.status_code >= 500 and retry and attempt < RETRIES:
                self.requests["retried"] += 1
                await asyncio.sleep(0.5 * attempt)
                continue
            return response
        raise AssertionError("unreachable")

    async def _accepted(
        self, client: httpx.AsyncClient, path: str, body: dict[str, Any], *, retry: bool = False
    ) -> dict[str, Any]:
        response = await self._request(client, path, body, retry=retry)
        if not response.is_success:
            self.requests["failed"] += 1
            raise Refused(response, response.text[:200])
        self.requests["accepted"] += 1
        result: dict[str, Any] = response.json()
        return result

    # --- NAV: temporary stays --------------------------------------------------------------------------------------

    async def _stay(self, operation: Operation) -> None:
        person = new_person()
        today = self.today.isoformat()
        stay = await self._accepted(
            self.nav,
            "/v1/stays",
            {
                "person": person,
                "adults": 1,
                "children": 0,
                "cause": "eviction",
                "decision_date": today,
                "provider_id": self.provider_id,
                "start_date": today,
            },
        )
        stay_id = operation.ids["stay"] = stay["stay_id"]
        operation.expected.append(Expected(TEMPORARY_HOUSING, "stay.started", stay_id))
        self._stays += 1
        # Every third stay ends without an application; the others wait for Boligkontoret's.
        placed = PlacedPerson(person, stay_id)
        (self._to_end if self._stays % 3 == 0 else self._awaiting_application).append(placed)

    async def _stay_end(self, operation: Operation) -> None:
        if not self._to_end:
            operation.kind = "stay"
            return await self._stay(operation)
        placed = self._to_end.pop(0)
        operation.ids["stay"] = placed.stay_id
        body = {"end_date": self.today.isoformat(), "reason": "private_rental"}
        await self._accepted(self.nav, f"/v1/stays/{placed.stay_id}/end", body)
        operation.expected.append(Expected(TEMPORARY_HOUSING, "stay.ended", placed.stay_id))

    # --- Boligkontoret: applications --------------------------------------------------------------------------------

    async def _application(self, operation: Operation) -> None:
        """A person NAV has placed applies at Boligkontoret; NAV links the application to the stay by its event."""
        if not self._awaiting_application:
            operation.kind = "stay"
            return await self._stay(operation)
        placed = self._awaiting_application.pop(0)
        operation.ids["stay"] = placed.stay_id
        applicant = await self._accepted(
            self.tbo, "/v1/applicants", {"national_id": placed.person["national_id"], "name": placed.person["name"]}
        )
        await self._accepted(
            self.tbo,
            f"/v1/applicants/{applicant['id']}/consents",
            {"signed_on": self.today.isoformat(), "scope": ["collect_information"]},
        )
        application = await self._accepted(
            self.tbo,
            "/v1/applications",
            {
                "applicant_id": applicant["id"],
                "kind": "rental",
                "household": {"adults": 1, "children": 0},
                "needs": {"bedrooms": 1},
                "priority_factors": [],
                "ownership_check": {"able_to_buy": False},
                "documents_received": DOCUMENTS,
            },
        )
        application_id = operation.ids["application"] = application["id"]
        operation.expected += [
            Expected(APPLICATIONS, "application.submitted", application_id),
            Expected(TEMPORARY_HOUSING, "stay.application_linked", placed.stay_id),
        ]

    # --- LKE: dwellings -------------------------------------------------------------------------------------------

    async def _register_dwelling(self, operation: Operation, status: str) -> str:
        """Registered once however often it is sent: a second registration of the external_ref is refused."""
        external_ref = f"F-FAULT-{uuid.uuid4().hex[:10]}"
        body = {
            "external_ref": external_ref,
            "address": f"Torget {random.randint(1, 99)}, 3256 Larvik",
            "category": "ordinary",
            "owner": "lke",
            "rooms": 3,
            "bedrooms": 2,
            "monthly_rent": 8_400,
            "status": status,
        }
        response = await self._request(self.lke, "/v1/dwellings", body, retry=True)
        if response.status_code == 409:  # a retry after the first attempt was done, its answer lost
            found = await self.lke.get("/v1/dwellings", params={"external_ref": external_ref})
            items = found.json()["items"] if found.status_code == 200 else []
            if not items:
                self.requests["failed"] += 1
                raise Refused(response, f"but {external_ref} is not registered")
            dwelling_id = str(items[0]["id"])
        elif response.status_code == 201:
            dwelling_id = str(response.json()["id"])
        else:
            self.requests["failed"] += 1
            raise Refused(response, response.text[:200])
        self.requests["accepted"] += 1
        operation.ids["dwelling"] = dwelling_id
        operation.expected.append(Expected(MAINTENANCE, "dwelling.registered", dwelling_id))
        return dwelling_id

    async def _ready_dwelling(self, operation: Operation) -> None:
        """A dwelling registered ready for letting: Boligkontoret may offer it, the ordering function counts it."""
        await self._register_dwelling(operation, "ready")

    async def _inspected_dwelling(self, operation: Operation) -> None:
        """A vacant dwelling inspected against the minimum standard and made ready for letting."""
        dwelling_id = await self._register_dwelling(operation, "vacant")
        inspection = await self._accepted(
            self.lke, f"/v1/dwellings/{dwelling_id}/inspections", {"planned_on": self.today.isoformat()}
        )
        operation.expected.append(Expected(MAINTENANCE, "inspection.booked", dwelling_id))
        await self._accepted(
            self.lke,
            f"/v1/inspections/{inspection['id']}/result",
            {
                "inspector": "LKE faults",
                "results": [{"item": item, "passed": True} for item in self.checklist],
                "readiness": {
                    "photographs": [f"photos/{dwelling_id}/kitchen.jpg"],
                    "meter_number": f"M-{uuid.uuid4().hex[:8]}",
                    "meter_reading_kwh": 12_345,
                },
            },
        )
        operation.expected += [
            Expected(MAINTENANCE, "inspection.completed", dwelling_id),
            Expected(MAINTENANCE, "dwelling.ready_for_letting", dwelling_id),
        ]

    # --- NAV reports a need, the ordering function orders from LKE -------------------------------------------------

    async def _order(self, operation: Operation) -> None:
        """NAV reports a need (its source_ref makes a retry safe); the ordering function prioritises it and
        places an order, and LKE opens an acquisition project for the order by itself."""
        need = await self._accepted(
            self.nav_at_ordering,
            "/v1/needs",
            {
                "quantity": 1,
                "dwelling_type": "ordinary",
                "bedrooms": 2,
                "target_group": "homeless",
                "wanted_by": (self.today + timedelta(days=180)).isoformat(),
                "justification": "A household in temporary accommodation needs a dwelling.",
                "source_ref": f"nav-faults-{uuid.uuid4().hex[:12]}",
                "reported_by": "nav",
            },
            retry=True,
        )
        need_id = operation.ids["need"] = need["need_id"]
        operation.expected.append(Expected(ORDERING, "need.reported", need_id))
        await self._accepted(
            self.bestiller,
            f"/v1/needs/{need_id}/prioritise",
            {"programme_year": self.today.year, "budget_line": "disadvantaged_dwellings"},
        )
        operation.expected.append(Expected(ORDERING, "need.prioritised", need_id))
        order = await self._accepted(
            self.bestiller,
            "/v1/orders",
            {
                "need_ids": [need_id],
                "dwellings": 1,
                "estimated_cost": 50_000,
                "due_date": (self.today + timedelta(days=180)).isoformat(),
            },
        )
        order_id = operation.ids["order"] = order["order_id"]
        operation.expected += [
            Expected(ORDERING, "order.placed", order_id),
            Expected(MAINTENANCE, "acquisition.stage_changed", order_id),
        ]
