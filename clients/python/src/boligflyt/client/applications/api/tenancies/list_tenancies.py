import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.page_tenancy_out import PageTenancyOut
from ...models.problem_details import ProblemDetails
from ...models.tenancy_state import TenancyState
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    state: None | TenancyState | Unset = UNSET,
    dwelling_id: None | str | Unset = UNSET,
    ending_before: datetime.date | None | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_state: str | Unset | None
    if isinstance(state, Unset):
        json_state = UNSET
    elif isinstance(state, TenancyState):
        json_state = state.value
    else:
        json_state = state
    params["state"] = json_state

    json_dwelling_id: str | Unset | None
    if isinstance(dwelling_id, Unset):
        json_dwelling_id = UNSET
    else:
        json_dwelling_id = dwelling_id
    params["dwelling_id"] = json_dwelling_id

    json_ending_before: str | Unset | None
    if isinstance(ending_before, Unset):
        json_ending_before = UNSET
    elif isinstance(ending_before, datetime.date):
        json_ending_before = ending_before.isoformat()
    else:
        json_ending_before = ending_before
    params["ending_before"] = json_ending_before

    params["limit"] = limit

    params["offset"] = offset

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/tenancies",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageTenancyOut | ProblemDetails | None:
    if response.status_code == 200:
        response_200 = PageTenancyOut.from_dict(response.json())

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
) -> Response[PageTenancyOut | ProblemDetails]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    state: None | TenancyState | Unset = UNSET,
    dwelling_id: None | str | Unset = UNSET,
    ending_before: datetime.date | None | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> Response[PageTenancyOut | ProblemDetails]:
    """List Tenancies

    Args:
        state (None | TenancyState | Unset):
        dwelling_id (None | str | Unset):
        ending_before (datetime.date | None | Unset):
        limit (int | Unset): How many items at most. Default: 50.
        offset (int | Unset): How many items to skip. Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageTenancyOut | ProblemDetails]
    """

    kwargs = _get_kwargs(
        state=state,
        dwelling_id=dwelling_id,
        ending_before=ending_before,
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
    state: None | TenancyState | Unset = UNSET,
    dwelling_id: None | str | Unset = UNSET,
    ending_before: datetime.date | None | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> PageTenancyOut | ProblemDetails | None:
    """List Tenancies

    Args:
        state (None | TenancyState | Unset):
        dwelling_id (None | str | Unset):
        ending_before (datetime.date | None | Unset):
        limit (int | Unset): How many items at most. Default: 50.
        offset (int | Unset): How many items to skip. Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageTenancyOut | ProblemDetails
    """

    return sync_detailed(
        client=client,
        state=state,
        dwelling_id=dwelling_id,
        ending_before=ending_before,
        limit=limit,
        offset=offset,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    state: None | TenancyState | Unset = UNSET,
    dwelling_id: None | str | Unset = UNSET,
    ending_before: datetime.date | None | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> Response[PageTenancyOut | ProblemDetails]:
    """List Tenancies

    Args:
        state (None | TenancyState | Unset):
        dwelling_id (None | str | Unset):
        ending_before (datetime.date | None | Unset):
        limit (int | Unset): How many items at most. Default: 50.
        offset (int | Unset): How many items to skip. Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageTenancyOut | ProblemDetails]
    """

    kwargs = _get_kwargs(
        state=state,
        dwelling_id=dwelling_id,
        ending_before=ending_before,
        limit=limit,
        offset=offset,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    state: None | TenancyState | Unset = UNSET,
    dwelling_id: None | str | Unset = UNSET,
    ending_before: datetime.date | None | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> PageTenancyOut | ProblemDetails | None:
    """List Tenancies

    Args:
        state (None | TenancyState | Unset):
        dwelling_id (None | str | Unset):
        ending_before (datetime.date | None | Unset):
        limit (int | Unset): How many items at most. Default: 50.
        offset (int | Unset): How many items to skip. Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageTenancyOut | ProblemDetails
    """

    return (
        await asyncio_detailed(
            client=client,
            state=state,
            dwelling_id=dwelling_id,
            ending_before=ending_before,
            limit=limit,
            offset=offset,
        )
    ).parsed
