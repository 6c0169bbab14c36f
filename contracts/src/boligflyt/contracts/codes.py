"""The shared code lists of the catalogue: every code an event may carry, in the domain's words.

The values are the wire format: lowercase English, stable. Renaming a value is a breaking change (a new
event version); adding one is compatible only for consumers that treat unknown codes with care, so add
sparingly. docs/domain.md says what the codes mean and where the rules behind them come from.
"""

from __future__ import annotations

from enum import StrEnum

# --- Boligkontoret: applications, decisions, offers, tenancies ------------------------------------------


class ApplicationKind(StrEnum):
    """What the application is for: rental dwelling, care dwelling or staffed dwelling."""

    RENTAL = "rental"  # kommunal utleiebolig
    CARE = "care"  # omsorgsbolig
    STAFFED = "staffed"  # bemannet bolig


class PriorityFactor(StrEnum):
    """The applicant's housing situation weighed in the priority assessment (allocation criteria §10).

    `cannot_find_alternative` is the decisive one; `head_lease_ending` puts the household first in the queue
    (Boligkontoret's routine for leased-in dwellings). Health and housing skills are never priority factors
    (a principle of the housing plan).
    """

    NO_FIXED_ADDRESS = "no_fixed_address"  # uten fast bopel: institution, friends, NAV temporary housing
    NOTICE_TO_QUIT = "notice_to_quit"
    RISK_OF_LOSING_HOME = "risk_of_losing_home"
    UNSUITABLE_DWELLING = "unsuitable_dwelling"
    HEAD_LEASE_ENDING = "head_lease_ending"  # the municipality's private head lease ends
    CANNOT_FIND_ALTERNATIVE = "cannot_find_alternative"


class Referrer(StrEnum):
    """Who brought the application (for NAV Intro the reply goes to the programme adviser)."""

    SELF = "self"
    NAV = "nav"  # NAV social services
    NAV_INTRO = "nav_intro"  # NAV's refugee unit, applying for a household it settles
    CHILD_WELFARE = "child_welfare"  # barneverntjenesten
    CARE_SERVICE = "care_service"  # care zones, omrp, omfu


class DecisionOutcome(StrEnum):
    """The allocation committee's (TBO) decision on an application."""

    APPROVED = "approved"  # need accepted: on the waiting list until a dwelling is allocated
    REJECTED = "rejected"  # avslag, with written reasons and a 3-week appeal deadline


class DocumentKind(StrEnum):
    """A document an application needs before the committee can decide it (Boligkontoret's checklist per kind)."""

    INCOME_DOCUMENTATION = "income_documentation"  # pay slips or benefit decisions
    TAX_ASSESSMENT = "tax_assessment"
    HOUSING_SITUATION = "housing_situation"
    CARE_NEEDS_ASSESSMENT = "care_needs_assessment"
    SERVICE_DECISION = "service_decision"
    RENT_ARREARS_STATEMENT = "rent_arrears_statement"


class RejectReason(StrEnum):
    """The allocation criterion a refusal cites (the municipality's allocation rules, §§ 5-8 and 17)."""

    ABLE_TO_BUY = "able_to_buy"  # can buy with startlån / rent-to-own (§ 8, checked for every application)
    ABLE_TO_FIND_ALTERNATIVE = "able_to_find_alternative"  # can obtain a suitable dwelling without help
    DECLINED_LOAN = "declined_loan"  # declines a loan that would solve the need (§ 8)
    NOT_RESIDENT = "not_resident"  # not registered in Larvik and no close ties (§ 5)
    UNDER_AGE = "under_age"  # under 18 without guardian or services (§ 5)
    DECLINED_NECESSARY_FOLLOW_UP = "declined_necessary_follow_up"  # refuses necessary measures (§ 6)
    UNSETTLED_MUNICIPAL_DEBT = "unsettled_municipal_debt"  # earlier debt with no repayment agreement (§ 17)
    DOCUMENTATION_MISSING = "documentation_missing"  # asked in writing, never received
    OTHER = "other"


class LeftListReason(StrEnum):
    """Why an approved application left the waiting list without a move-in."""

    WITHDRAWN = "withdrawn"  # the applicant withdrew
    DECLINED_OFFER = "declined_offer"  # normally one offer only: declining ends the need (§ 16)
    LAPSED = "lapsed"  # no longer reachable or the need has ended
    HOUSED_ELSEWHERE = "housed_elsewhere"  # private rental, bought with startlån, family


class OfferAnswer(StrEnum):
    """The applicant's reply to an offer; no reply within the deadline (1 week) counts as expired."""

    ACCEPTED = "accepted"
    DECLINED = "declined"
    EXPIRED = "expired"  # the offer passes to the next ranked applicant (Boligkontoret's allocation routine)


class ContractType(StrEnum):
    """The nine tenancy contract types Boligkontoret uses, each with its own terms."""

    ORDINARY_RENTAL = "ordinary_rental"  # 1: time-limited, usually 3 years, renewal on written application
    MUNICIPAL_CARE = "municipal_care"  # 2: municipally owned care dwelling at a nursing home, indefinite
    DEMENTIA_GROUP_HOME = "dementia_group_home"  # 3: no fixed date, falls away when the need ends
    STAFFED_MENTAL_HEALTH = "staffed_mental_health"  # 4: as 3
    CO_LOCATED_WITH_STAFF_BASE = "co_located_with_staff_base"  # 5: indefinite, falls away when criteria end
    CO_LOCATED_SUBSTANCE_USE = "co_located_substance_use"  # 6: LAR/substance, initially 3 years, extra duties
    SHORT_TERM_STAFFED = "short_term_staffed"  # 7: 3 months, reviewed each quarter
    ADAPTED_PHYSICAL_DISABILITY = "adapted_physical_disability"  # 8: trygde-/omsorgsbolig, indefinite
    FARET_ONE_YEAR = "faret_one_year"  # 9: the Faret units beside NAV's temporary housing, 1 year only


class DepositKind(StrEnum):
    """How the deposit of 4 months' rent is secured (allocation criteria § 9)."""

    CASH = "cash"  # depositum paid
    NAV_GUARANTEE = "nav_guarantee"  # kommunal garanti for depositum from NAV
    NONE = "none"  # e.g. LKBS lets without deposit after a municipal decision


class GuaranteeDecision(StrEnum):
    """NAV's decision on a guarantee for a deposit."""

    GRANTED = "granted"
    REFUSED = "refused"


class NoticeParty(StrEnum):
    """Who gave the notice to quit (oppsigelse)."""

    TENANT = "tenant"
    LANDLORD = "landlord"


class TenancyEndReason(StrEnum):
    """Why a tenancy ended (a contract that falls away without notice when the need ends has its own reason)."""

    NOTICE_BY_TENANT = "notice_by_tenant"
    NOTICE_BY_LANDLORD = "notice_by_landlord"
    EXPIRED = "expired"  # a time-limited contract ran out and was not renewed
    NEED_ENDED = "need_ended"  # contract types 3-5: falls away without notice when the need ends
    BREACH = "breach"  # contract types 6, 7, 9: repeated breach of the extra duties
    EVICTION = "eviction"  # fravikelse through the bailiff
    TRANSFER = "transfer"  # exchange to another municipal dwelling
    BOUGHT_DWELLING = "bought_dwelling"  # rent-to-own: the tenant bought the dwelling
    OTHER = "other"


# --- NAV: temporary stays and refugee settlement -------------------------------------------------------


class StayCause(StrEnum):
    """Why the person needs temporary accommodation: the cause codes of NAV's monthly situation report.

    The codes are the categories of NAV's own situation report; they are coarse on purpose.
    """

    AFTER_PRISON = "after_prison"
    EVICTION = "eviction"
    SUBSTANCE_USE = "substance_use"
    PSYCHIATRY = "psychiatry"
    RELATIONSHIP_BREAKDOWN = "relationship_breakdown"
    VIOLENCE = "violence"
    THROWN_OUT = "thrown_out"  # by home, family or friends
    DISCHARGE_FROM_INSTITUTION = "discharge_from_institution"
    FROM_OTHER_MUNICIPALITY = "from_other_municipality"
    OTHER = "other"


class StayEndReason(StrEnum):
    """How a temporary stay ended."""

    PERMANENT_HOUSING = "permanent_housing"  # moved into a municipal dwelling (set on tenancy.moved_in)
    PRIVATE_RENTAL = "private_rental"
    INSTITUTION = "institution"
    LEFT_MUNICIPALITY = "left_municipality"
    UNKNOWN = "unknown"  # lost contact


class ProviderKind(StrEnum):
    """The kind of temporary-accommodation provider; private ones need a quality agreement."""

    PENSION = "pension"  # boarding house
    CAMPSITE = "campsite"  # rarely usable May-July (the camping season)
    MUNICIPAL_EMERGENCY_FLAT = "municipal_emergency_flat"  # beredskapsbolig
    BARRACKS = "barracks"
    OTHER = "other"


class SettlementCategory(StrEnum):
    """The composition of a refugee household to settle: it decides the dwelling needed."""

    FAMILY = "family"
    SINGLE_ADULT = "single_adult"
    UNACCOMPANIED_MINOR = "unaccompanied_minor"  # enslig mindreårig, followed up by child welfare
    FAMILY_REUNIFICATION = "family_reunification"  # joins a family member already settled


class SettlementOrigin(StrEnum):
    """Where the refugees come from; it decides which preparation routine NAV Intro follows."""

    RECEPTION_CENTRE = "reception_centre"  # former asylum seekers with a residence permit
    TRANSFER_REFUGEE = "transfer_refugee"  # UN quota refugees arriving straight from abroad
    FAMILY_IMMIGRATION = "family_immigration"


# --- LKE: dwellings, inspections, renovations, acquisitions --------------------------------------------


class DwellingStatus(StrEnum):
    """Where a dwelling is in its turnover between tenancies."""

    LET = "let"
    NOTICE_GIVEN = "notice_given"
    VACANT = "vacant"
    INSPECTED = "inspected"
    RENOVATING = "renovating"
    READY = "ready"  # ready for letting
    RESERVED = "reserved"  # allocated to an applicant, awaiting move-in
    WITHDRAWN = "withdrawn"


class DwellingCategory(StrEnum):
    """The target group or kind a dwelling is earmarked for."""

    ORDINARY = "ordinary"  # ordinary rental dwelling for the disadvantaged
    BENEFIT_RECIPIENT = "benefit_recipient"  # trygdebolig
    CARE = "care"  # omsorgsbolig
    DEMENTIA_GROUP_HOME = "dementia_group_home"
    STAFFED = "staffed"  # bemannet: group homes of omrp/omfu
    CO_LOCATED = "co_located"  # samlokalisert, with or without a staff base
    TRANSITIONAL = "transitional"  # gjennomgangsbolig, småhus
    STARTER = "starter"  # etablererbolig
    EMERGENCY = "emergency"  # beredskapsbolig for a homeless family with children
    TEMPORARY_ACCOMMODATION = "temporary_accommodation"  # municipal units NAV uses for temporary stays


class DwellingOwner(StrEnum):
    """Who owns the dwelling the municipality lets."""

    LKE = "lke"  # Larvik kommunale eiendom KF
    LKBS = "lkbs"  # Larvik kommunale boligstiftelse, leased en bloc to the municipality
    MUNICIPALITY = "municipality"  # e.g. municipally owned care dwellings
    PRIVATE_LEASE = "private_lease"  # rented in from a private landlord (innleie), 3-5 years
    HOUSING_COOP = "housing_coop"  # in a borettslag: the board must approve the tenant


class WithdrawalReason(StrEnum):
    """Why a dwelling was taken out of letting."""

    SOLD = "sold"
    LEASE_ENDED = "lease_ended"  # a private head lease ended
    BELOW_STANDARD = "below_standard"  # out of letting until renovated (the adopted minimum standard)
    FIRE_OR_DAMAGE = "fire_or_damage"
    DEMOLISHED = "demolished"
    REPURPOSED = "repurposed"  # e.g. turned into temporary accommodation or staff base


class InspectionTrigger(StrEnum):
    """What an inspection (befaring) is for; LKE holds over 700 a year."""

    MOVE_OUT_NOTICE = "move_out_notice"  # notice given: inspect before the key is returned
    MOVE_OUT = "move_out"
    MOVE_IN = "move_in"  # condition report before new people move in
    DEPOSIT_GUARANTEE = "deposit_guarantee"  # application for NAV's deposit guarantee
    LEASE_IN = "lease_in"  # a dwelling to be rented in or leased from LKBS
    ACQUISITION = "acquisition"  # a bought or built dwelling taken over
    PERIODIC = "periodic"


class RenovationKind(StrEnum):
    """Why a renovation job was opened."""

    BETWEEN_TENANCIES = "between_tenancies"  # bring it to the minimum standard before the next move-in
    BELOW_STANDARD = "below_standard"  # a withdrawn dwelling brought back to standard
    DAMAGE = "damage"  # fire, water, vandalism
    ADAPTATION = "adaptation"  # e.g. accessibility for a household's needs


class AcquisitionMethod(StrEnum):
    """How LKE provides ordered dwellings."""

    BUILD = "build"
    BUY_EXISTING = "buy_existing"  # in the ordinary market
    BUY_NEW_PROJECT = "buy_new_project"  # units in a private developer's project
    BUY_IN_COOP = "buy_in_coop"
    CONVERT = "convert"  # rebuild an existing municipal building
    LEASE_IN = "lease_in"  # head lease from a private landlord


class AcquisitionStage(StrEnum):
    """The stages of an acquisition project, in order; purchases skip to `taken_over`."""

    IDENTIFIED = "identified"
    ZONED = "zoned"
    DESIGNED = "designed"
    ADOPTED = "adopted"
    READY_TO_BUILD = "ready_to_build"
    CONTRACTOR_CHOSEN = "contractor_chosen"
    UNDER_CONSTRUCTION = "under_construction"
    COMPLETED = "completed"
    TAKEN_OVER = "taken_over"


# --- The central ordering function: needs, programme, budget, orders -----------------------------------


class ReportingService(StrEnum):
    """The municipal service that reported a housing need."""

    NAV = "nav"
    NAV_INTRO = "nav_intro"  # housing orders for refugee settlement, 4-5 times a year
    CHILD_WELFARE = "child_welfare"
    CARE_SERVICE = "care_service"  # the care zones
    MENTAL_HEALTH_AND_SUBSTANCE = "mental_health_and_substance"  # omrp
    DISABILITY_CARE = "disability_care"  # omfu
    BOLIGKONTORET = "boligkontoret"  # the unmet part of the waiting list


class TargetGroup(StrEnum):
    """Who the dwellings of a need or an order are for."""

    REFUGEES = "refugees"
    ECONOMICALLY_DISADVANTAGED = "economically_disadvantaged"
    HOMELESS = "homeless"
    FAMILIES_WITH_CHILDREN = "families_with_children"
    YOUTH = "youth"
    SUBSTANCE_AND_MENTAL_HEALTH = "substance_and_mental_health"  # the ROP group, Housing First
    DISABILITY = "disability"
    ELDERLY = "elderly"


class BudgetLine(StrEnum):
    """The budget frames dwellings are financed from (the council's Boligløft, LKE's loan frame, the economic plan)."""

    REFUGEE_DWELLINGS = "refugee_dwellings"  # Boligløft: 30 MNOK a year
    DISADVANTAGED_DWELLINGS = "disadvantaged_dwellings"  # Boligløft: 30 MNOK a year for other groups
    LKE_REFUGEE_LOAN_FRAME = "lke_refugee_loan_frame"  # LKE's loan frame for self-financing refugee dwellings
    SERVICE_NEEDS = "service_needs"  # dwellings with service needs, financed in the economic plan


class Supplier(StrEnum):
    """Who an order is placed with; orders to LKBS need prior competition (public procurement rules)."""

    LKE = "lke"
    LKBS = "lkbs"


class NeedRejectReason(StrEnum):
    """Why the needs committee did not take a reported need into the housing programme."""

    COVERED_BY_EXISTING_STOCK = "covered_by_existing_stock"
    NO_BUDGET = "no_budget"
    DUPLICATE = "duplicate"
    NO_LONGER_NEEDED = "no_longer_needed"
    OTHER = "other"


class OrderCancelReason(StrEnum):
    """Why an order to LKE was cancelled before it was delivered."""

    NEED_WITHDRAWN = "need_withdrawn"
    BUDGET_WITHDRAWN = "budget_withdrawn"
    NO_SUPPLY = "no_supply"  # nothing suitable could be built, bought or leased
    REPLACED = "replaced"  # replaced by another order
    OTHER = "other"
