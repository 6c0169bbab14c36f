"""Webhook signing secrets sealed at rest: what the database holds is a Fernet token (AES-128-CBC with
HMAC-SHA256, from the `cryptography` package), so a copy of the database or a backup signs nothing.

Several keys make rotation possible (MultiFernet): the first seals, every one opens, and `reseal` moves a sealed
secret to the first key. To rotate: put a new key first and keep the old one after it, run `reseal-secrets`,
then drop the old key.
"""

from __future__ import annotations

from collections.abc import Sequence

from cryptography.fernet import Fernet, InvalidToken, MultiFernet


class SecretUnreadable(RuntimeError):
    """A stored secret that none of the configured keys opens: the key that sealed it was dropped too soon."""

    def __init__(self) -> None:
        super().__init__("a webhook secret is sealed with a key BOLIGFLYT_INTEGRATIONS_SECRET_KEYS no longer holds")


def parse_keys(keys: str) -> list[str]:
    """`new,old` -> the keys in order; each must be a Fernet key (32 bytes in URL-safe base64)."""
    parsed = [key.strip() for key in keys.split(",") if key.strip()]
    if not parsed:
        raise ValueError("at least one key is needed")
    for key in parsed:
        Fernet(key)  # raises ValueError for what is not a Fernet key
    return parsed


class SecretCipher:
    def __init__(self, keys: Sequence[str]) -> None:
        self._fernet = MultiFernet([Fernet(key) for key in keys])

    def seal(self, secret: str) -> str:
        return self._fernet.encrypt(secret.encode()).decode("ascii")

    def open(self, sealed: str) -> str:
        try:
            return self._fernet.decrypt(sealed.encode("ascii")).decode()
        except InvalidToken as exc:
            raise SecretUnreadable() from exc

    def reseal(self, sealed: str) -> str:
        """The same secret sealed with the first key (unchanged in substance: receivers notice nothing)."""
        try:
            return self._fernet.rotate(sealed.encode("ascii")).decode("ascii")
        except InvalidToken as exc:
            raise SecretUnreadable() from exc
