"""The record's integrity findings read in Welsh (issue 17): a tampered meeting file or archive is refused with
the finding itself in the reader's language, not a Welsh frame around an English sentence.

The attacks are those of tests/test_record_integrity*.py (sqlite3 edits of a recorded paper's marks, a public
archive resealed around changed papers); here the refusal is read in Welsh from the command line
(``--lang cy``), from ``verify --lang cy``, and on the app's results screen when the app is in Welsh. Each
Welsh text is checked word by word for English (tests/welsh_halves.py), item, paper and marks still named.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from coopvote.cli import main as cli
from coopvote.errors import RecordError
from coopvote.export.verify import Discrepancy, verify_bytes
from coopvote.messages import message
from coopvote.record.ledger import (
    Attendance,
    PaperContent,
    ReplayedPaper,
    first_attendance_difference,
    first_paper_difference,
)
from tests.test_record_integrity import sql, voted
from tests.test_record_integrity_public import forge, swap_marks, voted_two_classes
from tests.ui_fixtures import look, shot, window  # noqa: F401 - fixtures
from tests.welsh_halves import english_words

FIELD_NAME = re.compile(r"\b[a-z]+(?:_[a-z]+)+\b")
"""A close entry's field as the entry writes it (papers_digest): named as it is in either language."""


def tampered(folder: Path) -> tuple[Any, Path, int]:
    """Item 1 voted and closed, then three For papers changed to Against with sqlite3: the first one's serial."""
    service, batch, _code = voted(folder)
    path = folder / "small.coopvote"
    changed = sql(path, "UPDATE recorded_ballot SET marks='[2]' WHERE id IN "
                        "(SELECT id FROM recorded_ballot WHERE marks='[1]' ORDER BY serial LIMIT 3)")  # fmt: skip
    assert changed == 3
    return service, path, sorted(batch.serials[:7])[0]


def test_results_in_welsh_name_the_altered_paper_in_welsh(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    service, path, first = tampered(tmp_path)
    service.close()
    capsys.readouterr()
    assert cli(["--lang", "cy", "results", str(path), "--item", "1"]) == RecordError.exit_code
    said = capsys.readouterr().err
    assert f"eitem 1, papur {first}: yr hyn sydd yn ffeil y cyfarfod yw dosbarth EMP, marciau [2]" in said
    assert "cofnododd cofnod archwilio" in said and "dosbarth EMP, marciau [1] (a newidiwyd?)" in said
    assert english_words(said) == [], said
    assert cli(["--lang", "en", "results", str(path), "--item", "1"]) == RecordError.exit_code
    english = capsys.readouterr().err
    assert f"item 1, paper {first}: the meeting file has class EMP, marks [2], but audit entry" in english
    assert "recorded class EMP, marks [1] (altered?)" in english


def test_a_changed_audit_entry_is_named_in_welsh(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    service, _batch, _code = voted(tmp_path)
    service.close()
    path = tmp_path / "small.coopvote"
    assert sql(path, "UPDATE audit_entry SET details=replace(details, '\"marks\": [1]', '\"marks\": [2]') "
                     "WHERE action='paper recorded' AND details LIKE '%\"marks\": [1]%'") == 7  # fmt: skip
    capsys.readouterr()
    assert cli(["--lang", "cy", "info", str(path)]) == RecordError.exit_code
    said = capsys.readouterr().err
    assert "yng nghadwyn y papurau pleidleisio: fe'i newidiwyd ar ôl ei ysgrifennu" in said, said
    assert english_words(said) == [], said


def test_verify_in_welsh_names_papers_the_close_entry_did_not_seal(tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    """A public archive rebuilt around swapped marks, its manifest and item codes resealed, its close entry kept."""
    meeting, _code = voted_two_classes(tmp_path)
    forged = tmp_path / "forged.zip"
    forged.write_bytes(forge(meeting, swap_marks, digests=False, rehash=False))
    capsys.readouterr()
    assert cli(["--lang", "cy", "verify", str(forged)]) == 1
    said = capsys.readouterr()
    welsh = said.out + said.err
    assert ("papurau eitem 1 yn ballots/item-01.csv: nid y rhain yw'r papurau a seliwyd pan gaeodd y bleidlais"
            in welsh), welsh
    assert english_words(FIELD_NAME.sub(" ", welsh)) == [], welsh
    with pytest.raises(Discrepancy) as refused:
        verify_bytes(forged.read_bytes())
    assert "item 1's papers in ballots/item-01.csv are not the papers sealed when the vote closed" in refused.value.render("en")


def test_each_finding_keeps_its_details_as_fields() -> None:
    """Item, serial, entry, marks and where are parameters: each language words them, neither loses one."""
    replayed = {(1, 15): ReplayedPaper(81, PaperContent("EMP", True, "", (1,)))}
    stored = {(1, 15): PaperContent("EMP", True, "", (2,))}
    finding = first_paper_difference(replayed, stored, where=message("verify.where_ballots_csvs"))
    assert finding is not None and finding.params["item"] == 1 and finding.params["serial"] == 15
    assert finding.params["sequence"] == 81
    assert finding.render("en") == ("item 1, paper 15: the ballots CSVs has class EMP, marks [2], but audit entry 81 "
                                    "recorded class EMP, marks [1] (altered?)")
    assert finding.render("cy") == ("eitem 1, papur 15: yr hyn sydd yn ffeiliau CSV y papurau pleidleisio yw dosbarth "
                                    "EMP, marciau [2], ond cofnododd cofnod archwilio 81 dosbarth EMP, marciau [1] "
                                    "(a newidiwyd?)")
    chair = first_attendance_difference(Attendance({}, {"E3": ("chair", True, 12)}), set(), {"E3": ("E1", False)})
    assert chair is not None
    assert chair.render("en") == ("member E3's proxy: the meeting file has holder E1 (directed False), but audit entry "
                                  "12 appointed chair (directed True) (altered?)")
    assert english_words(chair.render("cy")) == [], chair.render("cy")


def test_the_results_screen_shows_the_refusal_in_welsh(window: Any, qtbot: Any, look: Any,  # noqa: F811
                                                       tmp_path: Path, artifacts_dir: Path) -> None:
    service, path, first = tampered(tmp_path)
    assert look.set_language("cy")
    window.set_service(service, str(path))
    page = window.show_role("results")
    assert type(page).__name__ == "ResultsPage", getattr(page, "reason", page)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is page)
    window.resize(1280, 900)
    qtbot.waitUntil(lambda: not page.result.loading, timeout=30_000)
    shown = page.result.outcome.text()
    assert f"eitem 1, papur {first}: yr hyn sydd yn ffeil y cyfarfod yw dosbarth EMP, marciau [2]" in shown, shown
    assert "Ni chyfrifir dim ohono" in shown
    assert english_words(shown) == [], shown
    shot(window, artifacts_dir, "screen-results-tampered-welsh")
