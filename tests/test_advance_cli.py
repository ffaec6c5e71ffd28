"""The advance verbs on the command line, step by step, as the README table lists them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from coopvote.cli import main
from tests.advance_meeting import new_meeting


def test_advance_steps_from_packs_to_status(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    new_meeting(tmp_path, 20).close()
    meeting = str(tmp_path / "advance.coopvote")
    assert main(["advance", "packs", meeting, "--members", "M001,M002,M011", "--out", str(tmp_path / "packs")]) == 0
    written = sorted(p.name for p in (tmp_path / "packs").iterdir())
    assert written == ["advance-envelopes.pdf", "advance-papers-EMP.pdf", "advance-papers-PS.pdf"]
    capsys.readouterr()
    assert main(["advance", "receive", meeting, "M001", "M011", "--at", "2026-11-26T10:00:00Z"]) == 0
    assert "2 envelopes: 2 accepted" in capsys.readouterr().out
    assert main(["advance", "receive", meeting, "M002", "--at", "2026-11-28T10:00:00Z"]) == 0
    assert "1 envelopes: 0 accepted, 1 late" in capsys.readouterr().out
    assert main(["advance", "open", meeting]) == 0
    assert "2 envelopes recorded as opened" in capsys.readouterr().out
    assert main(["advance", "record", meeting, "--qr", "not a code", "--marks", "1"]) == 1
    assert main(["advance", "directed", meeting, "--appointer", "M003", "--item", "1=against", "--item", "2=2,1"]) == 0
    assert main(["advance", "amended", meeting, "--item", "1", "--by", "the chair"]) == 0
    assert "counted as against" in capsys.readouterr().out
    assert main(["advance", "status", meeting, "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"packs": 3, "accepted": 2, "opened": 2, "late": 1}
    assert main(["advance", "status", meeting, "--member", "M003", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["directed_proxy_on"] == [1, 2]


def test_a_direction_that_cannot_be_read_is_refused_naming_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    new_meeting(tmp_path, 20).close()
    code = main(["advance", "directed", str(tmp_path / "advance.coopvote"), "--appointer", "M003", "--item", "one=for"])
    assert code != 0
    assert "--item 'one=for'" in capsys.readouterr().err
