"""``coopvote demo`` runs the whole sample meeting end to end, as ``make demo`` does."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest


@pytest.mark.slow
def test_demo_runs_the_whole_meeting_and_writes_its_outputs(tmp_path: Path) -> None:
    out = tmp_path / "demo-output"
    result = subprocess.run(
        [sys.executable, "-m", "coopvote", "demo", "--out", str(out)], capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    for name in ("meeting.coopvote", "members.csv", "results.json", "declarations.pdf", "minutes.pdf", "record.zip"):
        assert (out / name).stat().st_size > 0, name
    assert len(list((out / "papers").glob("*.pdf"))) == 14
    assert "The rehearsal PASSED" in (out / "rehearsal" / "report.txt").read_text(encoding="utf-8")
    assert "1b. Rehearsal passed" in result.stdout
    results = json.loads((out / "results.json").read_text(encoding="utf-8"))
    items = {item["item"]: item for item in results["items"]}
    assert set(items) == {1, 2, 3, 4}
    assert items[3]["resolution"]["by_head"] is True
    elected = items[4]["election"]["elected"]
    assert len(elected) == 6
    classes = {"PS": 0, "EMP": 0, "SUP": 0}
    candidates = {
        "Siân ap Gwŷn": "PS", "Dafydd Llwyd": "PS", "Mair Ŵyn Jones": "PS", "Rhodri Evans": "EMP",
        "Catrin Ffion Davies": "EMP", "Tomos Prys": "EMP", "Heledd Rowlands": "SUP", "Gwenllian Ŷr Hughes": "SUP",
        "Ieuan Bowen": "SUP", "Aled Thomas": "SUP",
    }
    for name in elected:
        classes[candidates[name]] += 1
    assert classes["PS"] >= 2 and 1 <= classes["EMP"] <= 2 and classes["SUP"] >= 1, classes
    assert "read clear" in result.stdout and "The archive checks out" in result.stdout
    with zipfile.ZipFile(out / "record-PRIVATE.zip") as archive:  # the public record.zip holds no meeting file
        assert "meeting.coopvote" in archive.namelist()


def test_a_second_demo_run_starts_afresh(tmp_path: Path) -> None:
    """``make demo`` twice must not fail on the first run's meeting file: the old outputs are cleared."""
    from coopvote.cli.demo import _fresh_output

    out = tmp_path / "demo-output"
    (out / "papers").mkdir(parents=True)
    for name in ("meeting.coopvote", "meeting.coopvote-wal", "papers/item1-PS-slips.pdf"):
        (out / name).write_bytes(b"old")
    (out / "notes.txt").write_text("mine")
    _fresh_output(out)
    assert not (out / "meeting.coopvote").exists() and not (out / "meeting.coopvote-wal").exists()
    assert not (out / "papers").exists()
    assert (out / "notes.txt").read_text() == "mine"  # nothing else in the folder is touched
