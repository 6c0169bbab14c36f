"""Routes scheduled to go: `Deprecation` (RFC 9745), `Sunset` (RFC 8594) and a `Link` to the API's changelog.

    @router.get("/v1/old", openapi_extra=retiring(deprecated_on=date(2026, 12, 8), sunset_on=date(2027, 6, 30)))

marks the operation `deprecated` in OpenAPI with `x-deprecated-on` and `x-sunset`, and every answer of the
route carries the three headers (client_api.py adds them). A route given only FastAPI's `deprecated=True` gets
the Link. The policy is in docs/api-changelog.md.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from email.utils import format_datetime
from typing import Any


def retiring(*, deprecated_on: date, sunset_on: date) -> dict[str, Any]:
    """`openapi_extra` of a route scheduled to go: deprecated since one day, gone after another."""
    if sunset_on <= deprecated_on:
        raise ValueError("a route's sunset must come after its deprecation")
    return {"deprecated": True, "x-deprecated-on": deprecated_on.isoformat(), "x-sunset": sunset_on.isoformat()}


def deprecation_headers(route: Any, changelog_url: str) -> dict[str, str]:
    """The headers of an answer of `route` (the matched route), none when it is not deprecated."""
    extra: dict[str, Any] = getattr(route, "openapi_extra", None) or {}
    if not (getattr(route, "deprecated", False) or extra.get("deprecated")):
        return {}
    headers = {"Link": f'<{changelog_url}>; rel="deprecation"; type="text/html"'}
    if deprecated_on := extra.get("x-deprecated-on"):
        since = datetime.combine(date.fromisoformat(deprecated_on), time(), UTC)
        headers["Deprecation"] = f"@{int(since.timestamp())}"  # a structured field Date
    if sunset_on := extra.get("x-sunset"):
        # The end of the sunset day (UTC): the route answers until then.
        gone = datetime.combine(date.fromisoformat(sunset_on), time(23, 59, 59), UTC)
        headers["Sunset"] = format_datetime(gone, usegmt=True)
    return headers
