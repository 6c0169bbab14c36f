"""Numbers in a property-system export past any float: a room count of 400 digits overflowed into a 500 from the
import; it is a rejected row, like any other number out of range."""

from __future__ import annotations

from boligflyt.integrations.property_export import parse_export


def test_a_number_past_any_float_is_a_rejected_row_not_a_500() -> None:
    huge = "9" * 400
    header = "objekt_id;adresse;antall_rom;areal;husleie;eier"
    export = f"{header}\nA-1;Vei 1;{huge};{huge};{huge};LKE\nA-2;Vei 2;2;40;5000;LKE\n"
    parsed = parse_export(export, "csv")
    assert [obj.object_id for obj in parsed.objects] == ["A-2"]
    [rejected] = parsed.rejections
    assert rejected.object_id == "A-1"
    assert [reason.split(" ")[0] for reason in rejected.reasons] == ["rooms", "area", "rent"]
