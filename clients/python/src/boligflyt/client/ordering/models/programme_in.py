from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.programme_in_frames_type_0 import ProgrammeInFramesType0


T = TypeVar("T", bound="ProgrammeIn")


@_attrs_define
class ProgrammeIn:
    """
    Attributes:
        year (int):
        frames (None | ProgrammeInFramesType0 | Unset): Frames in NOK per budget line. Lines left out get the standard
            frames: Boligløft 30 MNOK refugee_dwellings + 30 MNOK disadvantaged_dwellings, LKE's refugee loan frame 30 MNOK;
            service_needs has no standard frame (the economic plan sets it).
    """

    year: int
    frames: ProgrammeInFramesType0 | Unset | None = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.programme_in_frames_type_0 import ProgrammeInFramesType0

        year = self.year

        frames: dict[str, Any] | Unset | None
        if isinstance(self.frames, Unset):
            frames = UNSET
        elif isinstance(self.frames, ProgrammeInFramesType0):
            frames = self.frames.to_dict()
        else:
            frames = self.frames

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "year": year,
            }
        )
        if frames is not UNSET:
            field_dict["frames"] = frames

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.programme_in_frames_type_0 import ProgrammeInFramesType0

        d = dict(src_dict)
        year = d.pop("year")

        def _parse_frames(data: object) -> ProgrammeInFramesType0 | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                frames_type_0 = ProgrammeInFramesType0.from_dict(data)

                return frames_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ProgrammeInFramesType0 | Unset, data)

        frames = _parse_frames(d.pop("frames", UNSET))

        programme_in = cls(
            year=year,
            frames=frames,
        )

        return programme_in
