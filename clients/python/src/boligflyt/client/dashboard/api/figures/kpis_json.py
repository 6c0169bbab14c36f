from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.clock import Clock
from ...models.kpis import Kpis
from ...models.problem_details import ProblemDetails
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    as_of: None | str | Unset = UNSET,
    clock: Clock | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_as_of: str | Unset | None
    if isinstance(as_of, Unset):
        json_as_of = UNSET
    else:
        json_as_of = as_of
    params["as_of"] = json_as_of

    json_clock: str | Unset = UNSET
    if not isinstance(clock, Unset):
        json_clock = clock.value

    params["clock"] = json_clock

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/kpis",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Kpis | ProblemDetails | None:
    if response.status_code == 200:
        response_200 = Kpis.from_dict(response.json())

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
) -> Response[Kpis | ProblemDetails]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    as_of: None | str | Unset = UNSET,
    clock: Clock | Unset = UNSET,
) -> Response[Kpis | ProblemDetails]:
    """Every KPI as of a day (KPI 1-9)

    Args:
        as_of (None | str | Unset): The day to show the figures as of (YYYY-MM-DD); today if
            absent.
        clock (Clock | Unset): The two days a figure can be told "as of" (`docs/architecture.md`,
            section 12).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Kpis | ProblemDetails]
    """

    kwargs = _get_kwargs(
        as_of=as_of,
        clock=clock,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    as_of: None | str | Unset = UNSET,
    clock: Clock | Unset = UNSET,
) -> Kpis | ProblemDetails | None:
    """Every KPI as of a day (KPI 1-9)

    Args:
        as_of (None | str | Unset): The day to show the figures as of (YYYY-MM-DD); today if
            absent.
        clock (Clock | Unset): The two days a figure can be told "as of" (`docs/architecture.md`,
            section 12).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Kpis | ProblemDetails
    """

    return sync_detailed(
        client=client,
        as_of=as_of,
        clock=clock,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    as_of: None | str | Unset = UNSET,
    clock: Clock | Unset = UNSET,
) -> Response[Kpis | ProblemDetails]:
    """Every KPI as of a day (KPI 1-9)

    Args:
        as_of (None | str | Unset): The day to show the figures as of (YYYY-MM-DD); today if
            absent.
        clock (Clock | Unset): The two days a figure can be told "as of" (`docs/architecture.md`,
            section 12).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Kpis | ProblemDetails]
    """

    kwargs = _get_kwargs(
        as_of=as_of,
        clock=clock,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    as_of: None | str | Unset = UNSET,
    clock: Clock | Unset = UNSET,
) -> Kpis | ProblemDetails | None:
    """Every KPI as of a day (KPI 1-9)

    Args:
        as_of (None | str | Unset): The day to show the figures as of (YYYY-MM-DD); today if
            absent.
        clock (Clock | Unset): The two days a figure can be told "as of" (`docs/architecture.md`,
            section 12).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Kpis | ProblemDetails
    """

    return (
        await asyncio_detailed(
            client=client,
            as_of=as_of,
            clock=clock,
        )
    ).parsed
