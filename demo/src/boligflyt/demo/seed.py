"""Seed a plausible Larvik through the services' public APIs (Larvik's volumes of about 2012-2014 at scale 1.0).

The demo states its own numbers: about 700 dwellings (most let, some vacant or ready), NAV's providers under
quality agreements with about 15 people in temporary housing, about 160 approved applications on the waiting
list, this year's refugee quota with a few households announced, and a housing programme with budget frames,
needs and an order. Every agency writes with its own token; no database is touched.

Dates in request bodies are relative to the services' today (the demo clock's, see clock.py). Where the host
has a demo clock, the seed starts two weeks back, puts the applications on a committee meeting's case list
before it freezes, and moves the clock to the meeting day to decide them. Without one (distributed mode) the
cases wait on the list and `simulate` decides them when the meeting day comes.
"""

from __future__ import annotations

import random
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import httpx
from rich.progress import Progress

from boligflyt.client.applications.api import applicants as applicants_api
from boligflyt.client.applications.api import applications as applications_api
from boligflyt.client.applications.api import committee
from boligflyt.client.applications.models import (
    ApplicantIn,
    ApplicationIn,
    CaseIn,
    ConsentIn,
    DecisionIn,
    DocumentsIn,
    MeetingIn,
)
from boligflyt.client.maintenance.api import dwellings as dwellings_api
from boligflyt.client.maintenance.models import DwellingBatch
from boligflyt.client.ordering.api import needs as needs_api
from boligflyt.client.ordering.api import orders, programme
from boligflyt.client.ordering.models import NeedIn, OrderIn, PrioritiseIn, ProgrammeIn
from boligflyt.client.temporary_housing.api import providers, settlement
from boligflyt.client.temporary_housing.api import stays as stays_api
from boligflyt.client.temporary_housing.models import (
    AgreementIn,
    ApplicationLinkIn,
    HousingOrderIn,
    ProviderIn,
    QuotaAdoptIn,
    QuotaIn,
    SettlementIn,
    StayIn,
)
from boligflyt.demo import people
from boligflyt.demo.agencies import ApiError, Larvik, days_after, open_larvik
from boligflyt.platform.settings import Settings

REQUIRED_DOCUMENTS = {
    "rental": ["income_documentation", "tax_assessment", "housing_situation"],
    "care": ["income_documentation", "tax_assessment", "housing_situation", "care_needs_assessment"],
    "staffed": ["income_documentation", "tax_assessment", "housing_situation", "service_decision"],
}
# A meeting this many days ahead has its case list (frozen 5 working days before) still open, holidays or not.
MEETING_LEAD_DAYS = 14
STAY_CAUSES = (
    "after_prison", "eviction", "substance_use", "psychiatry", "relationship_breakdown", "violence", "thrown_out",
    "discharge_from_institution", "from_other_municipality", "other",
)  # fmt: skip
# dwelling type, target group, service needs, quantity, bedrooms, reported by, justification
PROGRAMME_NEEDS = (
    ("ordinary", "families_with_children", "none", 3, 3, "care_service", "Three families in NAV's follow-up"),
    ("co_located", "substance_and_mental_health", "staff_base", 4, 1, "mental_health_and_substance", "Housing First"),
    ("ordinary", "homeless", "follow_up", 2, 1, "nav", "Singles leaving temporary housing"),
    ("care", "elderly", "none", 3, 1, "care_service", "Care dwellings for the waiting list"),
)
# The register's accessible family dwellings, as Larvik listed them: 16, of which 11 have two bedrooms, 2 have two
# bedrooms and two living rooms and 3 have more than two bedrooms. Other ordinary stock is not adapted.
ACCESSIBLE_FAMILY_DWELLINGS = ((2, 3),) * 11 + ((2, 4),) * 2 + ((3, 4),) * 3  # (bedrooms, rooms)
PROVIDERS = (
    # name, kind, owner/operator, capacity, takes families (a municipal emergency flat may)
    ("Larvik pensjonat", "pension", "Pensjonat Larvik AS", 12, False),
    ("Stavern gjestehus", "pension", "Stavern Gjestehus AS", 6, False),
    ("Farris camping", "campsite", "Farris Camping AS", 10, False),
    ("Brakkerigg Nanset", "barracks", "Larvik kommune", 8, False),
    ("Beredskapsboliger Torstrand", "municipal_emergency_flat", "Larvik kommune", 6, True),
)


@dataclass(frozen=True)
class Volumes:
    dwellings: int
    stays: int
    applications: int  # NAV's own come on top; about 90 % of all are approved onto the waiting list
    settlements: int
    quota_persons: int

    @classmethod
    def at(cls, scale: float) -> Volumes:
        def scaled(n: float, least: int) -> int:
            return max(least, round(n * scale))

        return cls(
            dwellings=scaled(700, 20),
            stays=scaled(15, 2),
            applications=scaled(160, 6),
            settlements=scaled(5, 2),
            quota_persons=50,  # the quota is the council's number, whatever the demo's scale
        )


@dataclass
class SeedReport:
    skipped: bool = False
    dwellings: int = 0
    providers: int = 0
    stays: int = 0
    applications: int = 0
    approved: int = 0
    rejected: int = 0
    awaiting_meeting: int = 0
    meeting_date: str | None = None
    settlements: int = 0
    needs: int = 0
    orders: int = 0
    seconds: float = 0.0
    notes: list[str] = field(default_factory=list)


class Steps:
    """The rich progress bar, or nothing (tests)."""

    def __init__(self, progress: Progress | None) -> None:
        self.progress = progress

    @contextmanager
    def step(self, description: str, total: int) -> Iterator[Any]:
        if self.progress is None:
            yield lambda advance=1: None
            return
        task = self.progress.add_task(description, total=total)
        yield lambda advance=1: self.progress.advance(task, advance) if self.progress else None
        self.progress.update(task, completed=total)


async def seed(
    base_urls: dict[str, str],
    settings: Settings,
    rng_seed: int = 2015,
    scale: float = 1.0,
    progress: Progress | None = None,
    *,
    transport: httpx.AsyncBaseTransport | None = None,
) -> SeedReport:
    """Seed Larvik unless it is seeded already (LKE has dwellings): then change nothing."""
    started = time.monotonic()
    async with open_larvik(base_urls, settings, transport=transport) as larvik:
        report = await Seeder(larvik, random.Random(rng_seed), Volumes.at(scale), Steps(progress)).run()
    report.seconds = round(time.monotonic() - started, 1)
    return report


class Seeder:
    def __init__(self, larvik: Larvik, rng: random.Random, volumes: Volumes, steps: Steps) -> None:
        self.larvik = larvik
        self.rng = rng
        self.volumes = volumes
        self.steps = steps
        self.report = SeedReport()
        self.serial = 0

    def next_person(self) -> people.Person:
        self.serial += 1
        return people.person(self.serial, self.rng)

    async def run(self) -> SeedReport:
        larvik = self.larvik
        await larvik.wait_until_ready()
        if await larvik.lke.total("/v1/dwellings") > 0:
            self.report.skipped = True
            if await larvik.nav.get("/v1/quotas"):  # the last step: the seed ran to the end
                self.report.notes.append("LKE's register has dwellings already: Larvik is seeded, nothing changed")
            else:
                self.report.notes.append(
                    "an earlier seed stopped part-way (dwellings but no refugee quota): nothing changed; start "
                    "again on empty data (embedded: a new data folder; distributed: ./dev pg wipe, ./dev kafka wipe)"
                )
            return self.report
        can_move_time = await larvik.can_move_time()
        today = await larvik.today()
        await self.dwellings(today)
        await self.programme(today)
        await self.temporary_housing(today)
        meeting = await self.waiting_list(today)
        if meeting is not None and can_move_time:
            await self.larvik.advance_to(date.fromisoformat(meeting["meeting_date"]))
            await self.decide(meeting)
        elif meeting is not None:
            self.report.notes.append(
                f"no demo clock: {self.report.awaiting_meeting} cases wait for the meeting on "
                f"{meeting['meeting_date']}; `simulate` decides them on the day"
            )
        await self.refugees(await larvik.today())
        return self.report

    # --- LKE: the register ------------------------------------------------------------------------------

    def dwelling_row(self, number: int, today: date) -> dict[str, Any]:
        rng = self.rng
        category = rng.choices(
            ["ordinary", "care", "benefit_recipient", "co_located", "staffed", "transitional", "starter", "emergency"],
            weights=[58, 22, 5, 4, 3, 4, 2, 2],
        )[0]
        owner = rng.choices(["lkbs", "lke", "private_lease", "municipality", "housing_coop"], [52, 22, 10, 11, 5])[0]
        bedrooms = 1 if category in ("care", "staffed") else rng.choices([0, 1, 2, 3, 4], [18, 38, 24, 15, 5])[0]
        status = rng.choices(["let", "vacant", "ready"], weights=[93, 3, 4])[0]
        row: dict[str, Any] = {
            "external_ref": f"F-{10000 + number}",
            "address": people.address(rng),
            "zone": rng.choice(people.ZONES),
            "category": category,
            "owner": owner,
            "coop_board_approval": owner == "housing_coop",
            "rooms": bedrooms + 1,
            "bedrooms": bedrooms,
            "floor_area_m2": 28 + 17 * bedrooms + rng.randint(0, 12),
            "monthly_rent": 4800 + 1700 * bedrooms + rng.randrange(0, 1500, 50),
            "accessible": category in ("care", "staffed"),
            "staffed": category == "staffed",
            "near_services": rng.random() < 0.5,
            "status": status,
        }
        family = self.accessible_family_dwelling(number)
        if family is not None:
            bedrooms, rooms = family
            row |= {
                "category": "ordinary",
                "rooms": rooms,
                "bedrooms": bedrooms,
                "floor_area_m2": 30 + 18 * rooms,
                "monthly_rent": 4800 + 1700 * bedrooms + 900,
                "accessible": True,
                "staffed": False,
            }
        if owner == "private_lease":
            row["head_lease_end"] = days_after(today, rng.randint(45, 1500))
        return row

    def accessible_family_dwelling(self, number: int) -> tuple[int, int] | None:
        """(bedrooms, rooms) when row `number` is one of the register's accessible family dwellings, spread evenly
        through the register and scaled with it (16 in Larvik's 700)."""
        count = max(1, round(len(ACCESSIBLE_FAMILY_DWELLINGS) * self.volumes.dwellings / 700))
        step = self.volumes.dwellings // count
        if number % step or number // step > count:
            return None
        return ACCESSIBLE_FAMILY_DWELLINGS[(number // step - 1) % len(ACCESSIBLE_FAMILY_DWELLINGS)]

    async def dwellings(self, today: date) -> None:
        rows = [self.dwelling_row(n, today) for n in range(1, self.volumes.dwellings + 1)]
        with self.steps.step("LKE: dwelling register", 1) as advance:
            # One transaction for the whole register; the key makes a retried seed safe.
            key = f"demo-seed-{uuid.uuid5(uuid.NAMESPACE_URL, repr(rows))}"
            batch = DwellingBatch.from_dict({"dwellings": rows})
            sync = await self.larvik.lke.do(dwellings_api.sync_dwellings, body=batch, idempotency_key=key)
            advance()
        if sync["rejected"]:
            raise RuntimeError(f"LKE rejected dwellings: {sync['rejected'][:3]}")
        self.report.dwellings = len(sync["created"]) + len(sync["changed"]) + len(sync["unchanged"])

    # --- Ordering: programme, needs, an order -----------------------------------------------------------

    async def programme(self, today: date) -> None:
        bestiller = self.larvik.bestiller
        year = today.year
        with self.steps.step("Ordering: programme, needs, order", 5) as advance:
            frames = ProgrammeIn.from_dict({"year": year, "frames": {"service_needs": 12_000_000}})
            await bestiller.try_do(programme.create_programme, body=frames)
            advance()
            needs = PROGRAMME_NEEDS
            prioritised: list[dict[str, Any]] = []
            for kind, group, service_needs, quantity, bedrooms, reporter, why in needs:
                need = await bestiller.do(
                    needs_api.report_need,
                    body=NeedIn.from_dict(
                        {
                            "quantity": quantity,
                            "dwelling_type": kind,
                            "target_group": group,
                            "service_needs": service_needs,
                            "wanted_by": days_after(today, 240),
                            "justification": why,
                            "bedrooms": bedrooms,
                            "reported_by": reporter,
                        }
                    ),
                )
                self.report.needs += 1
                line = "service_needs" if service_needs == "staff_base" else "disadvantaged_dwellings"
                if group != "elderly":  # one need stays reported: the committee has not met on it yet
                    body = {"programme_year": year, "budget_line": line}
                    priority = PrioritiseIn.from_dict(body)
                    prioritised.append(await bestiller.do(needs_api.prioritise_need, need["need_id"], body=priority))
                advance()
            first = prioritised[0]
            await bestiller.do(
                orders.place_order,
                body=OrderIn.from_dict(
                    {
                        "need_ids": [first["need_id"]],
                        "dwellings": first.get("quantity", 3),
                        "estimated_cost": 9_000_000,
                        "due_date": days_after(today, 200),
                        "bedrooms": 3,
                    }
                ),
            )
            self.report.orders += 1

    # --- NAV: providers, agreements, people in temporary housing ----------------------------------------

    async def temporary_housing(self, today: date) -> None:
        nav, rng = self.larvik.nav, self.rng
        singles_places: list[str] = []
        with self.steps.step("NAV: providers and agreements", len(PROVIDERS)) as advance:
            for number, (name, kind, operator, capacity, families) in enumerate(PROVIDERS):
                provider = await nav.do(
                    providers.register_provider,
                    body=ProviderIn.from_dict(
                        {
                            "name": name,
                            "kind": kind,
                            "address": people.postal_address(rng),
                            "owner_operator": operator,
                            "capacity": capacity,
                        }
                    ),
                )
                # Agreements run at most 2 years; the last private one ends in two months, so renegotiation is due
                # (and it covers every arrival of the last three months, as each placement needs a valid agreement).
                # The municipality's own emergency flats (the one provider taking families) need no agreement.
                valid_from = today - timedelta(days=300 + 40 * number)
                valid_to = valid_from + timedelta(days=729) if number < len(PROVIDERS) - 2 else today + timedelta(60)
                if not families:
                    await nav.do(
                        providers.add_agreement,
                        provider["provider_id"],
                        body=AgreementIn.from_dict(
                            {
                                "valid_from": valid_from.isoformat(),
                                "valid_to": valid_to.isoformat(),
                                "price_per_night": rng.choice([450, 550, 600, 700]),
                            }
                        ),
                    )
                if kind != "campsite" or today.month not in (5, 6, 7):  # campsites are closed May-July
                    singles_places.append(provider["provider_id"])
                self.report.providers += 1
                advance()

        async def one_stay(days_ago: int) -> dict[str, Any]:
            person = self.next_person()
            start = today - timedelta(days=days_ago)
            stay: dict[str, Any] = await nav.do(
                stays_api.start_stay,
                body=StayIn.from_dict(
                    {
                        "person": {
                            "national_id": person.national_id,
                            "name": person.name,
                            "birth_date": person.birth_date.isoformat(),
                        },
                        "adults": 1,
                        "cause": rng.choice(STAY_CAUSES),
                        "decision_date": start.isoformat(),
                        "provider_id": singles_places[days_ago % len(singles_places)],
                        "start_date": start.isoformat(),
                    }
                ),
            )
            return stay

        # People arrived over the last three months; a few are near or past the 90-day goal.
        arrivals = sorted((rng.randint(0, 95) for _ in range(self.volumes.stays)), reverse=True)
        with self.steps.step("NAV: people in temporary housing", len(arrivals)) as advance:
            stays = []
            for days_ago in arrivals:
                stays.append(await one_stay(days_ago))
                advance()
        self.report.stays = len(stays)
        # Those who have been there more than a few days have had NAV apply to Boligkontoret for them.
        applying = [(stay, days_ago) for stay, days_ago in zip(stays, arrivals, strict=True) if days_ago > 3]
        with self.steps.step("NAV: applications for them", len(applying)) as advance:
            for stay, days_ago in applying:
                link = ApplicationLinkIn(consent_signed_on=today - timedelta(days=days_ago) + timedelta(days=1))
                await nav.do(stays_api.link_application, stay["stay_id"], body=link)
                advance()

    # --- Boligkontoret: applicants, applications, the committee ------------------------------------------

    def application_body(self, applicant_id: str) -> dict[str, Any]:
        rng = self.rng
        kind = rng.choices(["rental", "care", "staffed"], weights=[70, 24, 6])[0]
        children = 0 if kind != "rental" else rng.choices([0, 1, 2, 3], weights=[62, 16, 14, 8])[0]
        adults = 1 if kind != "rental" else rng.choices([1, 2], weights=[75, 25])[0]
        factors = rng.sample(
            ["no_fixed_address", "notice_to_quit", "risk_of_losing_home", "unsuitable_dwelling"],
            k=rng.choice([1, 1, 2]),
        )
        # The heavy factors are rare, or nobody else would ever reach the top of the list.
        if rng.random() < 0.25:
            factors.append("cannot_find_alternative")
        if rng.random() < 0.02:
            factors.append("head_lease_ending")
        referrer = rng.choices(
            ["self", "nav", "child_welfare", "care_service"],
            weights=[60, 15, 5, 20] if kind == "rental" else [25, 5, 0, 70],
        )[0]
        body: dict[str, Any] = {
            "applicant_id": applicant_id,
            "kind": kind,
            "household": {
                "adults": adults,
                "children": children,
                "children_needing_own_bedroom": min(children, rng.choice([0, 1])),
            },
            "needs": {
                "accessible": kind == "care" and rng.random() < 0.5,
                "staffed": kind == "staffed",
                "areas": rng.sample(people.ZONES, k=rng.choice([0, 0, 1, 2])),
            },
            "priority_factors": factors,
            "referrer": referrer,
            "ownership_check": {"able_to_buy": rng.random() < 0.04},
            "documents_received": REQUIRED_DOCUMENTS[kind],
        }
        if referrer != "self":
            body["referrer_case_ref"] = f"{referrer.replace('_', '-')}-{rng.randint(1000, 9999)}"
        return body

    async def applicant(self, person: people.Person, postal_address: str, today: date) -> dict[str, Any]:
        """Register a made-up applicant with signed consent."""
        bk = self.larvik.boligkontoret
        applicant: dict[str, Any] = await bk.do(
            applicants_api.register_applicant,
            body=ApplicantIn(national_id=person.national_id, name=person.name, postal_address=postal_address),
        )
        consent = ConsentIn.from_dict(
            {"signed_on": today.isoformat(), "scope": ["collect_information", "share_with_nav"]}
        )
        await bk.do(applicants_api.record_consent, applicant["id"], body=consent)
        return applicant

    async def waiting_list(self, today: date) -> dict[str, Any] | None:
        bk = self.larvik.boligkontoret
        count = self.volumes.applications
        # Made up in order first, so the random draws do not depend on how the requests interleave.
        persons = [(self.next_person(), people.postal_address(self.rng)) for _ in range(count)]
        with self.steps.step("Boligkontoret: applicants and consent", count) as advance:

            async def registered(person: people.Person, postal_address: str) -> dict[str, Any]:
                applicant = await self.applicant(person, postal_address, today)
                advance()
                return applicant

            applicants = await self.larvik.gather(registered(p, a) for p, a in persons)
        bodies = [self.application_body(a["id"]) for a in applicants]
        with self.steps.step("Boligkontoret: applications", count) as advance:

            async def submitted(body: dict[str, Any]) -> dict[str, Any]:
                application: dict[str, Any] = await bk.do(
                    applications_api.submit_application, body=ApplicationIn.from_dict(body)
                )
                advance()
                return application

            applications = await self.larvik.gather(submitted(body) for body in bodies)
        # NAV's own applications came without documents: the caseworker collects them.
        ours = {a["id"] for a in applications}
        from_nav = [
            a
            for a in await bk.all("/v1/applications", referrer="nav")
            if a["id"] not in ours and a["state"] in ("submitted", "incomplete")
        ]
        for application in from_nav:
            documents = DocumentsIn(documents=REQUIRED_DOCUMENTS["rental"])
            await bk.do(applications_api.receive_documents, application["id"], body=documents)
        self.report.applications = len(applications) + len(from_nav)

        meeting = await self.meeting(today + timedelta(days=MEETING_LEAD_DAYS))
        cases = applications + from_nav
        with self.steps.step("TBO: case list", len(cases)) as advance:

            async def on_case_list(application: dict[str, Any]) -> None:
                await bk.do(applications_api.completeness_check, application["id"])
                await bk.do(committee.add_case, meeting["id"], body=CaseIn(application_id=application["id"]))
                advance()

            await self.larvik.gather(on_case_list(a) for a in cases)
        self.report.awaiting_meeting = len(cases)
        self.report.meeting_date = meeting["meeting_date"]
        return meeting

    async def meeting(self, on: date) -> dict[str, Any]:
        bk = self.larvik.boligkontoret
        try:
            created: dict[str, Any] = await bk.do(committee.create_meeting, body=MeetingIn(meeting_date=on))
            return created
        except ApiError as error:
            if error.status_code != 409:
                raise
            meetings = await bk.all("/v1/meetings")
            return next(m for m in meetings if m["meeting_date"] == on.isoformat())

    async def decide(self, meeting: dict[str, Any]) -> None:
        bk = self.larvik.boligkontoret
        meeting = await bk.get(f"/v1/meetings/{meeting['id']}")
        cases = [c for c in meeting["cases"] if c["outcome"] is None]
        with self.steps.step("TBO: decisions", len(cases)) as advance:

            async def decided(case: dict[str, Any], draw: float) -> None:
                application = await bk.get(f"/v1/applications/{case['application_id']}")
                body = decision(application, draw)
                await bk.do(committee.decide, meeting["id"], body=DecisionIn.from_dict(body))
                if body["outcome"] == "approved":
                    self.report.approved += 1
                else:
                    self.report.rejected += 1
                advance()

            # Drawn in case-list order before any request runs: seeded, whatever the interleaving.
            draws = [self.rng.random() for _ in cases]
            await self.larvik.gather(decided(case, draw) for case, draw in zip(cases, draws, strict=True))
        self.report.awaiting_meeting = 0

    # --- NAV Intro: the refugee quota and announced households -------------------------------------------

    async def refugees(self, today: date) -> None:
        nav, rng = self.larvik.nav, self.rng
        with self.steps.step("NAV: refugee quota and settlements", 1 + self.volumes.settlements) as advance:
            requested = QuotaIn(year=today.year, requested_persons=60, requested_on=date(today.year - 1, 10, 1))
            quota = await nav.do(settlement.request_quota, body=requested)
            adopted = QuotaAdoptIn(
                adopted_persons=self.volumes.quota_persons,
                unaccompanied_minors=5,
                adopted_on=date(today.year - 1, 12, 12),
            )
            await nav.do(settlement.adopt_quota, quota["quota_id"], body=adopted)
            advance()
            for number in range(self.volumes.settlements):
                family = rng.random() < 0.5
                announced = await nav.do(
                    settlement.announce_settlement,
                    body=SettlementIn.from_dict(
                        {
                            "quota_id": quota["quota_id"],
                            "adults": 2 if family else 1,
                            "children": rng.randint(1, 3) if family else 0,
                            "category": "family" if family else "single_adult",
                            "origin": rng.choice(["reception_centre", "transfer_refugee"]),
                            "announced_on": (today - timedelta(days=rng.randint(0, 20))).isoformat(),
                            "planned_settlement_date": days_after(today, 30 + 25 * number),
                        }
                    ),
                )
                self.report.settlements += 1
                if number % 2 == 0:  # NAV sends its housing orders a few times a year: half are ordered
                    await nav.do(settlement.order_housing, announced["settlement_id"], body=HousingOrderIn())
                advance()


def decision(application: dict[str, Any], draw: float) -> dict[str, Any]:
    """The committee's decision: approved, unless the household can buy or (rarely) find a home itself."""
    if application["able_to_buy"]:
        return {
            "application_id": application["id"],
            "outcome": "rejected",
            "reject_reasons": ["able_to_buy"],
            "reasoning": "Husstanden har betjeningsevne for startlån.",
        }
    if draw < 0.06:
        return {
            "application_id": application["id"],
            "outcome": "rejected",
            "reject_reasons": ["able_to_find_alternative"],
            "reasoning": "Søker kan skaffe seg egnet bolig på det private leiemarkedet.",
        }
    return {"application_id": application["id"], "outcome": "approved"}
