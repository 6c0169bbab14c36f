import datetime
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.delivery_status import DeliveryStatus
from ...models.page_delivery import PageDelivery
from ...models.problem_details import ProblemDetails
from ...types import UNSET, Response, Unset


def _get_kwargs(
    subscription_id: str,
    *,
    status: DeliveryStatus | None | Unset = UNSET,
    event_type: None | str | Unset = UNSET,
    event_id: None | str | Unset = UNSET,
    since: datetime.datetime | None | Unset = UNSET,
    until: datetime.datetime | None | Unset = UNSET,
    replay_id: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_status: str | Unset | None
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, DeliveryStatus):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    json_event_type: str | Unset | None
    if isinstance(event_type, Unset):
        json_event_type = UNSET
    else:
        json_event_type = event_type
    params["event_type"] = json_event_type

    json_event_id: str | Unset | None
    if isinstance(event_id, Unset):
        json_event_id = UNSET
    else:
        json_event_id = event_id
    params["event_id"] = json_event_id

    json_since: str | Unset | None
    if isinstance(since, Unset):
        json_since = UNSET
    elif isinstance(since, datetime.datetime):
        json_since = since.isoformat()
    else:
        json_since = since
    params["since"] = json_since

    json_until: str | Unset | None
    if isinstance(until, Unset):
        json_until = UNSET
    elif isinstance(until, datetime.datetime):
        json_until = until.isoformat()
    else:
        json_until = until
    params["until"] = json_until

    json_replay_id: str | Unset | None
    if isinstance(replay_id, Unset):
        json_replay_id = UNSET
    else:
        json_replay_id = replay_id
    params["replay_id"] = json_replay_id

    params["limit"] = limit

    params["offset"] = offset

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/webhooks/{subscription_id}/deliveries".format(
            subscription_id=quote(str(subscription_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageDelivery | ProblemDetails | None:
    if response.status_code == 200:
        response_200 = PageDelivery.from_dict(response.json())

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
) -> Response[PageDelivery | ProblemDetails]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    subscription_id: str,
    *,
    client: AuthenticatedClient,
    status: DeliveryStatus | None | Unset = UNSET,
    event_type: None | str | Unset = UNSET,
    event_id: None | str | Unset = UNSET,
    since: datetime.datetime | None | Unset = UNSET,
    until: datetime.datetime | None | Unset = UNSET,
    replay_id: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> Response[PageDelivery | ProblemDetails]:
    """List Deliveries

     The delivery log, newest first; each delivery's body and attempts are in its own entry.

    Args:
        subscription_id (str):
        status (DeliveryStatus | None | Unset): Only these.
        event_type (None | str | Unset): Only this event type (short form allowed).
        event_id (None | str | Unset): Only this event's deliveries.
        since (datetime.datetime | None | Unset): Recorded at or after this moment.
        until (datetime.datetime | None | Unset): Recorded before this moment.
        replay_id (None | str | Unset): Only this replay's deliveries.
        limit (int | Unset): How many items at most. Default: 50.
        offset (int | Unset): How many items to skip. Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageDelivery | ProblemDetails]
    """

    kwargs = _get_kwargs(
        subscription_id=subscription_id,
        status=status,
        event_type=event_type,
        event_id=event_id,
        since=since,
        until=until,
        replay_id=replay_id,
        limit=limit,
        offset=offset,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    subscription_id: str,
    *,
    client: AuthenticatedClient,
    status: DeliveryStatus | None | Unset = UNSET,
    event_type: None | str | Unset = UNSET,
    event_id: None | str | Unset = UNSET,
    since: datetime.datetime | None | Unset = UNSET,
    until: datetime.datetime | None | Unset = UNSET,
    replay_id: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> PageDelivery | ProblemDetails | None:
    """List Deliveries

     The delivery log, newest first; each delivery's body and attempts are in its own entry.

    Args:
        subscription_id (str):
        status (DeliveryStatus | None | Unset): Only these.
        event_type (None | str | Unset): Only this event type (short form allowed).
        event_id (None | str | Unset): Only this event's deliveries.
        since (datetime.datetime | None | Unset): Recorded at or after this moment.
        until (datetime.datetime | None | Unset): Recorded before this moment.
        replay_id (None | str | Unset): Only this replay's deliveries.
        limit (int | Unset): How many items at most. Default: 50.
        offset (int | Unset): How many items to skip. Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageDelivery | ProblemDetails
    """

    return sync_detailed(
        subscription_id=subscription_id,
        client=client,
        status=status,
        event_type=event_type,
        event_id=event_id,
        since=since,
        until=until,
        replay_id=replay_id,
        limit=limit,
        offset=offset,
    ).parsed


async def asyncio_detailed(
    subscription_id: str,
    *,
    client: AuthenticatedClient,
    status: DeliveryStatus | None | Unset = UNSET,
    event_type: None | str | Unset = UNSET,
    event_id: None | str | Unset = UNSET,
    since: datetime.datetime | None | Unset = UNSET,
    until: datetime.datetime | None | Unset = UNSET,
    replay_id: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> Response[PageDelivery | ProblemDetails]:
    """List Deliveries

     The delivery log, newest first; each delivery's body and attempts are in its own entry.

    Args:
        subscription_id (str):
        status (DeliveryStatus | None | Unset): Only these.
        event_type (None | str | Unset): Only this event type (short form allowed).
        event_id (None | str | Unset): Only this event's deliveries.
        since (datetime.datetime | None | Unset): Recorded at or after this moment.
        until (datetime.datetime | None | Unset): Recorded before this moment.
        replay_id (None | str | Unset): Only this replay's deliveries.
        limit (int | Unset): How many items at most. Default: 50.
        offset (int | Unset): How many items to skip. Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageDelivery | ProblemDetails]
    """

    kwargs = _get_kwargs(
        subscription_id=subscription_id,
        status=status,
        event_type=event_type,
        event_id=event_id,
        since=since,
        until=until,
        replay_id=replay_id,
        limit=limit,
        offset=offset,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    subscription_id: str,
    *,
    client: AuthenticatedClient,
    status: DeliveryStatus | None | Unset = UNSET,
    event_type: None | str | Unset = UNSET,
    event_id: None | str | Unset = UNSET,
    since: datetime.datetime | None | Unset = UNSET,
    until: datetime.datetime | None | Unset = UNSET,
    replay_id: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> PageDelivery | ProblemDetails | None:
    """List Deliveries

     The delivery log, newest first; each delivery's body and attempts are in its own entry.

    Args:
        subscription_id (str):
        status (DeliveryStatus | None | Unset): Only these.
        event_type (None | str | Unset): Only this event type (short form allowed).
        event_id (None | str | Unset): Only this event's deliveries.
        since (datetime.datetime | None | Unset): Recorded at or after this moment.
        until (datetime.datetime | None | Unset): Recorded before this moment.
        replay_id (None | str | Unset): Only this replay's deliveries.
        limit (int | Unset): How many items at most. Default: 50.
        offset (int | Unset): How many items to skip. Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageDelivery | ProblemDetails
    """

    return (
        await asyncio_detailed(
            subscription_id=subscription_id,
            client=client,
            status=status,
            event_type=event_type,
            event_id=event_id,
            since=since,
            until=until,
            replay_id=replay_id,
            limit=limit,
            offset=offset,
        )
    ).parsed
