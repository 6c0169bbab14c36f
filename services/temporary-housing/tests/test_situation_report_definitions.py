"""NAV's monthly situation report by its written definitions, on a table worked out by hand: nights decide who
counts (a stay ending on the 1st counts no night that month), the latest stay in a month describes a person whose
household changed, singles are one-adult households with the children counted apart, under 30 on the month's last
day. services/dashboard/tests/test_dashboard_situation_report.py counts the same stays from NAV's events."""

from __future__ import annotations

from datetime import date

from boligflyt.temporary_housing import domain
from boligflyt.temporary_housing.domain import Month, StayFacts

AS_OF = date(2015, 3, 10)
BORN = {
    "K": date(1985, 2, 20),  # turns 30 on 20 February 2015
    "O": date(1980, 1, 1),
    "P": date(1970, 6, 1),
    "S": date(1995, 5, 5),
    "T": date(1990, 1, 1),
    "U": date(1990, 1, 1),
}


def stay(stay_id: str, person: str, start: date, end: date | None, adults: int = 1, children: int = 0) -> StayFacts:
    born = BORN[person]
    return StayFacts(
        stay_id,
        person,
        start,
        end,
        under_30=domain.age_on(born, start) < 30,
        adults=adults,
        children=children,
        turns_30_on=domain.turns_30_on(born),
        price_per_night=100,
    )


STAYS = [
    stay("K1", "K", date(2015, 1, 10), date(2015, 2, 15)),  # Kari alone, 29
    stay("K2", "K", date(2015, 2, 20), None, children=2),  # her two children back with her; she is 30 now
    stay("O1", "O", date(2015, 1, 5), None, adults=2, children=1),  # a couple with a child: not single
    stay("P1", "P", date(2015, 1, 25), date(2015, 3, 1)),  # leaves on 1 March: no night in March
    stay("S1", "S", date(2015, 3, 1), date(2015, 3, 5), children=1),  # a single mother of 19
    stay("T1", "T", date(2015, 2, 1), date(2015, 2, 1)),  # placed and gone the same day: no night
    stay("U1", "U", date(2015, 3, 12), None),  # starts after the report's day
]

# month, persons, under 30, singles, children with singles, new enquiries
BY_HAND = [
    ("2015-01", 3, 1, 2, 0, 3),  # K (29), O's couple, P
    # K's latest stay in February (K2, with her children; 30 on the 28th) describes her: the earliest (K1) would
    # say single without children and under 30.
    ("2015-02", 3, 0, 2, 2, 1),  # K, O, P; T had no night but was a new enquiry
    ("2015-03", 3, 1, 2, 3, 1),  # K, O, S (P left on the 1st; U starts on the 12th)
]


def test_the_report_counts_by_its_definitions_as_worked_out_by_hand() -> None:
    rows = domain.monthly_report(STAYS, domain.months_between(Month(2015, 1), Month(2015, 3)), AS_OF)
    assert [
        (r.month, r.persons, r.under_30, r.singles, r.children_with_singles, r.new_enquiries) for r in rows
    ] == BY_HAND


def test_a_stay_ending_on_the_first_counts_no_night_that_month() -> None:
    ends_first = [stay("P1", "P", date(2015, 1, 25), date(2015, 3, 1))]
    rows = domain.monthly_report(ends_first, domain.months_between(Month(2015, 2), Month(2015, 3)), AS_OF)
    assert [(r.month, r.persons, r.nights) for r in rows] == [("2015-02", 1, 28), ("2015-03", 0, 0)]
    # One more day, and the night of 1 March counts.
    one_more = [stay("P1", "P", date(2015, 1, 25), date(2015, 3, 2))]
    rows = domain.monthly_report(one_more, [Month(2015, 3)], AS_OF)
    assert [(r.persons, r.nights) for r in rows] == [(1, 1)]


def test_under_30_is_by_age_on_the_months_last_day() -> None:
    # Born 31 March 1985: 29 on 28 February, 30 on 31 March; the stay started when she was 29.
    born = date(1985, 3, 31)
    facts = [
        StayFacts("V1", "V", date(2015, 2, 1), None, under_30=True, turns_30_on=domain.turns_30_on(born)),
    ]
    rows = domain.monthly_report(facts, [Month(2015, 2), Month(2015, 3)], date(2015, 3, 31))
    assert [(r.month, r.under_30) for r in rows] == [("2015-02", 1), ("2015-03", 0)]
    assert domain.turns_30_on(date(1988, 2, 29)) == date(2018, 3, 1)  # no 29 February in 2018


def test_the_definitions_are_written_into_the_report() -> None:
    definitions = domain.report_definitions()
    text = " ".join(definitions)
    for phrase in (
        "a stay ending on the 1st counts no night",
        "month's last day",
        "one adult, with or without",
        "counted apart",
        "latest of those stays",
    ):
        assert phrase in text
    csv = domain.report_csv([])
    assert csv.splitlines()[: len(definitions)] == [f"# {line}" for line in definitions]
