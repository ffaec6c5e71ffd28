"""Declarations and minutes: bilingual, every figure present, fonts embedded, the QR scans to the code."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest
import zxingcpp

from coopvote.cli import main as cli
from coopvote.export.content import MeetingRecord, collect, qr_payload, short_code
from coopvote.reports.declaration import render_declaration
from coopvote.reports.minutes import render_minutes
from reliability.sample import build_voted_meeting


@pytest.fixture(scope="module")
def record(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, MeetingRecord]:
    folder = tmp_path_factory.mktemp("reports")
    voted = build_voted_meeting(folder, members=24)
    collected = collect(voted.service)
    voted.service.close()
    return voted.path, collected


def pages(data: bytes) -> tuple[list[str], pdfium.PdfDocument]:
    pdf = pdfium.PdfDocument(data)
    return [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))], pdf


def save_pngs(pdf: pdfium.PdfDocument, folder: Path, stem: str) -> list[Path]:
    out = []
    for index in range(len(pdf)):
        path = folder / f"{stem}-p{index + 1}.png"
        pdf[index].render(scale=2).to_pil().save(path)
        out.append(path)
    return out


def test_resolution_declaration(record: tuple[Path, MeetingRecord], artifacts_dir: Path) -> None:
    _, rec = record
    item = rec.item(1)
    data = render_declaration(rec, item)
    texts, pdf = pages(data)
    save_pngs(pdf, artifacts_dir, "test-declaration-resolution")
    text = "\n".join(texts)
    assert len(pdf) <= 2
    assert text.index("Datganiad o ganlyniad") < text.index("Declaration of the result")
    for words in ("Rhoddwyd", "Issued", "Dychwelwyd", "Returned", "Gwrthodwyd", "Rejected", "Rheol pwysoli",
                  "Weighting rule", "Trothwy", "Threshold", "Cadeirydd", "Chair", "Returning officer", "unmarked",
                  short_code(item.digest)):
        assert words in text, words
    carried = item.declared_result["resolution"]["carried"]
    assert ("PASIWYD / CARRIED" in text) == carried
    totals = [r["issued"] for r in item.reconciliation]
    assert str(sum(totals)) in text
    assert b"/FontFile2" in data and b"+DejaVuSans" in data  # DejaVu subsets embedded


def test_election_declaration_has_stage_sheet_and_scannable_qr(record: tuple[Path, MeetingRecord], artifacts_dir: Path) -> None:
    _, rec = record
    item = rec.item(4)
    data = render_declaration(rec, item)
    texts, pdf = pages(data)
    pngs = save_pngs(pdf, artifacts_dir, "test-declaration-election")
    text = "\n".join(texts)
    election = item.declared_result["election"]
    for name in election["elected"]:
        assert name in text
    assert "Taflen y camau cyfrif" in text and "Stage sheet" in text
    last = election["stages"][-1]
    assert f"Stage {last['number']}" in text
    for value in list(last["totals"].values())[:3]:
        assert value in text
    from PIL import Image

    found = [r.text for p in pngs for r in zxingcpp.read_barcodes(Image.open(p))]
    assert qr_payload(rec.code, 4, item.digest) in found


def test_minutes_extract_lists_every_item(record: tuple[Path, MeetingRecord], artifacts_dir: Path) -> None:
    _, rec = record
    data = render_minutes(rec, "ab" * 32)
    texts, pdf = pages(data)
    save_pngs(pdf, artifacts_dir, "test-minutes")
    text = "\n".join(texts)
    for item in rec.items:
        assert item.definition["title"]["cy"][:20] in text
        assert short_code(item.digest) in text
    assert "ABAB ABAB ABAB ABAB" in text


def test_cli_declare_one_item_and_all(record: tuple[Path, MeetingRecord], tmp_path: Path) -> None:
    meeting, rec = record
    one = tmp_path / "one.pdf"
    assert cli(["declare", str(meeting), "--item", "2", "--out", str(one)]) == 0
    texts, _ = pages(one.read_bytes())
    assert short_code(rec.item(2).digest) in texts[0]
    every = tmp_path / "all.pdf"
    assert cli(["declare", str(meeting), "--out", str(every)]) == 0
    texts, pdf = pages(every.read_bytes())
    assert len(pdf) >= 4
    assert cli(["declare", str(meeting), "--item", "9", "--out", str(one)]) == 2
    assert cli(["declare", str(meeting), "--minutes", "--out", str(tmp_path / "m.pdf")]) == 0


def test_declaration_and_minutes_print_the_close_code(record: tuple[Path, MeetingRecord], artifacts_dir: Path) -> None:
    """The head of the audit chain witnessed at each close, for people to copy into the minutes by hand."""
    from coopvote.record.ledger import close_entries, witness_code

    _, rec = record
    closes = close_entries(rec.audit)
    item = rec.item(1)
    assert item.close_hash == closes[1]["entry_hash"]
    texts, pdf = pages(render_declaration(rec, item))
    save_pngs(pdf, artifacts_dir, "test-declaration-close-code")
    text = "\n".join(texts)
    assert f"Cod cau'r bleidlais / Close code of the vote: {witness_code(item.close_hash)}" in text
    assert f"--code {witness_code(item.close_hash).replace(' ', '')}" in text
    minutes = " ".join(" ".join(pages(render_minutes(rec, "ab" * 32))[0]).split())
    for each in rec.items:
        assert witness_code(closes[each.number]["entry_hash"]) in minutes
    assert "Copy it into the minutes by hand" in minutes


def test_declaration_words_reasons_stages_classes_and_reconciles(record: tuple[Path, MeetingRecord]) -> None:
    """Issue 12: rejection codes in words, Welsh stage notes, candidates' classes, and sums that reconcile."""
    from coopvote.ballots.texts import REJECTION_REASONS

    _, rec = record
    resolution = rec.item(1)
    text = " ".join("\n".join(pages(render_declaration(rec, resolution))[0]).split())  # lines wrap anywhere
    stored = resolution.declared_result["rejected_by_reason"]
    assert stored, "the sample rejects papers, so the reasons are printed"
    for code in stored:
        assert code not in text
        cy, en = REJECTION_REASONS[code]
        assert cy[:20] in text and en[:20] in text
    totals = {k: sum(r[k] for r in resolution.reconciliation) for k in ("printed", "issued", "spoilt", "returned")}
    assert totals["spoilt"] > 0
    assert f"Issued {totals['issued']} = returned {totals['returned']}" in text
    assert "A spoilt paper is cancelled" in text and "Mae papur a ddifethwyd" in text
    election = rec.item(4)
    text = " ".join("\n".join(pages(render_declaration(rec, election))[0]).split())
    for candidate in election.definition["candidates"]:
        assert f"{candidate['name']} ({candidate['class']})" in text
    assert "Cam 1: Cyfrif y dewisiadau cyntaf" in text
    for stage in election.declared_result["election"]["stages"]:
        if stage["action"] == "exclusion":
            assert f"Cam {stage['number']}: Eithrio {', '.join(stage['excluded'])}." in text
        if stage["action"] == "surplus":
            assert f"Cam {stage['number']}: Trosglwyddo gwarged " in text
            assert f"Cam {stage['number']}: Trosglwyddo gwarged." not in text, "whose surplus is named"


def test_count_notes_and_ties_in_welsh() -> None:
    from coopvote.reports.stage_words import ENGLISH_ONLY_CY, note_welsh, tie_words

    assert note_welsh("there were fewer candidates than seats: some seats are left unfilled") == (
        "roedd llai o ymgeiswyr na seddi: mae rhai seddi heb eu llenwi"
    )
    assert note_welsh("stage 3: Ann, Bob not elected: the seat limits per class leave no place").startswith(
        "cam 3: nid etholwyd Ann, Bob"  # nid before a vowel (docs/welsh-terms.toml)
    )
    assert note_welsh("something new") == f"something new {ENGLISH_ONLY_CY}"
    welsh, english = tie_words({"stage": 4, "purpose": "exclusion", "chosen": "Ann", "how": "lot (seed 42)"})
    assert welsh == "cam 4, pwy i'w eithrio: Ann (coelbren (hedyn 42))"
    assert english == "stage 4, exclusion: Ann (lot (seed 42))"


def test_reconciliation_lines_only_when_the_table_does_not_add_up_on_its_face() -> None:
    from coopvote.reports.reconcile import reconciliation_sentences

    plain = [{"printed": 10, "issued": 8, "spoilt": 0, "returned": 7, "valid": 6, "rejected": 1, "not_returned": 1}]
    assert reconciliation_sentences(plain) == []
    spoilt = [dict(plain[0], spoilt=1, issued=8, returned=8, valid=8, rejected=0, not_returned=0)]
    english = [en for _, en in reconciliation_sentences(spoilt)]
    assert english[0] == "Printed 10 = issued 8 + spoilt 1 + unused 1."
    assert "Issued 8 = returned 8 + not returned 0." in english
    assert any(line.startswith("A spoilt paper is cancelled") for line in english)
    too_many = [dict(plain[0], returned=9, valid=9, rejected=0, not_returned=0)]
    assert any("1 more paper(s) returned than issued" in en for _, en in reconciliation_sentences(too_many))
