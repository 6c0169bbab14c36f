"""The field vocabulary shared by many events: ids, money, counts.

An id is an opaque reference minted by the owning service. It must never be a national identity number,
so an id of exactly 11 digits (the shape of a national identity number) is refused even though it matches the pattern.
"""

from __future__ import annotations

import re
from typing import Annotated, TypeVar

from pydantic import AfterValidator, Field, StringConstraints

_NATIONAL_ID_SHAPE = re.compile(r"\d{11}")


def _not_a_national_id(value: str) -> str:
    if _NATIONAL_ID_SHAPE.fullmatch(value):
        raise ValueError("an id must not look like a national identity number (11 digits)")
    return value


Id = Annotated[
    str,
    StringConstraints(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9][A-Za-z0-9._:-]*$"),
    AfterValidator(_not_a_national_id),
]

ApplicationId = Annotated[Id, Field(description="Boligkontoret's id of the application (søknad).")]
OfferId = Annotated[Id, Field(description="Boligkontoret's id of the offer of one dwelling to one applicant.")]
TenancyId = Annotated[Id, Field(description="Boligkontoret's id of the tenancy contract (husleiekontrakt).")]
StayId = Annotated[Id, Field(description="NAV's id of the temporary stay (midlertidig botilbud).")]
ProviderId = Annotated[Id, Field(description="NAV's id of the temporary-accommodation provider.")]
AgreementId = Annotated[Id, Field(description="NAV's id of a quality agreement (kvalitetsavtale) with a provider.")]
SettlementId = Annotated[Id, Field(description="NAV Intro's id of the settlement of one refugee household.")]
QuotaId = Annotated[Id, Field(description="NAV Intro's id of a settlement quota adopted by the council.")]
DwellingId = Annotated[Id, Field(description="LKE's id of the dwelling (boligobjekt); never its address.")]
InspectionId = Annotated[Id, Field(description="LKE's id of the inspection (befaring).")]
JobId = Annotated[Id, Field(description="LKE's id of the renovation job.")]
ProjectId = Annotated[Id, Field(description="LKE's id of the acquisition project (anskaffelse).")]
NeedId = Annotated[Id, Field(description="The ordering function's id of the reported housing need.")]
OrderId = Annotated[Id, Field(description="The ordering function's id of the order placed with LKE.")]
FrameId = Annotated[Id, Field(description="The ordering function's id of a budget frame (one line, one year).")]

# Money is whole Norwegian kroner: amounts in the domain are rents, prices per night and budget frames.
# The ceilings lie far above anything real (the services refuse far less) and keep every consumer safe: an amount
# stays below 2^53, exact in any JSON reader, and a count fits a 32-bit column.
MAX_NOK = 10**15
MAX_COUNT = 10**9
Nok = Annotated[int, Field(ge=0, le=MAX_NOK, json_schema_extra={"x-unit": "NOK"})]
Count = Annotated[int, Field(ge=0, le=MAX_COUNT)]
Year = Annotated[int, Field(ge=2000, le=2100)]

T = TypeVar("T")


def no_duplicates(values: tuple[T, ...]) -> tuple[T, ...]:
    """For lists of codes or ids that are sets in the domain (a JSON array is what travels)."""
    if len(set(values)) != len(values):
        raise ValueError("must not contain duplicates")
    return values


# A JSON array whose items are a set in the domain (priority factors, dwellings delivered, needs covered).
UniqueTuple = Annotated[tuple[T, ...], AfterValidator(no_duplicates), Field(json_schema_extra={"uniqueItems": True})]
