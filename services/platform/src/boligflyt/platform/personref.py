"""Pseudonymous person references for events (docs/domain.md, "Persons in events").

A `person_ref` is a keyed HMAC of the national identity number: agencies that share the key can link the
same person across services, while the events themselves never say who it is. Error messages here never
repeat the number, because they end up in problem bodies and logs.
"""

from __future__ import annotations

import hashlib
import hmac
from typing import Annotated

from fastapi import Query

# What a person_ref looks like: the hex digest below.
PERSON_REF_PATTERN = r"^[0-9a-f]{64}$"

# A list's `?person_ref=` filter, the same in every service: one person's cases without naming the person.
PersonRefQuery = Annotated[
    str | None,
    Query(pattern=PERSON_REF_PATTERN, description="Only this person's (the pseudonym events carry)."),
]

_WEIGHTS_K1 = (3, 7, 6, 1, 8, 9, 4, 5, 2)
_WEIGHTS_K2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)


def _check_digit(digits: str, weights: tuple[int, ...]) -> int | None:
    """Mod-11 check digit over `digits`; None where the remainder makes no valid digit (10)."""
    remainder = sum(int(d) * w for d, w in zip(digits, weights, strict=True)) % 11
    check = (11 - remainder) % 11
    return None if check == 10 else check


def with_check_digits(first_nine: str) -> str | None:
    """`first_nine` (birth date and individual number) completed with its two check digits, or None where no valid
    number begins so: for synthetic people in tests, the demo and benchmarks."""
    k1 = _check_digit(first_nine, _WEIGHTS_K1)
    if k1 is None:
        return None
    k2 = _check_digit(first_nine + str(k1), _WEIGHTS_K2)
    return None if k2 is None else f"{first_nine}{k1}{k2}"


def validate_national_id(value: object) -> str:
    """The normalised 11 digits of a Norwegian fødselsnummer or D-number; ValueError if it is not one.

    Spaces are allowed (people write "010190 12345"). Only the check digits are verified, not the date,
    so synthetic test numbers (month + 40 or + 80) pass as well.
    """
    if not isinstance(value, str):
        raise ValueError("national identity number must be a string of 11 digits")
    digits = "".join(value.split())
    if any(char not in "0123456789" for char in digits):  # str.isdigit would admit "²" and "٣"
        raise ValueError("national identity number must contain only digits")
    if len(digits) != 11:
        raise ValueError(f"national identity number must have 11 digits, got {len(digits)}")
    k1 = _check_digit(digits[:9], _WEIGHTS_K1)
    k2 = _check_digit(digits[:10], _WEIGHTS_K2)
    if k1 is None or k2 is None or int(digits[9]) != k1 or int(digits[10]) != k2:
        raise ValueError("national identity number has invalid check digits")
    return digits


def person_ref(national_id: str, key: str) -> str:
    """HMAC-SHA256 (hex) of the validated, normalised number under the shared key."""
    if not key:
        raise ValueError("person_ref needs a non-empty key")
    digits = validate_national_id(national_id)
    return hmac.new(key.encode(), digits.encode("ascii"), hashlib.sha256).hexdigest()
