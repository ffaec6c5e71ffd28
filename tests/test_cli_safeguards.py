"""Issue 12 safeguards on the command line: the service's refusals, and the flags that record a reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from coopvote.cli import main
from coopvote.service import MeetingService
from coopvote.service.safeguards import decisions_of
from tests.helpers import small_meeting
from tests.test_service_safeguards import doubtful_sheet


def test_open_close_reopen_and_declare_ask_for_reasons(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    service = small_meeting(tmp_path)
    file = str(tmp_path / "small.coopvote")
    service.desk.check_in("E1")
    service.desk.issue_pack("E1")
    slips = service.papers.add_paper_batch(1, "PS", 2, kind="slips")  # nobody in PS holds a pack
    papers = service.papers.add_paper_batch(1, "EMP", 2)
    service.close()

    assert main(["open", file, "--item", "1"]) != 0
    refused = capsys.readouterr().err
    assert "not quorate" in refused and "1 present" in refused and "--not-quorate-reason" in refused
    assert main(["open", file, "--item", "1", "--not-quorate-reason", "the rules allow it for this item"]) == 0
    assert "Voting is open on item 1" in capsys.readouterr().out

    service = MeetingService.open(file, backups=False)
    assert service.tellers.record_paper(slips.qr_text(slips.serials[0], option=1)).accepted
    assert service.tellers.record_sheet(doubtful_sheet(papers.qr_text(papers.serials[0]))).reason == "queued"
    [sheet] = service.tellers.pending_sheets()
    service.close()

    assert main(["close", file, "--item", "1"]) != 0
    refused = capsys.readouterr().err
    assert "1 scanned sheet(s) wait for adjudication" in refused and "coopvote adjudicate" in refused
    assert main(["adjudicate", file]) == 0
    assert f"sheet {sheet.id}: item 1, EMP, serial {papers.serials[0]}" in capsys.readouterr().out
    assert main(["adjudicate", file, "--sheet", str(sheet.id), "--accept", "2", "--by", "Teller Un"]) == 0
    assert "accepted as [2]" in capsys.readouterr().out
    assert main(["close", file, "--item", "1"]) == 0
    assert "(2 papers recorded)" in capsys.readouterr().out

    assert main(["reopen", file, "--item", "1", "--reason", "  "]) != 0
    assert "say why" in capsys.readouterr().err
    assert main(["reopen", file, "--item", "1", "--reason", "a late box from the crèche", "--by", "Eleri Hughes"]) == 0
    assert "open again" in capsys.readouterr().out
    assert main(["close", file, "--item", "1"]) == 0
    capsys.readouterr()

    out = str(tmp_path / "declaration.pdf")
    assert main(["declare", file, "--item", "1", "--by", "Eleri Hughes", "--out", out]) != 0
    refused = capsys.readouterr().err
    assert "PS: 1 more paper(s) returned than issued" in refused and "--reconciliation-reason" in refused
    assert main(["declare", file, "--item", "1", "--by", "Eleri Hughes", "--out", out,
                 "--reconciliation-reason", "a PS member used a spare slip"]) == 0  # fmt: skip
    assert "Item 1: declared" in capsys.readouterr().out
    service = MeetingService.open(file, backups=False)
    kinds = [d["kind"] for d in decisions_of(service.setup.meeting().item(1).settings)]
    service.close()
    assert kinds == ["opened-not-quorate", "reopened", "reconciliation-accepted"]
    import pypdfium2 as pdfium

    printed = " ".join(pdfium.PdfDocument(out)[0].get_textpage().get_text_range().split())
    assert "The chair's decisions" in printed and "Penderfyniadau'r cadeirydd" in printed
    assert "not quorate (1 present, quorum 3)" in printed and "Reason: the rules allow it for this item" in printed
    assert "reopened after it had closed, by Eleri Hughes" in printed and "Reason: a late box from the crèche" in printed
    assert "quorum 3), 20" in printed  # nobody named for the opening: no "by" printed
    assert "(PS: 1 more paper(s) returned than issued), by Eleri Hughes" in printed
    assert "Reason: a PS member used a spare slip" in printed
    assert main(["reopen", file, "--item", "1", "--reason", "too late"]) != 0
    assert "declared result cannot be reopened" in capsys.readouterr().err


def test_close_adds_the_adjudication_hint_by_the_refusals_key_in_any_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The hint follows ``safeguards.close_with_pending``, whatever language the refusal is printed in; another
    refusal gets no hint."""
    from coopvote.messages import message

    service = small_meeting(tmp_path)
    file = str(tmp_path / "small.coopvote")
    papers = service.papers.add_paper_batch(1, "EMP", 1)
    service.voting.open_vote(1, not_quorate_reason="a test of the close refusal")
    assert service.tellers.record_sheet(doubtful_sheet(papers.qr_text(papers.serials[0]))).reason == "queued"
    service.close()

    hint = message("cli.close_adjudicate_first", refusal=message("safeguards.close_with_pending", item=1, count=1,
                                                                  sheets="1"), meeting=file)
    for lang in ("cy", "en"):
        assert main(["--lang", lang, "close", file, "--item", "1"]) != 0
        refused = capsys.readouterr().err
        assert f"coopvote adjudicate {file}" in refused
        assert hint.render(lang)[-60:] in refused  # the hint's own words, in the language asked for
    assert main(["--lang", "cy", "adjudicate", file]) == 0  # the reader's reason in the language asked for
    listed = capsys.readouterr().out
    assert "marc amheus" in listed and "doubtful mark" not in listed
    assert main(["--lang", "en", "adjudicate", file]) == 0
    assert "doubtful mark" in capsys.readouterr().out
    assert main(["--lang", "cy", "close", file, "--item", "2"]) != 0
    refused = capsys.readouterr().err
    assert message("voting.not_open", item=2, status="").render("cy").split("(")[0][:30] in refused
    assert "coopvote adjudicate" not in refused
