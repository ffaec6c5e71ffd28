"""Easy Read papers (issue 12): the question in plain words, and an election paper a person can complete."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium

from coopvote.ballots.pdf import render_papers
from coopvote.ballots.pdf_slips import render_slips
from coopvote.ballots.pdf_spec import MeetingInfo, VotingClass, papers_for, resolution_item, slips_for

SECRET = b"meeting-secret-for-tests-0123456789"
MEETING = MeetingInfo("AGM2026", "Cyfarfod Cyffredinol Blynyddol 2026", "Annual General Meeting 2026")
CLASS = VotingClass("PS", "Pobl a gefnogir", "People supported", "#1b7f5f")
PLAIN = resolution_item(
    1, "Derbyn yr adroddiad blynyddol a'r cyfrifon", "To receive the annual report and accounts",
    text_cy="Ydych chi'n fodlon gydag adroddiad a chyfrifon y flwyddyn?",
    text_en="Are you happy with this year's report and accounts?",
)


def page_text(pdf: bytes) -> str:
    document = pdfium.PdfDocument(pdf)
    return " ".join(document[0].get_textpage().get_text_range().split())


def test_easy_read_prints_the_plain_question_and_standard_the_title(tmp_path: Path, artifacts_dir: Path) -> None:
    for variant in ("easy-read", "standard"):
        out = tmp_path / f"{variant}.pdf"
        render_papers(papers_for(MEETING, PLAIN, CLASS, [7], SECRET, variant), out)
        text = page_text(out.read_bytes())
        pdfium.PdfDocument(out.read_bytes())[0].render(scale=1.5).to_pil().save(
            artifacts_dir / f"test-paper-plain-question-{variant}.png")
        plain = "Are you happy with this year's report and accounts?" in text and "Ydych chi'n fodlon" in text
        formal = "To receive the annual report and accounts" in text
        assert (plain, formal) == ((True, False) if variant == "easy-read" else (False, True)), variant


def test_easy_read_slips_print_the_plain_question(tmp_path: Path) -> None:
    out = tmp_path / "slips.pdf"
    render_slips(slips_for(MEETING, PLAIN, CLASS, [7], SECRET, "easy-read"), out)
    text = page_text(out.read_bytes())
    assert "Are you happy with this year's report and accounts?" in text
    assert "To receive the annual report" not in text


def test_without_plain_words_easy_read_keeps_the_title(tmp_path: Path) -> None:
    item = resolution_item(2, "Penodi archwilwyr", "To appoint auditors", text_en="Only English given")
    out = tmp_path / "paper.pdf"
    render_papers(papers_for(MEETING, item, CLASS, [7], SECRET, "easy-read"), out)
    text = page_text(out.read_bytes())
    assert "To appoint auditors" in text and "Only English given" not in text
