"""Errors that domain and service code raise; problems.py turns them into problem+json.

Pure Python on purpose: domain modules import this and must stay free of web frameworks.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar


class DomainError(Exception):
    """A command was refused for a reason the caller can understand and act on.

    `slug` names the problem type (https://boligflyt.larvik.kommune.no/problems/<slug>); `extra` becomes
    extension members of the problem body, so it must hold JSON-friendly values.
    """

    status: ClassVar[int] = 400
    slug: ClassVar[str] = "bad-request"
    default_title: ClassVar[str] = "Bad request"

    def __init__(self, detail: str, *, title: str | None = None, extra: Mapping[str, Any] | None = None):
        super().__init__(detail)
        self.detail = detail
        self.title = title or self.default_title
        self.extra: dict[str, Any] = dict(extra or {})


class NotFound(DomainError):
    status = 404
    slug = "not-found"
    default_title = "Not found"


class Conflict(DomainError):
    """The command does not fit the aggregate's current state (e.g. an illegal state transition)."""

    status = 409
    slug = "conflict"
    default_title = "Conflict with the current state"

    def __init__(
        self,
        detail: str,
        *,
        current_state: str | None = None,
        title: str | None = None,
        extra: Mapping[str, Any] | None = None,
    ):
        super().__init__(detail, title=title, extra=extra)
        self.current_state = current_state
        if current_state is not None:
            self.extra["current_state"] = current_state


class RuleViolation(DomainError):
    """A business rule refused the command; `code` lets clients react without parsing prose."""

    status = 422
    slug = "rule-violation"
    default_title = "Business rule violated"

    def __init__(
        self,
        detail: str,
        *,
        code: str,
        title: str | None = None,
        extra: Mapping[str, Any] | None = None,
    ):
        super().__init__(detail, title=title, extra=extra)
        self.code = code
        self.extra["code"] = code


class Forbidden(DomainError):
    status = 403
    slug = "forbidden"
    default_title = "Forbidden"


class PreconditionFailed(DomainError):
    """If-Match named a version the resource no longer has: someone changed it since the client read it."""

    status = 412
    slug = "precondition-failed"
    default_title = "The resource has changed"


class PreconditionRequired(DomainError):
    """The route changes a versioned resource only with If-Match (settings.require_if_match)."""

    status = 428
    slug = "precondition-required"
    default_title = "If-Match is required"


class TooManyRequests(DomainError):
    status = 429
    slug = "too-many-requests"
    default_title = "Too many requests"
