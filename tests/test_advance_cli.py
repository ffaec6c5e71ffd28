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


def test_adjudicate_lists_which_waiting_sheets_are_advance_papers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.advance_meeting import ON_TIME
    from tests.test_service_safeguards import doubtful_sheet

    service = new_meeting(tmp_path, 20)
    issue = service.advance.issue_packs(["M001"])
    assert service.advance.receive_envelope(issue.envelope_codes["M001"], at=ON_TIME).accepted
    assert service.advance.open_envelopes() == 1
    advance = next(batch for batch in issue.batches if batch.item == 1)
    room = service.papers.add_paper_batch(1, advance.class_code, 1)
    service.voting.open_vote(1, not_quorate_reason="test meeting: nobody checked in")
    queued = service.tellers.record_sheet(doubtful_sheet(advance.qr_text(advance.serials[0]), "advance-box.pdf"),
                                          record_clear=service.advance.record_paper)
    assert queued.reason == "queued", queued.message_en
    assert service.tellers.record_sheet(doubtful_sheet(room.qr_text(room.serials[0]))).reason == "queued"
    sheets = {sheet.advance: sheet for sheet in service.tellers.pending_sheets()}
    service.close()
    meeting = str(tmp_path / "advance.coopvote")
    capsys.readouterr()

    assert main(["--lang", "en", "adjudicate", meeting]) == 0
    listed = capsys.readouterr().out.splitlines()
    code = advance.class_code
    advance_line = next(line for line in listed if line.startswith(f"sheet {sheets[True].id}: "))
    assert advance_line.startswith(f"sheet {sheets[True].id}: item 1, {code}, advance paper, serial {advance.serials[0]}; ")
    assert advance_line.endswith("; doubtful mark; read as []; from advance-box.pdf page 1")
    room_line = next(line for line in listed if line.startswith(f"sheet {sheets[False].id}: "))
    assert room_line.startswith(f"sheet {sheets[False].id}: item 1, {code}, serial {room.serials[0]}; ")
    assert "advance" not in room_line and len(listed) == 2

    assert main(["adjudicate", meeting]) == 0  # both languages, Welsh first
    both = capsys.readouterr().out.splitlines()
    assert len(both) == 4
    welsh = next(line for line in both if line.startswith(f"dalen {sheets[True].id}: "))
    assert f"papur ymlaen llaw, rhif {advance.serials[0]}" in welsh
    assert both.index(welsh) + 1 == both.index(next(line for line in both if line.startswith(f"sheet {sheets[True].id}:")))
