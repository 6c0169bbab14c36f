"""Drive days of activity through the public APIs so the dashboard shows a living system.

Each simulated day every agency does its day's work: NAV places people who arrive homeless and applies for
them, people apply to Boligkontoret, the committee (TBO) meets monthly, decides applications and allocates every
dwelling ready or coming vacant (from the tenant's notice) to the household Boligkontoret proposes, a dwelling
that becomes ready between meetings is offered directly, offers are accepted or declined, contracts are signed
for the day the dwelling is ready and people move in that day (ending their temporary stays), tenants give
notice and move out, LKE inspects and renovates (some jobs late, which LKE announces with a new date), the
ordering function prioritises needs and orders dwellings that LKE delivers, and NAV Intro settles refugees.

Time: on a host with the demo clock (`boligflyt.demo.host:demo_app`) each simulated day moves the services'
clock one day forward, so deadlines, waiting times and late renovations are real in the data. On a host
without it (distributed mode) days are only a rhythm of activity: dates are today's, and the committee
decides its cases when the wall clock reaches the meeting day. `speed` is simulated days per real minute.

What happens is read from the services each day, so a simulation can stop and start again at any time.
Randomness is seeded: the same seed over the same seeded Larvik makes the same choices.
"""

from __future__ import annotations

import asyncio
import math
import random
import time
import zlib
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import httpx
from rich.progress import Progress

from boligflyt.client.applications import models as bk_models
from boligflyt.client.applications.api.applicants import record_consent, register_applicant
from boligflyt.client.applications.api.applications import completeness_check, receive_documents, submit_application
from boligflyt.client.applications.api.committee import add_case, allocate, create_meeting, decide
from boligflyt.client.applications.api.offers import answer_offer, make_offer
from boligflyt.client.applications.api.tenancies import (
    answer_coop_board,
    end_tenancy,
    give_notice,
    move_in,
    record_deposit_paid,
    renew,
    request_coop_board,
    sign_tenancy,
)
from boligflyt.client.maintenance import models as lke_models
from boligflyt.client.maintenance.api.acquisitions import deliver, move_stage
from boligflyt.client.maintenance.api.inspections import book_inspection, complete_inspection
from boligflyt.client.maintenance.api.renovation import change_job, complete_job, start_job
from boligflyt.client.ordering import models as ordering_models
from boligflyt.client.ordering.api.needs import prioritise_need
from boligflyt.client.ordering.api.orders import place_order
from boligflyt.client.ordering.api.programme import create_programme
from boligflyt.client.temporary_housing import models as nav_models
from boligflyt.client.temporary_housing.api.deposit_guarantees import decide_guarantee
from boligflyt.client.temporary_housing.api.settlement import (
    announce_settlement,
    link_settlement_application,
    order_housing,
)
from boligflyt.client.temporary_housing.api.stays import end_stay, link_application, start_stay
from boligflyt.demo import people
from boligflyt.demo.agencies import ApiError, Larvik, days_after, open_larvik
from boligflyt.demo.seed import MEETING_LEAD_DAYS, REQUIRED_DOCUMENTS, STAY_CAUSES, decision
from boligflyt.platform.settings import Settings

# Average events per day (Larvik about 2012-2014: 10-20 people a month into temporary housing, ~400 applications a
# year, 4-5 refugee housing orders a year; the demo runs a little hotter so a short run shows movement).
ARRIVALS_PER_DAY = 0.6
APPLICATIONS_PER_DAY = 1.2
SETTLEMENTS_PER_DAY = 0.08
NOTICE_PER_TENANCY_DAY = 0.01
DECLINE_SHARE = 0.15
# The committee meets monthly (every fourth week), as the municipality's routine describes.
MEETING_INTERVAL_DAYS = 28
PASS_INSPECTION_SHARE = 0.35
LATE_RENOVATION_SHARE = 0.25
CONTRACT_TYPE = {"rental": "ordinary_rental", "care": "municipal_care", "staffed": "staffed_mental_health"}
SERIAL_BASE = 100_000  # simulated people are numbered apart from the seed's


@dataclass
class SimulationReport:
    days: int = 0
    moved_time: bool = False
    first_day: str | None = None
    last_day: str | None = None
    happened: Counter[str] = field(default_factory=Counter)
    refused: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0


async def simulate(
    base_urls: dict[str, str],
    settings: Settings,
    days: int,
    speed: float = 30.0,
    rng_seed: int = 2015,
    progress: Progress | None = None,
    *,
    transport: httpx.AsyncBaseTransport | None = None,
) -> SimulationReport:
    """Simulate `days` days at `speed` simulated days per real minute (0: as fast as the services go)."""
    started = time.monotonic()
    async with open_larvik(base_urls, settings, transport=transport, concurrency=4) as larvik:
        simulator = Simulator(larvik, rng_seed)
        await simulator.start()
        task = progress.add_task("Simulating days", total=days) if progress is not None else None
        for _ in range(days):
            day_started = time.monotonic()
            await simulator.day()
            if progress is not None and task is not None:
                progress.update(task, advance=1, description=f"Simulating {simulator.today.isoformat()}")
            if speed > 0:
                await asyncio.sleep(max(0.0, 60.0 / speed - (time.monotonic() - day_started)))
    report = simulator.report
    report.seconds = round(time.monotonic() - started, 1)
    return report


class Simulator:
    """`allocate_at_notice=False` replays the practice before the committee allocated: weekly meetings that only
    decide applications, and a dwelling offered to the best-ranked household once it is ready (the outcome
    benchmark's anchor)."""

    def __init__(self, larvik: Larvik, rng_seed: int, *, allocate_at_notice: bool = True) -> None:
        self.larvik = larvik
        self.rng_seed = rng_seed
        self.allocate_at_notice = allocate_at_notice
        self.meeting_interval = MEETING_INTERVAL_DAYS if allocate_at_notice else 7
        self.rng = random.Random(rng_seed)
        self.report = SimulationReport()
        self.today = date.min
        self.serial = SERIAL_BASE
        self.checklist: list[str] = []

    def chance(self, key: str, salt: str = "") -> random.Random:
        """A random source for one thing (a job, an offer): the same whatever else happened that day."""
        return random.Random(zlib.crc32(f"{self.rng_seed}:{key}:{salt}".encode()))

    def did(self, what: str, count: int = 1) -> None:
        self.report.happened[what] += count

    async def start(self) -> None:
        larvik = self.larvik
        self.report.moved_time = await larvik.can_move_time()
        self.today = await larvik.today()
        self.report.first_day = self.today.isoformat()
        # People already registered keep their numbers: new ones continue after them.
        self.serial = (
            SERIAL_BASE + await larvik.boligkontoret.total("/v1/applicants") + await larvik.nav.total("/v1/stays")
        )
        # Seeded, and by where the town is: a second run goes on from there instead of replaying the first.
        self.rng.seed(f"{self.rng_seed}:{self.serial}:{self.today.isoformat()}")
        checklist = await larvik.lke.get("/v1/inspection-checklist")
        self.checklist = [item["code"] for item in checklist["items"]]

    async def day(self) -> None:
        if self.report.moved_time:
            self.today = await self.larvik.advance(1)
        else:
            self.today = await self.larvik.today()
        self.report.days += 1
        self.report.last_day = self.today.isoformat()
        # The agencies' days, in an order where one's work feeds the next on the same day.
        for work in (
            self.nav_arrivals,
            self.nav_applies,
            self.people_apply,
            self.caseworker_completes,
            self.committee,
            self.offers,
            self.answers,
            self.contracts,
            self.move_ins,
            self.notices,
            self.move_outs,
            self.inspections,
            self.renovations,
            self.needs_and_orders,
            self.acquisitions,
            self.refugees,
        ):
            try:
                await work()
            except ApiError as error:  # one agency's bad day must not stop the town
                self.report.refused[f"{work.__name__}: {error.status_code}"] += 1

    def poisson(self, mean: float) -> int:
        # Knuth's method: fine for the small means of a day's arrivals.
        limit, k, product = math.exp(-mean), 0, self.rng.random()
        while product > limit:
            k += 1
            product *= self.rng.random()
        return k

    def next_person(self) -> people.Person:
        self.serial += 1
        return people.person(self.serial, self.rng)

    async def attempt(self, what: str, call: Any) -> Any | None:
        """A step the system may refuse (a rule, a race with a consumer): counted either way."""
        try:
            result = await call
        except ApiError as error:
            if error.status_code >= 500:
                raise
            self.report.refused[what] += 1
            return None
        self.did(what)
        return result

    # --- NAV ----------------------------------------------------------------------------------------------

    async def nav_arrivals(self) -> None:
        nav = self.larvik.nav
        arrivals = self.poisson(ARRIVALS_PER_DAY)
        if not arrivals:
            return
        providers = [
            p
            for p in await nav.all("/v1/providers")
            if p["active"] and p["agreement_in_force"] and p["agreement_in_force"]["excludes_families_with_children"]
            and not (p["kind"] == "campsite" and self.today.month in (5, 6, 7))
            and (p["capacity"] is None or p["occupied"] < p["capacity"])
        ]  # fmt: skip
        for _ in range(arrivals):
            if not providers:
                return
            person = self.next_person()
            body = {
                "person": {
                    "national_id": person.national_id,
                    "name": person.name,
                    "birth_date": person.birth_date.isoformat(),
                },
                "adults": 1,
                "cause": self.rng.choice(STAY_CAUSES),
                "decision_date": self.today.isoformat(),
                "provider_id": self.rng.choice(providers)["provider_id"],
                "start_date": self.today.isoformat(),
            }
            await self.attempt("stay started", nav.do(start_stay, body=nav_models.StayIn.from_dict(body)))

    async def nav_applies(self) -> None:
        """NAV applies for people a few days into their stay; a few find a place themselves."""
        nav = self.larvik.nav
        for stay in await nav.all("/v1/stays", state="started"):
            chance = self.chance(stay["stay_id"], "stay")
            if stay["application_id"] is None and stay["days_in_stay"] >= chance.randint(1, 6):
                link = nav_models.ApplicationLinkIn(consent_signed_on=self.today)
                await self.attempt("NAV applied", nav.do(link_application, stay["stay_id"], body=link))
            elif stay["days_in_stay"] > 20 and self.rng.random() < 0.01:
                body = {"end_date": self.today.isoformat(), "reason": self.rng.choice(["private_rental", "unknown"])}
                ending = nav_models.EndIn.from_dict(body)
                await self.attempt("stay ended", nav.do(end_stay, stay["stay_id"], body=ending))

    # --- Boligkontoret ------------------------------------------------------------------------------------

    async def new_application(self, **overrides: Any) -> dict[str, Any] | None:
        bk, rng = self.larvik.boligkontoret, self.rng
        person = self.next_person()
        kind = overrides.pop("kind", None) or rng.choices(["rental", "care", "staffed"], weights=[72, 22, 6])[0]
        children = rng.choices([0, 1, 2, 3], weights=[60, 17, 15, 8])[0] if kind == "rental" else 0
        body: dict[str, Any] = {
            "kind": kind,
            "household": {"adults": 1 if kind != "rental" else rng.choice([1, 1, 1, 2]), "children": children},
            "needs": {"accessible": kind == "care" and rng.random() < 0.5, "staffed": kind == "staffed"},
            "priority_factors": rng.sample(
                ["notice_to_quit", "risk_of_losing_home", "unsuitable_dwelling", "cannot_find_alternative"],
                k=rng.choice([1, 1, 2]),
            ),
            "ownership_check": {"able_to_buy": rng.random() < 0.05},
            # A few come without every document: the caseworker asks for them.
            "documents_received": REQUIRED_DOCUMENTS[kind][: None if rng.random() < 0.85 else -1],
        }
        body.update(overrides)
        try:
            applicant = await bk.do(
                register_applicant,
                body=bk_models.ApplicantIn(
                    national_id=person.national_id, name=person.name, postal_address=people.postal_address(rng)
                ),
            )
            consent = {"signed_on": self.today.isoformat(), "scope": ["collect_information", "share_with_nav"]}
            await bk.do(record_consent, applicant["id"], body=bk_models.ConsentIn.from_dict(consent))
            submitted = bk_models.ApplicationIn.from_dict({"applicant_id": applicant["id"], **body})
            application: dict[str, Any] = await bk.do(submit_application, body=submitted)
        except ApiError as error:
            if error.status_code >= 500:
                raise
            self.report.refused["application"] += 1
            return None
        self.did("application submitted")
        return application

    async def people_apply(self) -> None:
        for _ in range(self.poisson(APPLICATIONS_PER_DAY)):
            await self.new_application()

    async def caseworker_completes(self) -> None:
        """Missing documents arrive a few days after they were asked for; then the case is complete."""
        bk = self.larvik.boligkontoret
        for state in ("submitted", "incomplete"):
            for application in await bk.all("/v1/applications", state=state):
                if (
                    application["missing_documents"]
                    and self.chance(application["id"], self.today.isoformat()).random() < 0.4
                ):
                    documents = bk_models.DocumentsIn(documents=application["missing_documents"])
                    await self.attempt(
                        "documents received", bk.do(receive_documents, application["id"], body=documents)
                    )
                await bk.try_do(completeness_check, application["id"])

    async def committee(self) -> None:
        """TBO meets monthly, with its next meeting's case list open; on the day it decides its cases and then
        allocates the dwellings ready or coming vacant, each to the household Boligkontoret proposes."""
        bk = self.larvik.boligkontoret
        meetings = await bk.all("/v1/meetings")
        for meeting in meetings:
            held = date.fromisoformat(meeting["meeting_date"]) <= self.today
            undecided = [c for c in meeting["cases"] if c["outcome"] is None]
            if held and undecided:
                for case in undecided:
                    application = await bk.get(f"/v1/applications/{case['application_id']}")
                    body = decision(application, self.chance(case["application_id"], "decision").random())
                    decided = bk.do(decide, meeting["id"], body=bk_models.DecisionIn.from_dict(body))
                    await self.attempt(f"TBO {body['outcome']}", decided)
            if date.fromisoformat(meeting["meeting_date"]) == self.today and self.allocate_at_notice:
                await self.allocate(meeting)
        open_lists = [
            m for m in meetings if not m["case_list_frozen"] and date.fromisoformat(m["meeting_date"]) > self.today
        ]
        if open_lists:
            meeting = min(open_lists, key=lambda m: str(m["meeting_date"]))
        else:
            latest = max((date.fromisoformat(m["meeting_date"]) for m in meetings), default=None)
            first_free = self.today + timedelta(days=MEETING_LEAD_DAYS)
            on = max(first_free, latest + timedelta(days=self.meeting_interval)) if latest else first_free
            meeting = await bk.do(create_meeting, body=bk_models.MeetingIn(meeting_date=on))
            self.did("TBO meeting scheduled")
        for application in await bk.all("/v1/applications", state="complete"):
            # Refused when it is already on a case list: nothing to count.
            await bk.try_do(add_case, meeting["id"], body=bk_models.CaseIn(application_id=application["id"]))

    async def allocate(self, meeting: dict[str, Any]) -> None:
        bk = self.larvik.boligkontoret
        advice = await bk.get(f"/v1/meetings/{meeting['id']}/recommendation")
        for entry in advice["dwellings"]:
            if entry["proposed_application_id"] is None:
                continue
            body = bk_models.CommitteeAllocationIn(
                dwelling_id=entry["dwelling"]["id"], application_id=entry["proposed_application_id"]
            )
            await self.attempt("TBO allocated", bk.do(allocate, meeting["id"], body=body))

    async def offers(self) -> None:
        """A dwelling that became ready with nobody allocated is offered at once to the best-ranked household it
        suits (the caseworker's delegated allocation between meetings)."""
        bk = self.larvik.boligkontoret
        for dwelling in await bk.all("/v1/dwellings", offerable=True):
            # Refused when nobody on the list fits the dwelling: it waits for the next approval.
            if await bk.try_do(make_offer, dwelling["id"], body=bk_models.OfferIn()) is not None:
                self.did("offer made")

    async def answers(self) -> None:
        """Offers are answered within the week: most accept; declining takes the applicant off the list."""
        bk = self.larvik.boligkontoret
        for offer in await bk.all("/v1/offers", state="pending"):
            chance = self.chance(offer["id"], "answer")
            if (self.today - date.fromisoformat(offer["offered_on"])).days < chance.randint(1, 4):
                continue
            if chance.random() < DECLINE_SHARE:
                declined = bk_models.OfferAnswerIn(answer=bk_models.OfferAnswerInAnswer.DECLINED)
                await self.attempt("offer declined", bk.do(answer_offer, offer["id"], body=declined))
            else:
                # The move-in is agreed at the signing: as soon as the dwelling is ready (Boligkontoret plans it).
                accepted = bk_models.OfferAnswerIn(answer=bk_models.OfferAnswerInAnswer.ACCEPTED)
                await self.attempt("offer accepted", bk.do(answer_offer, offer["id"], body=accepted))

    async def contracts(self) -> None:
        """The contract is signed for the day the dwelling is ready (the planned move-in), once its gates are closed:
        the co-op board approved (or kept silent for 20 days), the deposit paid or NAV's guarantee granted."""
        bk = self.larvik.boligkontoret
        for application in await bk.all("/v1/applications", state="allocated"):
            chance = self.chance(application["id"], "contract")
            [dwelling, *_] = await bk.all("/v1/dwellings", allocated_to=application["id"]) or [None]
            if dwelling is None:
                continue
            deposit_kind = chance.choice(["nav_guarantee", "nav_guarantee", "cash"])
            gates = await self.close_gates(application, dwelling, deposit_kind)
            if gates is None or gates["open_gates"]:
                continue  # signed on a later day, once NAV's decision or the board's answer has come
            planned = dwelling["planned_move_in_on"]
            earliest = self.today + timedelta(days=2 if self.report.moved_time else 0)
            start = max(date.fromisoformat(planned), earliest) if planned else earliest
            body: dict[str, Any] = {
                "application_id": application["id"],
                "contract_type": CONTRACT_TYPE[application["kind"]],
                "start_date": start.isoformat(),
                "deposit_kind": deposit_kind,
            }
            if application["kind"] == "rental" and chance.random() < 0.15:
                # A short contract, so the renewal reminder shows up during a demo.
                body["end_date"] = days_after(start, 100)
            await self.attempt("contract signed", bk.do(sign_tenancy, body=bk_models.TenancyIn.from_dict(body)))

    async def close_gates(
        self, application: dict[str, Any], dwelling: dict[str, Any], deposit_kind: str
    ) -> dict[str, Any] | None:
        """What the caseworker (and NAV) do about each open gate today; the gates as they stand afterwards."""
        bk, nav = self.larvik.boligkontoret, self.larvik.nav
        path = f"/v1/applications/{application['id']}/gates"
        try:
            gates: dict[str, Any] = await bk.get(path, deposit_kind=deposit_kind)
        except ApiError as error:  # the allocation moved on meanwhile (a race with a consumer)
            if error.status_code >= 500:
                raise
            return None
        if not gates["open_gates"]:
            return gates
        state = gates["gates"]
        if state.get("coop_board_approval") == "not_requested":
            asked = bk.do(request_coop_board, application["id"], body=bk_models.CoopBoardRequestIn())
            await self.attempt("co-op board asked", asked)
        elif state.get("coop_board_approval") == "pending" and gates["coop_board_requested_on"]:
            # Most boards answer within a few days; the rest stay silent and approve after 20 days (a job).
            waited = (self.today - date.fromisoformat(gates["coop_board_requested_on"])).days
            if waited >= self.chance(application["id"], "board").randint(2, 30):
                answer = bk_models.CoopBoardAnswerIn.from_dict(
                    {"answer": "approved", "answered_on": self.today.isoformat()}
                )
                await self.attempt("co-op board approved", bk.do(answer_coop_board, application["id"], body=answer))
        if state.get("deposit_paid") == "not_paid":
            paid = bk.do(record_deposit_paid, application["id"], body=bk_models.DepositPaymentIn())
            await self.attempt("deposit paid", paid)
        if state.get("nav_guarantee_granted") == "pending" and not await nav.get(
            "/v1/deposit-guarantees", application_id=application["id"]
        ):
            body = {
                "application_id": application["id"],
                "person_ref": application["person_ref"],
                "decision": "granted",
                "amount": 4 * dwelling["monthly_rent"],
            }
            guarantee = nav_models.GuaranteeIn.from_dict(body)
            await self.attempt("NAV guarantee granted", nav.do(decide_guarantee, body=guarantee))
        after: dict[str, Any] = await bk.get(path, deposit_kind=deposit_kind)
        return after

    async def move_ins(self) -> None:
        """The household moves in on the contract's first day, or the day the dwelling is ready if that is later."""
        bk = self.larvik.boligkontoret
        ready = {d["id"] for d in await bk.all("/v1/dwellings", status="ready")}
        ready |= {d["id"] for d in await bk.all("/v1/dwellings", status="reserved")}
        for tenancy in await bk.all("/v1/tenancies", state="signed"):
            if date.fromisoformat(tenancy["start_date"]) <= self.today and tenancy["dwelling_id"] in ready:
                moving = bk_models.MoveInIn(move_in_date=self.today)
                await self.attempt("moved in", bk.do(move_in, tenancy["id"], body=moving))

    async def notices(self) -> None:
        """Tenants give notice now and then; contracts near their end are renewed on application."""
        bk = self.larvik.boligkontoret
        for tenancy in await bk.all("/v1/tenancies", state="active"):
            end = tenancy["end_date"]
            if end is not None and date.fromisoformat(end) <= self.today + timedelta(days=60):
                await self.renewal(tenancy)
            elif self.rng.random() < NOTICE_PER_TENANCY_DAY:
                body = {"given_by": "tenant", "move_out_date": days_after(self.today, 30)}
                notice = bk_models.NoticeIn.from_dict(body)
                await self.attempt("notice given", bk.do(give_notice, tenancy["id"], body=notice))

    async def renewal(self, tenancy: dict[str, Any]) -> None:
        """The tenant applies for a renewal; once the committee has approved it (after the ownership check) the
        caseworker records the renewal on that application."""
        bk = self.larvik.boligkontoret
        housed = await bk.get(f"/v1/applications/{tenancy['application_id']}")
        applied = [
            a
            for a in await bk.all("/v1/applications", person_ref=housed["person_ref"])
            if a["renewal_of_tenancy_id"] == tenancy["id"]
        ]
        if not applied:
            body = {
                "applicant_id": housed["applicant_id"],
                "kind": housed["kind"],
                "household": {"adults": housed["adults"], "children": housed["children"]},
                "ownership_check": {"able_to_buy": False},
                "documents_received": REQUIRED_DOCUMENTS[housed["kind"]],
                "renewal_of_tenancy_id": tenancy["id"],
            }
            renewal = bk_models.ApplicationIn.from_dict(body)
            await self.attempt("renewal applied for", bk.do(submit_application, body=renewal))
            return
        approved = [a for a in applied if a["state"] == "approved"]
        if approved:
            body = {
                "ownership_check": {"able_to_buy": False},
                "new_end_date": days_after(date.fromisoformat(tenancy["end_date"]), 3 * 365),
                "application_id": approved[0]["id"],
            }
            renewed = bk_models.RenewalIn.from_dict(body)
            await self.attempt("renewal recorded", bk.do(renew, tenancy["id"], body=renewed))

    async def move_outs(self) -> None:
        bk = self.larvik.boligkontoret
        for tenancy in await bk.all("/v1/tenancies", state="notice_given"):
            move_out = tenancy["move_out_date"]
            if move_out is not None and date.fromisoformat(move_out) <= self.today:
                body = {"reason": "notice_by_tenant", "end_date": move_out}
                ending = bk_models.EndIn.from_dict(body)
                await self.attempt("moved out", bk.do(end_tenancy, tenancy["id"], body=ending))

    # --- LKE ----------------------------------------------------------------------------------------------

    def readiness(self, key: str) -> dict[str, Any]:
        return {
            "photographs": [f"demo/{key}/stue.jpg", f"demo/{key}/kjokken.jpg"],
            "meter_number": f"M-{zlib.crc32(key.encode()) % 10**7:07d}",
            "meter_reading_kwh": self.chance(key, "meter").randint(1000, 90000),
        }

    async def inspections(self) -> None:
        lke = self.larvik.lke
        booked_for = {i["dwelling_id"] for i in await lke.all("/v1/inspections", status="booked")}
        # Empty dwellings nobody has booked an inspection for yet (new deliveries, the seed's vacant ones).
        for dwelling in await lke.all("/v1/dwellings", status="vacant"):
            if dwelling["id"] not in booked_for:
                booking = lke_models.InspectionBook.from_dict(
                    {"planned_on": days_after(self.today, 1), "trigger": "move_in"}
                )
                await self.attempt("inspection booked", lke.do(book_inspection, dwelling["id"], body=booking))
        for inspection in await lke.all("/v1/inspections", status="booked"):
            if date.fromisoformat(inspection["planned_on"]) > self.today:
                continue
            passed = self.chance(inspection["id"], "inspection").random() < PASS_INSPECTION_SHARE
            body: dict[str, Any] = {
                "inspected_on": self.today.isoformat(),
                "inspector": "LKE driftsavdeling",
                "results": [
                    {"item": code, "passed": passed or n > 1, "note": None if passed or n > 1 else "Må utbedres"}
                    for n, code in enumerate(self.checklist)
                ],
            }
            if passed:
                body["readiness"] = self.readiness(inspection["dwelling_id"])
            else:
                body["renovation_scope"] = "Maling, nytt gulvbelegg og utskifting av kjøkkenbenk"
                body["estimated_cost"] = self.chance(inspection["id"], "cost").randrange(40_000, 180_000, 5_000)
            what = "inspection passed" if passed else "inspection failed"
            result = lke_models.InspectionResult.from_dict(body)
            await self.attempt(what, lke.do(complete_inspection, inspection["id"], body=result))

    async def renovations(self) -> None:
        """Jobs start the day after ordering and take 1-4 weeks; about a quarter run past their month."""
        lke = self.larvik.lke
        for job in await lke.all("/v1/renovation-jobs", status="ordered"):
            # A job ordered on notice waits for the tenant to leave: LKE refuses to start it before.
            started = await lke.try_do(start_job, job["id"], body=lke_models.RenovationStart(started_on=self.today))
            if started is not None:
                self.did("renovation started")
        for job in await lke.all("/v1/renovation-jobs", status="started"):
            chance = self.chance(job["id"], "renovation")
            late = chance.random() < LATE_RENOVATION_SHARE
            due = date.fromisoformat(job["due_date"])
            finish = (
                due + timedelta(days=chance.randint(2, 14))
                if late
                else date.fromisoformat(job["started_on"]) + timedelta(days=chance.randint(5, 25))
            )
            if not self.report.moved_time:
                finish = date.fromisoformat(job["started_on"]) + timedelta(days=1)  # no time to be late in
            if late and not job["due_date_agreed"] and self.today >= due - timedelta(days=7):
                # LKE sees the job will run late and agrees a new date: the household and NAV are told.
                change = {"due_date": finish.isoformat(), "reason": "Mer omfattende arbeid enn antatt"}
                rescheduled = lke.do(change_job, job["id"], body=lke_models.RenovationChange.from_dict(change))
                await self.attempt("renovation rescheduled", rescheduled)
            if min(finish, due + timedelta(days=30)) > self.today:
                continue
            cost = job["estimated_cost"] or 80_000
            body = {
                "completed_on": self.today.isoformat(),
                "cost_hard_use": cost * 2 // 3,
                "cost_age_wear": cost // 3,
                "joint_inspection_passed": True,
                "readiness": self.readiness(job["dwelling_id"]),
            }
            what = "renovation completed late" if self.today > due else "renovation completed"
            completion = lke_models.RenovationCompletion.from_dict(body)
            await self.attempt(what, lke.do(complete_job, job["id"], body=completion))

    async def acquisitions(self) -> None:
        """LKE moves its projects on; purchases are delivered within weeks, builds take their stages."""
        lke = self.larvik.lke
        stages = ["identified", "zoned", "designed", "adopted", "ready_to_build", "contractor_chosen",
                  "under_construction", "completed"]  # fmt: skip
        for project in await lke.all("/v1/acquisitions"):
            if project["stage"] == "taken_over":
                continue
            chance = self.chance(project["id"], self.today.isoformat())
            buying = project["method"] in ("buy_existing", "buy_in_coop", "lease_in", "buy_new_project")
            # Purchases close in about a month; a build moves a stage every week or two.
            if chance.random() > (0.03 if buying else 0.1):
                continue
            if buying or project["stage"] == "completed":
                await self.deliver(project)
            elif project["stage"] in stages:
                next_stage = stages[stages.index(project["stage"]) + 1]
                stage = lke_models.StageMove.from_dict({"stage": next_stage})
                await self.attempt("acquisition stage", lke.do(move_stage, project["id"], body=stage))

    async def deliver(self, project: dict[str, Any]) -> None:
        missing = project["dwellings_planned"] - project["dwellings_delivered"]
        if missing <= 0:
            return
        bedrooms = project["bedrooms"] or 2
        category = project["dwelling_category"] or "ordinary"
        dwellings = [
            {
                "external_ref": f"F-{project['id']}-{project['dwellings_delivered'] + n + 1}"[:64],
                "address": people.address(self.rng),
                "zone": self.rng.choice(people.ZONES),
                "category": category,
                "owner": "lke",
                "rooms": bedrooms + 1,
                "bedrooms": bedrooms,
                "floor_area_m2": 30 + 18 * bedrooms,
                "monthly_rent": 5200 + 1700 * bedrooms,
                "accessible": project["accessible"],
                "staffed": project["staffed"],
                "acquired_via": project["method"],
            }
            for n in range(missing)
        ]
        body = {"delivered_on": self.today.isoformat(), "cost": 2_900_000 * missing, "dwellings": dwellings}
        delivery = lke_models.Delivery.from_dict(body)
        await self.attempt("dwellings delivered", self.larvik.lke.do(deliver, project["id"], body=delivery))

    # --- The ordering function ---------------------------------------------------------------------------

    async def needs_and_orders(self) -> None:
        """The needs committee prioritises reported needs within a week or so; the officer orders them."""
        bestiller = self.larvik.bestiller
        year = self.today.year
        await bestiller.try_do(create_programme, body=ordering_models.ProgrammeIn(year=year))
        for need in await bestiller.all("/v1/needs"):
            chance = self.chance(need["need_id"], "need")
            waited = (self.today - date.fromisoformat(need["reported_on"])).days
            if need["state"] == "reported" and waited >= chance.randint(2, 10):
                line = {"refugees": "refugee_dwellings"}.get(need["target_group"], "disadvantaged_dwellings")
                if need["service_needs"] in ("staff_base", "staffed"):
                    line = "service_needs"
                body = {"programme_year": year, "budget_line": line}
                priority = ordering_models.PrioritiseIn.from_dict(body)
                await self.attempt("need prioritised", bestiller.do(prioritise_need, need["need_id"], body=priority))
            elif need["state"] == "prioritised" and need["programme_year"] == year and waited >= chance.randint(5, 15):
                dwellings = need["dwellings_prioritised"] or need["quantity"]
                body = {
                    "need_ids": [need["need_id"]],
                    "dwellings": dwellings,
                    "estimated_cost": 3_000_000 * dwellings,
                    "due_date": days_after(self.today, 180),
                }
                order = ordering_models.OrderIn.from_dict(body)
                await self.attempt("order placed", bestiller.do(place_order, body=order))

    # --- NAV Intro: refugee settlement -------------------------------------------------------------------

    async def refugees(self) -> None:
        nav, rng = self.larvik.nav, self.rng
        if rng.random() < SETTLEMENTS_PER_DAY:
            quotas = [q for q in await nav.get("/v1/quotas", year=self.today.year) if q["state"] == "adopted"]
            family = rng.random() < 0.5
            body = {
                "quota_id": quotas[0]["quota_id"] if quotas else None,
                "adults": 2 if family else 1,
                "children": rng.randint(1, 3) if family else 0,
                "category": "family" if family else "single_adult",
                "origin": rng.choice(["reception_centre", "transfer_refugee"]),
                "announced_on": self.today.isoformat(),
                "planned_settlement_date": days_after(self.today, rng.randint(30, 90)),
            }
            announced = nav_models.SettlementIn.from_dict(body)
            await self.attempt("household announced", nav.do(announce_settlement, body=announced))
        for settlement in await nav.all("/v1/settlements", state="announced"):
            if (self.today - date.fromisoformat(settlement["announced_on"])).days >= 2:
                ordered = nav.do(order_housing, settlement["settlement_id"], body=nav_models.HousingOrderIn())
                await self.attempt("housing ordered", ordered)
        for settlement in await nav.all("/v1/settlements", state="housing_ordered"):
            if settlement["application_id"] is None:
                await self.settlement_application(settlement)

    async def settlement_application(self, settlement: dict[str, Any]) -> None:
        """NAV Intro's programme adviser applies to Boligkontoret for the household; replies go to the adviser."""
        application = await self.new_application(
            kind="rental",
            household={"adults": max(1, settlement["adults"]), "children": settlement["children"]},
            needs={"bedrooms": settlement["bedrooms_needed"]} if settlement["bedrooms_needed"] else {},
            priority_factors=["no_fixed_address", "cannot_find_alternative"],
            referrer="nav_intro",
            referrer_case_ref=settlement["settlement_id"],
            referrer_contact="NAV Intro, programrådgiver",
            ownership_check={"able_to_buy": False},
            documents_received=REQUIRED_DOCUMENTS["rental"],
        )
        if application is not None:
            link = nav_models.SettlementApplicationIn(application_id=application["id"])
            linked = self.larvik.nav.do(link_settlement_application, settlement["settlement_id"], body=link)
            await self.attempt("settlement application linked", linked)
