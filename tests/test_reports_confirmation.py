"""The section 111 confirmation pack: the second meeting names the first meeting's resolution and code."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from coopvote.errors import InputError
from coopvote.export.content import collect, short_code
from coopvote.meeting.presets import fragment_toml, item_fragment
from coopvote.meeting.spec import parse_spec
from coopvote.reports.confirmation import render_confirmation
from coopvote.service import MeetingService

CONFIRMS = {"meeting": "R3LKGH", "item": 3, "held_on": date(2026, 11, 28), "verification": "9E60 DAE6 39BE 4C15",
            "for_percent": "76.9%"}

SPEC = """
[meeting]
name_cy = "Cyfarfod Cyffredinol Arbennig"
name_en = "Special General Meeting"
society_cy = "Cydweithfa Prawf Cyf"
society_en = "Test Co-operative Ltd"
date = 2026-12-14
notice_given = 2026-11-20

[[classes]]
code = "M"
name_cy = "Aelodau"
name_en = "Members"

[[items]]
number = 1
kind = "resolution"
title_cy = "Trosglwyddo ymrwymiadau i Gydweithfa Fawr Cyf"
title_en = "Transfer of engagements to Big Co-operative Ltd"
text_cy = "Bod y gymdeithas yn trosglwyddo ei hymrwymiadau."
text_en = "That the society transfers its engagements."
""" + "\n".join(fragment_toml(item_fragment("section-111-confirm", confirms=CONFIRMS))) + "\n"


def vote(service: MeetingService, marks: list[int]) -> None:
    batch = service.papers.add_paper_batch(1, "M", len(marks))
    service.voting.open_vote(1, not_quorate_reason="test meeting: nobody checked in")
    for serial, mark in zip(batch.serials, marks, strict=True):
        assert service.tellers.record_paper(batch.qr_text(serial), [mark]).accepted
    service.voting.close_vote(1)


def test_the_pack_links_both_meetings_and_is_refused_until_declared(tmp_path: Path, artifacts_dir: Path) -> None:
    service = MeetingService.create(tmp_path / "second.coopvote", parse_spec(SPEC, "second.toml"))
    vote(service, [1, 1, 1, 2, 3])  # 3 for, 1 against, 1 abstaining: over half of those voting
    with pytest.raises(InputError, match="has not been declared yet"):
        render_confirmation(collect(service, [1], audit=False), 1)
    service.results.declare(1, "Eleri Prydderch", reconciliation_reason="test meeting: papers recorded without packs")
    record = collect(service, [1], audit=False)
    pdf = render_confirmation(record, 1)
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    page = document[0]
    words = page.get_textpage().get_text_range()
    page.render(scale=1.2).to_pil().save(artifacts_dir / "confirmation-pack.png")
    flat = " ".join(words.split())
    for expected in ("R3LKGH", "9E60 DAE6 39BE 4C15", "2026-11-28", "76.9%", short_code(record.item(1).digest),
                     "Chair of the second meeting", "Secretary (countersigning)", "confirmed by over half"):
        assert expected in flat, expected
    service.close()


def test_a_pack_for_an_item_that_confirms_nothing_is_refused(tmp_path: Path) -> None:
    text = SPEC.split("special = true")[0]
    service = MeetingService.create(tmp_path / "plain.coopvote", parse_spec(text, "plain.toml"))
    vote(service, [1, 2, 1])
    service.results.declare(1, "Chair", reconciliation_reason="test meeting: papers recorded without packs")
    with pytest.raises(InputError, match="does not confirm an earlier resolution"):
        render_confirmation(collect(service, [1], audit=False), 1)
    service.close()
    result = subprocess.run(
        [sys.executable, "-m", "coopvote", "confirmation", str(tmp_path / "plain.coopvote"), "--item", "1",
         "--out", str(tmp_path / "pack.pdf")], capture_output=True, text=True, timeout=120,
    )
    assert result.returncode != 0 and "does not confirm an earlier resolution" in result.stderr


def test_the_pack_states_when_notice_of_the_second_meeting_was_given_welsh_first(
    tmp_path: Path, artifacts_dir: Path
) -> None:
    import pypdfium2 as pdfium

    service = MeetingService.create(tmp_path / "second.coopvote", parse_spec(SPEC, "second.toml"))
    vote(service, [1, 1, 2])
    service.results.declare(1, "Eleri Prydderch", reconciliation_reason="test meeting: papers recorded without packs")
    record = collect(service, [1], audit=False)
    service.close()
    assert record.meeting["notice_given"] == "2026-11-20"

    def flat(pdf: bytes, name: str) -> str:
        document = pdfium.PdfDocument(pdf)
        page = document[0]
        page.render(scale=1.2).to_pil().save(artifacts_dir / name)
        words = " ".join(page.get_textpage().get_text_range().split())
        document.close()
        return words

    words = flat(render_confirmation(record, 1), "confirmation-pack-notice.png")
    welsh = "Rhoddwyd hysbysiad o'r ail gyfarfod ar 2026-11-20 (adran 111(2)(d)"
    english = "Notice of the second meeting was given on 2026-11-20 (section 111(2)(d): notice duly given)"
    assert welsh in words and english in words
    assert words.index(welsh) < words.index(english)

    record.meeting["notice_given"] = None  # a meeting file made before the definition carried the date
    words = flat(render_confirmation(record, 1), "confirmation-pack-no-notice.png")
    assert "Notice of the second meeting was given on" not in words
    welsh = "Nid yw'r cofnod yn dweud pryd y rhoddwyd hysbysiad o'r ail gyfarfod"
    english = "The record does not say when notice of the second meeting was given"
    assert welsh in words and english in words and words.index(welsh) < words.index(english)
    assert "Notice given on: ______________" in words
