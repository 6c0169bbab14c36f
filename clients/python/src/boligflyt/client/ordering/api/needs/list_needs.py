from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.budget_line import BudgetLine
from ...models.need_state import NeedState
from ...models.page_need_out import PageNeedOut
from ...models.problem_details import ProblemDetails
from ...models.reporting_service import ReportingService
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    state: NeedState | None | Unset = UNSET,
    programme_year: int | None | Unset = UNSET,
    budget_line: BudgetLine | None | Unset = UNSET,
    reported_by: None | ReportingService | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_state: str | Unset | None
    if isinstance(state, Unset):
        json_state = UNSET
    elif isinstance(state, NeedState):
        json_state = state.value
    else:
        json_state = state
    params["state"] = json_state

    json_programme_year: int | Unset | None
    if isinstance(programme_year, Unset):
        json_programme_year = UNSET
    else:
        json_programme_year = programme_year
    params["programme_year"] = json_programme_year

    json_budget_line: str | Unset | None
    if isinstance(budget_line, Unset):
        json_budget_line = UNSET
    elif isinstance(budget_line, BudgetLine):
        json_budget_line = budget_line.value
    else:
        json_budget_line = budget_line
    params["budget_line"] = json_budget_line

    json_reported_by: str | Unset | None
    if isinstance(reported_by, Unset):
        json_reported_by = UNSET
    elif isinstance(reported_by, ReportingService):
        json_reported_by = reported_by.value
    else:
        json_reported_by = reported_by
    params["reported_by"] = json_reported_by

    params["limit"] = limit

    params["offset"] = offset

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/needs",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageNeedOut | ProblemDetails | None:
    if response.status_code == 200:
        response_200 = PageNeedOut.from_dict(response.json())

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
) -> Response[PageNeedOut | ProblemDetails]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    state: NeedState | None | Unset = UNSET,
    programme_year: int | None | Unset = UNSET,
    budget_line: BudgetLine | None | Unset = UNSET,
    reported_by: None | ReportingService | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> Response[PageNeedOut | ProblemDetails]:
    """Needs (a unit sees its own)

    Args:
        state (NeedState | None | Unset):
        programme_year (int | None | Unset):
        budget_line (BudgetLine | None | Unset):
        reported_by (None | ReportingService | Unset):
        limit (int | Unset): How many items at most. Default: 50.
        offset (int | Unset): How many items to skip. Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageNeedOut | ProblemDetails]
    """

    kwargs = _get_kwargs(
        state=state,
        programme_year=programme_year,
        budget_line=budget_line,
        reported_by=reported_by,
        limit=limit,
        offset=offset,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    state: NeedState | None | Unset = UNSET,
    programme_year: int | None | Unset = UNSET,
    budget_line: BudgetLine | None | Unset = UNSET,
    reported_by: None | ReportingService | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> PageNeedOut | ProblemDetails | None:
    """Needs (a unit sees its own)

    Args:
        state (NeedState | None | Unset):
        programme_year (int | None | Unset):
        budget_line (BudgetLine | None | Unset):
        reported_by (None | ReportingService | Unset):
        limit (int | Unset): How many items at most. Default: 50.
        offset (int | Unset): How many items to skip. Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageNeedOut | ProblemDetails
    """

    return sync_detailed(
        client=client,
        state=state,
        programme_year=programme_year,
        budget_line=budget_line,
        reported_by=reported_by,
        limit=limit,
        offset=offset,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    state: NeedState | None | Unset = UNSET,
    programme_year: int | None | Unset = UNSET,
    budget_line: BudgetLine | None | Unset = UNSET,
    reported_by: None | ReportingService | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> Response[PageNeedOut | ProblemDetails]:
    """Needs (a unit sees its own)

    Args:
        state (NeedState | None | Unset):
        programme_year (int | None | Unset):
        budget_line (BudgetLine | None | Unset):
        reported_by (None | ReportingService | Unset):
        limit (int | Unset): How many items at most. Default: 50.
        offset (int | Unset): How many items to skip. Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageNeedOut | ProblemDetails]
    """

    kwargs = _get_kwargs(
        state=state,
        programme_year=programme_year,
        budget_line=budget_line,
        reported_by=reported_by,
        limit=limit,
        offset=offset,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    state: NeedState | None | Unset = UNSET,
    programme_year: int | None | Unset = UNSET,
    budget_line: BudgetLine | None | Unset = UNSET,
    reported_by: None | ReportingService | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> PageNeedOut | ProblemDetails | None:
    """Needs (a unit sees its own)

    Args:
        state (NeedState | None | Unset):
        programme_year (int | None | Unset):
        budget_line (BudgetLine | None | Unset):
        reported_by (None | ReportingService | Unset):
        limit (int | Unset): How many items at most. Default: 50.
        offset (int | Unset): How many items to skip. Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageNeedOut | ProblemDetails
    """

    return (
        await asyncio_detailed(
            client=client,
            state=state,
            programme_year=programme_year,
            budget_line=budget_line,
            reported_by=reported_by,
            limit=limit,
            offset=offset,
        )
    ).parsed
