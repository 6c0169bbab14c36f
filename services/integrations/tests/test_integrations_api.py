"""The integrations API: subscriptions and their rules, scoped access, the published contracts and guide."""

from __future__ import annotations

import json

import yaml

from boligflyt.contracts.registry import specs
from boligflyt.platform.auth import Agency

from .conftest import World

HOOK = "https://facilit.example.no/hooks"


async def test_register_list_get_pause_resume_rotate_delete(world: World) -> None:
    async with world.client(scopes=["events:read:tenancy.*", "events:read:dwelling.changed.v1"]) as client:
        created = await client.post(
            "/v1/webhooks",
            json={"url": HOOK, "event_types": ["tenancy.*", "dwelling.changed.v1"], "description": "rent"},
        )
        assert created.status_code == 201, created.text
        body = created.json()
        assert body["secret"].startswith("whsec_")
        assert created.headers["location"] == f"/v1/webhooks/{body['id']}"
        assert body["event_types"] == ["no.larvik.boligflyt.tenancy.*", "no.larvik.boligflyt.dwelling.changed.v1"]
        assert "no.larvik.boligflyt.tenancy.signed.v1" in body["matched_event_types"]
        assert all(
            t.startswith(("no.larvik.boligflyt.tenancy.", "no.larvik.boligflyt.dwelling.changed"))
            for t in body["matched_event_types"]
        )
        url = f"/v1/webhooks/{body['id']}"

        fetched = (await client.get(url)).json()
        assert "secret" not in fetched and fetched["status"] == "active"
        listing = (await client.get("/v1/webhooks")).json()
        assert [s["id"] for s in listing["items"]] == [body["id"]] and listing["total"] == 1

        paused = await client.post(f"{url}/pause", json={"reason": "maintenance window"})
        assert paused.json()["status"] == "paused" and paused.json()["paused_reason"] == "maintenance window"
        assert paused.json()["paused_by"] == "owner"
        again = await client.post(f"{url}/pause")
        assert again.status_code == 409 and again.json()["current_state"] == "paused"
        assert (await client.get("/v1/webhooks?status=active")).json()["total"] == 0
        resumed = await client.post(f"{url}/resume")
        assert resumed.json()["status"] == "active" and resumed.json()["paused_reason"] is None
        assert (await client.post(f"{url}/resume")).status_code == 409

        rotated = (await client.post(f"{url}/rotate-secret")).json()
        assert rotated["secret"].startswith("whsec_") and rotated["secret"] != body["secret"]
        assert (await client.get(url)).json()["previous_secret_expires_at"] is not None

        assert (await client.get(f"{url}/deliveries")).json() == {"items": [], "total": 0, "limit": 50, "offset": 0}
        assert (await client.get(f"{url}/deliveries/msg_nope")).status_code == 404
        assert (await client.delete(url)).status_code == 204
        assert (await client.get(url)).status_code == 404
        assert (await client.delete(url)).status_code == 404


async def test_an_integrator_subscribes_only_to_what_it_was_granted_and_sees_only_its_own(world: World) -> None:
    async with world.client("facilit", scopes=["events:read:tenancy.*"]) as facilit:
        too_wide = await facilit.post("/v1/webhooks", json={"url": HOOK, "event_types": ["*"]})
        assert too_wide.status_code == 403
        assert "no.larvik.boligflyt.need.reported.v1" in too_wide.json()["not_granted"]
        other = await facilit.post("/v1/webhooks", json={"url": HOOK, "event_types": ["stay.*"]})
        assert other.status_code == 403
        mine = await facilit.post("/v1/webhooks", json={"url": HOOK, "event_types": ["tenancy.signed.v1"]})
        assert mine.status_code == 201
        granted = (await facilit.get("/v1/event-types")).json()
        # The ping goes to every subscription, so it is listed for everyone, with its schema.
        tenancy = {s.type for s in specs() if s.name.startswith("tenancy.")}
        assert {t["type"] for t in granted} == tenancy | {"no.larvik.boligflyt.webhook.ping.v1"}
    async with world.client("archive", scopes=["events:read:*"]) as archive:
        assert (await archive.get(f"/v1/webhooks/{mine.json()['id']}")).status_code == 404
        assert (await archive.post(f"/v1/webhooks/{mine.json()['id']}/pause")).status_code == 404
        assert (await archive.get("/v1/webhooks")).json()["total"] == 0
        for path in ("ping", "resume", "rotate-secret", "deliveries/redrive"):
            assert (await archive.post(f"/v1/webhooks/{mine.json()['id']}/{path}")).status_code == 404, path
        assert (await archive.get(f"/v1/webhooks/{mine.json()['id']}/deliveries")).status_code == 404
        assert (await archive.delete(f"/v1/webhooks/{mine.json()['id']}")).status_code == 404
        assert len((await archive.get("/v1/event-types")).json()) == len(specs()) + 1  # and the ping
    async with world.client("nobody", scopes=[]) as ungranted:
        refused = await ungranted.post("/v1/webhooks", json={"url": HOOK, "event_types": ["tenancy.*"]})
        assert refused.status_code == 403
        listed = (await ungranted.get("/v1/event-types")).json()
        assert [t["type"] for t in listed] == ["no.larvik.boligflyt.webhook.ping.v1"]  # only the ping


async def test_bad_input_and_wrong_agencies_are_problems_and_change_nothing(world: World) -> None:
    async with world.client() as client:
        cases = {
            "no patterns": {"url": HOOK, "event_types": []},
            "unknown type": {"url": HOOK, "event_types": ["tenancy.evicted.v1"]},
            "bad pattern": {"url": HOOK, "event_types": ["Tenancy/../*"]},
            "not http": {"url": "ftp://x.example/hook", "event_types": ["tenancy.*"]},
            "credentials": {"url": "https://user:pw@x.example/hook", "event_types": ["tenancy.*"]},
            "extra field": {"url": HOOK, "event_types": ["tenancy.*"], "secret": "whsec_mine"},
        }
        for name, body in cases.items():
            response = await client.post("/v1/webhooks", json=body)
            assert response.status_code == 422, name
            assert response.headers["content-type"].startswith("application/problem+json"), name
        assert (await client.get("/v1/webhooks")).json()["total"] == 0
    async with world.client(agency=Agency.lke) as lke:
        assert (await lke.post("/v1/webhooks", json={"url": HOOK, "event_types": ["tenancy.*"]})).status_code == 403
        assert (await lke.get("/v1/webhooks")).status_code == 403
    async with world.harness.client("integrations") as anonymous:
        assert (await anonymous.get("/v1/webhooks")).status_code == 401
        assert (await anonymous.get("/v1/guide")).status_code == 401


async def test_the_contracts_and_the_guide_are_served(world: World) -> None:
    async with world.client() as client:
        asyncapi = await client.get("/v1/contracts/asyncapi.yaml")
        assert asyncapi.status_code == 200 and asyncapi.headers["content-type"].startswith("application/yaml")
        document = yaml.safe_load(asyncapi.text)
        assert document["asyncapi"].startswith("3.")
        signed = "no.larvik.boligflyt.tenancy.signed.v1"
        schema = await client.get(f"/v1/contracts/schemas/{signed}.json")
        assert schema.status_code == 200 and schema.headers["content-type"].startswith("application/schema+json")
        assert "monthly_rent" in json.loads(schema.text)["properties"]
        assert (await client.get("/v1/contracts/schemas/no.larvik.boligflyt.nothing.v1.json")).status_code == 404
        assert (await client.get("/v1/contracts/schemas/..%2F..%2Fpyproject.json")).status_code == 404
        guide = await client.get("/v1/guide")
        assert guide.status_code == 200 and guide.headers["content-type"].startswith("text/markdown")
        for needle in ("webhook-signature", "ce_type", "whsec_", "compatib", signed):
            assert needle in guide.text
    async with world.client(agency=Agency.coordinator) as coordinator:
        assert (await coordinator.get("/v1/guide")).status_code == 200


async def test_the_openapi_document_describes_every_route(world: World) -> None:
    async with world.harness.client("integrations") as client:
        paths = (await client.get("/openapi.json")).json()["paths"]
    assert {
        "/v1/webhooks",
        "/v1/webhooks/{subscription_id}",
        "/v1/webhooks/{subscription_id}/deliveries",
        "/v1/webhooks/{subscription_id}/deliveries/redrive",
        "/v1/contracts/asyncapi.yaml",
        "/v1/guide",
        "/v1/property-imports",
    } <= set(paths)


async def test_a_subscription_can_be_changed_within_the_grant(world: World) -> None:
    async with world.client(scopes=["events:read:tenancy.*"]) as client:
        created = (await client.post("/v1/webhooks", json={"url": HOOK, "event_types": ["tenancy.signed.v1"]})).json()
        url = f"/v1/webhooks/{created['id']}"
        changed = await client.patch(url, json={"url": HOOK + "/v2", "event_types": ["tenancy.*"]})
        assert changed.status_code == 200, changed.text
        assert changed.json()["url"] == HOOK + "/v2"
        assert changed.json()["event_types"] == ["no.larvik.boligflyt.tenancy.*"]
        assert changed.json()["description"] is None
        assert (await client.patch(url, json={"event_types": ["dwelling.*"]})).status_code == 403
        assert (await client.patch(url, json={"url": "gopher://x"})).status_code == 422
        assert (await client.patch(url, json={"colour": "red"})).status_code == 422
        assert (await client.get(url)).json()["url"] == HOOK + "/v2"
        assert (await client.patch("/v1/webhooks/wh_nope", json={"description": "x"})).status_code == 404


async def test_a_wide_pattern_never_reaches_beyond_the_grant_it_was_registered_under(world: World) -> None:
    async with world.client(scopes=["events:read:tenancy.signed.v1", "events:read:tenancy.moved_in.v1"]) as client:
        # Today tenancy.* under this grant means two types; a tenancy type added later would not be granted.
        refused = await client.post("/v1/webhooks", json={"url": HOOK, "event_types": ["tenancy.*"]})
        assert refused.status_code == 403
        created = await client.post(
            "/v1/webhooks", json={"url": HOOK, "event_types": ["tenancy.signed.v1", "tenancy.moved_in.v1"]}
        )
        assert created.json()["matched_event_types"] == [
            "no.larvik.boligflyt.tenancy.moved_in.v1",
            "no.larvik.boligflyt.tenancy.signed.v1",
        ]
