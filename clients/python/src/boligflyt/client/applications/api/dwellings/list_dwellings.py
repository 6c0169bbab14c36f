from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.dwelling_status import DwellingStatus
from ...models.page_dwelling_out import PageDwellingOut
from ...models.problem_details import ProblemDetails
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    offerable: bool | None | Unset = UNSET,
    status: DwellingStatus | None | Unset = UNSET,
    allocated_to: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_offerable: bool | Unset | None
    if isinstance(offerable, Unset):
        json_offerable = UNSET
    else:
        json_offerable = offerable
    params["offerable"] = json_offerable

    json_status: str | Unset | None
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, DwellingStatus):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    json_allocated_to: str | Unset | None
    if isinstance(allocated_to, Unset):
        json_allocated_to = UNSET
    else:
        json_allocated_to = allocated_to
    params["allocated_to"] = json_allocated_to

    params["limit"] = limit

    params["offset"] = offset

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/dwellings",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageDwellingOut | ProblemDetails | None:
    if response.status_code == 200:
        response_200 = PageDwellingOut.from_dict(response.json())

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
) -> Response[PageDwellingOut | ProblemDetails]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    offerable: bool | None | Unset = UNSET,
    status: DwellingStatus | None | Unset = UNSET,
    allocated_to: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> Response[PageDwellingOut | ProblemDetails]:
    """List Dwellings

     The dwellings LKE told us about; `offerable=true` gives those ready to offer now,
    `status=notice_given` those
    coming vacant, `allocated_to` the one allocated to an application.

    Args:
        offerable (bool | None | Unset):
        status (DwellingStatus | None | Unset):
        allocated_to (None | str | Unset):
        limit (int | Unset): How many items at most. Default: 50.
        offset (int | Unset): How many items to skip. Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageDwellingOut | ProblemDetails]
    """

    kwargs = _get_kwargs(
        offerable=offerable,
        status=status,
        allocated_to=allocated_to,
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
    offerable: bool | None | Unset = UNSET,
    status: DwellingStatus | None | Unset = UNSET,
    allocated_to: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> PageDwellingOut | ProblemDetails | None:
    """List Dwellings

     The dwellings LKE told us about; `offerable=true` gives those ready to offer now,
    `status=notice_given` those
    coming vacant, `allocated_to` the one allocated to an application.

    Args:
        offerable (bool | None | Unset):
        status (DwellingStatus | None | Unset):
        allocated_to (None | str | Unset):
        limit (int | Unset): How many items at most. Default: 50.
        offset (int | Unset): How many items to skip. Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageDwellingOut | ProblemDetails
    """

    return sync_detailed(
        client=client,
        offerable=offerable,
        status=status,
        allocated_to=allocated_to,
        limit=limit,
        offset=offset,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    offerable: bool | None | Unset = UNSET,
    status: DwellingStatus | None | Unset = UNSET,
    allocated_to: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> Response[PageDwellingOut | ProblemDetails]:
    """List Dwellings

     The dwellings LKE told us about; `offerable=true` gives those ready to offer now,
    `status=notice_given` those
    coming vacant, `allocated_to` the one allocated to an application.

    Args:
        offerable (bool | None | Unset):
        status (DwellingStatus | None | Unset):
        allocated_to (None | str | Unset):
        limit (int | Unset): How many items at most. Default: 50.
        offset (int | Unset): How many items to skip. Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageDwellingOut | ProblemDetails]
    """

    kwargs = _get_kwargs(
        offerable=offerable,
        status=status,
        allocated_to=allocated_to,
        limit=limit,
        offset=offset,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    offerable: bool | None | Unset = UNSET,
    status: DwellingStatus | None | Unset = UNSET,
    allocated_to: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> PageDwellingOut | ProblemDetails | None:
    """List Dwellings

     The dwellings LKE told us about; `offerable=true` gives those ready to offer now,
    `status=notice_given` those
    coming vacant, `allocated_to` the one allocated to an application.

    Args:
        offerable (bool | None | Unset):
        status (DwellingStatus | None | Unset):
        allocated_to (None | str | Unset):
        limit (int | Unset): How many items at most. Default: 50.
        offset (int | Unset): How many items to skip. Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageDwellingOut | ProblemDetails
    """

    return (
        await asyncio_detailed(
            client=client,
            offerable=offerable,
            status=status,
            allocated_to=allocated_to,
            limit=limit,
            offset=offset,
        )
    ).parsed
