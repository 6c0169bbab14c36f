"""Letters in Norwegian bokmål, rendered from Jinja2 templates, kept with the case and printable as PDF."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from boligflyt.contracts.codes import ApplicationKind, RejectReason


class LetterKind(StrEnum):
    RECEIPT = "receipt"
    MISSING_DOCUMENTS = "missing_documents"
    WAITING_LIST = "waiting_list"
    REFUSAL = "refusal"
    OFFER = "offer"
    ALLOCATION = "allocation"
    MOVE_IN_RESCHEDULED = "move_in_rescheduled"


SUBJECTS: dict[LetterKind, str] = {
    LetterKind.RECEIPT: "Kvittering for mottatt søknad",
    LetterKind.MISSING_DOCUMENTS: "Søknaden mangler dokumentasjon",
    LetterKind.WAITING_LIST: "Vedtak: innvilget, satt på venteliste",
    LetterKind.REFUSAL: "Vedtak: avslag",
    LetterKind.OFFER: "Tilbud om kommunal bolig",
    LetterKind.ALLOCATION: "Vedtak om tildeling av bolig",
    LetterKind.MOVE_IN_RESCHEDULED: "Ny dato for innflytting",
}

KIND_TEXT: dict[ApplicationKind, str] = {
    ApplicationKind.RENTAL: "kommunal utleiebolig",
    ApplicationKind.CARE: "omsorgsbolig",
    ApplicationKind.STAFFED: "bemannet bolig",
}

DOCUMENT_TEXT: dict[str, str] = {
    "income_documentation": "dokumentasjon av inntekt (lønnsslipper eller vedtak om ytelser)",
    "tax_assessment": "siste skattemelding / skatteoppgjør",
    "housing_situation": "dokumentasjon av nåværende bosituasjon (leiekontrakt, oppsigelse e.l.)",
    "care_needs_assessment": "vurdering av hjelpebehov fra helse- og omsorgstjenesten",
    "service_decision": "vedtak om tjenester (bemanning eller oppfølging)",
    "rent_arrears_statement": "oversikt over eventuell husleiegjeld",
}

REJECT_TEXT: dict[RejectReason, str] = {
    RejectReason.ABLE_TO_BUY: "Søkeren kan kjøpe egen bolig med startlån eller leie til eie (§ 8).",
    RejectReason.ABLE_TO_FIND_ALTERNATIVE: "Søkeren kan skaffe seg egnet bolig uten kommunens hjelp (§ 10).",
    RejectReason.DECLINED_LOAN: "Søkeren har takket nei til lån som ville løst boligbehovet (§ 8).",
    RejectReason.NOT_RESIDENT: "Søkeren er ikke bosatt i Larvik og har ikke nær tilknytning til kommunen (§ 5).",
    RejectReason.UNDER_AGE: "Søkeren er under 18 år uten verge eller tjenester (§ 5).",
    RejectReason.DECLINED_NECESSARY_FOLLOW_UP: "Søkeren har takket nei til nødvendig oppfølging (§ 6).",
    RejectReason.UNSETTLED_MUNICIPAL_DEBT: "Søkeren har tidligere gjeld til kommunen uten nedbetalingsavtale (§ 17).",
    RejectReason.DOCUMENTATION_MISSING: "Etterspurt dokumentasjon er ikke mottatt, og saken er ikke tilstrekkelig "
    "opplyst.",
    RejectReason.OTHER: "Annen grunn, se begrunnelsen nedenfor.",
}

_TEMPLATES = Path(__file__).parent / "templates"


def _dato(value: date) -> str:
    return value.strftime("%d.%m.%Y")


def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(_TEMPLATES),
        undefined=StrictUndefined,
        autoescape=False,  # plain text letters, never HTML
        keep_trailing_newline=True,
    )
    env.filters["dato"] = _dato
    env.filters["dokument"] = lambda doc: DOCUMENT_TEXT.get(doc, doc)
    env.filters["avslagsgrunn"] = lambda reason: REJECT_TEXT[RejectReason(reason)]
    return env


_ENV = _environment()


def render(kind: LetterKind, **context: Any) -> tuple[str, str]:
    """The letter's subject and body."""
    body = _ENV.get_template(f"{kind.value}.txt.j2").render(**context)
    return SUBJECTS[kind], body


def to_pdf(subject: str, body: str) -> bytes:
    """An A4 PDF of the letter; the core fonts cover Latin-1, which holds æ, ø and å."""
    # Imported when a letter is first printed: fpdf (fonts, images) was a tenth of the system's start-up time.
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_title(subject)
    pdf.set_author("Larvik kommune, Boligkontoret")
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    safe = body.encode("latin-1", errors="replace").decode("latin-1")
    pdf.multi_cell(0, 5.5, safe)
    return bytes(pdf.output())
