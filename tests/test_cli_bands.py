"""Issues 10 and 11 on the command line: ``--band`` for ``ballots`` and ``packs``, the bands in ``info``, and
the chair's choice to publish small classes through ``coopvote results --show-small-classes``.

The band round trip goes through the commands a secretary types: ``new``, ``info``, ``ballots --band``,
``open``, ``scan``, ``close`` and ``results``. Only marking the printed pages (a pen drawn in code) and
reading their QR codes back to check the sealed value use the test helpers, as tests/test_per_member_bands.py
does.
"""

from __future__ import annotations

import json
import random
from fractions import Fraction
from pathlib import Path

import pypdfium2 as pdfium
import pytest
import zxingcpp
from sqlalchemy import select

from coopvote.ballots.qrcodec import decode
from coopvote.ballots.testdeck import rasterise_page
from coopvote.cli import main
from coopvote.record.models import AuditEntry
from coopvote.service import MeetingService
from tests.helpers import small_meeting
from tests.test_secrecy_small_classes import build as small_class_meeting
from tests.test_service_sheets import DPI, _secret, mark_and_scan

SPEC = """
[meeting]
name_cy = "Cyfarfod Cyfranddalwyr"
name_en = "Shareholders' Meeting"
date = 2026-12-05

[[classes]]
code = "EMP"
name_cy = "Gweithwyr"
name_en = "Employees"
colour = "#2f5fa8"

[[classes]]
code = "PS"
name_cy = "Pobl a gefnogir"
name_en = "People supported"
colour = "#1b7f5f"

[weighting]
scheme = "fixed-value"
per_member = true
bands = [1, "5/2", 5]
privacy_minimum = 3

[[items]]
number = 1
kind = "resolution"
title_cy = "Derbyn y cyfrifon"
title_en = "Receive the accounts"
"""

# number, class, value, choice (1 For, 2 Against, 3 Abstain)
VOTERS = [
    ("E1", "EMP", "1", 1), ("E2", "EMP", "1", 1), ("E3", "EMP", "1", 2),
    ("E4", "EMP", "5/2", 1), ("E5", "EMP", "5/2", 2),
    ("E6", "EMP", "5", 1),
    ("P1", "PS", "1", 3),
]  # fmt: skip


def new_meeting(folder: Path, capsys: pytest.CaptureFixture[str]) -> str:
    (folder / "shares.toml").write_text(SPEC, encoding="utf-8")
    register = "membership number,name,class,vote value\n" + "".join(
        f"{number},Member {number},{code},{value}\n" for number, code, value, _ in VOTERS
    )
    (folder / "members.csv").write_text(register, encoding="utf-8")
    file = str(folder / "shares.coopvote")
    assert main(["new", file, "--from", str(folder / "shares.toml"), "--register", str(folder / "members.csv")]) == 0
    capsys.readouterr()
    return file


def sealed_bands(pdf: Path, file: str) -> list[Fraction | None]:
    """Each printed page's QR code read back and opened with the meeting's key: the value it carries."""
    service = MeetingService.open(file, backups=False)
    try:
        secret, code = _secret(service), service.setup.meeting().code
    finally:
        service.close()
    values = []
    for index in range(len(pdfium.PdfDocument(str(pdf)))):
        found = zxingcpp.read_barcodes(rasterise_page(pdf.read_bytes(), index, DPI), formats=zxingcpp.BarcodeFormat.QRCode)
        values.append(decode(found[0].text, secret, code).band)
    return values


def test_info_lists_the_bands_and_warns_of_small_ones(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    file = new_meeting(tmp_path, capsys)
    assert main(["info", file, "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert [(b["class"], b["value"], b["members"]) for b in info["value_bands"]] == [
        ("EMP", "1", 3), ("EMP", "5/2", 2), ("EMP", "5", 1), ("PS", "1", 1)
    ]  # fmt: skip
    warned = {(b["class"], b["value"]) for b in info["value_bands"] if b["warning"]}
    assert warned == {("EMP", "5/2"), ("EMP", "5"), ("PS", "1")}
    assert info["items"][0]["counts_member_values"] is True
    assert main(["info", file]) == 0
    text = capsys.readouterr().out
    assert "Bandiau gwerth / Value bands (print with --band VALUE):" in text
    assert "EMP   5/2 o bleidleisiau / 5/2 votes: 2 members" in text
    assert "PS    1 pleidlais / 1 vote: 1 member\n" in text
    assert "warning: class EMP, band 5: only 1 member(s), fewer than the privacy minimum of 3" in text
    assert "each member's own vote value" in text


def test_a_meeting_without_member_values_lists_no_bands_and_refuses_band(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    small_meeting(tmp_path).close()
    file = str(tmp_path / "small.coopvote")
    assert main(["info", file, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["value_bands"] == []
    assert main(["ballots", file, "--item", "1", "--class", "EMP", "--band", "1", "--out", str(tmp_path / "x.pdf")]) == 4
    refused = capsys.readouterr().err
    assert "--band 1: item 1 does not count members' own vote values" in refused and "without --band" in refused
    assert main(["packs", file, "--class", "EMP", "--band", "1", "--count", "1", "--out", str(tmp_path / "x.pdf")]) == 4
    assert "--band 1: none of the items still to be voted on counts members' own vote values" in (
        capsys.readouterr().err
    )
    assert not (tmp_path / "x.pdf").exists()


def test_band_values_are_exact_or_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    file = new_meeting(tmp_path, capsys)
    out = str(tmp_path / "x.pdf")
    for bad in ("2.5e0", "five", "5/0", "0", "-1"):
        with pytest.raises(SystemExit) as exited:
            main(["ballots", file, "--item", "1", "--class", "EMP", "--band", bad, "--out", out])
        assert exited.value.code == 2
        assert "--band" in capsys.readouterr().err
    assert main(["ballots", file, "--item", "1", "--class", "EMP", "--out", out]) == 4
    refused = capsys.readouterr().err
    assert "item 1 counts each member's own vote value" in refused
    assert "--band VALUE; the bands of class EMP are 1, 5/2, 5" in refused
    assert main(["ballots", file, "--item", "1", "--class", "PS", "--band", "5", "--out", out]) == 4
    refused = capsys.readouterr().err
    assert "no active member of class PS has the vote value 5" in refused and "the bands of class PS are 1" in refused
    assert main(["ballots", file, "--item", "1", "--band", "2", "--out", out]) == 4
    assert "no active member of any class has the vote value 2; the bands are EMP 1, EMP 5/2, EMP 5, PS 1" in (
        capsys.readouterr().err
    )
    assert main(["packs", file, "--class", "EMP", "--count", "1", "--out", out]) == 4
    assert "--band VALUE; the bands of class EMP are 1, 5/2, 5" in capsys.readouterr().err
    assert main(["packs", file, "--class", "EMP", "--band", "3", "--count", "1", "--out", out]) == 4
    assert "the bands of class EMP are 1, 5/2, 5" in capsys.readouterr().err
    assert main(["packs", file, "--class", "XX", "--band", "1", "--count", "1", "--out", out]) == 2
    assert "--class XX: there is no such membership class; the classes are EMP, PS" in capsys.readouterr().err
    assert not Path(out).exists()


def test_band_papers_printed_scanned_and_counted_through_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = new_meeting(tmp_path, capsys)

    # Packs of a band, and every class holding a band in one go (one file each, counted from the band).
    packs = tmp_path / "packs-emp-5.pdf"
    assert main(["packs", file, "--class", "EMP", "--band", "5", "--count", "2", "--out", str(packs)]) == 0
    printed = capsys.readouterr().out
    assert "Printed 2 packs for class EMP, band 5 votes (items 1): 2 pages" in printed
    assert "warning: class EMP, band 5: only 1 member(s)" in printed  # said again where the printing is done
    assert sealed_bands(packs, file) == [Fraction(5), Fraction(5)]
    assert main(["ballots", file, "--item", "1", "--band", "1", "--out", str(tmp_path / "spare.pdf")]) == 0
    printed = capsys.readouterr().out
    assert "Printed 8 ballot papers for item 1, class EMP, band 1 vote" in printed  # 3 members + 5 spares
    assert "warning: class EMP, band 1" not in printed and "warning: class PS, band 1: only 1 member(s)" in printed
    assert "Printed 6 ballot papers for item 1, class PS, band 1 vote" in printed
    assert sealed_bands(tmp_path / "spare-PS.pdf", file) == [Fraction(1)] * 6

    # The papers the members vote on: one PDF per band, the band sealed in every QR code.
    pdfs = {}
    for code, value in (("EMP", "1"), ("EMP", "5/2"), ("EMP", "5"), ("PS", "1")):
        voters = [v for v in VOTERS if v[1] == code and v[2] == value]
        pdf = tmp_path / f"item1-{code}-{value.replace('/', 'r')}.pdf"
        band = "2.5" if value == "5/2" else value  # the decimal spelling is the same exact value
        args = ["ballots", file, "--item", "1", "--class", code, "--band", band, "--count", str(len(voters))]
        assert main([*args, "--out", str(pdf)]) == 0
        assert f"class {code}, band {value} vote" in capsys.readouterr().out
        assert sealed_bands(pdf, file) == [Fraction(value)] * len(voters)
        pdfs[pdf] = voters

    assert main(["open", file, "--item", "1", "--not-quorate-reason", "test meeting: nobody checked in"]) == 0
    service = MeetingService.open(file, backups=False)
    rng = random.Random(10)
    scans = []
    try:
        for pdf, voters in pdfs.items():
            scans += mark_and_scan(service, pdf, [[v[3] - 1] for v in voters], tmp_path, 1.0, rng)
    finally:
        service.close()
    capsys.readouterr()
    assert main(["scan", file, *map(str, scans)]) == 0
    assert f"{len(VOTERS)} sheets read: {len(VOTERS)} counted" in capsys.readouterr().out
    assert main(["close", file, "--item", "1"]) == 0
    capsys.readouterr()

    assert main(["results", file, "--item", "1", "--json"]) == 0
    (result,) = json.loads(capsys.readouterr().out)["items"]
    value_for = sum(Fraction(v[2]) for v in VOTERS if v[3] == 1)
    value_against = sum(Fraction(v[2]) for v in VOTERS if v[3] == 2)
    assert (value_for, value_against) == (Fraction(19, 2), Fraction(7, 2))  # by head: 4 for, 2 against
    weighted = [sum(Fraction(x) for x in option["weighted_exact"].values()) for option in result["options"]]
    assert weighted[:2] == [value_for, value_against]
    values_counted = {value for band in result["bands"] for value in band["values"]}
    assert values_counted == {"1", "5/2", "5"}


def test_the_chair_publishes_small_classes_from_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    small_class_meeting(tmp_path).close()
    file = str(tmp_path / "small.coopvote")
    assert main(["results", file, "--item", "1"]) == 0
    assert "A+INV" in capsys.readouterr().out

    assert main(["results", file, "--item", "1", "--show-small-classes", "--by", "Chair Jones"]) == 4
    assert "missing --reason TEXT" in capsys.readouterr().err
    assert main(["results", file, "--item", "1", "--show-small-classes", "--by", "Chair Jones", "--reason", "  "]) == 4
    assert "missing --reason TEXT" in capsys.readouterr().err
    assert main(["results", file, "--show-small-classes", "--by", "Chair Jones", "--reason", "asked"]) == 4
    assert "missing --item N" in capsys.readouterr().err
    assert main(["results", file, "--item", "1", "--reason", "asked"]) == 4
    assert "go with --show-small-classes" in capsys.readouterr().err
    assert main(["results", file, "--item", "1"]) == 0
    assert "A+INV" in capsys.readouterr().out  # nothing was recorded by the refusals

    reason = "the investors asked for their vote to be shown"
    args = ["results", file, "--item", "1", "--show-small-classes", "--by", "Chair Jones", "--reason", reason, "--json"]
    assert main(args) == 0
    captured = capsys.readouterr()
    assert "as Chair Jones chose (reason recorded)" in captured.err
    (shown,) = json.loads(captured.out)["items"]
    assert shown["options"][1]["papers"] == {"A": 0, "B": 0, "INV": 1}
    service = MeetingService.open(file, backups=False)
    with service.record.reading() as session:
        entries = [e for e in session.scalars(select(AuditEntry)) if e.action == "small classes shown"]
    service.close()
    assert len(entries) == 1

    assert main(["close", file, "--item", "1"]) == 0
    declaration = tmp_path / "declaration.pdf"
    assert main(["declare", file, "--item", "1", "--by", "Returning Officer", "--out", str(declaration),
                 "--reconciliation-reason", "test meeting: papers recorded without packs"]) == 0  # fmt: skip
    document = pdfium.PdfDocument(str(declaration))
    words = " ".join(" ".join(document[i].get_textpage().get_text_range().split()) for i in range(len(document)))
    assert "The chair chose to publish" in words and "Chair Jones" in words and reason in words
    capsys.readouterr()
    assert main(["results", file, "--item", "1", "--show-small-classes", "--by", "Chair Jones", "--reason", "again"]) == 4
    assert "already declared" in capsys.readouterr().err
