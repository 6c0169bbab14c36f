"""What Boligkontoret needs from other services' APIs, as ports, with HTTP adapters over the service client.

- maintenance (LKE's dwelling register): `GET /v1/dwellings/{id}` -> `{"address", "rooms", "floor_area_m2", ...}`.
  A dwelling's address never travels on the bus (docs/domain.md, "Persons in events"), but a letter names the
  dwelling by it, so Boligkontoret asks LKE's register for it (job `dwelling_descriptions`).

Tests plug in a fake by setting `app.state.dwelling_register` on the service's app.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

import httpx

from boligflyt.platform.errors import DomainError
from boligflyt.platform.runtime import ServiceRuntime


class RegisterUnavailable(DomainError):
    """LKE's dwelling register did not answer: the description is asked for again on the next run."""

    status = 502
    slug = "upstream-error"
    default_title = "LKE's dwelling register did not answer"


@dataclass(frozen=True)
class DwellingDescription:
    """What a letter names a dwelling by, from LKE's register."""

    address: str
    rooms: int | None
    floor_area_m2: int | None


class DwellingRegister(Protocol):
    async def describe(self, dwelling_id: str) -> DwellingDescription | None:
        """The dwelling's address and size; None when LKE has no such dwelling."""
        ...


class HttpDwellingRegister:
    def __init__(self, runtime: ServiceRuntime) -> None:
        self.runtime = runtime

    async def describe(self, dwelling_id: str) -> DwellingDescription | None:
        try:
            async with self.runtime.service_client("maintenance") as client:
                response = await client.get(f"/v1/dwellings/{dwelling_id}")
        except httpx.HTTPError as exc:
            raise RegisterUnavailable(f"maintenance could not be reached: {exc}") from exc
        if response.status_code == 404:
            return None
        if not response.is_success:
            raise RegisterUnavailable(f"maintenance answered {response.status_code} for dwelling {dwelling_id}")
        try:
            body = response.json()
            address = str(body["address"])[:200]
            rooms, area = body.get("rooms"), body.get("floor_area_m2")
        except (ValueError, KeyError, TypeError) as exc:
            raise RegisterUnavailable(f"maintenance's answer is not a dwelling: {exc}") from exc
        return DwellingDescription(
            address=address,
            rooms=rooms if isinstance(rooms, int) else None,
            floor_area_m2=area if isinstance(area, int) else None,
        )


def dwelling_register(runtime: ServiceRuntime) -> DwellingRegister:
    port: DwellingRegister | None = getattr(runtime.app.state, "dwelling_register", None)
    return port or HttpDwellingRegister(runtime)
