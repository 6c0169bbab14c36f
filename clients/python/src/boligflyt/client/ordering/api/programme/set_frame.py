from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.budget_line import BudgetLine
from ...models.frame_in import FrameIn
from ...models.frame_out import FrameOut
from ...models.problem_details import ProblemDetails
from ...types import UNSET, Response, Unset


def _get_kwargs(
    year: int,
    budget_line: BudgetLine,
    *,
    body: FrameIn,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v1/programmes/{year}/frames/{budget_line}".format(
            year=quote(str(year), safe=""),
            budget_line=quote(str(budget_line), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> FrameOut | ProblemDetails | None:
    if response.status_code == 200:
        response_200 = FrameOut.from_dict(response.json())

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
) -> Response[FrameOut | ProblemDetails]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    year: int,
    budget_line: BudgetLine,
    *,
    client: AuthenticatedClient,
    body: FrameIn,
    idempotency_key: str | Unset = UNSET,
) -> Response[FrameOut | ProblemDetails]:
    """Set or revise one budget frame (budget.frame_set)

    Args:
        year (int): The programme year.
        budget_line (BudgetLine): The budget frames dwellings are financed from (the council's
            Boligløft, LKE's loan frame, the economic plan).
        idempotency_key (str | Unset):
        body (FrameIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FrameOut | ProblemDetails]
    """

    kwargs = _get_kwargs(
        year=year,
        budget_line=budget_line,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    year: int,
    budget_line: BudgetLine,
    *,
    client: AuthenticatedClient,
    body: FrameIn,
    idempotency_key: str | Unset = UNSET,
) -> FrameOut | ProblemDetails | None:
    """Set or revise one budget frame (budget.frame_set)

    Args:
        year (int): The programme year.
        budget_line (BudgetLine): The budget frames dwellings are financed from (the council's
            Boligløft, LKE's loan frame, the economic plan).
        idempotency_key (str | Unset):
        body (FrameIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FrameOut | ProblemDetails
    """

    return sync_detailed(
        year=year,
        budget_line=budget_line,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    year: int,
    budget_line: BudgetLine,
    *,
    client: AuthenticatedClient,
    body: FrameIn,
    idempotency_key: str | Unset = UNSET,
) -> Response[FrameOut | ProblemDetails]:
    """Set or revise one budget frame (budget.frame_set)

    Args:
        year (int): The programme year.
        budget_line (BudgetLine): The budget frames dwellings are financed from (the council's
            Boligløft, LKE's loan frame, the economic plan).
        idempotency_key (str | Unset):
        body (FrameIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FrameOut | ProblemDetails]
    """

    kwargs = _get_kwargs(
        year=year,
        budget_line=budget_line,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    year: int,
    budget_line: BudgetLine,
    *,
    client: AuthenticatedClient,
    body: FrameIn,
    idempotency_key: str | Unset = UNSET,
) -> FrameOut | ProblemDetails | None:
    """Set or revise one budget frame (budget.frame_set)

    Args:
        year (int): The programme year.
        budget_line (BudgetLine): The budget frames dwellings are financed from (the council's
            Boligløft, LKE's loan frame, the economic plan).
        idempotency_key (str | Unset):
        body (FrameIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FrameOut | ProblemDetails
    """

    return (
        await asyncio_detailed(
            year=year,
            budget_line=budget_line,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
