"""Where a receiver URL leads: its host resolved, every address checked, and the request pinned to the address
that was checked.

A check by spelling lets `https://2130706433/`, `127.1`, `0x7f.0.0.1` or a name whose DNS answer is loopback
through, and a check of one DNS answer followed by a connection that resolves again lets the answer change in
between (DNS rebinding). So the host is resolved once per attempt, by the system's resolver (which reads every
spelling the connection would), each address is checked, and the request goes to the checked address itself,
with the URL's host kept for the Host header and for TLS (SNI and the certificate's name).
"""

from __future__ import annotations

import asyncio
import socket
from dataclasses import dataclass, field
from typing import Any

import httpx

from boligflyt.integrations import domain
from boligflyt.platform.errors import RuleViolation

# A resolver that does not answer within this long is as good as a host that does not resolve.
RESOLVE_TIMEOUT_SECONDS = 5.0


async def resolve(host: str, port: int) -> list[str]:
    """The addresses the system's resolver gives for `host`, in its order of preference, each once."""
    loop = asyncio.get_running_loop()
    infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


@dataclass(frozen=True)
class PinnedRequest:
    """A receiver URL with its host replaced by the checked address, and what keeps the name for the receiver."""

    url: httpx.URL
    headers: dict[str, str]
    extensions: dict[str, Any] = field(default_factory=dict)


async def pin(url: str, *, production: bool) -> PinnedRequest:
    """Resolve the receiver's host and check its addresses (in production only globally routable ones); raises
    `RuleViolation` (`internal-url`, `unresolvable-url`, or the URL's spelling) when nothing may be sent."""
    parsed = _parse(url, production=production)
    host = parsed.raw_host.decode("ascii")  # IDNA-encoded, without the brackets of an IPv6 literal
    port = parsed.port or (443 if parsed.scheme == "https" else 80)
    try:
        async with asyncio.timeout(RESOLVE_TIMEOUT_SECONDS):
            # Looked up through the module, so a test can stand in for DNS.
            answers = await resolve(host, port)
    except (OSError, UnicodeError, TimeoutError):
        answers = []  # refused below as a host that does not resolve
    address = domain.check_addresses(answers, production=production)
    extensions: dict[str, Any] = {}
    if parsed.scheme == "https" and host != address:
        extensions["sni_hostname"] = host
    return PinnedRequest(
        url=parsed.copy_with(host=address),
        headers={"host": parsed.netloc.decode("ascii")},
        extensions=extensions,
    )


async def check_receiver_url(url: str, *, production: bool) -> str:
    """A receiver URL fit to register: its spelling, and in production where its host resolves to now (the
    delivery checks again at every attempt; development and tests deliver to receivers on this machine)."""
    _parse(url, production=production)
    if production:
        await pin(url, production=production)
    return url


def _parse(url: str, *, production: bool) -> httpx.URL:
    domain.check_url(url, production=production)
    try:
        return httpx.URL(url)
    except httpx.InvalidURL as exc:  # e.g. `0177.0.0.1`, which the client would not send to either
        raise RuleViolation(f"{url!r} is not a URL a request can go to: {exc}", code="invalid-url") from exc
