"""``per_member = true`` end to end (issue 10): a member's own vote value reaches a secret paper by its
value band, and is counted, declared, exported and verified.

Members worth 1, 2 and 5 are checked in and handed the pack of their band; papers are printed per band
to a real PDF, marked in code, rasterised, read back through the scanner path and counted. The weighted
totals must equal a tally made here, independently, from the members' register values and choices.
"""

from __future__ import annotations

import io
import json
import random
from fractions import Fraction
from pathlib import Path

import pytest

from coopvote.ballots.qrcodec import BallotCode, decode, encode
from coopvote.counting.value_bands import (
    Band,
    band_token,
    bands_of,
    parse_band_token,
    public_band_rows,
    small_band_warnings,
)
from coopvote.errors import InputError, RuleError
from coopvote.export.archive import export_meeting
from coopvote.export.content import collect, read_ballots_csv
from coopvote.export.recount import first_difference, recount
from coopvote.export.verify import Discrepancy, verify_bytes
from coopvote.meeting.spec import parse_spec
from coopvote.reports.declaration import render_declaration
from coopvote.service import MeetingService
from tests.test_export_archive import members_of, rezip
from tests.test_service_sheets import mark_and_scan

SPEC = """
[meeting]
name_cy = "Cyfarfod Cyfranddalwyr"
name_en = "Shareholders' Meeting"
date = 2026-12-05

[[classes]]
code = "PS"
name_cy = "Pobl a gefnogir"
name_en = "People supported"
colour = "#1b7f5f"

[[classes]]
code = "EMP"
name_cy = "Gweithwyr"
name_en = "Employees"
colour = "#2f5fa8"

[weighting]
scheme = "fixed-value"
per_member = true
bands = [1, 2, 5]
privacy_minimum = 3

[[items]]
number = 1
kind = "resolution"
title_cy = "Derbyn y cyfrifon"
title_en = "Receive the accounts"

[[items]]
number = 2
kind = "election"
title_cy = "Ethol y Cyngor"
title_en = "Elect the Council"
method = "scottish-stv"
seats = 2
candidates = ["Siân ap Gwŷn", "Rhodri Evans", "Aled Thomas"]
"""

# number, class, value, resolution choice (1 For, 2 Against, 3 Abstain), ranking (candidate indices)
VOTERS: list[tuple[str, str, int, int, tuple[int, ...]]] = [
    ("E1", "EMP", 1, 1, (0, 1)),
    ("E2", "EMP", 1, 1, (1,)),
    ("E3", "EMP", 1, 1, (2, 0)),
    ("E4", "EMP", 1, 1, (0,)),
    ("E5", "EMP", 2, 2, (1, 2)),
    ("E6", "EMP", 2, 3, (2,)),
    ("E7", "EMP", 5, 2, (2, 1, 0)),
    ("P1", "PS", 1, 3, (1, 0)),
    ("P2", "PS", 1, 1, (0, 2)),
    ("P3", "PS", 5, 2, (1,)),
]
REGISTER = "membership number,name,class,vote value\n" + "".join(
    f"{number},Member {number},{code},{value}\n" for number, code, value, _, _ in VOTERS
)


def meeting(folder: Path) -> MeetingService:
    service = MeetingService.create(folder / "shares.coopvote", parse_spec(SPEC, "shares.toml"), station="scanner-1")
    service.setup.import_register(REGISTER.encode("utf-8"), "members.csv")
    return service


def test_band_tokens_are_exact_and_in_lowest_terms() -> None:
    for value in (Fraction(1), Fraction(5), Fraction(5, 2), Fraction(1, 10)):
        assert parse_band_token(band_token(value)) == value
    assert band_token(Fraction(5, 2)) == "W5R2"
    assert parse_band_token("W10R4") is None  # 5/2 has one spelling only
    assert parse_band_token("W0") is None and parse_band_token("5") is None
    with pytest.raises(InputError, match="needs no paper"):
        band_token(Fraction(0))


def test_a_band_paper_is_sealed_as_version_3_and_plain_papers_stay_version_1() -> None:
    secret = b"s" * 16
    plain = encode(BallotCode("AGM", 1, "EMP", 7), secret)
    banded = encode(BallotCode("AGM", 1, "EMP-X", 7, band=Fraction(5, 2)), secret)
    assert plain.startswith("CV1-") and banded.startswith("CV3-") and "-W5R2-" in banded
    assert decode(banded, secret, "AGM").band == Fraction(5, 2)
    assert decode(banded, secret, "AGM").class_code == "EMP-X"
    assert decode(plain, secret, "AGM").band is None
    forged = banded.replace("-W5R2-", "-W5-")
    with pytest.raises(InputError):
        decode(forged, secret, "AGM")


def test_small_bands_are_warned_about_and_merged_in_public_figures() -> None:
    bands = bands_of([("EMP", Fraction(1))] * 4 + [("EMP", Fraction(5)), ("PS", Fraction(0))])
    assert bands == [Band("EMP", Fraction(1), 4), Band("EMP", Fraction(5), 1)]
    warnings = small_band_warnings(bands, 3)
    assert [(w.class_code, w.value) for w in warnings] == [("EMP", Fraction(5))]
    rows = public_band_rows(
        {("EMP", Fraction(1)): [(0,), (0,), (1,), (0,)], ("EMP", Fraction(5)): [(1,)]}, options=3, minimum=3
    )
    assert len(rows) == 1 and rows[0].merged  # the lone worth-5 paper never shows as a line of its own
    assert rows[0].by_option == (3, 2, 0) and rows[0].weighted_by_option == (3, 6, 0)


def test_register_values_outside_the_declared_bands_are_refused(tmp_path: Path) -> None:
    service = MeetingService.create(tmp_path / "m.coopvote", parse_spec(SPEC, "shares.toml"))
    bad = "membership number,name,class,vote value\nE1,Ann,EMP,1\nE2,Ben,EMP,3\n"
    with pytest.raises(InputError, match=r"members.csv: member E2 \(EMP\) has the vote value 3.*1, 2, 5"):
        service.setup.import_register(bad.encode(), "members.csv")
    with pytest.raises(InputError, match=r"\[weighting\]\.bands"):
        parse_spec(SPEC.replace("bands = [1, 2, 5]", 'bands = [1, "0"]'), "shares.toml")


def test_per_member_values_end_to_end(tmp_path: Path) -> None:
    service = meeting(tmp_path)
    bands, warnings = service.papers.value_bands()
    assert {(b.class_code, b.value, b.members) for b in bands} == {
        ("EMP", 1, 4), ("EMP", 2, 2), ("EMP", 5, 1), ("PS", 1, 2), ("PS", 5, 1)
    }
    assert len(warnings) == 4 and any("band 5: only 1 member(s)" in str(w) for w in warnings)

    # The desk: each member's pack is of their own band; a small band is said out loud.
    packs = {}
    for number, _code, value, _, _ in VOTERS:
        service.desk.check_in(number)
        (pack,) = service.desk.issue_pack(number)
        assert pack.band == value and pack.banded_items == (1, 2)
        packs[number] = pack
    assert "band EMP 5 votes" in packs["E7"].band_warning and packs["E1"].band_warning == ""
    assert "band 5 votes" in packs["E7"].in_words()

    # Stock: an item counted by member values is printed per band, and only for bands that exist.
    with pytest.raises(RuleError, match="per value band"):
        service.papers.print_papers(1, "EMP", 1, tmp_path / "x.pdf")
    with pytest.raises(RuleError, match="no active member of class PS has the vote value 2"):
        service.papers.print_papers(1, "PS", 1, tmp_path / "x.pdf", band=Fraction(2))

    service.voting.open_vote(1, not_quorate_reason="test meeting: nobody checked in")
    service.voting.open_vote(2, not_quorate_reason="test meeting: nobody checked in")
    rng = random.Random(11)
    scans: list[Path] = []
    for band in bands:
        voters = [v for v in VOTERS if v[1] == band.class_code and v[2] == band.value]
        stem = f"{band.class_code}-{band.value}"
        resolution_pdf = tmp_path / f"item1-{stem}.pdf"
        run = service.papers.print_papers(1, band.class_code, len(voters), resolution_pdf, band=band.value)
        assert run.batch.band == band.value
        scans += mark_and_scan(service, resolution_pdf, [[v[3] - 1] for v in voters], tmp_path, 1.5, rng)
        election_pdf = tmp_path / f"item2-{stem}.pdf"
        service.papers.print_papers(2, band.class_code, len(voters), election_pdf, band=band.value)
        plans: list[list[object]] = [[(c, rank) for rank, c in enumerate(v[4], start=1)] for v in voters]
        scans += mark_and_scan(service, election_pdf, plans, tmp_path, -1.5, rng)
    summary = service.tellers.read_sheets(scans)
    assert summary.accepted == 2 * len(VOTERS), [o.message_en for o in summary.outcomes if not o.accepted]
    service.voting.close_vote(1)
    service.voting.close_vote(2)

    # The independent tally, from the register values and what each member chose.
    value_for = sum(Fraction(v[2]) for v in VOTERS if v[3] == 1)
    value_against = sum(Fraction(v[2]) for v in VOTERS if v[3] == 2)
    resolution = service.results.item_result(1).resolution
    assert resolution is not None
    assert resolution.total.weighted_for == value_for == 5
    assert resolution.total.weighted_against == value_against == 12
    assert not resolution.carried  # by head it would have been 5 for, 3 against: carried
    election = service.results.item_result(2)
    assert election.election is not None
    first_stage = election.election.stages[0].totals
    for candidate in range(3):
        expected = sum(Fraction(v[2]) for v in VOTERS if v[4][0] == candidate)
        assert Fraction(first_stage[candidate]) == expected
    assert sorted(election.election.elected_names) == ["Aled Thomas", "Rhodri Evans"]
    merged = [row for row in service.results.item_result(1).bands if row.merged]
    assert merged and all(row.papers >= 3 for row in service.results.item_result(1).bands)

    service.results.declare(1, "Returning officer", reconciliation_reason="test meeting: papers recorded without packs")
    service.results.declare(2, "Returning officer", reconciliation_reason="test meeting: papers recorded without packs")

    # Declaration: a real PDF with the per-band table, rendered to PNG to be looked at.
    record = collect(service)
    for number in (1, 2):
        pdf = render_declaration(record, record.item(number))
        assert pdf.startswith(b"%PDF")
        png = _png_of_first_page(pdf)
        (tmp_path / f"declaration-{number}.png").write_bytes(png)
    ballots = record.item(1).ballots
    assert sorted(str(b.value) for b in ballots) == sorted(str(v[2]) for v in VOTERS)

    # Export and verify from the archive alone; then a changed band value is caught.
    service.close()
    out = tmp_path / "record.zip"
    export_meeting(tmp_path / "shares.coopvote", out)
    data = out.read_bytes()
    report = verify_bytes(data)
    assert report.items_recounted == 2 and report.ballots_recounted == 2 * len(VOTERS)
    members = members_of(data)
    csv_text = dict(members)["ballots/item-01.csv"].decode()
    assert csv_text.splitlines()[0].endswith(",value")
    lines = csv_text.splitlines()
    row = next(i for i, line in enumerate(lines) if line.endswith(",5"))
    lines[row] = lines[row][: -len(",5")] + ",1"
    forged = ("\n".join(lines) + "\n").encode()
    with pytest.raises(Discrepancy):
        verify_bytes(rezip(members, {"ballots/item-01.csv": forged}))
    results = json.loads(dict(members)["results.json"])
    entry = next(e for e in results["items"] if e["definition"]["number"] == 1)
    declared = entry["declaration"]["result"]
    difference = first_difference(declared, recount(entry["definition"], read_ballots_csv(forged, "item-01.csv")))
    assert difference is not None and ("weighted" in str(difference) or "bands" in str(difference)), difference


def _png_of_first_page(pdf: bytes) -> bytes:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    try:
        image = document[0].render(scale=1.5).to_pil()
    finally:
        document.close()
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def test_exported_values_are_read_back_exactly() -> None:
    data = b"item,class,serial,valid,reason,marks,value\n1,EMP,4,1,,1,5/2\n1,EMP,5,0,too-many-votes,,\n"
    rows = read_ballots_csv(data, "b.csv")
    assert rows[0].value == Fraction(5, 2) and rows[1].value is None
    with pytest.raises(InputError, match="line 2: value '10/4'"):
        read_ballots_csv(data.replace(b"5/2", b"10/4"), "b.csv")


def test_a_paper_whose_sealed_band_differs_from_its_batch_is_refused(tmp_path: Path) -> None:
    service = meeting(tmp_path)
    service.desk.check_in("E1")
    service.desk.issue_pack("E1")
    service.voting.open_vote(1, not_quorate_reason="test meeting: nobody checked in")
    batch = service.papers.add_paper_batch(1, "EMP", 1, band=Fraction(1))
    serial = batch.serials[0]
    # Sealed with the meeting's own key, so only the record can tell the value is not the batch's.
    inflated = encode(BallotCode(batch.meeting_code, 1, "EMP", serial, band=Fraction(5)), batch.secret)
    refused = service.tellers.record_paper(inflated, [1])
    assert not refused.accepted and refused.reason == "serial-not-issued"
    counted = service.tellers.record_paper(batch.qr_text(serial), [1])
    assert counted.accepted
    assert service.results.item_result(1).resolution.total.weighted_for == 1  # type: ignore[union-attr]
