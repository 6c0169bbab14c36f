"""Made-up people of Larvik: names, synthetic national ids, addresses. None of them exists."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

FIRST_NAMES = (
    "Kari", "Ola", "Ingrid", "Lars", "Sigrid", "Per", "Marit", "Knut", "Nora", "Jonas", "Emma", "Magnus", "Sofie",
    "Henrik", "Ida", "Anders", "Hilde", "Eirik", "Tone", "Bjørn", "Amina", "Ahmad", "Fatima", "Yonas", "Selam",
    "Mohammed", "Layla", "Piotr", "Agnieszka", "Tomas", "Aida", "Omar", "Hanne", "Trond", "Linn", "Vidar",
)  # fmt: skip
LAST_NAMES = (
    "Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen", "Nilsen", "Kristiansen", "Jensen", "Karlsen",
    "Berg", "Haugen", "Hagen", "Bakken", "Lie", "Moen", "Dahl", "Svendsen", "Halvorsen", "Tveit", "Hussein",
    "Ali", "Tesfaye", "Haile", "Nowak", "Kowalski", "Rahimi", "Abdi", "Stavem", "Kvelde", "Nordby",
)  # fmt: skip
STREETS = (
    "Storgata", "Prinsegata", "Kongegata", "Nansetgata", "Jegersborggata", "Torstrandgata", "Stavernsveien",
    "Hoffsgate", "Tjøllingveien", "Kveldeveien", "Langestrand", "Hammerdalen", "Øyaveien", "Helgeroaveien",
    "Bøkeskogveien", "Jordfallet", "Kaupangveien", "Amundrødveien", "Frichsgate", "Nedre Fritzøegate",
)  # fmt: skip
# Neighbourhood codes: the same in LKE's register, the waiting list's area wishes and the dashboard.
ZONES = ("SENTRUM", "TORSTRAND", "LANGESTRAND", "NANSET", "STAVERN", "TJOLLING", "KVELDE", "HEDRUM")

_WEIGHTS_K1 = (3, 7, 6, 1, 8, 9, 4, 5, 2)
_WEIGHTS_K2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)
_FIRST_BIRTH = date(1940, 1, 1)
_BIRTH_DAYS = 365 * 66  # born 1940-2005


def _check_digit(digits: str, weights: tuple[int, ...]) -> int | None:
    digit = (11 - sum(int(d) * w for d, w in zip(digits, weights, strict=True)) % 11) % 11
    return None if digit == 10 else digit


@dataclass(frozen=True)
class Person:
    national_id: str
    name: str
    birth_date: date


def person(serial: int, rng: random.Random) -> Person:
    """The `serial`-th made-up person: a unique synthetic national id (month + 80, the convention for synthetic
    numbers, so it can never be a real person's) with valid check digits."""
    birth_date = _FIRST_BIRTH + timedelta(days=(serial * 7919) % _BIRTH_DAYS)
    month = birth_date.month + 80
    # Serials sharing a birth date get separate blocks of individual numbers, so ids never repeat.
    block = (serial // _BIRTH_DAYS) % 100 * 10
    for individual in range(block, block + 10):
        base = f"{birth_date.day:02d}{month:02d}{birth_date.year % 100:02d}{individual:03d}"
        k1 = _check_digit(base, _WEIGHTS_K1)
        k2 = None if k1 is None else _check_digit(base + str(k1), _WEIGHTS_K2)
        if k1 is not None and k2 is not None:
            name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
            return Person(national_id=f"{base}{k1}{k2}", name=name, birth_date=birth_date)
    raise ValueError(f"no valid synthetic national id for serial {serial}")


def address(rng: random.Random) -> str:
    return f"{rng.choice(STREETS)} {rng.randint(1, 120)}"


def postal_address(rng: random.Random) -> str:
    return f"{address(rng)}, 3260 Larvik"
