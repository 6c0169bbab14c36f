import datetime
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem_details import ProblemDetails
from ...models.void_days_out import VoidDaysOut
from ...types import UNSET, Response, Unset


def _get_kwargs(
    dwelling_id: str,
    *,
    as_of: datetime.date | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

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
        "url": "/v1/dwellings/{dwelling_id}/void-days".format(
            dwelling_id=quote(str(dwelling_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ProblemDetails | VoidDaysOut | None:
    if response.status_code == 200:
        response_200 = VoidDaysOut.from_dict(response.json())

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
) -> Response[ProblemDetails | VoidDaysOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    dwelling_id: str,
    *,
    client: AuthenticatedClient,
    as_of: datetime.date | None | Unset = UNSET,
) -> Response[ProblemDetails | VoidDaysOut]:
    """Void Days

     Each void of the dwelling, split into waiting for renovation, renovating and ready but not let.

    Args:
        dwelling_id (str):
        as_of (datetime.date | None | Unset): Count an open void up to this day (default today).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetails | VoidDaysOut]
    """

    kwargs = _get_kwargs(
        dwelling_id=dwelling_id,
        as_of=as_of,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    dwelling_id: str,
    *,
    client: AuthenticatedClient,
    as_of: datetime.date | None | Unset = UNSET,
) -> ProblemDetails | VoidDaysOut | None:
    """Void Days

     Each void of the dwelling, split into waiting for renovation, renovating and ready but not let.

    Args:
        dwelling_id (str):
        as_of (datetime.date | None | Unset): Count an open void up to this day (default today).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetails | VoidDaysOut
    """

    return sync_detailed(
        dwelling_id=dwelling_id,
        client=client,
        as_of=as_of,
    ).parsed


async def asyncio_detailed(
    dwelling_id: str,
    *,
    client: AuthenticatedClient,
    as_of: datetime.date | None | Unset = UNSET,
) -> Response[ProblemDetails | VoidDaysOut]:
    """Void Days

     Each void of the dwelling, split into waiting for renovation, renovating and ready but not let.

    Args:
        dwelling_id (str):
        as_of (datetime.date | None | Unset): Count an open void up to this day (default today).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetails | VoidDaysOut]
    """

    kwargs = _get_kwargs(
        dwelling_id=dwelling_id,
        as_of=as_of,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    dwelling_id: str,
    *,
    client: AuthenticatedClient,
    as_of: datetime.date | None | Unset = UNSET,
) -> ProblemDetails | VoidDaysOut | None:
    """Void Days

     Each void of the dwelling, split into waiting for renovation, renovating and ready but not let.

    Args:
        dwelling_id (str):
        as_of (datetime.date | None | Unset): Count an open void up to this day (default today).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetails | VoidDaysOut
    """

    return (
        await asyncio_detailed(
            dwelling_id=dwelling_id,
            client=client,
            as_of=as_of,
        )
    ).parsed
