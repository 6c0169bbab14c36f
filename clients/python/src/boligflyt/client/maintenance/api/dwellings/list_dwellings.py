import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.dwelling_category import DwellingCategory
from ...models.dwelling_owner import DwellingOwner
from ...models.dwelling_status import DwellingStatus
from ...models.page_dwelling_out import PageDwellingOut
from ...models.problem_details import ProblemDetails
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    status: DwellingStatus | None | Unset = UNSET,
    category: DwellingCategory | None | Unset = UNSET,
    owner: DwellingOwner | None | Unset = UNSET,
    zone: None | str | Unset = UNSET,
    external_ref: None | str | Unset = UNSET,
    head_lease_ends_before: datetime.date | None | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_status: str | Unset | None
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, DwellingStatus):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    json_category: str | Unset | None
    if isinstance(category, Unset):
        json_category = UNSET
    elif isinstance(category, DwellingCategory):
        json_category = category.value
    else:
        json_category = category
    params["category"] = json_category

    json_owner: str | Unset | None
    if isinstance(owner, Unset):
        json_owner = UNSET
    elif isinstance(owner, DwellingOwner):
        json_owner = owner.value
    else:
        json_owner = owner
    params["owner"] = json_owner

    json_zone: str | Unset | None
    if isinstance(zone, Unset):
        json_zone = UNSET
    else:
        json_zone = zone
    params["zone"] = json_zone

    json_external_ref: str | Unset | None
    if isinstance(external_ref, Unset):
        json_external_ref = UNSET
    else:
        json_external_ref = external_ref
    params["external_ref"] = json_external_ref

    json_head_lease_ends_before: str | Unset | None
    if isinstance(head_lease_ends_before, Unset):
        json_head_lease_ends_before = UNSET
    elif isinstance(head_lease_ends_before, datetime.date):
        json_head_lease_ends_before = head_lease_ends_before.isoformat()
    else:
        json_head_lease_ends_before = head_lease_ends_before
    params["head_lease_ends_before"] = json_head_lease_ends_before

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
    status: DwellingStatus | None | Unset = UNSET,
    category: DwellingCategory | None | Unset = UNSET,
    owner: DwellingOwner | None | Unset = UNSET,
    zone: None | str | Unset = UNSET,
    external_ref: None | str | Unset = UNSET,
    head_lease_ends_before: datetime.date | None | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> Response[PageDwellingOut | ProblemDetails]:
    """List Dwellings

    Args:
        status (DwellingStatus | None | Unset):
        category (DwellingCategory | None | Unset):
        owner (DwellingOwner | None | Unset):
        zone (None | str | Unset):
        external_ref (None | str | Unset):
        head_lease_ends_before (datetime.date | None | Unset): Only leased dwellings whose head
            lease ends before this day.
        limit (int | Unset): How many items at most. Default: 50.
        offset (int | Unset): How many items to skip. Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageDwellingOut | ProblemDetails]
    """

    kwargs = _get_kwargs(
        status=status,
        category=category,
        owner=owner,
        zone=zone,
        external_ref=external_ref,
        head_lease_ends_before=head_lease_ends_before,
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
    status: DwellingStatus | None | Unset = UNSET,
    category: DwellingCategory | None | Unset = UNSET,
    owner: DwellingOwner | None | Unset = UNSET,
    zone: None | str | Unset = UNSET,
    external_ref: None | str | Unset = UNSET,
    head_lease_ends_before: datetime.date | None | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> PageDwellingOut | ProblemDetails | None:
    """List Dwellings

    Args:
        status (DwellingStatus | None | Unset):
        category (DwellingCategory | None | Unset):
        owner (DwellingOwner | None | Unset):
        zone (None | str | Unset):
        external_ref (None | str | Unset):
        head_lease_ends_before (datetime.date | None | Unset): Only leased dwellings whose head
            lease ends before this day.
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
        status=status,
        category=category,
        owner=owner,
        zone=zone,
        external_ref=external_ref,
        head_lease_ends_before=head_lease_ends_before,
        limit=limit,
        offset=offset,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    status: DwellingStatus | None | Unset = UNSET,
    category: DwellingCategory | None | Unset = UNSET,
    owner: DwellingOwner | None | Unset = UNSET,
    zone: None | str | Unset = UNSET,
    external_ref: None | str | Unset = UNSET,
    head_lease_ends_before: datetime.date | None | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> Response[PageDwellingOut | ProblemDetails]:
    """List Dwellings

    Args:
        status (DwellingStatus | None | Unset):
        category (DwellingCategory | None | Unset):
        owner (DwellingOwner | None | Unset):
        zone (None | str | Unset):
        external_ref (None | str | Unset):
        head_lease_ends_before (datetime.date | None | Unset): Only leased dwellings whose head
            lease ends before this day.
        limit (int | Unset): How many items at most. Default: 50.
        offset (int | Unset): How many items to skip. Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageDwellingOut | ProblemDetails]
    """

    kwargs = _get_kwargs(
        status=status,
        category=category,
        owner=owner,
        zone=zone,
        external_ref=external_ref,
        head_lease_ends_before=head_lease_ends_before,
        limit=limit,
        offset=offset,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    status: DwellingStatus | None | Unset = UNSET,
    category: DwellingCategory | None | Unset = UNSET,
    owner: DwellingOwner | None | Unset = UNSET,
    zone: None | str | Unset = UNSET,
    external_ref: None | str | Unset = UNSET,
    head_lease_ends_before: datetime.date | None | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> PageDwellingOut | ProblemDetails | None:
    """List Dwellings

    Args:
        status (DwellingStatus | None | Unset):
        category (DwellingCategory | None | Unset):
        owner (DwellingOwner | None | Unset):
        zone (None | str | Unset):
        external_ref (None | str | Unset):
        head_lease_ends_before (datetime.date | None | Unset): Only leased dwellings whose head
            lease ends before this day.
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
            status=status,
            category=category,
            owner=owner,
            zone=zone,
            external_ref=external_ref,
            head_lease_ends_before=head_lease_ends_before,
            limit=limit,
            offset=offset,
        )
    ).parsed
