"""The gates before a contract through the API: each refusal names the open gate and changes nothing."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from boligflyt.contracts.codes import GuaranteeDecision
from boligflyt.contracts.events.maintenance import DwellingWithdrawn
from boligflyt.contracts.events.temporary_housing import DepositGuaranteeDecided

from .conftest import Caseworker


async def allocated(caseworker: Caseworker, dwelling_id: str, **facts: Any) -> dict[str, Any]:
    [application] = await caseworker.approved()
    await caseworker.ready_dwelling(dwelling_id, **facts)
    offer = (await caseworker.staff.post(f"/v1/dwellings/{dwelling_id}/offers", json={})).json()
    answered = await caseworker.staff.post(f"/v1/offers/{offer['id']}/answer", json={"answer": "accepted"})
    assert answered.status_code == 200, answered.text
    return application


def contract(application: dict[str, Any], caseworker: Caseworker, deposit_kind: str) -> dict[str, Any]:
    return {
        "application_id": application["id"],
        "contract_type": "ordinary_rental",
        "start_date": caseworker.today.isoformat(),
        "deposit_kind": deposit_kind,
    }


async def tenancies(caseworker: Caseworker) -> int:
    total: int = (await caseworker.staff.get("/v1/tenancies")).json()["total"]
    return total


async def test_co_op_board_gate_its_silence_after_20_days_and_its_refusal(caseworker: Caseworker) -> None:
    application = await allocated(caseworker, "dw-coop", coop_board_approval=True)
    url = f"/v1/applications/{application['id']}"
    body = contract(application, caseworker, "none")
    refused = await caseworker.staff.post("/v1/tenancies", json=body)
    assert refused.status_code == 409 and refused.json()["open_gates"] == {"coop_board_approval": "not_requested"}
    assert await tenancies(caseworker) == 0
    assert (await caseworker.staff.get(f"/v1/applications/{application['id']}")).json()["state"] == "allocated"

    asked = await caseworker.staff.post(f"{url}/coop-board-request", json={})
    assert asked.status_code == 200 and asked.json()["open_gates"] == ["coop_board_approval"]
    assert (await caseworker.staff.post(f"{url}/coop-board-request", json={})).status_code == 409
    caseworker.harness.clock.advance(timedelta(days=19))
    await caseworker.harness.run_jobs("applications")
    pending = await caseworker.staff.post("/v1/tenancies", json=body)
    assert pending.status_code == 409 and pending.json()["open_gates"] == {"coop_board_approval": "pending"}

    caseworker.harness.clock.advance(timedelta(days=1))  # day 20: the board's silence is its approval
    await caseworker.harness.run_jobs("applications")
    await caseworker.harness.run_jobs("applications")  # idempotent
    gates = (await caseworker.staff.get(f"{url}/gates", params={"deposit_kind": "none"})).json()
    assert gates["coop_board_answer"] == "approved_by_silence" and gates["open_gates"] == []
    late = await caseworker.staff.post(f"{url}/coop-board-answer", json={"answer": "refused"})
    assert late.status_code == 409 and late.json()["current_state"] == "approved_by_silence"
    signed = await caseworker.staff.post("/v1/tenancies", json={**body, "start_date": caseworker.today.isoformat()})
    assert signed.status_code == 201, signed.text


async def test_a_board_that_refuses_keeps_the_gate_shut(caseworker: Caseworker) -> None:
    application = await allocated(caseworker, "dw-coop-2", coop_board_approval=True)
    url = f"/v1/applications/{application['id']}"
    await caseworker.staff.post(f"{url}/coop-board-request", json={})
    answered = await caseworker.staff.post(f"{url}/coop-board-answer", json={"answer": "refused"})
    assert answered.json()["gates"] == {"coop_board_approval": "refused"}
    caseworker.harness.clock.advance(timedelta(days=30))
    await caseworker.harness.run_jobs("applications")
    body = contract(application, caseworker, "none")
    refused = await caseworker.staff.post("/v1/tenancies", json=body)
    assert refused.status_code == 409 and refused.json()["open_gates"] == {"coop_board_approval": "refused"}
    assert await tenancies(caseworker) == 0


async def test_deposit_paid_and_nav_guarantee_gates(caseworker: Caseworker) -> None:
    cash = await allocated(caseworker, "dw-cash")
    refused = await caseworker.staff.post("/v1/tenancies", json=contract(cash, caseworker, "cash"))
    assert refused.status_code == 409 and refused.json()["open_gates"] == {"deposit_paid": "not_paid"}
    assert "deposit_paid" in refused.json()["detail"] and await tenancies(caseworker) == 0
    await caseworker.close_gates(cash["id"], "cash")
    assert (await caseworker.staff.post("/v1/tenancies", json=contract(cash, caseworker, "cash"))).status_code == 201

    guaranteed = await allocated(caseworker, "dw-nav")
    body = contract(guaranteed, caseworker, "nav_guarantee")
    pending = await caseworker.staff.post("/v1/tenancies", json=body)
    assert pending.status_code == 409 and pending.json()["open_gates"] == {"nav_guarantee_granted": "pending"}

    def decision(outcome: GuaranteeDecision, days: int) -> DepositGuaranteeDecided:
        return DepositGuaranteeDecided(
            guarantee_id=f"gar-{outcome.value}",
            application_id=guaranteed["id"],
            person_ref=guaranteed["person_ref"],
            decision=outcome,
            amount=0 if outcome is GuaranteeDecision.REFUSED else 32000,
            decided_on=caseworker.today + timedelta(days=days),
        )

    await caseworker.publish(decision(GuaranteeDecision.REFUSED, 0))
    refused_by_nav = await caseworker.staff.post("/v1/tenancies", json=body)
    assert refused_by_nav.json()["open_gates"] == {"nav_guarantee_granted": "refused"}
    assert await tenancies(caseworker) == 1
    caseworker.harness.clock.advance(timedelta(days=1))
    await caseworker.publish(decision(GuaranteeDecision.GRANTED, 1))  # on appeal
    assert (await caseworker.staff.post("/v1/tenancies", json=body)).status_code == 201


async def test_no_contract_for_a_dwelling_lke_withdrew(caseworker: Caseworker) -> None:
    application = await allocated(caseworker, "dw-sold")
    await caseworker.close_gates(application["id"], "cash")
    await caseworker.publish(
        DwellingWithdrawn(dwelling_id="dw-sold", withdrawn_on=caseworker.today, reason="sold", permanent=True)
    )
    refused = await caseworker.staff.post("/v1/tenancies", json=contract(application, caseworker, "cash"))
    assert refused.status_code == 409 and refused.json()["blocking"] == "dwelling_withdrawn"
    assert await tenancies(caseworker) == 0
