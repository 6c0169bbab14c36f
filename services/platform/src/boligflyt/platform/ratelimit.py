"""Per-client rate limits, advertised with the IETF draft's RateLimit-Policy and RateLimit fields.

A client is a token's agency and subject; requests without a token count per address. Each agency's quota per
window comes from settings (`rate_limits`, else `rate_limit_default`), so a deployment sets what each
agency's systems may plan for. Windows are fixed and kept per process: behind several replicas a client
may make that many requests per replica.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass

from boligflyt.platform.settings import Settings

# Windows kept before the ended ones are dropped.
MAX_CLIENTS = 10_000


@dataclass(frozen=True)
class Quota:
    policy: str  # the policy's name in the fields: the agency, or "anonymous"
    limit: int
    window_seconds: int
    remaining: int
    reset_seconds: int  # until the window ends

    @property
    def exceeded(self) -> bool:
        return self.remaining < 0

    def headers(self) -> dict[str, str]:
        return {
            "RateLimit-Policy": f'"{self.policy}";q={self.limit};w={self.window_seconds}',
            "RateLimit": f'"{self.policy}";r={max(self.remaining, 0)};t={self.reset_seconds}',
        }


class RateLimiter:
    def __init__(self, settings: Settings, *, clock: Callable[[], float] = time.monotonic) -> None:
        self._window = settings.rate_limit_window_seconds
        self._default = settings.rate_limit_default
        self._limits = dict(settings.rate_limits)
        self._clock = clock
        self._windows: dict[str, tuple[float, int]] = {}  # client -> (window start, requests in it)

    def limit_of(self, policy: str) -> int:
        return self._limits.get(policy, self._default)

    def take(self, client: str, policy: str) -> Quota:
        """Count one request of `client`; its quota afterwards (`exceeded` when over the limit)."""
        now = self._clock()
        start, used = self._windows.get(client, (now, 0))
        if now - start >= self._window:
            start, used = now, 0
        used += 1
        if len(self._windows) >= MAX_CLIENTS and client not in self._windows:
            self._windows = {c: w for c, w in self._windows.items() if now - w[0] < self._window}
        self._windows[client] = (start, used)
        limit = self.limit_of(policy)
        reset = max(1, math.ceil(start + self._window - now))
        return Quota(policy, limit, self._window, limit - used, reset)
