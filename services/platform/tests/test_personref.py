"""National identity number validation (mod 11 check digits) and the person_ref pseudonym."""

from __future__ import annotations

import hashlib
import hmac
import re
from datetime import date

import pytest

from boligflyt.platform import personref
from boligflyt.platform.personref import person_ref, validate_national_id

KEY = "shared-agency-key"


def with_check_digits(first_nine: str) -> str | None:
    """The 11-digit number for these 9 digits, computed straight from the published algorithm;
    None when a check digit would be 10 (no such number is issued)."""
    digits = [int(d) for d in first_nine]
    k1 = 11 - sum(d * w for d, w in zip(digits, [3, 7, 6, 1, 8, 9, 4, 5, 2], strict=True)) % 11
    k1 = 0 if k1 == 11 else k1
    if k1 == 10:
        return None
    k2 = 11 - sum(d * w for d, w in zip([*digits, k1], [5, 4, 3, 2, 7, 6, 5, 4, 3, 2], strict=True)) % 11
    k2 = 0 if k2 == 11 else k2
    if k2 == 10:
        return None
    return f"{first_nine}{k1}{k2}"


def synthetic_numbers(born: date, *, d_number: bool = False, count: int = 3) -> list[str]:
    """The first `count` valid numbers for a birth date (D-numbers add 4 to the first digit)."""
    day = born.day + (40 if d_number else 0)
    prefix = f"{day:02d}{born.month:02d}{born.year % 100:02d}"
    numbers = []
    for individual in range(500, 1000):  # 500-749 and beyond: born 1940-2039
        number = with_check_digits(f"{prefix}{individual:03d}")
        if number:
            numbers.append(number)
        if len(numbers) == count:
            break
    return numbers


BIRTH_DATES = [date(1990, 1, 1), date(2001, 2, 28), date(2012, 12, 31), date(1985, 7, 15)]
VALID = [n for born in BIRTH_DATES for n in synthetic_numbers(born)]
VALID_D = [n for born in BIRTH_DATES for n in synthetic_numbers(born, d_number=True)]


def test_generated_numbers_look_right() -> None:
    assert len(VALID) == len(VALID_D) == 12
    assert all(re.fullmatch(r"\d{11}", n) for n in VALID + VALID_D)
    assert all(int(n[0]) >= 4 for n in VALID_D)


@pytest.mark.parametrize("number", VALID + VALID_D)
def test_valid_numbers_pass(number: str) -> None:
    assert validate_national_id(number) == number


def test_whitespace_is_normalised_away() -> None:
    number = VALID[0]
    assert validate_national_id(f" {number[:6]} {number[6:]}\n") == number


@pytest.mark.parametrize("number", VALID[:4] + VALID_D[:2])
def test_every_single_digit_change_is_caught(number: str) -> None:
    for position in range(11):
        for digit in "0123456789":
            if digit == number[position]:
                continue
            mutated = number[:position] + digit + number[position + 1 :]
            with pytest.raises(ValueError, match="check digits"):
                validate_national_id(mutated)


def test_swapped_check_digits_are_caught() -> None:
    number = next(n for n in VALID if n[9] != n[10])
    with pytest.raises(ValueError, match="check digits"):
        validate_national_id(number[:9] + number[10] + number[9])


def test_a_number_whose_check_digit_would_be_ten_is_refused() -> None:
    nine = next(f"010190{i:03d}" for i in range(1000) if with_check_digits(f"010190{i:03d}") is None)
    for last_two in ("00", "10", "99"):
        with pytest.raises(ValueError):
            validate_national_id(nine + last_two)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("0101901234", "11 digits, got 10"),
        ("010190123456", "11 digits, got 12"),
        ("", "11 digits, got 0"),
        ("0101901234a", "only digits"),
        ("01019O12345", "only digits"),
        ("٠١٠١٩٠١٢٣٤٥", "only digits"),  # Arabic-Indic digits are digits to str.isdigit, not to us
        ("010190-12345", "only digits"),
        (1019012345, "string"),
        (None, "string"),
    ],
)
def test_malformed_input_is_refused_clearly(value: object, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        validate_national_id(value)


def test_error_messages_never_repeat_the_number() -> None:
    bad = VALID[0][:10] + str((int(VALID[0][10]) + 1) % 10)
    with pytest.raises(ValueError) as caught:
        validate_national_id(bad)
    assert bad not in str(caught.value)


def test_person_ref_is_keyed_hmac_sha256_of_the_normalised_number() -> None:
    number = VALID[0]
    expected = hmac.new(KEY.encode(), number.encode(), hashlib.sha256).hexdigest()
    assert person_ref(number, KEY) == expected
    assert re.fullmatch(r"[0-9a-f]{64}", expected)
    assert person_ref(f"{number[:6]} {number[6:]}", KEY) == expected  # same person, however written


def test_person_ref_links_people_only_under_the_same_key() -> None:
    assert person_ref(VALID[0], KEY) != person_ref(VALID[1], KEY)
    assert person_ref(VALID[0], KEY) != person_ref(VALID[0], "another-key")


def test_person_ref_refuses_invalid_numbers_and_empty_keys() -> None:
    with pytest.raises(ValueError):
        person_ref("12345678901", KEY)
    with pytest.raises(ValueError, match="key"):
        person_ref(VALID[0], "")


def test_the_platform_completes_numbers_as_the_published_algorithm_does() -> None:
    for individual in range(1000):
        first_nine = f"010190{individual:03d}"
        assert personref.with_check_digits(first_nine) == with_check_digits(first_nine), first_nine
