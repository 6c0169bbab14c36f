"""Pure rules of the read model: void-day split edge cases, and order independence across topics."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from boligflyt.contracts.base import Event
from boligflyt.contracts.events import temporary_housing as t
from boligflyt.contracts.examples import example_for
from boligflyt.dashboard import domain
from boligflyt.testkit import dashboard_story as story


def model_of(rows: dict[str, list[domain.Row]]) -> domain.ReadModel:
    model = domain.ReadModel()
    for table, table_rows in rows.items():
        for row in table_rows:
            model.tables[table][row[domain.primary_key(table)]] = row
    return model


def tenancies(end: date, start: date) -> list[domain.Row]:
    return [
        {"tenancy_id": "old", "dwelling_id": "d1", "move_in_date": date(2010, 1, 1), "end_date": end},
        {"tenancy_id": "new", "dwelling_id": "d1", "move_in_date": start, "first_let": False},
    ]


def test_void_without_renovation_is_waiting_then_ready() -> None:
    model = model_of(
        {
            "tenancies": tenancies(date(2015, 3, 1), date(2015, 3, 21)),
            "readiness": [{"ready_id": "r", "dwelling_id": "d1", "ready_on": date(2015, 3, 10), "first_let": False}],
        }
    )
    (void,) = domain.voids(model, date(2015, 12, 31))
    assert (void.days, void.waiting, void.renovating, void.ready) == (19, 8, 0, 11)


def test_renovation_started_before_the_key_was_returned_leaves_no_waiting() -> None:
    model = model_of(
        {
            "tenancies": tenancies(date(2015, 3, 1), date(2015, 3, 21)),
            "renovations": [
                {"job_id": "j", "dwelling_id": "d1", "started_on": date(2015, 2, 20), "completed_on": date(2015, 3, 5)}
            ],
        }
    )
    (void,) = domain.voids(model, date(2015, 12, 31))
    # No ready event: ready from the day after completion (6 March).
    assert (void.days, void.waiting, void.renovating, void.ready) == (19, 0, 4, 15)


def test_same_day_relet_and_unknown_end_are_handled() -> None:
    same_day = model_of({"tenancies": tenancies(date(2015, 3, 1), date(2015, 3, 1))})
    assert [v.days for v in domain.voids(same_day, date(2015, 12, 31))] == [0]
    unknown_end = model_of({"tenancies": tenancies(date(2015, 3, 1), date(2015, 3, 1))[1:]})
    assert domain.voids(unknown_end, date(2015, 12, 31)) == []


def test_stays_count_days_from_the_first_night_and_the_90_day_breach() -> None:
    stay = {
        "stay_id": "s",
        "person_ref": "p",
        "start_date": date(2015, 1, 1),
        "price_per_night": 100,
        "limit_date": date(2015, 4, 1),  # NAV's limit: 90 days after the start
    }
    model = model_of({"stays": [stay]})
    assert domain.temporary_housing(model, date(2015, 3, 31)).over_90_days == 0  # day 89
    assert domain.temporary_housing(model, date(2015, 4, 1)).over_90_days == 1  # day 90: the breach
    assert domain.temporary_housing(model, date(2015, 1, 1)).cost_so_far == 0  # the first night not yet over
    ended = model_of({"stays": [{**stay, "end_date": date(2015, 1, 5)}]})
    assert domain.temporary_housing(ended, date(2015, 1, 5)).active == 0  # the leaving day is not a stay day


def stay_started(stay_id: str, start: date, limit_date: date | None) -> t.StayStarted:
    """The catalogue's stay.started, for another stay, start and limit date."""
    example = example_for(t.StayStarted.event_type).model_dump()
    return t.StayStarted(**{**example, "stay_id": stay_id, "start_date": start, "limit_date": limit_date})


def over_limit_on(events: list[Event], as_of: date) -> int:
    model = domain.ReadModel()
    for index, event in enumerate(events):
        model.apply(domain.project(event, f"event-{index}"))
    return domain.temporary_housing(model, as_of).over_90_days


def test_a_stay_is_over_the_limit_from_the_limit_date_nav_gives_it() -> None:
    """The 3-month rule is NAV's: a stay is over it from the limit date in NAV's stay.started, whatever that is."""
    start = date(2015, 1, 1)
    shorter = stay_started("stay-short", start, start + timedelta(days=60))
    longer = stay_started("stay-long", start, start + timedelta(days=120))
    assert over_limit_on([shorter, longer], start + timedelta(days=59)) == 0
    assert over_limit_on([shorter, longer], start + timedelta(days=60)) == 1  # day 61 of the stay: the short one
    assert over_limit_on([longer], start + timedelta(days=90)) == 0  # day 90 is not over a 120-day limit
    assert over_limit_on([longer], start + timedelta(days=120)) == 1


def test_a_stay_without_a_limit_date_takes_it_from_nav_s_limit_events() -> None:
    """A stay.started from before NAV stated the limit: the first limit event naming it gives the date; until one
    does, the stay is not counted as over the limit."""
    start = date(2015, 1, 1)
    older = stay_started("stay-old", start, None)
    assert over_limit_on([older], start + timedelta(days=200)) == 0

    def limit_event(kind: type[t.StayLimitApproaching | t.StayLimitExceeded], days: int, limit: date) -> Event:
        return kind(stay_id="stay-old", start_date=start, days_in_stay=days, limit_date=limit, dwelling_allocated=False)

    approaching = limit_event(t.StayLimitApproaching, 50, start + timedelta(days=70))
    exceeded = limit_event(t.StayLimitExceeded, 95, start + timedelta(days=95))  # a later rule: the first one holds
    assert over_limit_on([older, approaching, exceeded], start + timedelta(days=69)) == 0
    assert over_limit_on([older, approaching, exceeded], start + timedelta(days=70)) == 1
    # NAV's stay.started has the last word when it names the date.
    stated = stay_started("stay-old", start, start + timedelta(days=100))
    assert over_limit_on([approaching, stated], start + timedelta(days=90)) == 0


TOPIC_OF = [envelope.topic for envelope in story.envelopes()]


@settings(max_examples=25, deadline=None)
@given(st.permutations(TOPIC_OF))
def test_topics_may_interleave_in_any_order(interleaving: list[str]) -> None:
    """Each topic keeps its order (what the bus promises); across topics any order gives the same KPIs."""
    envelopes = story.envelopes()
    by_topic: dict[str, list[int]] = defaultdict(list)
    for index, envelope in enumerate(envelopes):
        by_topic[envelope.topic].append(index)
    in_order, shuffled = domain.ReadModel(), domain.ReadModel()
    for envelope in envelopes:
        in_order.apply(domain.project(envelope.data, envelope.id))
    for topic in interleaving:
        envelope = envelopes[by_topic[topic].pop(0)]
        shuffled.apply(domain.project(envelope.data, envelope.id))
    for day in (date(2015, 2, 20), date(2015, 4, 30)):
        assert domain.kpis(shuffled, day).summary() == domain.kpis(in_order, day).summary()
    assert shuffled.tables == in_order.tables
