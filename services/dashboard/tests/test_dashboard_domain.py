"""Pure rules of the read model: void-day split edge cases, and order independence across topics."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from boligflyt.dashboard import domain, story


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
    stay = {"stay_id": "s", "person_ref": "p", "start_date": date(2015, 1, 1), "price_per_night": 100}
    model = model_of({"stays": [stay]})
    assert domain.temporary_housing(model, date(2015, 3, 31)).over_90_days == 0  # day 89
    assert domain.temporary_housing(model, date(2015, 4, 1)).over_90_days == 1  # day 90: the breach
    assert domain.temporary_housing(model, date(2015, 1, 1)).cost_so_far == 0  # the first night not yet over
    ended = model_of({"stays": [{**stay, "end_date": date(2015, 1, 5)}]})
    assert domain.temporary_housing(ended, date(2015, 1, 5)).active == 0  # the leaving day is not a stay day


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
