"""Letters in Norwegian bokmål, rendered from Jinja2 templates, kept with the case and printable as PDF."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from boligflyt.contracts.codes import ApplicationKind, PriorityFactor, RejectReason


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

PRIORITY_TEXT: dict[PriorityFactor, str] = {
    PriorityFactor.NO_FIXED_ADDRESS: "husstanden har ikke fast bopel",
    PriorityFactor.NOTICE_TO_QUIT: "husstanden har fått oppsigelse fra boligen den har i dag",
    PriorityFactor.RISK_OF_LOSING_HOME: "husstanden står i reell fare for å miste boligen",
    PriorityFactor.UNSUITABLE_DWELLING: "boligen husstanden har i dag, passer ikke behovet",
    PriorityFactor.HEAD_LEASE_ENDING: "kommunens leieavtale for boligen husstanden bor i, går ut",
    PriorityFactor.CANNOT_FIND_ALTERNATIVE: "husstanden kan ikke skaffe seg bolig på egen hånd",
}

_TEMPLATES = Path(__file__).parent / "templates"


def _kroner(amount: int) -> str:
    """9800 -> 'kr 9 800' (Norwegian thousands separator)."""
    return "kr " + f"{amount:,}".replace(",", " ")


def describe_dwelling(dwelling: Any) -> str:
    """The dwelling as a letter names it: its address and size (rooms, bedrooms, m²), not LKE's id. Before LKE's
    register has told us the address (job `dwelling_descriptions`), the id stands in for it."""
    size = []
    if getattr(dwelling, "rooms", None):
        size.append(f"{dwelling.rooms} rom")
    size.append("hybel/ettroms" if dwelling.bedrooms == 0 else f"{dwelling.bedrooms} soverom")
    if getattr(dwelling, "floor_area_m2", None):
        size.append(f"{dwelling.floor_area_m2} m²")
    where = getattr(dwelling, "address", None) or f"boligen med LKEs nummer {dwelling.id}"
    return f"{where} ({', '.join(size)})"


def allocation_reasons(
    application: Any,
    dwelling: Any,
    *,
    rank: int | None,
    meeting_date: date | None,
    deviation_reason: str | None,
) -> list[str]:
    """Why the household got this dwelling, for the allocation decision (forvaltningsloven §§ 24-25)."""
    reasons = []
    if application.decided_on is not None:
        reasons.append(
            f"Søknaden ble innvilget {_dato(application.decided_on)}, og husstanden har stått på ventelisten."
        )
    factors = [PRIORITY_TEXT[PriorityFactor(f)] for f in application.priority_factors]
    if factors:
        reasons.append("I prioriteringen ble det lagt vekt på at " + _and(factors) + " (tildelingskriteriene § 10).")
    household = f"{application.adults} voksne" + (f" og {application.children} barn" if application.children else "")
    fit = "hybel/ettroms" if dwelling.bedrooms == 0 else f"{dwelling.bedrooms} soverom"
    wanted = (("tilrettelagt", application.accessible_needed), ("bemannet", application.staffed_needed))
    needs = [need for need, needed in wanted if needed]
    reasons.append(
        f"Boligen passer husstandens behov: {fit} for {household}"
        + (f", {' og '.join(needs)}" if needs else "")
        + " (tildelingskriteriene § 12)."
    )
    if meeting_date is not None:
        choice = (
            f", og valgte en annen husstand enn Boligkontoret innstilte fordi: {deviation_reason}"
            if deviation_reason
            else ", etter Boligkontorets innstilling"
        )
        reasons.append(f"Tildelingsutvalget tildelte boligen i møte {_dato(meeting_date)}{choice}.")
    elif rank is not None:
        reasons.append(f"Husstanden var nummer {rank} av dem boligen passet for, etter prioritet og ventetid.")
    return reasons


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " og " + items[-1]


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
    env.filters["kroner"] = _kroner
    env.filters["bolig"] = describe_dwelling
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
