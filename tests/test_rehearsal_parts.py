"""The rehearsal's newer parts (issue 14): value bands, vote slips, every variant and language, stopping.

An item counted by members' own vote values gets papers for every band of every class, and its weighted
votes are checked against a tally made from the key alone; resolutions get posted vote slips, and one
page of two slips from one sheet that must reject both; a step stopped half way leaves nothing behind.
"""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest

from coopvote.ballots.paper import VARIANTS
from coopvote.service.rehearsal import KEY_NAME, REPORT_NAME, SCRATCH_NAME, RehearsalCancelled
from coopvote.service.rehearsal_check import compare_readings, key_band_votes
from coopvote.service.rehearsal_deck import (
    EXPECT_BOTH_REJECTED,
    EXPECT_COUNTED,
    PAPER,
    SLIPS,
    TWO_SLIPS_SCENARIO,
    DeckPlan,
    damage_page,
)
from coopvote.service.views import ScanOutcome
from tests.helpers import small_meeting
from tests.test_per_member_bands import meeting as banded_meeting


def test_value_bands_get_papers_for_every_band_and_weighted_tallies(tmp_path: Path) -> None:
    service = banded_meeting(tmp_path)
    prepared = service.rehearsal.prepare(tmp_path / "deck")
    plan = DeckPlan.load(prepared.folder / KEY_NAME)
    papers = [s for s in plan.sheets if s.kind == PAPER]
    for item in (1, 2):
        bands = {(s.class_code, Fraction(s.band)) for s in papers if s.item == item}
        assert bands == {("EMP", Fraction(1)), ("EMP", Fraction(2)), ("EMP", Fraction(5)),
                         ("PS", Fraction(1)), ("PS", Fraction(5))}
        for code, band in bands:
            assert {s.variant for s in papers if s.item == item and (s.class_code, Fraction(s.band)) == (code, band)} \
                == set(VARIANTS)
    report = service.rehearsal.check(prepared.folder, [prepared.deck])
    assert report.problems == []
    assert report.passed
    text = (prepared.folder / REPORT_NAME).read_text(encoding="utf-8")
    assert "Value bands" in text and "votes by value band" in text
    # The key's weighted tally is the band value times each valid paper's choice, by hand here too.
    item1 = [s for s in papers if s.item == 1]
    by_hand: dict[int, dict[str, Fraction]] = {}
    for sheet in item1:
        if sheet.valid and sheet.scenario != "spoilt":
            row = by_hand.setdefault(sheet.marks[0] - 1, {})
            row[sheet.class_code] = row.get(sheet.class_code, Fraction(0)) + Fraction(sheet.band)
    assert key_band_votes(item1, "") == by_hand
    assert any(value > 1 for row in by_hand.values() for value in row.values())
    run = service.rehearsal.runs()[-1]
    assert run["passed"] is True and "1 EMP 5" in run["bands"]


def test_a_damaged_band_paper_fails_naming_its_band(tmp_path: Path) -> None:
    service = banded_meeting(tmp_path)
    prepared = service.rehearsal.prepare(tmp_path / "deck", slips=False)
    plan = DeckPlan.load(prepared.folder / KEY_NAME)
    victim = next(s for s in plan.sheets if s.expect == EXPECT_COUNTED and s.band == "5" and s.item == 1)
    damaged = tmp_path / "damaged.pdf"
    damage_page(prepared.deck, victim.page, damaged)
    report = service.rehearsal.check(prepared.folder, [damaged])
    assert not report.passed
    assert any(problem.startswith(victim.where()) and "band 5" in problem for problem in report.problems)
    assert any("votes weighed by value band" in problem for problem in report.problems), report.problems


def test_slips_are_in_the_deck_for_every_class_and_variant_and_two_slips_reject_both(tmp_path: Path) -> None:
    service = small_meeting(tmp_path)
    prepared = service.rehearsal.prepare(tmp_path / "deck")
    plan = DeckPlan.load(prepared.folder / KEY_NAME)
    slips = [s for s in plan.sheets if s.kind == SLIPS]
    assert prepared.slip_pages == len(slips) == 8
    assert {(s.item, s.class_code, s.variant) for s in slips} == {
        (1, c, v) for c in ("PS", "EMP") for v in VARIANTS
    }  # item 2 is an election: no slips
    pairs = [s for s in slips if s.scenario == TWO_SLIPS_SCENARIO]
    assert len(pairs) == 2 and all(len(set(s.marks)) == 2 and s.expect == EXPECT_BOTH_REJECTED for s in pairs)
    assert [s.page for s in plan.sheets] == list(range(1, len(plan.sheets) + 1))
    assert plan.languages == ("cy", "en")
    report = service.rehearsal.check(prepared.folder, [prepared.deck])
    assert report.problems == [] and report.passed
    text = (prepared.folder / REPORT_NAME).read_text(encoding="utf-8")
    assert "Vote slips: 8 test pages, 2 with two slips from one sheet" in text
    assert "Paper variants: easy-read, large-print, standard" in text
    assert service.rehearsal.runs()[-1]["slip_pages"] == 8


def test_two_slips_must_both_be_rejected() -> None:
    """If the second slip of a sheet were refused as merely "already counted", the first would stand: caught."""
    from coopvote.service.rehearsal_deck import KeySheet

    sheet = KeySheet(page=9, item=1, class_code="PS", variant="standard", serial=4, scenario=TWO_SLIPS_SCENARIO,
                     marks=(1, 2), expect=EXPECT_BOTH_REJECTED, valid=False, kind=SLIPS)
    first = ScanOutcome(True, "Counted", "", item=1, serial=4, marks=(1,))
    both = ScanOutcome(False, "Two slips", "", reason="too-many-votes", item=1, serial=4)
    again = ScanOutcome(False, "Already counted", "", reason="already-counted", item=1, serial=4)
    assert compare_readings([first, both], [sheet])[0] == []
    problems, _ = compare_readings([first, again], [sheet])
    assert len(problems) == 1 and problems[0].render("en").startswith(sheet.where())


def test_stopping_the_printing_leaves_nothing(tmp_path: Path) -> None:
    service = small_meeting(tmp_path)
    seen: list[int] = []
    with pytest.raises(RehearsalCancelled):
        service.rehearsal.prepare(tmp_path / "deck", progress=lambda done, _total: seen.append(done),
                                  should_stop=lambda: len(seen) >= 3)
    assert seen == [1, 2, 3]
    assert not (tmp_path / "deck").exists()
    assert service.rehearsal.runs() == []


def test_stopping_the_check_keeps_the_deck_waiting_and_records_nothing(tmp_path: Path) -> None:
    service = small_meeting(tmp_path)
    prepared = service.rehearsal.prepare(tmp_path / "deck", slips=False)
    seen: list[tuple[int, int]] = []
    with pytest.raises(RehearsalCancelled):
        service.rehearsal.check(prepared.folder, [prepared.deck], progress=lambda d, t: seen.append((d, t)),
                                should_stop=lambda: len(seen) >= 2)
    assert seen[:2] == [(1, 40), (2, 40)]
    assert service.rehearsal.runs() == []
    assert (prepared.folder / SCRATCH_NAME).exists()
    assert sorted(p.name for p in prepared.folder.iterdir()) == sorted(["deck.pdf", KEY_NAME, SCRATCH_NAME])
    report = service.rehearsal.check(prepared.folder, [prepared.deck])  # checked again from the start
    assert report.passed and report.problems == []


def test_the_command_line_can_leave_slips_out_and_the_report_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:  # noqa: E501
    from coopvote.cli import main

    small_meeting(tmp_path).close()
    deck = tmp_path / "deck.pdf"
    assert main(["rehearse", str(tmp_path / "small.coopvote"), "--out", str(deck), "--no-slips", "--simulate"]) == 0
    shown = capsys.readouterr().out
    assert "(40 pages, 0 of them vote slips)" in shown
    assert "Not covered: vote slips: left out of this deck" in shown
    assert "The rehearsal PASSED" in shown
