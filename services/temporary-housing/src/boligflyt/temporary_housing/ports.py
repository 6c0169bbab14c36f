"""What NAV needs from other services' APIs, as ports, with HTTP adapters over the service client.

The adapters follow the other services' APIs as they stood when this was written:
- applications (Boligkontoret): `POST /v1/applicants` (201 for NAV whether the person was registered before or
  not: the same answer either way), `POST /v1/applicants/{id}/consents`, then `POST /v1/applications` -> 201
  `{"id", "submitted_on", ...}`;
- ordering: `POST /v1/needs` -> 201 `{"need_id", ...}` (200 with the same need when `source_ref` was sent before).
The request bodies are built in the `*_payload` functions below. Tests plug in fakes by setting
`app.state.housing_applications` / `app.state.housing_orders` on the service's app.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, ClassVar, Protocol

import httpx

from boligflyt.platform.errors import DomainError
from boligflyt.platform.runtime import ServiceRuntime


class UpstreamError(DomainError):
    """Another service refused or failed a call NAV made on the user's behalf."""

    status: ClassVar[int] = 502
    slug: ClassVar[str] = "upstream-error"
    default_title: ClassVar[str] = "Another service did not accept the request"


@dataclass(frozen=True)
class ApplicationRequest:
    """NAV applies to Boligkontoret for the person in a stay (the applicant's identity goes over REST, service to
    service, never on the bus)."""

    stay_id: str
    national_id: str
    name: str
    birth_date: date
    adults: int
    children: int
    submitted_on: date
    bedrooms_needed: int | None
    accessible_needed: bool = False
    consent_signed_on: date | None = None


@dataclass(frozen=True)
class SubmittedApplication:
    application_id: str
    submitted_on: date


class HousingApplications(Protocol):
    async def submit_for(self, request: ApplicationRequest) -> SubmittedApplication: ...


@dataclass(frozen=True)
class HousingOrderRequest:
    settlement_id: str
    adults: int
    children: int
    category: str
    bedrooms_needed: int
    accessible_needed: bool
    needed_by: date
    ordered_on: date


class HousingOrders(Protocol):
    async def order_housing(self, request: HousingOrderRequest) -> str:
        """Returns the ordering function's need id."""
        ...


def applicant_payload(request: ApplicationRequest) -> dict[str, Any]:
    return {"national_id": request.national_id, "name": request.name}


def consent_payload(request: ApplicationRequest) -> dict[str, Any]:
    return {
        "signed_on": (request.consent_signed_on or request.submitted_on).isoformat(),
        "scope": ["collect_information", "share_with_nav"],
    }


def application_payload(request: ApplicationRequest, applicant_id: str) -> dict[str, Any]:
    return {
        "applicant_id": applicant_id,
        "kind": "rental",
        "household": {"adults": request.adults, "children": request.children},
        "needs": {"bedrooms": request.bedrooms_needed, "accessible": request.accessible_needed},
        # Temporary accommodation (sosialtjenesteloven § 27) is for those who cannot find a place themselves: the
        # person has no fixed address and no way to find a dwelling alone, the decisive factor of § 10.
        "priority_factors": ["no_fixed_address", "cannot_find_alternative"],
        "referrer": "nav",
        "referrer_case_ref": request.stay_id,
        # Boligkontoret checks ownership first for every application; NAV states what it knows.
        "ownership_check": {"able_to_buy": False, "note": "In NAV temporary accommodation (sosialtjenesteloven § 27)."},
    }


def need_payload(request: HousingOrderRequest) -> dict[str, Any]:
    """One dwelling for one household; `source_ref` makes a re-sent order return the need already reported."""
    return {
        "quantity": 1,
        "dwelling_type": "ordinary",
        "target_group": "refugees",
        "service_needs": "follow_up" if request.category == "unaccompanied_minor" else "none",
        "wanted_by": request.needed_by.isoformat(),
        "justification": f"Settlement of a refugee household ({request.category}: {request.adults} adults, "
        f"{request.children} children) planned for {request.needed_by.isoformat()}.",
        "source_ref": request.settlement_id,
        "bedrooms": request.bedrooms_needed,
        "accessible": request.accessible_needed,
        "reported_by": "nav_intro",
    }


def _refused(service: str, response: httpx.Response) -> UpstreamError:
    try:
        detail = response.json().get("detail")
    except ValueError:
        detail = None
    return UpstreamError(
        f"{service} answered {response.status_code}" + (f": {detail}" if detail else ""),
        extra={"upstream_service": service, "upstream_status": response.status_code},
    )


class HttpHousingApplications:
    def __init__(self, runtime: ServiceRuntime) -> None:
        self.runtime = runtime

    async def submit_for(self, request: ApplicationRequest) -> SubmittedApplication:
        try:
            async with self.runtime.service_client("applications") as client:
                # Registered before or not, NAV gets the same 201 (Boligkontoret does not tell NAV whom it holds).
                applicant = await client.post("/v1/applicants", json=applicant_payload(request))
                if applicant.status_code >= 300:
                    raise _refused("applications", applicant)
                applicant_id = str(applicant.json()["id"])
                consent = await client.post(f"/v1/applicants/{applicant_id}/consents", json=consent_payload(request))
                if consent.status_code >= 300:
                    raise _refused("applications", consent)
                response = await client.post("/v1/applications", json=application_payload(request, applicant_id))
        except httpx.HTTPError as exc:
            raise UpstreamError(f"the applications service cannot be reached: {type(exc).__name__}") from exc
        if response.status_code >= 300:
            raise _refused("applications", response)
        body = response.json()
        return SubmittedApplication(
            application_id=str(body["id"]),
            submitted_on=date.fromisoformat(body.get("submitted_on") or request.submitted_on.isoformat()),
        )


class HttpHousingOrders:
    def __init__(self, runtime: ServiceRuntime) -> None:
        self.runtime = runtime

    async def order_housing(self, request: HousingOrderRequest) -> str:
        try:
            async with self.runtime.service_client("ordering") as client:
                response = await client.post("/v1/needs", json=need_payload(request))
        except httpx.HTTPError as exc:
            raise UpstreamError(f"the ordering service cannot be reached: {type(exc).__name__}") from exc
        if response.status_code >= 300:
            raise _refused("ordering", response)
        return str(response.json()["need_id"])


def housing_applications(runtime: ServiceRuntime) -> HousingApplications:
    port: HousingApplications | None = getattr(runtime.app.state, "housing_applications", None)
    return port or HttpHousingApplications(runtime)


def housing_orders(runtime: ServiceRuntime) -> HousingOrders:
    port: HousingOrders | None = getattr(runtime.app.state, "housing_orders", None)
    return port or HttpHousingOrders(runtime)
