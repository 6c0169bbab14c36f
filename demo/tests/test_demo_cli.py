"""`./dev up` takes its data folder from --data-dir, else BOLIGFLYT_DATA_DIR, else ./data."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from boligflyt.demo import cli
from boligflyt.platform.settings import Settings


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch) -> list[Settings]:
    """The settings `up` would serve with; nothing is started."""
    seen: list[Settings] = []

    async def serve(_host: str, _port: int, settings: Settings, **_options: Any) -> None:
        seen.append(settings)

    monkeypatch.setattr(cli, "serve", serve)
    # `up` writes both into the environment: monkeypatch puts them back as they were.
    monkeypatch.delenv("BOLIGFLYT_DATA_DIR", raising=False)
    monkeypatch.delenv("BOLIGFLYT_LOG_JSON", raising=False)
    return seen


def test_up_takes_the_data_folder_from_the_environment(served: list[Settings], tmp_path: Path) -> None:
    result = CliRunner().invoke(cli.app, ["up"], env={"BOLIGFLYT_DATA_DIR": str(tmp_path / "from-env")})
    assert result.exit_code == 0, result.output
    assert served[0].data_dir == tmp_path / "from-env"


def test_the_option_wins_over_the_environment(served: list[Settings], tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli.app,
        ["up", "--data-dir", str(tmp_path / "from-option")],
        env={"BOLIGFLYT_DATA_DIR": str(tmp_path / "from-env")},
    )
    assert result.exit_code == 0, result.output
    assert served[0].data_dir == tmp_path / "from-option"


def test_without_either_the_data_is_in_data(served: list[Settings]) -> None:
    result = CliRunner().invoke(cli.app, ["up"])
    assert result.exit_code == 0, result.output
    assert served[0].data_dir == Path("data")
