"""The command line's words (issue 12): counts, plurals, reservations, and items never voted on."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from coopvote.cli import main
from coopvote.cli.demo import demo_spec_text
from coopvote.register.sample import write_sample_register


@pytest.fixture
def meeting(tmp_path: Path) -> Path:
    spec = tmp_path / "meeting.toml"
    spec.write_text(demo_spec_text(), encoding="utf-8")
    register = write_sample_register(tmp_path / "members.csv", ["PS", "EMP", "SUP"], 60, seed=3)
    path = tmp_path / "agm.coopvote"
    assert main(["new", str(path), "--from", str(spec), "--register", str(register)]) == 0
    return path


def test_count_zero_is_refused_not_replaced(meeting: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "papers.pdf"
    assert main(["ballots", str(meeting), "--item", "1", "--class", "PS", "--count", "0", "--out", str(out)]) == 2
    assert "--count 0" in capsys.readouterr().out
    assert not out.exists()


def test_printed_counts_agree_in_number(meeting: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "papers.pdf"
    assert main(["--lang", "en", "ballots", str(meeting), "--item", "1", "--class", "PS", "--count", "1",
                 "--out", str(out)]) == 0
    assert main(["--lang", "en", "ballots", str(meeting), "--item", "1", "--class", "PS", "--count", "3",
                 "--kind", "slips", "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "Printed 1 ballot paper for item 1" in printed
    assert "Printed 3 vote slips for item 1" in printed
    assert " paper for" in printed and "papers for" not in printed.splitlines()[0]


def test_info_says_reservations_in_words(meeting: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["info", str(meeting)]) == 0
    text = capsys.readouterr().out
    assert "(reserved seats: PS at least 2, EMP 1 to 2, SUP at least 1)" in text
    assert "{'min'" not in text and "{'" not in text


def test_results_for_an_item_never_opened_is_not_an_outcome(meeting: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["results", str(meeting), "--item", "1"]) == 0
    text = capsys.readouterr().out
    assert "not carried" not in text
    assert "Voting has not opened on this item" in text
    assert "Nid yw'r bleidlais ar yr eitem hon wedi agor" in text


def test_verify_says_declared_only_for_a_declared_item(tmp_path: Path) -> None:
    from coopvote.export.archive import export_meeting
    from coopvote.export.verify import verify_bytes
    from tests.helpers import small_meeting

    service = small_meeting(tmp_path)
    service.results.record_show_of_hands(1, {"PS": (1, 1, 0), "EMP": (3, 0, 1)})
    service.results.declare(1, "Gareth Morgan", reconciliation_reason="test meeting: papers recorded without packs")
    batch = service.papers.add_paper_batch(2, "EMP", 4)
    service.voting.open_vote(2, not_quorate_reason="test meeting: nobody checked in")
    assert service.tellers.record_paper(batch.qr_text(batch.serials[0]), [2, 1]).accepted
    service.close()
    out = tmp_path / "small.zip"
    export_meeting(tmp_path / "small.coopvote", out)
    checks = [str(check) for check in verify_bytes(out.read_bytes()).checks]
    first = next(c for c in checks if c.startswith("item 1:"))
    second = next(c for c in checks if c.startswith("item 2:"))
    assert first.endswith("same result as declared")
    assert "not declared" in second and "same result as declared" not in second


def test_register_cannot_be_replaced_once_a_vote_has_opened(meeting: Path, tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    register = write_sample_register(tmp_path / "again.csv", ["PS", "EMP", "SUP"], 30, seed=5)
    assert main(["open", str(meeting), "--item", "1", "--not-quorate-reason", "test meeting: nobody checked in"]) == 0
    assert main(["register", str(meeting), str(register), "--replace"]) != 0
    assert "a vote opened" in capsys.readouterr().err
    assert main(["info", str(meeting), "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert sum(c["members"] for c in info["classes"]) == 60, "the register imported first is kept"
