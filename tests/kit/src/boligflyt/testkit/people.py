"""Synthetic people for tests, the demo's checks and benchmarks: fødselsnumre with valid check digits that belong
to nobody."""

from __future__ import annotations

import random
from datetime import date

from boligflyt.platform.personref import with_check_digits


def national_id(birth: date, serial: int = 0) -> str:
    """A number for someone born on `birth`: the first valid individual number from `serial` on (0-999)."""
    for n in range(serial, serial + 1000):
        if number := with_check_digits(f"{birth:%d%m%y}{n % 1000:03d}"):
            return number
    raise AssertionError(f"no valid number for {birth}")


def random_person(rng: random.Random | None = None) -> tuple[date, str]:
    """Someone born 1950-1999 (individual numbers 000-499 belong to those years) and their number."""
    rng = rng or random.Random()
    while True:
        birth = date(rng.randint(1950, 1999), rng.randint(1, 12), rng.randint(1, 28))
        if number := with_check_digits(f"{birth:%d%m%y}{rng.randint(0, 499):03d}"):
            return birth, number
