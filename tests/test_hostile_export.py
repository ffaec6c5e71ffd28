"""A very long meeting name: the export sets it in page-sized pieces (never one paragraph re-broken on
every page, which made a 1 MB name take over 300 s), loses none of it, and the archive verifies."""

from __future__ import annotations

from pathlib import Path

from reportlab.platypus import KeepTogether, Paragraph

from coopvote.export.verify import verify_archive
from coopvote.reports.layout import PARAGRAPH_CHARS, _pieces, long_text, styles
from reliability.hostile import run_bounded
from tests.helpers import SMALL_REGISTER, SMALL_SPEC


def test_long_text_is_cut_into_page_sized_pieces_losing_nothing() -> None:
    for value in ("Cymdeithas " * 2000, "x" * 7000, "a " * 5000 + "y" * 4000):
        pieces = _pieces(value)
        assert len(pieces) > 1 and all(len(piece) <= PARAGRAPH_CHARS for piece in pieces)
        assert "".join(pieces).replace(" ", "") == value.replace(" ", "")  # only spaces at the cuts go
    spaced = "Cymdeithas Tai " * 700
    assert " ".join(_pieces(spaced)).split() == spaced.split()  # cut between words, never inside one
    flowable = long_text("Cymdeithas " * 2000, styles()["title"])
    assert isinstance(flowable, KeepTogether)
    assert isinstance(long_text("Cymdeithas Tai", styles()["title"]), Paragraph)


def test_the_longest_accepted_texts_export_and_verify(tmp_path: Path) -> None:
    # A 1 MB name is now refused when the meeting is made (tests/test_meeting_spec_checks.py); what the
    # definition accepts at its longest (a 200-character name, 5,000-character item texts) must export.
    name = ("Cymdeithas Tai Cydweithredol Gogledd Cymru " * 5)[:200].strip()
    text = ("Derbyn yr adroddiad blynyddol a'r cyfrifon am y flwyddyn " * 100)[:5000].strip()
    spec = SMALL_SPEC.replace('"Test Meeting"', f'"{name}"').replace(
        'title_en = "Receive the accounts"', f'title_en = "Receive the accounts"\ntext_cy = "{text}"\ntext_en = "{text}"'
    )
    code = (
        "from pathlib import Path\n"
        "from coopvote.meeting.spec import parse_spec\n"
        "from coopvote.service import MeetingService\n"
        "from coopvote.export.archive import export_meeting\n"
        f"service = MeetingService.create(Path({str(tmp_path / 'long.coopvote')!r}), parse_spec({spec!r}, 'long.toml'))\n"
        f"service.setup.import_register({SMALL_REGISTER.encode()!r}, 'members.csv')\n"
        "service.close()\n"
        f"export_meeting(Path({str(tmp_path / 'long.coopvote')!r}), Path({str(tmp_path / 'long.zip')!r}))\n"
        "print('EXPORTED')\n"
    )
    result = run_bounded(code, timeout=240)  # a generous bound against a hang, not a speed target
    assert "EXPORTED" in result.stdout, result.stderr[-2000:]
    report = verify_archive(tmp_path / "long.zip")
    assert report.meeting_digest

