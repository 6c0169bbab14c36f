from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.case_state import CaseState
from ...models.page_case_list_item import PageCaseListItem
from ...models.problem_details import ProblemDetails
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    adviser: None | str | Unset = UNSET,
    state: CaseState | None | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_adviser: str | Unset | None
    if isinstance(adviser, Unset):
        json_adviser = UNSET
    else:
        json_adviser = adviser
    params["adviser"] = json_adviser

    json_state: str | Unset | None
    if isinstance(state, Unset):
        json_state = UNSET
    elif isinstance(state, CaseState):
        json_state = state.value
    else:
        json_state = state
    params["state"] = json_state

    params["limit"] = limit

    params["offset"] = offset

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/cases",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageCaseListItem | ProblemDetails | None:
    if response.status_code == 200:
        response_200 = PageCaseListItem.from_dict(response.json())

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
) -> Response[PageCaseListItem | ProblemDetails]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    adviser: None | str | Unset = UNSET,
    state: CaseState | None | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> Response[PageCaseListItem | ProblemDetails]:
    """List Cases

     The housing applications NAV referred, where each stands at Boligkontoret, with the stay's days and
    the
    3-month limit beside it; the latest news first.

    Args:
        adviser (None | str | Unset): The adviser following the stay.
        state (CaseState | None | Unset):
        limit (int | Unset): How many items at most. Default: 50.
        offset (int | Unset): How many items to skip. Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageCaseListItem | ProblemDetails]
    """

    kwargs = _get_kwargs(
        adviser=adviser,
        state=state,
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
    adviser: None | str | Unset = UNSET,
    state: CaseState | None | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> PageCaseListItem | ProblemDetails | None:
    """List Cases

     The housing applications NAV referred, where each stands at Boligkontoret, with the stay's days and
    the
    3-month limit beside it; the latest news first.

    Args:
        adviser (None | str | Unset): The adviser following the stay.
        state (CaseState | None | Unset):
        limit (int | Unset): How many items at most. Default: 50.
        offset (int | Unset): How many items to skip. Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageCaseListItem | ProblemDetails
    """

    return sync_detailed(
        client=client,
        adviser=adviser,
        state=state,
        limit=limit,
        offset=offset,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    adviser: None | str | Unset = UNSET,
    state: CaseState | None | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> Response[PageCaseListItem | ProblemDetails]:
    """List Cases

     The housing applications NAV referred, where each stands at Boligkontoret, with the stay's days and
    the
    3-month limit beside it; the latest news first.

    Args:
        adviser (None | str | Unset): The adviser following the stay.
        state (CaseState | None | Unset):
        limit (int | Unset): How many items at most. Default: 50.
        offset (int | Unset): How many items to skip. Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageCaseListItem | ProblemDetails]
    """

    kwargs = _get_kwargs(
        adviser=adviser,
        state=state,
        limit=limit,
        offset=offset,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    adviser: None | str | Unset = UNSET,
    state: CaseState | None | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> PageCaseListItem | ProblemDetails | None:
    """List Cases

     The housing applications NAV referred, where each stands at Boligkontoret, with the stay's days and
    the
    3-month limit beside it; the latest news first.

    Args:
        adviser (None | str | Unset): The adviser following the stay.
        state (CaseState | None | Unset):
        limit (int | Unset): How many items at most. Default: 50.
        offset (int | Unset): How many items to skip. Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageCaseListItem | ProblemDetails
    """

    return (
        await asyncio_detailed(
            client=client,
            adviser=adviser,
            state=state,
            limit=limit,
            offset=offset,
        )
    ).parsed
