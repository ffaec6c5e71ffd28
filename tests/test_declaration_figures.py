"""Figures on the declaration add up, and its words say what the arithmetic did (end to end)."""

from __future__ import annotations

import json
import zipfile
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from coopvote.cli import main as cli
from coopvote.counting.display import column_texts, column_units
from coopvote.export.archive import export_meeting
from coopvote.export.content import collect
from coopvote.export.verify import verify_bytes
from coopvote.meeting.spec import parse_spec
from coopvote.reports.declaration import render_declaration
from coopvote.reports.stages import _stage_column
from coopvote.service import MeetingService

SPEC = """
[meeting]
name_cy = "Cyfarfod Prawf"
name_en = "Test Meeting"

[[classes]]
code = "PS"
name_cy = "Pobl a gefnogir"
name_en = "People supported"

[[classes]]
code = "EMP"
name_cy = "Gweithwyr"
name_en = "Employees"

[[classes]]
code = "SUP"
name_cy = "Cefnogwyr"
name_en = "Supporters"

[weighting]
scheme = "class-share"
shares = { PS = "1/3", EMP = "1/3", SUP = "1/3" }

[rules]
chair = "Gwen Morgan"
returning_officer = "Huw Parry"

[[items]]
number = 1
kind = "resolution"
title_cy = "Penderfyniad"
title_en = "Resolution"
{resolution}

[[items]]
number = 2
kind = "election"
title_cy = "Ethol y Cyngor"
title_en = "Elect the Council"
method = "ers97"
seats = 2
candidates = ["Aled", "Bethan", "Carys", "Dafydd"]
"""

# Per class: marks of each paper (resolution: 1 for, 2 against, 3 abstain; election: a ranking).
RESOLUTION_PAPERS = {"PS": [1] * 4 + [2] * 3 + [3] * 2, "EMP": [1] * 5 + [2] * 4 + [3], "SUP": [1] * 5 + [2] * 2 + [3] * 3}
ELECTION_PAPERS = {
    "PS": [[1, 2], [1, 3], [2, 1], [3], [4, 1], [1], [2, 3, 4], [1, 4], [3, 2], [4]],
    "EMP": [[2, 1], [2], [3, 1], [1, 2], [4, 3], [2, 4], [3], [1, 3], [2, 1, 3], [4, 2], [1], [2, 3], [3, 4, 1]],
    "SUP": [[3, 1], [4], [1, 2], [2], [3, 4], [4, 1], [1, 3, 2], [3], [2, 4], [1], [4, 3], [3, 2], [1, 4], [2]],
}


def build(folder: Path, resolution: str = "") -> MeetingService:
    service = MeetingService.create(folder / "m.coopvote", parse_spec(SPEC.replace("{resolution}", resolution), "m.toml"))
    for item, papers in ((1, RESOLUTION_PAPERS), (2, ELECTION_PAPERS)):
        service.voting.open_vote(item, not_quorate_reason="test meeting: quorum not under test")
        for code, marks in papers.items():
            batch = service.papers.add_paper_batch(item, code, len(marks))
            for serial, chosen in zip(batch.serials, marks, strict=True):
                mark_list = [chosen] if isinstance(chosen, int) else chosen
                assert service.tellers.record_paper(batch.qr_text(serial), mark_list).accepted
        service.voting.close_vote(item)
        service.results.declare(item, "Huw Parry", reconciliation_reason="test meeting: papers recorded without packs issued")
    return service


def pdf_text(data: bytes) -> str:
    pdf = pdfium.PdfDocument(data)
    return "\n".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))


def save_png(data: bytes, path: Path) -> None:
    pdf = pdfium.PdfDocument(data)
    pdf[0].render(scale=2).to_pil().save(path)


@pytest.fixture(scope="module")
def meeting(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[int, bytes], dict[int, dict]]:  # type: ignore[type-arg]
    folder = tmp_path_factory.mktemp("figures")
    service = build(folder)
    record = collect(service)
    service.close()
    pdfs = {number: render_declaration(record, record.item(number)) for number in (1, 2)}
    out = folder / "record.zip"
    export_meeting(folder / "m.coopvote", out)
    assert verify_bytes(out.read_bytes()).items_recounted == 2
    with zipfile.ZipFile(out) as archive:
        results = json.loads(archive.read("results.json"))
    declared = {entry["number"]: entry["declaration"]["result"] for entry in results["items"]}
    return folder, pdfs, declared


def test_largest_remainder_columns_add_up_and_stay_within_one_unit() -> None:
    thirds = [Fraction(32, 105), Fraction(5, 18), Fraction(5, 19)]  # the column, cut at 6 places it
    printed, total = column_texts(thirds, 6)  # read 0.304761 + 0.277777 + 0.263157 against 0.845697
    assert sum(Decimal(p) for p in printed) == Decimal(total)
    assert total == "0.845698"
    for value in (Fraction(1, 3), Fraction(2, 7), Fraction(5, 11)):
        units, whole = column_units([value] * 7, 4)
        assert sum(units) == whole
        assert all(abs(u - value * 10**4) < 1 for u in units)
    assert column_texts([Fraction(1234, 100), Fraction(5, 100)], 2) == (["12.34", "0.05"], "12.39")  # exact stays
    with pytest.raises(ValueError):
        column_units([Fraction(1, 3)], 2, total=1)


def test_resolution_columns_on_the_declaration_add_up_to_their_printed_total(meeting) -> None:  # type: ignore[no-untyped-def]
    folder, pdfs, declared = meeting
    save_png(pdfs[1], folder / "resolution.png")
    text = pdf_text(pdfs[1])
    for option in declared[1]["options"]:
        exact = [Fraction(option["weighted_exact"][code]) for code in ("PS", "EMP", "SUP")]
        printed, total = column_texts(exact, 6)
        assert sum(Decimal(p) for p in printed) == Decimal(total)
        for figure in (*printed, total):
            assert figure in text, figure
    assert "largest-remainder" in text and "gweddill mwyaf" in text


def test_weighting_sentence_names_the_papers_the_share_is_divided_among(meeting, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _, pdfs, declared = meeting
    text = " ".join(pdf_text(pdfs[1]).split())
    assert "divided equally among that class's papers for or against" in text
    assert "valid papers" not in text.split("Weighting rule")[1].split("Threshold")[0]
    # Base "cast": PS's share of 1/3 is divided among its 7 papers for or against (not its 9 valid),
    # so its 4 papers for carry 4/21; its 2 abstaining papers are shown at the same 1/21 each.
    assert Fraction(declared[1]["options"][0]["weighted_exact"]["PS"]) == Fraction(4, 21)
    assert Fraction(declared[1]["options"][2]["weighted_exact"]["PS"]) == Fraction(2, 21)
    assert "an abstaining paper is shown at the same value, but does not count" in text
    valid = build(tmp_path, 'base = "valid"')
    record = collect(valid)
    valid.close()
    item = record.item(1)
    words = " ".join(pdf_text(render_declaration(record, item)).split())
    assert "divided equally among that class's valid papers, abstaining papers included" in words
    assert "more than 1/2 of valid papers" in words
    # Base "valid": the same share divided among all 9 valid PS papers: 4/27 for, 2/27 abstaining.
    options = item.declared_result["options"]
    assert Fraction(options[0]["weighted_exact"]["PS"]) == Fraction(4, 27)
    assert Fraction(options[2]["weighted_exact"]["PS"]) == Fraction(2, 27)


def test_ers97_stage_sheet_shows_rounding_loss_and_every_stage_adds_up(meeting) -> None:  # type: ignore[no-untyped-def]
    folder, pdfs, declared = meeting
    save_png(pdfs[2], folder / "election.png")
    election = declared[2]["election"]
    assert Fraction(election["valid_exact"]) == 37  # weighted to the number of papers
    loss = [Fraction(stage["exact"]["rounding_loss"]) for stage in election["stages"]]
    assert loss[0] > 0  # class weights of thirds cannot enter a two-place count whole
    names = [option["label"]["en"] for option in declared[2]["options"]]
    text = pdf_text(pdfs[2])
    assert "Rounding loss" in text and "Colled dalgrynnu" in text and "Total valid vote" in text
    for stage in election["stages"]:
        column = _stage_column(stage, names, election, 2)
        figures = [Decimal(column[name]) for name in names if column[name]]
        figures += [Decimal(column["non_transferable"]), Decimal(column["rounding_loss"])]
        assert sum(figures) == Decimal(column["valid_vote"]) == Decimal("37.00")


def test_results_json_has_exact_stage_amounts(meeting, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    folder, _, _ = meeting
    assert cli(["results", str(folder / "m.coopvote"), "--item", "2", "--json"]) == 0
    election = json.loads(capsys.readouterr().out)["items"][0]["election"]
    assert election["quota_exact"] is not None
    for stage in election["stages"]:
        exact = stage["exact"]
        held = sum((Fraction(v) for v in exact["totals"].values()), Fraction(0))
        assert held + Fraction(exact["non_transferable"]) + Fraction(exact["rounding_loss"]) == 37
        assert "transfers" in exact and "transfer_value" in exact
