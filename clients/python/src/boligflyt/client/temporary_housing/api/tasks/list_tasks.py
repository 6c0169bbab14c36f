from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.page_task_out import PageTaskOut
from ...models.problem_details import ProblemDetails
from ...models.task_status import TaskStatus
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    open_: bool | Unset = True,
    adviser: None | str | Unset = UNSET,
    status: None | TaskStatus | Unset = UNSET,
    subject_id: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["open"] = open_

    json_adviser: str | Unset | None
    if isinstance(adviser, Unset):
        json_adviser = UNSET
    else:
        json_adviser = adviser
    params["adviser"] = json_adviser

    json_status: str | Unset | None
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, TaskStatus):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    json_subject_id: str | Unset | None
    if isinstance(subject_id, Unset):
        json_subject_id = UNSET
    else:
        json_subject_id = subject_id
    params["subject_id"] = json_subject_id

    params["limit"] = limit

    params["offset"] = offset

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/tasks",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageTaskOut | ProblemDetails | None:
    if response.status_code == 200:
        response_200 = PageTaskOut.from_dict(response.json())

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
) -> Response[PageTaskOut | ProblemDetails]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    open_: bool | Unset = True,
    adviser: None | str | Unset = UNSET,
    status: None | TaskStatus | Unset = UNSET,
    subject_id: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> Response[PageTaskOut | ProblemDetails]:
    """List Tasks

    Args:
        open_ (bool | Unset): Only open tasks (unless `status` says). Default: True.
        adviser (None | str | Unset):
        status (None | TaskStatus | Unset):
        subject_id (None | str | Unset): A stay, case or settlement.
        limit (int | Unset): How many items at most. Default: 50.
        offset (int | Unset): How many items to skip. Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageTaskOut | ProblemDetails]
    """

    kwargs = _get_kwargs(
        open_=open_,
        adviser=adviser,
        status=status,
        subject_id=subject_id,
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
    open_: bool | Unset = True,
    adviser: None | str | Unset = UNSET,
    status: None | TaskStatus | Unset = UNSET,
    subject_id: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> PageTaskOut | ProblemDetails | None:
    """List Tasks

    Args:
        open_ (bool | Unset): Only open tasks (unless `status` says). Default: True.
        adviser (None | str | Unset):
        status (None | TaskStatus | Unset):
        subject_id (None | str | Unset): A stay, case or settlement.
        limit (int | Unset): How many items at most. Default: 50.
        offset (int | Unset): How many items to skip. Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageTaskOut | ProblemDetails
    """

    return sync_detailed(
        client=client,
        open_=open_,
        adviser=adviser,
        status=status,
        subject_id=subject_id,
        limit=limit,
        offset=offset,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    open_: bool | Unset = True,
    adviser: None | str | Unset = UNSET,
    status: None | TaskStatus | Unset = UNSET,
    subject_id: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> Response[PageTaskOut | ProblemDetails]:
    """List Tasks

    Args:
        open_ (bool | Unset): Only open tasks (unless `status` says). Default: True.
        adviser (None | str | Unset):
        status (None | TaskStatus | Unset):
        subject_id (None | str | Unset): A stay, case or settlement.
        limit (int | Unset): How many items at most. Default: 50.
        offset (int | Unset): How many items to skip. Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageTaskOut | ProblemDetails]
    """

    kwargs = _get_kwargs(
        open_=open_,
        adviser=adviser,
        status=status,
        subject_id=subject_id,
        limit=limit,
        offset=offset,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    open_: bool | Unset = True,
    adviser: None | str | Unset = UNSET,
    status: None | TaskStatus | Unset = UNSET,
    subject_id: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> PageTaskOut | ProblemDetails | None:
    """List Tasks

    Args:
        open_ (bool | Unset): Only open tasks (unless `status` says). Default: True.
        adviser (None | str | Unset):
        status (None | TaskStatus | Unset):
        subject_id (None | str | Unset): A stay, case or settlement.
        limit (int | Unset): How many items at most. Default: 50.
        offset (int | Unset): How many items to skip. Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageTaskOut | ProblemDetails
    """

    return (
        await asyncio_detailed(
            client=client,
            open_=open_,
            adviser=adviser,
            status=status,
            subject_id=subject_id,
            limit=limit,
            offset=offset,
        )
    ).parsed
