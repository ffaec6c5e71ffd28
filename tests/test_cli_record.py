"""The record's command line as a returning officer uses it: new, info, and bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from coopvote.cli import main
from coopvote.cli.demo import demo_spec_text
from coopvote.register.sample import write_sample_register
from coopvote.service import MeetingService


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "coopvote", *args], capture_output=True, text=True, timeout=120)


@pytest.fixture
def demo_files(tmp_path: Path) -> tuple[Path, Path]:
    spec = tmp_path / "meeting.toml"
    spec.write_text(demo_spec_text(), encoding="utf-8")
    register = write_sample_register(tmp_path / "members.csv", ["PS", "EMP", "SUP"], 600, seed=3)
    return spec, register


def test_new_then_info_json_describes_the_meeting(tmp_path: Path, demo_files: tuple[Path, Path]) -> None:
    spec, register = demo_files
    meeting = tmp_path / "agm.coopvote"
    created = run_cli("new", str(meeting), "--from", str(spec), "--register", str(register))
    assert created.returncode == 0, created.stderr
    assert "Imported 600 members" in created.stdout
    info = run_cli("info", str(meeting), "--json")
    assert info.returncode == 0, info.stderr
    data = json.loads(info.stdout)
    assert [c["code"] for c in data["classes"]] == ["PS", "EMP", "SUP"]
    assert sum(c["members"] for c in data["classes"]) == 600
    assert [i["number"] for i in data["items"]] == [1, 2, 3, 4]
    assert data["items"][2]["special"] is True and data["items"][2]["threshold"] == ">= 3/4"
    assert data["items"][0]["options"] == ["For", "Against", "Abstain"]
    election = data["items"][3]
    assert election["method"] == "scottish-stv" and election["seats"] == 6
    assert election["candidates"][0]["name"] == "Siân ap Gwŷn"
    assert election["reserved"]["EMP"] == {"min": 1, "max": 2}
    assert all(item["voting_open"] is False for item in data["items"])
    eligible = sum(c["eligible"] for c in data["classes"])
    assert data["quorum"]["met"] is False
    assert data["quorum"]["required"] == -(-eligible // 10)  # 10%, rounded up
    assert f"10% of {eligible} members" in data["quorum"]["explanation"]["en"]
    text = run_cli("info", str(meeting))
    assert "Pobl a gefnogir / People supported" in text.stdout and "Quorum / Cworwm" in text.stdout


def test_quorum_is_reached_live_and_explained(tmp_path: Path, demo_files: tuple[Path, Path]) -> None:
    spec, register = demo_files
    meeting = tmp_path / "agm.coopvote"
    assert main(["new", str(meeting), "--from", str(spec), "--register", str(register)]) == 0
    service = MeetingService.open(meeting)
    required = service.desk.quorum().required
    members = [m for m in service.setup.members() if m.status == "active"]
    employees = [m for m in members if m.class_code != "PS"]
    for member in employees[:required]:
        service.desk.check_in(member.number)
    status = service.desk.quorum()
    assert status.present == required
    assert not status.met, "the rules also need 3 people supported present"
    assert "People supported" in status.explanation_en
    supported = [m for m in members if m.class_code == "PS"]
    for member in supported[:2]:
        service.desk.check_in(member.number)
    service.desk.appoint_proxy(supported[2].number, supported[0].number)
    status = service.desk.quorum()
    assert status.met, status.explanation_en
    assert "including 1 by proxy" in status.explanation_en
    service.close()


@pytest.mark.parametrize(
    ("spec_text", "expected"),
    [
        ("[meeting]\nname_en='x'\n", "missing 'name_cy'"),
        ("not toml = = =", "not valid TOML"),
        (
            "[meeting]\nname_en='x'\nname_cy='y'\n[[classes]]\ncode='A'\nname_en='A'\nname_cy='A'\n"
            "[[items]]\nnumber=1\nkind='election'\ntitle_en='t'\ntitle_cy='t'\nmethod='stv'\nseats=1\ncandidates=['a']\n",
            "agenda item 1: method 'stv' is not one of",
        ),
        (
            "[meeting]\nname_en='x'\nname_cy='y'\n[[classes]]\ncode='A'\nname_en='A'\nname_cy='A'\n"
            "[[items]]\nnumber=1\nkind='resolution'\ntitle_en='t'\ntitle_cy='t'\nthreshold='most'\n",
            "threshold 'most' should look like",
        ),
    ],
)
def test_bad_spec_is_refused_with_where_and_why(tmp_path: Path, spec_text: str, expected: str) -> None:
    spec = tmp_path / "bad.toml"
    spec.write_text(spec_text, encoding="utf-8")
    meeting = tmp_path / "agm.coopvote"
    result = run_cli("new", str(meeting), "--from", str(spec))
    assert result.returncode != 0
    assert expected in result.stderr
    assert "bad.toml" in result.stderr
    assert "Traceback" not in result.stderr
    assert not meeting.exists()


def test_malformed_register_creates_no_meeting_and_register_imports_later(
    tmp_path: Path, demo_files: tuple[Path, Path]
) -> None:
    """All or nothing (issue 12): a bad register leaves no meeting; `coopvote register` imports one later."""
    spec, good_register = demo_files
    register = tmp_path / "members-bad.csv"
    register.write_bytes("Membership number,Name,Class\nM1,Siân,PS\nM2,,EMP\nM1,Twice,SUP\n".encode("cp1252", "replace"))
    meeting = tmp_path / "agm.coopvote"
    result = run_cli("new", str(meeting), "--from", str(spec), "--register", str(register))
    assert result.returncode != 0
    assert "line 3" in result.stderr and "line 4" in result.stderr
    assert "Traceback" not in result.stderr
    assert "the meeting was not created" in result.stderr
    assert not meeting.exists()
    assert main(["new", str(meeting), "--from", str(spec)]) == 0
    refused = run_cli("register", str(meeting), str(register))
    assert refused.returncode != 0 and "line 3" in refused.stderr and "Traceback" not in refused.stderr
    info = json.loads(run_cli("info", str(meeting), "--json").stdout)
    assert sum(c["members"] for c in info["classes"]) == 0
    imported = run_cli("register", str(meeting), str(good_register))
    assert imported.returncode == 0, imported.stderr
    assert "Imported 600 members" in imported.stdout
    again = run_cli("register", str(meeting), str(good_register))
    assert again.returncode != 0 and "--replace" in again.stderr
    replaced = run_cli("register", str(meeting), str(good_register), "--replace")
    assert replaced.returncode == 0, replaced.stderr
    info = json.loads(run_cli("info", str(meeting), "--json").stdout)
    assert sum(c["members"] for c in info["classes"]) == 600


def test_info_on_a_file_that_is_not_a_meeting(tmp_path: Path) -> None:
    bogus = tmp_path / "x.coopvote"
    bogus.write_bytes(b"PK\x03\x04 not a meeting")
    result = run_cli("info", str(bogus))
    assert result.returncode == 3
    assert "is not a coopvote meeting file" in result.stderr


def test_output_piped_into_head_ends_quietly(stv_reference: Path) -> None:
    """`coopvote count ... --json | head` must not end in a traceback when the reader has gone away."""
    import os

    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before a byte is written, as when head has had enough
    try:
        result = subprocess.run(
            [sys.executable, "-m", "coopvote", "count", str(stv_reference / "ballots" / "ers97_model.blt"),
             "--method", "ers97", "--json"],
            stdout=write_end, stderr=subprocess.PIPE, text=True, timeout=120,
        )
    finally:
        os.close(write_end)
    assert result.returncode == 0
    assert "Traceback" not in result.stderr and "BrokenPipe" not in result.stderr, result.stderr
