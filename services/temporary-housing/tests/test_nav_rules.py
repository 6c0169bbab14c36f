"""NAV's rules of issue 21 on their own: municipal emergency units without a quality agreement, the agreement's
fixed exclusions, a provider's seasonal closure, the national settlement deadline and the spread across areas, and
the check that a stay is linked only to its person's application."""

from __future__ import annotations

from datetime import date

import pytest

from boligflyt.contracts.codes import ProviderKind, SettlementCategory
from boligflyt.platform.errors import RuleViolation
from boligflyt.temporary_housing import domain
from boligflyt.temporary_housing.domain import AgreementTerms, Household, PlacementRefusal, SeasonalClosure

AGREEMENT = AgreementTerms("agr-1", date(2015, 1, 1), date(2016, 12, 31), 600)
FAMILY = Household(adults=1, children=2, person_age=35)
MINOR = Household(adults=1, children=0, person_age=17)
ADULT = Household(adults=1, children=0, person_age=40)
CAMPSITE = SeasonalClosure.parse("05-01", "07-31")

# --- municipal emergency units and quality agreements ---------------------------------------------------------


def test_a_municipal_emergency_unit_takes_families_and_minors_without_an_agreement() -> None:
    flat = ProviderKind.MUNICIPAL_EMERGENCY_FLAT
    assert not domain.needs_quality_agreement(flat)
    assert domain.placement_refusals(None, FAMILY, kind=flat) == []
    assert domain.placement_refusals(None, MINOR, kind=flat) == []
    # Full is full, even for NAV's own flat (overridable: the duty tonight comes first).
    assert domain.placement_refusals(None, ADULT, kind=flat, occupied=1, capacity=1) == [PlacementRefusal.PROVIDER_FULL]
    assert domain.placement_price(None, None, flat) == 0
    assert domain.placement_price(None, 250, flat) == 250
    with pytest.raises(RuleViolation) as refused:
        domain.check_agreement_allowed(flat)
    assert refused.value.code == "agreement_for_municipal_unit"
    for private in (ProviderKind.PENSION, ProviderKind.CAMPSITE, ProviderKind.BARRACKS, ProviderKind.OTHER):
        assert domain.needs_quality_agreement(private)
        domain.check_agreement_allowed(private)
        assert domain.placement_refusals(None, ADULT, kind=private) == [PlacementRefusal.NO_VALID_AGREEMENT]
        with pytest.raises(RuleViolation):
            domain.placement_price(None, None, private)


def test_an_agreement_always_excludes_families_with_children_and_people_under_18() -> None:
    domain.check_agreement_exclusions(True, True)
    for families, minors in ((False, True), (True, False), (False, False)):
        with pytest.raises(RuleViolation) as refused:
            domain.check_agreement_exclusions(families, minors)
        assert refused.value.code == "agreement_exclusions_fixed"


def test_a_private_provider_never_takes_a_family_or_a_minor_even_with_a_justification() -> None:
    for household, reason in (
        (FAMILY, PlacementRefusal.EXCLUDES_FAMILIES_WITH_CHILDREN),
        (MINOR, PlacementRefusal.EXCLUDES_UNDER_18),
    ):
        for agreement in (AGREEMENT, None):  # with or without an agreement in force
            refusals = domain.placement_refusals(agreement, household, kind=ProviderKind.PENSION)
            assert reason in refusals
            with pytest.raises(RuleViolation) as refused:
                domain.check_placement(refusals, "nowhere else tonight")
            assert refused.value.extra["overridable"] is False
            assert refused.value.extra["fixed"] == [str(reason)]
            assert "law and policy" in refused.value.detail


# --- the seasonal closure ------------------------------------------------------------------------------------


def test_a_closure_holds_from_its_first_to_its_last_day_each_year() -> None:
    assert not CAMPSITE.closed_on(date(2015, 4, 30))
    assert CAMPSITE.closed_on(date(2015, 5, 1)) and CAMPSITE.closed_on(date(2016, 7, 31))
    assert not CAMPSITE.closed_on(date(2015, 8, 1))
    assert CAMPSITE.closes_on_or_after(date(2015, 1, 10)) == date(2015, 5, 1)
    assert CAMPSITE.closes_on_or_after(date(2015, 6, 10)) == date(2015, 6, 10)  # closed now
    assert CAMPSITE.closes_on_or_after(date(2015, 8, 1)) == date(2016, 5, 1)
    assert CAMPSITE.reopens_after(date(2015, 5, 1)) == date(2015, 8, 1)
    winter = SeasonalClosure.parse("12-15", "01-10")  # over the new year
    assert winter.closed_on(date(2015, 12, 31)) and winter.closed_on(date(2016, 1, 10))
    assert not winter.closed_on(date(2016, 1, 11))
    assert winter.reopens_after(date(2015, 12, 20)) == date(2016, 1, 11)
    for bad in (("13-01", "07-31"), ("02-29", "03-10"), ("5-1", "07-31"), ("05-01", "05-01")):
        with pytest.raises(RuleViolation) as refused:
            SeasonalClosure.parse(*bad)
        assert refused.value.code == "closure_day_invalid"


def test_a_planned_stay_that_runs_into_the_closure_is_refused() -> None:
    # Nights 1 Feb - 30 April (leaving 1 May): no night in the closure.
    assert CAMPSITE.first_closed_night(date(2015, 2, 1), date(2015, 5, 1)) is None
    # Leaving 2 May: the night of 1 May is in it.
    assert CAMPSITE.first_closed_night(date(2015, 2, 1), date(2015, 5, 2)) == date(2015, 5, 1)
    assert CAMPSITE.first_closed_night(date(2015, 7, 31), date(2015, 8, 5)) == date(2015, 7, 31)
    assert CAMPSITE.first_closed_night(date(2015, 8, 1), date(2016, 4, 30)) is None
    refusals = domain.placement_refusals(AGREEMENT, ADULT, kind=ProviderKind.CAMPSITE, closed_night=date(2015, 5, 1))
    assert refusals == [PlacementRefusal.SEASONAL_CLOSURE]
    with pytest.raises(RuleViolation) as refused:
        domain.check_placement(refusals, "nowhere else", closed_night=date(2015, 5, 1))
    assert refused.value.extra["overridable"] is False and refused.value.extra["closed_from"] == "2015-05-01"


def test_an_open_stay_still_there_at_the_closure_is_warned_of() -> None:
    today = date(2015, 4, 1)
    assert domain.still_there_at_closure(CAMPSITE, today, date(2015, 5, 1)) is None  # leaves the day it closes
    assert domain.still_there_at_closure(CAMPSITE, today, date(2015, 5, 2)) == date(2015, 5, 1)
    assert domain.still_there_at_closure(None, today, date(2015, 9, 1)) is None
    # Past its planned end and still there: warned, whether the closure is weeks away or today.
    assert domain.still_there_at_closure(CAMPSITE, date(2015, 4, 10), date(2015, 4, 5)) == date(2015, 5, 1)
    assert domain.still_there_at_closure(CAMPSITE, date(2015, 5, 1), date(2015, 4, 20)) == date(2015, 5, 1)


# --- refugee settlement --------------------------------------------------------------------------------------


def test_the_settlement_deadline_is_3_months_from_the_permit_and_6_for_unaccompanied_minors() -> None:
    permit = date(2015, 1, 31)
    assert domain.settlement_deadline(permit, SettlementCategory.FAMILY) == date(2015, 4, 30)
    assert domain.settlement_deadline(permit, SettlementCategory.SINGLE_ADULT) == date(2015, 4, 30)
    assert domain.settlement_deadline(permit, SettlementCategory.FAMILY_REUNIFICATION) == date(2015, 4, 30)
    assert domain.settlement_deadline(permit, SettlementCategory.UNACCOMPANIED_MINOR) == date(2015, 7, 31)
    assert domain.settlement_deadline(date(2015, 8, 31), SettlementCategory.UNACCOMPANIED_MINOR) == date(2016, 2, 29)
    waiting = domain.deadline_status(date(2015, 4, 30), date(2015, 4, 1), None)
    assert (waiting.days_left, waiting.met) == (29, None)
    late = domain.deadline_status(date(2015, 4, 30), date(2015, 5, 2), None)
    assert late.days_left == -2
    assert domain.deadline_status(date(2015, 4, 30), date(2015, 6, 1), date(2015, 4, 30)).met is True
    assert domain.deadline_status(date(2015, 4, 30), date(2015, 6, 1), date(2015, 5, 1)).met is False
    domain.check_residence_permit(date(2015, 1, 2), date(2015, 1, 2))
    with pytest.raises(RuleViolation):
        domain.check_residence_permit(date(2015, 1, 3), date(2015, 1, 2))


def test_settlement_is_counted_per_year_and_area() -> None:
    rows = domain.settled_by_area(
        [
            (date(2015, 3, 1), "sentrum", 5),
            (date(2015, 6, 1), "stavern", 1),
            (date(2015, 9, 1), "sentrum", 2),
            (date(2016, 1, 5), None, 3),
        ]
    )
    assert [(r.year, r.area_code, r.households, r.persons) for r in rows] == [
        (2015, "sentrum", 2, 7),
        (2015, "stavern", 1, 1),
        (2016, "unknown", 1, 3),
    ]


# --- the application a stay is linked to ---------------------------------------------------------------------


def test_a_stay_is_linked_only_to_an_application_of_its_person() -> None:
    domain.check_application_person("ref-a", "ref-a", "app-1")
    with pytest.raises(RuleViolation) as unknown:
        domain.check_application_person(None, "ref-a", "app-1")
    assert unknown.value.code == "unknown_application"
    with pytest.raises(RuleViolation) as other:
        domain.check_application_person("ref-b", "ref-a", "app-1")
    assert other.value.code == "application_of_another_person"
