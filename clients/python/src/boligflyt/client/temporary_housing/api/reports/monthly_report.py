import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.monthly_report_format import MonthlyReportFormat
from ...models.monthly_report_out import MonthlyReportOut
from ...models.problem_details import ProblemDetails
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    from_: None | str | Unset = UNSET,
    to: None | str | Unset = UNSET,
    format_: MonthlyReportFormat | Unset = MonthlyReportFormat.JSON,
    as_of: datetime.date | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_from_: str | Unset | None
    if isinstance(from_, Unset):
        json_from_ = UNSET
    else:
        json_from_ = from_
    params["from"] = json_from_

    json_to: str | Unset | None
    if isinstance(to, Unset):
        json_to = UNSET
    else:
        json_to = to
    params["to"] = json_to

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_

    json_as_of: str | Unset | None
    if isinstance(as_of, Unset):
        json_as_of = UNSET
    elif isinstance(as_of, datetime.date):
        json_as_of = as_of.isoformat()
    else:
        json_as_of = as_of
    params["as_of"] = json_as_of

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/reports/monthly",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> MonthlyReportOut | ProblemDetails | None:
    if response.status_code == 200:
        response_200 = MonthlyReportOut.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ProblemDetails.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ProblemDetails.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ProblemDetails.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ProblemDetails.from_dict(response.json())

        return response_404

    if response.status_code == 408:
        response_408 = ProblemDetails.from_dict(response.json())

        return response_408

    if response.status_code == 409:
        response_409 = ProblemDetails.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = ProblemDetails.from_dict(response.json())

        return response_413

    if response.status_code == 422:
        response_422 = ProblemDetails.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = ProblemDetails.from_dict(response.json())

        return response_429

    if response.status_code == 503:
        response_503 = ProblemDetails.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[MonthlyReportOut | ProblemDetails]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    from_: None | str | Unset = UNSET,
    to: None | str | Unset = UNSET,
    format_: MonthlyReportFormat | Unset = MonthlyReportFormat.JSON,
    as_of: datetime.date | None | Unset = UNSET,
) -> Response[MonthlyReportOut | ProblemDetails]:
    """Monthly Report

     NAV's monthly situation report (KPI 2): per month persons, under 30, singles and the children with
    them, new enquiries, nights used and their cost. Definitions (also in the answer's `definitions` and
    the CSV's header comment):

    - persons: people with a night of a temporary stay in the month. A stay's nights run from its first
    night to the night before the day the person left, so a stay ending on the 1st counts no night that
    month; an open stay's nights run up to the night of the report's day.
    - under_30: of those, people under 30 by age on the month's last day.
    - singles: of those, single households as NAV counts them (enslige): one adult, with or without
    children.
    - children_with_singles: the children in those single households, counted apart from the persons.
    - A person whose household changes within a month (two stays with a night in it) is counted once, as
    the latest of those stays (by its first night) describes them.
    - new_enquiries: stays started in the month by people with no earlier stay.
    - nights and cost: nights used in the month (absences over one night left out) and what NAV paid for
    them, each night at the price of the place slept in.

    Args:
        from_ (None | str | Unset): First month, YYYY-MM.
        to (None | str | Unset): Last month, YYYY-MM; this month by default.
        format_ (MonthlyReportFormat | Unset):  Default: MonthlyReportFormat.JSON.
        as_of (datetime.date | None | Unset): Count open stays up to this day; today by default.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MonthlyReportOut | ProblemDetails]
    """

    kwargs = _get_kwargs(
        from_=from_,
        to=to,
        format_=format_,
        as_of=as_of,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    from_: None | str | Unset = UNSET,
    to: None | str | Unset = UNSET,
    format_: MonthlyReportFormat | Unset = MonthlyReportFormat.JSON,
    as_of: datetime.date | None | Unset = UNSET,
) -> MonthlyReportOut | ProblemDetails | None:
    """Monthly Report

     NAV's monthly situation report (KPI 2): per month persons, under 30, singles and the children with
    them, new enquiries, nights used and their cost. Definitions (also in the answer's `definitions` and
    the CSV's header comment):

    - persons: people with a night of a temporary stay in the month. A stay's nights run from its first
    night to the night before the day the person left, so a stay ending on the 1st counts no night that
    month; an open stay's nights run up to the night of the report's day.
    - under_30: of those, people under 30 by age on the month's last day.
    - singles: of those, single households as NAV counts them (enslige): one adult, with or without
    children.
    - children_with_singles: the children in those single households, counted apart from the persons.
    - A person whose household changes within a month (two stays with a night in it) is counted once, as
    the latest of those stays (by its first night) describes them.
    - new_enquiries: stays started in the month by people with no earlier stay.
    - nights and cost: nights used in the month (absences over one night left out) and what NAV paid for
    them, each night at the price of the place slept in.

    Args:
        from_ (None | str | Unset): First month, YYYY-MM.
        to (None | str | Unset): Last month, YYYY-MM; this month by default.
        format_ (MonthlyReportFormat | Unset):  Default: MonthlyReportFormat.JSON.
        as_of (datetime.date | None | Unset): Count open stays up to this day; today by default.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MonthlyReportOut | ProblemDetails
    """

    return sync_detailed(
        client=client,
        from_=from_,
        to=to,
        format_=format_,
        as_of=as_of,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    from_: None | str | Unset = UNSET,
    to: None | str | Unset = UNSET,
    format_: MonthlyReportFormat | Unset = MonthlyReportFormat.JSON,
    as_of: datetime.date | None | Unset = UNSET,
) -> Response[MonthlyReportOut | ProblemDetails]:
    """Monthly Report

     NAV's monthly situation report (KPI 2): per month persons, under 30, singles and the children with
    them, new enquiries, nights used and their cost. Definitions (also in the answer's `definitions` and
    the CSV's header comment):

    - persons: people with a night of a temporary stay in the month. A stay's nights run from its first
    night to the night before the day the person left, so a stay ending on the 1st counts no night that
    month; an open stay's nights run up to the night of the report's day.
    - under_30: of those, people under 30 by age on the month's last day.
    - singles: of those, single households as NAV counts them (enslige): one adult, with or without
    children.
    - children_with_singles: the children in those single households, counted apart from the persons.
    - A person whose household changes within a month (two stays with a night in it) is counted once, as
    the latest of those stays (by its first night) describes them.
    - new_enquiries: stays started in the month by people with no earlier stay.
    - nights and cost: nights used in the month (absences over one night left out) and what NAV paid for
    them, each night at the price of the place slept in.

    Args:
        from_ (None | str | Unset): First month, YYYY-MM.
        to (None | str | Unset): Last month, YYYY-MM; this month by default.
        format_ (MonthlyReportFormat | Unset):  Default: MonthlyReportFormat.JSON.
        as_of (datetime.date | None | Unset): Count open stays up to this day; today by default.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MonthlyReportOut | ProblemDetails]
    """

    kwargs = _get_kwargs(
        from_=from_,
        to=to,
        format_=format_,
        as_of=as_of,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    from_: None | str | Unset = UNSET,
    to: None | str | Unset = UNSET,
    format_: MonthlyReportFormat | Unset = MonthlyReportFormat.JSON,
    as_of: datetime.date | None | Unset = UNSET,
) -> MonthlyReportOut | ProblemDetails | None:
    """Monthly Report

     NAV's monthly situation report (KPI 2): per month persons, under 30, singles and the children with
    them, new enquiries, nights used and their cost. Definitions (also in the answer's `definitions` and
    the CSV's header comment):

    - persons: people with a night of a temporary stay in the month. A stay's nights run from its first
    night to the night before the day the person left, so a stay ending on the 1st counts no night that
    month; an open stay's nights run up to the night of the report's day.
    - under_30: of those, people under 30 by age on the month's last day.
    - singles: of those, single households as NAV counts them (enslige): one adult, with or without
    children.
    - children_with_singles: the children in those single households, counted apart from the persons.
    - A person whose household changes within a month (two stays with a night in it) is counted once, as
    the latest of those stays (by its first night) describes them.
    - new_enquiries: stays started in the month by people with no earlier stay.
    - nights and cost: nights used in the month (absences over one night left out) and what NAV paid for
    them, each night at the price of the place slept in.

    Args:
        from_ (None | str | Unset): First month, YYYY-MM.
        to (None | str | Unset): Last month, YYYY-MM; this month by default.
        format_ (MonthlyReportFormat | Unset):  Default: MonthlyReportFormat.JSON.
        as_of (datetime.date | None | Unset): Count open stays up to this day; today by default.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MonthlyReportOut | ProblemDetails
    """

    return (
        await asyncio_detailed(
            client=client,
            from_=from_,
            to=to,
            format_=format_,
            as_of=as_of,
        )
    ).parsed
