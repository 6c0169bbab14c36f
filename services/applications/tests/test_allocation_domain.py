"""Allocation rules: a suitable dwelling (§ 12), priority (§ 10) with the time in temporary housing, the committee's
recommendation and its decision."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from boligflyt.applications import domain
from boligflyt.applications.domain import (
    Candidate,
    DwellingFit,
    DwellingToAllocate,
    Household,
    Needs,
    TemporaryStay,
)
from boligflyt.contracts.codes import ApplicationKind, DwellingCategory, DwellingStatus, PriorityFactor
from boligflyt.platform.errors import Conflict, RuleViolation

TODAY = date(2015, 3, 2)


def needs(
    adults: int = 1,
    children: int = 0,
    own: int = 0,
    *,
    bedrooms: int = 0,
    kind: ApplicationKind = ApplicationKind.RENTAL,
    accessible: bool = False,
    staffed: bool = False,
    areas: tuple[str, ...] = (),
) -> Needs:
    return Needs(kind, Household(adults, children, own), bedrooms, accessible, staffed, areas)


def dwelling(
    bedrooms: int,
    *,
    dwelling_id: str = "dw-1",
    category: DwellingCategory = DwellingCategory.ORDINARY,
    accessible: bool = False,
    staffed: bool = False,
    area: str | None = "SENTRUM",
) -> DwellingFit:
    return DwellingFit(dwelling_id, category, bedrooms, accessible, staffed, area)


def candidate(
    application_id: str,
    factors: tuple[PriorityFactor, ...] = (),
    *,
    wants: Needs | None = None,
    approved_on: date = date(2015, 1, 5),
    stay: TemporaryStay | None = None,
) -> Candidate:
    return Candidate(application_id, approved_on, factors, wants or needs(), stay)


# --- The bedroom norm (§ 12) -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("adults", "children", "own", "least", "most"),
    [
        (1, 0, 0, 0, 1),  # a single person: a studio or a one-bedroom flat
        (2, 0, 0, 0, 1),  # a couple: the same
        (1, 1, 0, 1, 2),  # a small household cannot expect a bedroom each
        (1, 2, 0, 2, 3),  # the adult's room and the children sharing one
        (2, 4, 0, 2, 5),  # four children must expect to share a room
        (2, 5, 0, 3, 6),  # the fifth needs another room
        (2, 3, 1, 3, 4),  # a child who needs a room of its own gets one
        (3, 0, 0, 1, 2),  # a third adult shares a room
        (4, 0, 0, 1, 3),
    ],
)
def test_the_bedroom_norm(adults: int, children: int, own: int, least: int, most: int) -> None:
    household = Household(adults, children, own)
    assert domain.minimum_bedrooms(household) == least
    assert domain.maximum_bedrooms(household) == most


def test_a_single_fits_a_studio_and_a_one_bedroom_flat_but_not_a_family_flat() -> None:
    single = needs()
    assert domain.mismatches(single, dwelling(0)) == []
    assert domain.mismatches(single, dwelling(1)) == []
    assert domain.mismatches(single, dwelling(2)) == ["2 bedrooms is more than 1 adult can use (at most 1 bedroom)"]


def test_a_family_does_not_fit_a_studio_and_a_documented_need_raises_the_least() -> None:
    assert domain.mismatches(needs(2, 2), dwelling(1)) == [
        "1 bedroom is too small for 2 adults and 2 children (at least 2 bedrooms)"
    ]
    assert domain.mismatches(needs(1, bedrooms=1), dwelling(0)) == [
        "a studio is too small for 1 adult (at least 1 bedroom)"
    ]


def test_physical_adaptation_and_staffing_are_needs_area_wishes_are_not() -> None:
    assert domain.mismatches(needs(accessible=True), dwelling(1)) == [
        "the household needs a physically adapted (accessible) dwelling"
    ]
    assert domain.mismatches(needs(accessible=True), dwelling(1, accessible=True)) == []
    assert domain.mismatches(
        needs(kind=ApplicationKind.STAFFED, staffed=True), dwelling(1, category=DwellingCategory.STAFFED)
    ) == ["the household needs a staffed dwelling"]
    assert domain.mismatches(needs(areas=("STAVERN",)), dwelling(1, area="SENTRUM")) == []


# --- Priority (§ 10) -------------------------------------------------------------------------------------


def test_the_decisive_factor_outweighs_every_other_factor_and_the_longest_stay_together() -> None:
    others = [
        f for f in PriorityFactor if f not in (PriorityFactor.CANNOT_FIND_ALTERNATIVE, PriorityFactor.HEAD_LEASE_ENDING)
    ]
    longest = TemporaryStay(TODAY - timedelta(days=200), limit_warned=True)
    everything_else = domain.priority(others, longest, TODAY).score
    assert domain.priority([PriorityFactor.CANNOT_FIND_ALTERNATIVE], None, TODAY).score > everything_else


def test_no_fixed_address_weighs_most_of_the_other_factors() -> None:
    weight = domain.FACTOR_WEIGHT
    assert weight[PriorityFactor.NO_FIXED_ADDRESS] > weight[PriorityFactor.NOTICE_TO_QUIT]
    assert weight[PriorityFactor.NOTICE_TO_QUIT] > weight[PriorityFactor.RISK_OF_LOSING_HOME]
    assert weight[PriorityFactor.RISK_OF_LOSING_HOME] > weight[PriorityFactor.UNSUITABLE_DWELLING]


def test_time_in_temporary_housing_raises_priority_and_says_why() -> None:
    factors = [PriorityFactor.NO_FIXED_ADDRESS, PriorityFactor.CANNOT_FIND_ALTERNATIVE]
    without = domain.priority(factors, None, TODAY)
    day_30 = domain.priority(factors, TemporaryStay(TODAY - timedelta(days=30)), TODAY)
    day_60 = domain.priority(factors, TemporaryStay(TODAY - timedelta(days=60), limit_warned=True), TODAY)
    day_120 = domain.priority(factors, TemporaryStay(TODAY - timedelta(days=120), limit_warned=True), TODAY)
    assert without.score == 240
    assert day_30.score == 250  # a point per 3 days
    assert day_60.score == 240 + 20 + 30  # and more once NAV warned that the limit nears
    assert day_120.score == 240 + 30 + 30  # the days count up to the limit
    assert (
        day_60.explanation[-2] == f"60 days in temporary housing since {(TODAY - timedelta(days=60)).isoformat()} (+20)"
    )
    assert day_60.explanation[-1] == "NAV warned the stay nears the 90-day limit (+30)"
    assert without.explanation == ("cannot_find_alternative (+200)", "no_fixed_address (+40)")


def test_a_homeless_household_rises_past_one_with_a_notice_as_its_stay_lengthens() -> None:
    homeless = (PriorityFactor.NO_FIXED_ADDRESS, PriorityFactor.CANNOT_FIND_ALTERNATIVE)
    notice = (PriorityFactor.CANNOT_FIND_ALTERNATIVE, PriorityFactor.NOTICE_TO_QUIT, PriorityFactor.RISK_OF_LOSING_HOME)
    early = [candidate("app-notice", notice), candidate("app-stay", homeless, stay=TemporaryStay(TODAY))]
    assert [r.candidate.application_id for r in domain.rank_waiting_list(early, TODAY)] == ["app-notice", "app-stay"]
    later = TODAY + timedelta(days=61)
    warned = [candidate("app-notice", notice), candidate("app-stay", homeless, stay=TemporaryStay(TODAY, True))]
    assert [r.candidate.application_id for r in domain.rank_waiting_list(warned, later)] == ["app-stay", "app-notice"]


factors = st.lists(st.sampled_from(list(PriorityFactor)), unique=True, max_size=4).map(tuple)
stays = st.none() | st.builds(
    TemporaryStay, started_on=st.dates(min_value=date(2014, 10, 1), max_value=TODAY), limit_warned=st.booleans()
)
households = st.builds(
    lambda adults, children, own: Household(adults, children, min(own, children)),
    st.integers(1, 3),
    st.integers(0, 6),
    st.integers(0, 2),
)
wants = st.builds(
    Needs,
    kind=st.sampled_from(list(ApplicationKind)),
    household=households,
    bedrooms=st.integers(0, 2),
    accessible=st.booleans(),
    staffed=st.booleans(),
    areas=st.lists(st.sampled_from(["SENTRUM", "STAVERN", "KVELDE"]), unique=True, max_size=2).map(tuple),
)
pools = st.lists(
    st.builds(
        Candidate,
        application_id=st.uuids().map(str),
        approved_on=st.dates(min_value=date(2014, 1, 1), max_value=date(2015, 2, 28)),
        priority_factors=factors,
        needs=wants,
        stay=stays,
    ),
    max_size=15,
)
fits = st.builds(
    DwellingFit,
    dwelling_id=st.just("dw-1"),
    category=st.sampled_from(list(DwellingCategory)),
    bedrooms=st.integers(min_value=0, max_value=5),
    accessible=st.booleans(),
    staffed=st.booleans(),
    area_code=st.sampled_from([None, "SENTRUM", "STAVERN"]),
)


@given(pools)
def test_ranking_orders_by_priority_then_date(pool: list[Candidate]) -> None:
    ranked = domain.rank_waiting_list(pool, TODAY)
    assert sorted(r.candidate.application_id for r in ranked) == sorted(c.application_id for c in pool)
    assert [r.rank for r in ranked] == list(range(1, len(pool) + 1))
    for higher, lower in itertools.pairwise(ranked):
        assert higher.score >= lower.score
        if higher.score == lower.score:
            assert higher.candidate.approved_on <= lower.candidate.approved_on
        if PriorityFactor.HEAD_LEASE_ENDING in lower.candidate.priority_factors:
            assert PriorityFactor.HEAD_LEASE_ENDING in higher.candidate.priority_factors
    for r in ranked:
        assert r.explanation[-1].startswith("approved ")


@given(pools, st.integers(min_value=0, max_value=20), st.integers(min_value=1, max_value=20))
def test_a_page_of_the_waiting_list_is_that_slice_of_the_whole(pool: list[Candidate], offset: int, limit: int) -> None:
    page = domain.waiting_list_page(pool, TODAY, offset=offset, limit=limit)
    assert page == domain.rank_waiting_list(pool, TODAY)[offset : offset + limit]


@given(pools, fits)
def test_matching_takes_exactly_the_households_the_dwelling_suits(pool: list[Candidate], fit: DwellingFit) -> None:
    matched = domain.match(fit, pool, TODAY)
    for c in pool:
        low, high = c.needs.bedroom_range
        suits_size = low <= fit.bedrooms <= high
        suits_needs = (fit.accessible or not c.needs.accessible) and (fit.staffed or not c.needs.staffed)
        named = c.application_id in {r.candidate.application_id for r in matched}
        if named:
            assert suits_size and suits_needs
        elif suits_size and suits_needs:
            assert any("not for a" in reason for reason in domain.mismatches(c.needs, fit))
    for higher, lower in itertools.pairwise(matched):
        assert higher.score >= lower.score
        if higher.score == lower.score and domain.in_wished_area(lower.candidate.needs, fit):
            assert domain.in_wished_area(higher.candidate.needs, fit)
        assert higher.explanation[-1] != "" and any(line.startswith("fits: ") for line in higher.explanation)


# --- The committee's recommendation and decision ------------------------------------------------------------


def to_allocate(
    fit: DwellingFit, status: DwellingStatus = DwellingStatus.READY, expected: date | None = None
) -> DwellingToAllocate:
    return DwellingToAllocate(fit, status, expected)


def test_the_most_urgent_household_is_proposed_for_the_dwelling_ready_first() -> None:
    studio_now = to_allocate(dwelling(0, dwelling_id="dw-studio"))
    flat_later = to_allocate(
        dwelling(1, dwelling_id="dw-flat"), DwellingStatus.NOTICE_GIVEN, TODAY + timedelta(days=30)
    )
    family_flat = to_allocate(
        dwelling(3, dwelling_id="dw-family"), DwellingStatus.RENOVATING, TODAY + timedelta(days=9)
    )
    pool = [
        candidate("app-single-low", (PriorityFactor.UNSUITABLE_DWELLING,)),
        candidate("app-single-urgent", (PriorityFactor.CANNOT_FIND_ALTERNATIVE,)),
        candidate("app-family", (PriorityFactor.NOTICE_TO_QUIT,), wants=needs(2, 3)),
    ]
    advice = domain.recommend([flat_later, family_flat, studio_now], pool, TODAY)
    assert [a.dwelling.fit.dwelling_id for a in advice] == ["dw-studio", "dw-family", "dw-flat"]
    proposed = {a.dwelling.fit.dwelling_id: a.proposed.candidate.application_id if a.proposed else None for a in advice}
    assert proposed == {"dw-studio": "app-single-urgent", "dw-family": "app-family", "dw-flat": "app-single-low"}
    studio = advice[0]
    assert [r.candidate.application_id for r in studio.ranked] == ["app-single-urgent", "app-single-low"]


def test_a_dwelling_nobody_fits_proposes_nobody() -> None:
    advice = domain.recommend([to_allocate(dwelling(4))], [candidate("app-1")], TODAY)
    assert advice[0].ranked == () and advice[0].proposed is None


def test_the_committee_may_deviate_from_the_proposal_with_a_reason() -> None:
    pool = [candidate("app-first", (PriorityFactor.CANNOT_FIND_ALTERNATIVE,)), candidate("app-second")]
    [advice] = domain.recommend([to_allocate(dwelling(0))], pool, TODAY)
    assert domain.check_committee_choice(advice, "app-first", needs(), None).rank == 1
    with pytest.raises(RuleViolation) as refused:
        domain.check_committee_choice(advice, "app-second", needs(), "  ")
    assert refused.value.code == "deviation_reason_required"
    assert refused.value.extra["proposed_application_id"] == "app-first"
    chosen = domain.check_committee_choice(advice, "app-second", needs(), "Nærhet til skole for barna.")
    assert chosen.rank == 2


def test_the_committee_cannot_allocate_a_dwelling_that_does_not_suit() -> None:
    [advice] = domain.recommend([to_allocate(dwelling(0))], [candidate("app-1")], TODAY)
    with pytest.raises(RuleViolation) as refused:
        domain.check_committee_choice(advice, "app-family", needs(2, 2), "wanted")
    assert refused.value.code == "unsuitable_dwelling"
    assert refused.value.extra["reasons"] == ["a studio is too small for 2 adults and 2 children (at least 2 bedrooms)"]


@pytest.mark.parametrize("status", [*domain.COMING_VACANT, DwellingStatus.READY])
def test_a_dwelling_ready_or_coming_vacant_is_allocated(status: DwellingStatus) -> None:
    domain.check_allocatable("dw-1", status, has_open_offer=False, allocated=False)


@pytest.mark.parametrize("status", [DwellingStatus.LET, DwellingStatus.RESERVED, DwellingStatus.WITHDRAWN])
def test_a_let_reserved_or_withdrawn_dwelling_is_not(status: DwellingStatus) -> None:
    with pytest.raises(Conflict) as refused:
        domain.check_allocatable("dw-1", status, has_open_offer=False, allocated=False)
    assert refused.value.extra["current_state"] == status.value


def test_a_letting_round_begins_at_notice_and_lasts_until_the_next_let() -> None:
    assert domain.starts_letting_round(DwellingStatus.LET, DwellingStatus.NOTICE_GIVEN)
    assert domain.starts_letting_round(DwellingStatus.LET, DwellingStatus.VACANT)
    assert not domain.starts_letting_round(DwellingStatus.NOTICE_GIVEN, DwellingStatus.VACANT)
    assert not domain.starts_letting_round(DwellingStatus.RENOVATING, DwellingStatus.READY)
    assert domain.starts_letting_round(DwellingStatus.RESERVED, DwellingStatus.READY)


def test_the_move_in_follows_a_slipping_ready_date_only() -> None:
    planned = date(2015, 4, 1)
    assert domain.move_in_follows(planned, date(2015, 4, 8)) == date(2015, 4, 8)
    assert domain.move_in_follows(planned, date(2015, 3, 25)) is None  # sooner: the agreed day stands
    assert domain.move_in_follows(None, date(2015, 4, 8)) is None


def test_nobody_moves_into_a_dwelling_before_it_is_ready() -> None:
    domain.check_dwelling_ready_for_move_in("dw-1", DwellingStatus.READY, None)
    domain.check_dwelling_ready_for_move_in("dw-1", DwellingStatus.RESERVED, None)
    with pytest.raises(Conflict, match="expected ready on 2015-04-08"):
        domain.check_dwelling_ready_for_move_in("dw-1", DwellingStatus.RENOVATING, date(2015, 4, 8))
