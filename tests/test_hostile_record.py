"""The record under awkward use: replacing a register that proxies already name, reading a read-only copy."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from coopvote.cli import main as cli
from coopvote.errors import RuleError
from tests.helpers import SMALL_REGISTER, small_meeting


def test_replacing_the_register_after_a_proxy_is_refused_in_words_not_sql(tmp_path: Path) -> None:
    service = small_meeting(tmp_path)
    service.desk.appoint_proxy("P2", "E1")
    with pytest.raises(RuleError, match=r"1 proxy appointment\(s\) already name its members") as refused:
        service.setup.import_register(SMALL_REGISTER.encode(), "members.csv", replace=True)
    assert "INSERT" not in str(refused.value) and "DELETE" not in str(refused.value)
    service.desk.cancel_proxy("P2", "changed mind")
    with pytest.raises(RuleError, match="cancelled ones stay in the record"):
        service.setup.import_register(SMALL_REGISTER.encode(), "members.csv", replace=True)
    assert len(service.setup.members()) == 7
    service.close()


@pytest.fixture
def read_only_meeting(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    service = small_meeting(tmp_path)
    service.close()
    path = tmp_path / "small.coopvote"
    real_access = os.access

    def no_writing(target: object, mode: int, *args: object, **kwargs: object) -> bool:
        # Tests may run as root, for whom chmod does not stop writing: the check itself is told "no".
        return False if mode & os.W_OK else real_access(target, mode)  # type: ignore[arg-type]

    monkeypatch.setattr("coopvote.record.db.os.access", no_writing)
    return path


def test_info_and_results_read_a_read_only_copy(read_only_meeting: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(["info", str(read_only_meeting)]) == 0
    assert "Test Meeting" in capsys.readouterr().out
    assert cli(["results", str(read_only_meeting)]) == 0
    assert "Receive the accounts" in capsys.readouterr().out


def test_commands_that_write_still_refuse_a_read_only_copy(read_only_meeting: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(["open", str(read_only_meeting), "--item", "1"]) == 3
    assert "read-only" in capsys.readouterr().err
