"""Letters people can use: the dwelling named by its address, size and rent (not LKE's id); the allocation decision
with its reasons and the appeal information. The PDFs are read back as text."""

from __future__ import annotations

import io
from datetime import date
from types import SimpleNamespace
from typing import Any

import pytest
from pypdf import PdfReader

from boligflyt.applications.letters import LetterKind, allocation_reasons, render, to_pdf
from boligflyt.applications.ports import DwellingDescription

from .conftest import Caseworker

ADDRESS = "Storgata 12 A, 3256 Larvik"
TODAY = date(2015, 3, 2)


def pdf_text(pdf: bytes) -> str:
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    return " ".join(text.split())  # lines wrap where the PDF wraps them


def words(text: str) -> str:
    return " ".join(text.split())


APPLICATION = SimpleNamespace(
    id="app-1",
    submitted_on=date(2015, 1, 5),
    decided_on=date(2015, 2, 2),
    appeal_deadline=date(2015, 2, 23),
    adults=2,
    children=1,
    accessible_needed=False,
    staffed_needed=False,
    priority_factors=["no_fixed_address", "cannot_find_alternative"],
)
DWELLING = SimpleNamespace(
    id="dw-1001", address=ADDRESS, rooms=3, bedrooms=2, floor_area_m2=64, monthly_rent=9800, expected_ready_on=None
)
OFFER = SimpleNamespace(dwelling_id="dw-1001", answer_deadline=date(2015, 3, 9), expected_move_in_on=None)
COMMON = {"application": APPLICATION, "addressee": "Kari Nordmann, Storgata 1", "today": TODAY, "interpreter": False}
CONTEXT: dict[LetterKind, dict[str, Any]] = {
    LetterKind.RECEIPT: {"kind_text": "kommunal utleiebolig"},
    LetterKind.MISSING_DOCUMENTS: {"missing": ["tax_assessment"]},
    LetterKind.WAITING_LIST: {},
    LetterKind.REFUSAL: {"reasons": ["able_to_buy"], "reasoning": None},
    LetterKind.OFFER: {"offer": OFFER, "dwelling": DWELLING},
    LetterKind.ALLOCATION: {
        "dwelling": DWELLING,
        "planned_move_in_on": date(2015, 3, 16),
        "reasons": allocation_reasons(
            APPLICATION, DWELLING, rank=1, meeting_date=date(2015, 2, 25), deviation_reason=None
        ),
    },
    LetterKind.MOVE_IN_RESCHEDULED: {"dwelling": DWELLING, "previous": date(2015, 3, 16), "planned": date(2015, 4, 1)},
}
# What each kind must say, read back from its PDF.
SAYS: dict[LetterKind, list[str]] = {
    LetterKind.RECEIPT: ["Kvittering for mottatt søknad", "kommunal utleiebolig", "05.01.2015"],
    LetterKind.MISSING_DOCUMENTS: ["mangler dokumentasjon", "skattemelding"],
    LetterKind.WAITING_LIST: ["satt på venteliste"],
    LetterKind.REFUSAL: ["avslått", "startlån", "Klagefristen er tre uker", "23.02.2015"],
    LetterKind.OFFER: [ADDRESS, "3 rom, 2 soverom, 64 m²", "kr 9 800 per måned", "kr 39 200", "09.03.2015"],
    LetterKind.ALLOCATION: [
        ADDRESS,
        "3 rom, 2 soverom, 64 m²",
        "kr 9 800 per måned",
        "Planlagt innflytting: 16.03.2015",
        "Begrunnelse for vedtaket",
        "husstanden har ikke fast bopel og husstanden kan ikke skaffe seg bolig på egen hånd",
        "2 soverom for 2 voksne og 1 barn",
        "Tildelingsutvalget tildelte boligen i møte 25.02.2015, etter Boligkontorets innstilling",
        "Klagefristen er tre uker fra du mottok dette brevet",
        "Klagen sendes skriftlig til Boligkontoret, Larvik kommune",
    ],
    LetterKind.MOVE_IN_RESCHEDULED: [ADDRESS, "3 rom, 2 soverom, 64 m²", "kr 9 800 per måned", "01.04.2015"],
}


@pytest.mark.parametrize("kind", list(LetterKind))
def test_each_kind_of_letter_prints_what_it_must_say(kind: LetterKind) -> None:
    subject, body = render(kind, **COMMON, **CONTEXT[kind])
    text = pdf_text(to_pdf(subject, body))
    for expected in SAYS[kind]:
        assert expected in text, (kind, expected, text)
    assert "dw-1001" not in text  # the dwelling by its address, never LKE's id


def test_before_the_register_answered_the_letter_still_names_size_and_rent() -> None:
    unknown = SimpleNamespace(**{**vars(DWELLING), "address": None, "rooms": None})
    _, body = render(LetterKind.OFFER, **COMMON, offer=OFFER, dwelling=unknown)
    assert "boligen med LKEs nummer dw-1001 (2 soverom, 64 m²)" in words(body) and "kr 9 800" in body


def test_a_committee_deviation_is_a_reason_of_the_allocation() -> None:
    reasons = allocation_reasons(
        APPLICATION, DWELLING, rank=2, meeting_date=date(2015, 2, 25), deviation_reason="barna går på skolen der"
    )
    assert any(
        "valgte en annen husstand enn Boligkontoret innstilte fordi: barna går på skolen der" in r for r in reasons
    )
    between_meetings = allocation_reasons(APPLICATION, DWELLING, rank=2, meeting_date=None, deviation_reason=None)
    assert "Husstanden var nummer 2 av dem boligen passet for, etter prioritet og ventetid." in between_meetings


async def test_the_offer_and_allocation_pdfs_name_the_dwelling_as_lkes_register_describes_it(
    caseworker: Caseworker,
) -> None:
    [application] = await caseworker.approved()
    await caseworker.ready_dwelling("dw-2001", floor_area_m2=41, monthly_rent=7500)
    caseworker.register.known["dw-2001"] = DwellingDescription(address=ADDRESS, rooms=2, floor_area_m2=41)
    await caseworker.harness.run_jobs("applications")  # dwelling_descriptions asks LKE's register
    assert caseworker.register.asked == ["dw-2001"]
    await caseworker.harness.run_jobs("applications")
    assert caseworker.register.asked == ["dw-2001"]  # described once

    offer = await caseworker.staff.post("/v1/dwellings/dw-2001/offers", json={})
    assert offer.status_code == 201, offer.text
    answered = await caseworker.staff.post(f"/v1/offers/{offer.json()['id']}/answer", json={"answer": "accepted"})
    assert answered.status_code == 200, answered.text
    letters = (await caseworker.staff.get(f"/v1/applications/{application['id']}/letters")).json()
    by_kind = {letter["kind"]: letter for letter in letters}
    for kind in ("offer", "allocation"):
        pdf = await caseworker.staff.get(f"/v1/letters/{by_kind[kind]['id']}/pdf")
        assert pdf.status_code == 200 and pdf.headers["content-type"] == "application/pdf"
        text = pdf_text(pdf.content)
        assert f"{ADDRESS} (2 rom, 1 soverom, 41 m²)" in text and "kr 7 500 per måned" in text, text
        assert "dw-2001" not in text
    allocation = pdf_text((await caseworker.staff.get(f"/v1/letters/{by_kind['allocation']['id']}/pdf")).content)
    assert "Begrunnelse for vedtaket" in allocation and "husstanden har ikke fast bopel" in allocation
    assert "Husstanden var nummer 1 av dem boligen passet for" in allocation
    assert "Klagefristen er tre uker fra du mottok dette brevet" in allocation
    assert "Klagen sendes skriftlig til Boligkontoret, Larvik kommune" in allocation
