"""The dashboard's copy of NAV's monthly situation report counts by NAV's definitions (the same functions,
`boligflyt.contracts.situation_report`): the stays of services/temporary-housing/tests/
test_situation_report_definitions.py, as NAV's events carry them, give the same table worked out by hand."""

from __future__ import annotations

import hashlib
from datetime import date, timedelta

from boligflyt.contracts.codes import ProviderKind, StayEndReason
from boligflyt.contracts.events import temporary_housing as t
from boligflyt.dashboard import domain, reports

AS_OF = date(2015, 3, 10)
MONTHS = [date(2015, 1, 1), date(2015, 2, 1), date(2015, 3, 1)]


def ref(person: str) -> str:
    return hashlib.sha256(person.encode()).hexdigest()


# (stay, person, start, end, adults, children, under 30 when it started, new enquiry as NAV marked it)
STAYS = [
    ("K1", "K", date(2015, 1, 10), date(2015, 2, 15), 1, 0, True, True),
    ("K2", "K", date(2015, 2, 20), None, 1, 2, False, False),  # Kari turned 30 on 20 February
    ("O1", "O", date(2015, 1, 5), None, 2, 1, False, True),
    ("P1", "P", date(2015, 1, 25), date(2015, 3, 1), 1, 0, False, True),  # leaves on 1 March
    ("S1", "S", date(2015, 3, 1), date(2015, 3, 5), 1, 1, True, True),
    ("T1", "T", date(2015, 2, 1), date(2015, 2, 1), 1, 0, False, True),  # no night
    ("U1", "U", date(2015, 3, 12), None, 1, 0, False, True),  # after the report's day
]

# month, persons, under 30, singles, children with singles, new enquiries: NAV's table
BY_HAND = [
    ("2015-01", 3, 1, 2, 0, 3),
    ("2015-02", 3, 0, 2, 2, 1),  # Kari as her latest stay in February describes her: with her two children
    ("2015-03", 3, 1, 2, 3, 1),
]


def story() -> domain.ReadModel:
    model = domain.ReadModel()
    for stay_id, person, start, end, adults, children, under_30, new in STAYS:
        events: list[t.StayStarted | t.StayEnded] = [
            t.StayStarted(
                stay_id=stay_id,
                person_ref=ref(person),
                start_date=start,
                under_30=under_30,
                single=adults == 1 and children == 0,
                adults=adults,
                children=children,
                new_enquiry=new,
                provider_id="prov-1",
                provider_kind=ProviderKind.PENSION,
                price_per_night=100,
                limit_date=start + timedelta(days=90),
            )
        ]
        if end is not None:
            nights = (end - start).days
            events.append(
                t.StayEnded(
                    stay_id=stay_id,
                    person_ref=ref(person),
                    start_date=start,
                    end_date=end,
                    reason=StayEndReason.PRIVATE_RENTAL,
                    nights=nights,
                    cost=nights * 100,
                )
            )
        for index, event in enumerate(events):
            model.apply(domain.project(event, f"{stay_id}-{index}"))
    return model


def test_the_dashboard_counts_navs_report_by_navs_definitions() -> None:
    rows = domain.monthly_report(story(), MONTHS, AS_OF)
    assert [
        (r.month.strftime("%Y-%m"), r.persons, r.under_30, r.singles, r.children_with_singles, r.new_enquiries)
        for r in rows
    ] == BY_HAND


def test_the_report_table_has_navs_columns() -> None:
    report = reports.nav_monthly(story(), AS_OF)
    assert report.columns == ["month", "persons", "under_30", "singles", "children_with_singles", "new_enquiries"]
    assert report.rows[-3:] == [list(row) for row in BY_HAND]
