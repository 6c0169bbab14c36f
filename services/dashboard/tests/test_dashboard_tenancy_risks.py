"""§ 9-2 risks on the dashboard: Boligkontoret's escalation of a contract past its end is projected and listed on
the stuck-cases page until the contract is renewed, given notice or ended."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from boligflyt.contracts.codes import ContractType, NoticeParty
from boligflyt.contracts.envelope import Envelope, to_wire
from boligflyt.contracts.events import applications as a
from boligflyt.dashboard import domain, service
from boligflyt.dashboard.main import definition
from boligflyt.platform.auth import Agency
from boligflyt.testkit import ServiceHarness

END = date(2015, 3, 31)


def escalated(tenancy_id: str, dwelling_id: str, on: date) -> a.TenancyPastEndEscalated:
    return a.TenancyPastEndEscalated(
        tenancy_id=tenancy_id,
        dwelling_id=dwelling_id,
        contract_type=ContractType.ORDINARY_RENTAL,
        end_date=END,
        escalated_on=on,
        days_past_end=(on - END).days,
        expiry_notice_deadline=date(2015, 6, 30),
    )


async def test_an_escalated_contract_is_a_risk_until_renewed_or_given_notice(tmp_path: Path) -> None:
    async with ServiceHarness([definition], tmp_path, start=datetime(2015, 5, 4, 9, tzinfo=UTC)) as harness:
        events = [
            escalated("ten-risk", "dw-1", date(2015, 4, 1)),
            escalated("ten-renewed", "dw-2", date(2015, 4, 1)),
            escalated("ten-noticed", "dw-3", date(2015, 4, 1)),
            a.TenancyRenewed(
                tenancy_id="ten-renewed",
                dwelling_id="dw-2",
                application_id="app-1",
                renewed_on=date(2015, 4, 10),
                contract_type=ContractType.ORDINARY_RENTAL,
                previous_end_date=END,
                new_end_date=date(2018, 3, 31),
            ),
            a.TenancyNoticeGiven(
                tenancy_id="ten-noticed",
                dwelling_id="dw-3",
                given_on=date(2015, 4, 20),
                given_by=NoticeParty.LANDLORD,
                move_out_date=date(2015, 6, 30),
            ),
        ]
        await harness.bus.publish([to_wire(Envelope(data=event)) for event in events])
        await harness.settle()
        database = harness.runtimes["dashboard"].database

        model, _ = await service.read_model(database, None, date(2015, 5, 4))
        assert [r.tenancy_id for r in domain.tenancy_risks(model, date(2015, 4, 5))] == [
            "ten-noticed",
            "ten-renewed",
            "ten-risk",
        ]
        [risk] = domain.tenancy_risks(model, date(2015, 5, 4))
        assert (risk.tenancy_id, risk.days_past_end, risk.expiry_notice_deadline) == ("ten-risk", 34, date(2015, 6, 30))
        assert domain.tenancy_risks(model, date(2015, 3, 31)) == []  # before the escalation

        async with harness.client("dashboard", Agency.coordinator) as coordinator:
            page = await coordinator.get("/stuck")
            assert page.status_code == 200
            risks = page.text.split('id="tenancy-risks"', 1)[1]
            assert 'data-tenancy="ten-risk"' in risks and "ten-renewed" not in risks and "ten-noticed" not in risks
