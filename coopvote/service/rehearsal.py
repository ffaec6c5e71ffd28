"""The rehearsal before the doors open (a logic and accuracy test), as the ``service.rehearsal`` role.

``prepare`` makes a rehearsal copy of the meeting in a folder (same classes, items, weighting and rules;
its own code and seal) and prints from it a test deck: every item, class and paper variant, marked in
code clear, faint, spoilt, blank and over-voted, with the key. The tellers scan the printed deck on the
real scanner; ``check`` reads the scans through the same tellers' path the vote uses, decides the sheets
a person must decide as the key says, closes and counts every item, and compares each reading and each
item's tallies and outcome with what the key gives. The real meeting's audit chain records that the
rehearsal passed, or what failed; then the rehearsal copy is deleted, so the real meeting is as it was.

A rehearsal paper can never count in the real vote: it carries the rehearsal copy's code and seal, so
the real meeting's reader refuses it as another meeting's paper (``tests/test_service_rehearsal.py``).
"""

from __future__ import annotations

import hashlib
import random
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from coopvote.errors import InputError, RuleError
from coopvote.record.db import create_database, open_database
from coopvote.record.models import AgendaItem, AuditEntry, RecordedBallot
from coopvote.service.base import MeetingRecord, Role
from coopvote.service.papers import PapersRole, ballot_item_for
from coopvote.service.rehearsal_deck import (
    DECK_SEED_OFFSET,
    EXPECT_COUNTED,
    EXPECT_EITHER,
    EXPECT_PERSON,
    EXPECT_REFUSED,
    DeckPlan,
    KeySheet,
    plan_sheet,
    rehearsal_spec,
    render_deck,
    scenarios_for,
)
from coopvote.service.results import ResultsRole
from coopvote.service.setup import SetupRole
from coopvote.service.tellers import TellersRole
from coopvote.service.views import ItemResult, ScanOutcome
from coopvote.service.voting import VotingRole

REHEARSAL_ACTION = "rehearsal run"
SCRATCH_NAME = "rehearsal.coopvote"
EXPECTED_NAME = "expected.coopvote"
KEY_NAME = "key.json"
DECK_NAME = "deck.pdf"
REPORT_NAME = "report.txt"
PROBLEMS_KEPT = 40
"""How many problems the audit entry names (the report file names all of them)."""


@dataclass(frozen=True)
class PreparedRehearsal:
    folder: Path
    deck: Path
    pages: int
    skipped: tuple[str, ...]


@dataclass
class RehearsalReport:
    """What the rehearsal found: every difference between the scans and the deck, in words."""

    passed: bool
    sheets: int
    counted: int
    to_person: int
    refused: int
    problems: list[str]
    tallies: list[str] = field(default_factory=list)
    """One line per item and class: what was counted, for the report."""
    skipped: tuple[str, ...] = ()
    deck_sha256: str = ""


class _RehearsalCopy:
    """The rehearsal copy of the meeting, with the roles the vote itself uses."""

    def __init__(self, path: Path, *, create: bool = False, actor: str = "", station: str = "rehearsal") -> None:
        engine = create_database(path) if create else open_database(path)
        self.record = MeetingRecord(engine, actor=actor, station=station, where=str(path))
        self.setup = SetupRole(self.record)
        self.papers = PapersRole(self.record, self.setup)
        self.voting = VotingRole(self.record)
        self.tellers = TellersRole(self.record, self.setup)
        self.results = ResultsRole(self.record)

    def close(self) -> None:
        self.record.close()


def _remove_meeting_file(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


class RehearsalRole(Role):
    """The rehearsal: print a test deck from a rehearsal copy, check its scans, record the outcome."""

    def __init__(self, record: MeetingRecord, setup: SetupRole) -> None:
        super().__init__(record)
        self.setup = setup

    # -- printing the deck -------------------------------------------------------------------------

    def prepare(
        self, folder: Path, *, deck: Path | None = None, dpi: float = 150.0, page_size: str = "A4", seed: int = 1
    ) -> PreparedRehearsal:
        """Make the rehearsal copy in ``folder`` and print its marked test deck (``deck``, by default
        ``folder/deck.pdf``)."""
        from coopvote.ballots.omr_layout import question_for_item
        from coopvote.ballots.paper import VARIANTS
        from coopvote.ballots.pdf_spec import MeetingInfo, VotingClass, papers_for
        from coopvote.ballots.testdeck import DeckPaper

        folder = Path(folder)
        scratch_path = folder / SCRATCH_NAME
        if scratch_path.exists():
            raise RuleError(
                f"{folder} already holds a rehearsal deck waiting for its scans: check it, or delete the folder"
            )
        folder.mkdir(parents=True, exist_ok=True)
        view = self.setup.meeting()
        scratch = _RehearsalCopy(scratch_path, create=True, actor=self.record.actor)
        try:
            scratch.setup.populate_from_spec(rehearsal_spec(view))
            copy = scratch.setup.meeting()
            if copy.code == view.code:  # one chance in a billion; a second draw settles it
                raise RuleError("the rehearsal copy drew the real meeting's code; prepare the rehearsal again")
            info = MeetingInfo(copy.code, copy.name_cy, copy.name_en)
            rng = random.Random(seed + DECK_SEED_OFFSET)
            pages: list[tuple[Any, dict[Any, Any]]] = []
            sheets: list[KeySheet] = []
            skipped: list[str] = []
            for item in copy.items:
                if scratch.papers.counts_member_values(item.number):
                    skipped.append(f"item {item.number}: counted by members' own vote values (value bands), "
                                   "which the rehearsal does not print yet")
                    continue
                printed_item = ballot_item_for(item)
                for cls in copy.classes:
                    for variant in VARIANTS:
                        scenarios = scenarios_for(variant)
                        batch = scratch.papers.add_paper_batch(item.number, cls.code, len(scenarios), variant=variant)
                        voting_class = VotingClass(cls.code, cls.name_cy, cls.name_en, cls.colour, None)
                        specs = papers_for(info, printed_item, voting_class, sorted(batch.serials), batch.secret,
                                           variant, page_size)
                        question = question_for_item(printed_item, variant, page_size)
                        for spec, scenario in zip(specs, scenarios, strict=True):
                            paper = DeckPaper(spec=spec, question=question)
                            marks, meant, expect, valid = plan_sheet(paper, scenario, rng)
                            if scenario == "spoilt":
                                scratch.papers.spoil_paper(item.number, spec.serial, "spoilt in the rehearsal deck")
                            pages.append((paper, marks))
                            sheets.append(KeySheet(
                                page=len(sheets) + 1, item=item.number, class_code=cls.code, variant=variant,
                                serial=spec.serial, scenario=scenario, marks=meant, expect=expect, valid=valid,
                                qr_text=spec.qr_text,
                            ))
                scratch.voting.open_vote(item.number)
            if not pages:
                raise RuleError("the meeting has no item the rehearsal can print papers for")
            deck = Path(deck) if deck is not None else folder / DECK_NAME
            render_deck(pages, deck, dpi, seed)
            DeckPlan(view.code, copy.code, tuple(sheets), tuple(skipped)).save(folder / KEY_NAME)
        except BaseException:
            scratch.close()
            _remove_meeting_file(scratch_path)
            raise
        scratch.close()
        return PreparedRehearsal(folder, deck, len(pages), tuple(skipped))

    # -- checking the scans ------------------------------------------------------------------------

    def check(self, folder: Path, scans: Sequence[Path], *, by: str = "") -> RehearsalReport:
        """Read the scanned deck, compare it with its key, record the outcome and delete the rehearsal copy."""
        folder = Path(folder)
        scratch_path = folder / SCRATCH_NAME
        if not scratch_path.exists():
            raise InputError(f"{folder}: no rehearsal deck is waiting here; print one first")
        if not scans:
            raise InputError("name the scanned test deck: the file or files the scanner made")
        plan = DeckPlan.load(folder / KEY_NAME)
        real_code = self.setup.meeting().code
        if plan.meeting_code != real_code:
            raise InputError(f"{folder}: this deck was printed for meeting {plan.meeting_code}, not {real_code}")
        expected_path = folder / EXPECTED_NAME
        _remove_meeting_file(expected_path)
        _copy_sqlite(scratch_path, expected_path)
        scanned = _RehearsalCopy(scratch_path, actor=by or self.record.actor, station="rehearsal scanner")
        expected = _RehearsalCopy(expected_path, actor=by or self.record.actor, station="rehearsal key")
        try:
            summary = scanned.tellers.read_sheets(list(scans))
            problems, counts = compare_readings(summary.outcomes, plan.sheets)
            decide_as_the_key_says(scanned.tellers, plan.sheets)
            for sheet in plan.sheets:
                if sheet.valid and sheet.expect != EXPECT_REFUSED:
                    expected.tellers.record_paper(sheet.qr_text, list(sheet.marks), source="keyed")
            items = sorted({sheet.item for sheet in plan.sheets})
            tallies: list[str] = []
            for number in items:
                scanned.voting.close_vote(number)
                expected.voting.close_vote(number)
                got, want = scanned.results.item_result(number), expected.results.item_result(number)
                problems += compare_results(got, want)
                tallies += tally_lines(got)
        finally:
            scanned.close()
            expected.close()
        digest = hashlib.sha256(b"".join(Path(p).read_bytes() for p in scans)).hexdigest()
        report = RehearsalReport(
            passed=not problems, sheets=len(plan.sheets), counted=counts["counted"], to_person=counts["person"],
            refused=counts["refused"], problems=problems, tallies=tallies, skipped=plan.skipped, deck_sha256=digest,
        )
        self._record(report, plan)
        (folder / REPORT_NAME).write_text(report_text(report), encoding="utf-8")
        # Reset: the rehearsal copy and its expected count go; the real meeting was never touched.
        _remove_meeting_file(scratch_path)
        _remove_meeting_file(expected_path)
        return report

    def _record(self, report: RehearsalReport, plan: DeckPlan) -> None:
        with self.action(
            REHEARSAL_ACTION,
            passed=report.passed,
            sheets=report.sheets,
            counted=report.counted,
            to_person=report.to_person,
            refused=report.refused,
            problems=report.problems[:PROBLEMS_KEPT],
            problem_count=len(report.problems),
            items=sorted({sheet.item for sheet in plan.sheets}),
            skipped=list(plan.skipped),
            rehearsal_code=plan.rehearsal_code,
            scans_sha256=report.deck_sha256,
        ) as (session, act):
            # The real meeting must be as it was: no paper of it recorded by the rehearsal.
            recorded = session.scalar(
                select(func.count(RecordedBallot.id))
                .join(AgendaItem, AgendaItem.id == RecordedBallot.item_id)
                .where(AgendaItem.meeting_id == self.meeting_id)
            )
            act.details["real_papers_recorded"] = int(recorded or 0)

    # -- reading ----------------------------------------------------------------------------------

    def runs(self) -> list[dict[str, Any]]:
        """Every rehearsal recorded for this meeting, oldest first: for the declaration and the minutes."""
        with self.reading() as session:
            rows = session.scalars(
                select(AuditEntry)
                .where(AuditEntry.meeting_id == self.meeting_id, AuditEntry.action == REHEARSAL_ACTION)
                .order_by(AuditEntry.sequence)
            ).all()
            return [{"at": row.at, **dict(row.details)} for row in rows]


def _copy_sqlite(source: Path, target: Path) -> None:
    """A consistent copy of a meeting file, write-ahead log included."""
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    src.close()
    dst.close()


def compare_readings(outcomes: Sequence[ScanOutcome], sheets: Sequence[KeySheet]) -> tuple[list[str], dict[str, int]]:
    """Each scanned sheet against its key: read as marked, sent to a person, or refused as it must be."""
    by_paper = {(s.item, s.serial): s for s in sheets}
    seen: set[tuple[int, int]] = set()
    problems: list[str] = []
    counts = {"counted": 0, "person": 0, "refused": 0}
    for index, outcome in enumerate(outcomes, start=1):
        sheet = (
            by_paper.get((outcome.item, outcome.serial))
            if outcome.item is not None and outcome.serial is not None else None
        )
        if sheet is None:
            problems.append(f"scanned page {index}: not a sheet of this deck ({outcome.message_en})")
            continue
        if (sheet.item, sheet.serial) in seen:
            problems.append(f"{sheet.where()}: scanned more than once ({outcome.message_en})")
            continue
        seen.add((sheet.item, sheet.serial))
        if outcome.accepted:
            counts["counted"] += 1
            if sheet.expect not in (EXPECT_COUNTED, EXPECT_EITHER):
                problems.append(f"{sheet.where()}: counted as {list(outcome.marks)}, but it must be {sheet.expect}")
            elif tuple(outcome.marks) != sheet.marks:
                problems.append(f"{sheet.where()}: read as {list(outcome.marks)}, but marked {list(sheet.marks)}")
        elif outcome.reason == "queued":
            counts["person"] += 1
            if sheet.expect not in (EXPECT_PERSON, EXPECT_EITHER):
                problems.append(f"{sheet.where()}: sent to a person, but it must be {sheet.expect}")
        elif outcome.reason == "spoilt":
            counts["refused"] += 1
            if sheet.expect != EXPECT_REFUSED:
                problems.append(f"{sheet.where()}: refused as spoilt, but it must be {sheet.expect}")
        else:
            counts["refused"] += 1
            problems.append(f"{sheet.where()}: refused ({outcome.message_en}), but it must be {sheet.expect}")
    for sheet in sheets:
        if (sheet.item, sheet.serial) not in seen:
            problems.append(f"{sheet.where()}: not among the scans (or its code could not be read)")
    return problems, counts


def decide_as_the_key_says(tellers: TellersRole, sheets: Sequence[KeySheet]) -> None:
    """The adjudicator's part, taken from the key: accept what the voter meant, reject the rest.

    A sheet the key says must be read clear but was sent to a person is rejected, not mended from the key,
    so the loss shows in the count as it would on the day.
    """
    by_paper = {(s.item, s.serial): s for s in sheets}
    for pending in tellers.pending_sheets():
        sheet = (
            by_paper.get((pending.item, pending.serial))
            if pending.item is not None and pending.serial is not None else None
        )
        if sheet is None:
            tellers.adjudicate(pending.id, reject_reason="no-valid-code", by="rehearsal key")
        elif sheet.expect == EXPECT_COUNTED:
            tellers.adjudicate(pending.id, reject_reason="unmarked-or-uncertain", by="rehearsal key")
        elif sheet.valid:
            tellers.adjudicate(pending.id, accept_marks=list(sheet.marks), by="rehearsal key")
        else:
            reason = "unmarked-or-uncertain" if sheet.scenario == "blank" else "too-many-votes"
            tellers.adjudicate(pending.id, reject_reason=reason, by="rehearsal key")


def _fractions(table: dict[int, dict[str, Fraction]]) -> dict[int, dict[str, Fraction]]:
    return {option: {c: v for c, v in row.items() if v} for option, row in table.items()}


def compare_results(got: ItemResult, want: ItemResult) -> list[str]:
    """An item's tallies per class and option, and its outcome, against the count of the deck's key."""
    number = got.item.number
    problems = []
    for code in sorted(set(got.valid_by_class) | set(want.valid_by_class)):
        a, b = got.valid_by_class.get(code, 0), want.valid_by_class.get(code, 0)
        if a != b:
            problems.append(f"item {number}, class {code}: {a} valid papers counted, the deck has {b}")
    for option, (_cy, label) in enumerate(want.option_labels):
        got_row, want_row = got.papers_by_option.get(option, {}), want.papers_by_option.get(option, {})
        for code in sorted(set(got_row) | set(want_row)):
            if got_row.get(code, 0) != want_row.get(code, 0):
                problems.append(
                    f"item {number}, class {code}, {label}: {got_row.get(code, 0)} papers counted, "
                    f"the deck has {want_row.get(code, 0)}"
                )
    if _fractions(got.weighted_by_option) != _fractions(want.weighted_by_option):
        problems.append(f"item {number}: the weighted votes differ from the deck's")
    if got.outcome_en != want.outcome_en:
        problems.append(f"item {number}: outcome '{got.outcome_en}', the deck gives '{want.outcome_en}'")
    return problems


def tally_lines(result: ItemResult) -> list[str]:
    lines = [f"Item {result.item.number} ({result.item.title_en}): {result.outcome_en}"]
    for option, (_cy, label) in enumerate(result.option_labels):
        row = result.papers_by_option.get(option, {})
        lines.append(f"  {label}: " + ", ".join(f"{code} {count}" for code, count in row.items()))
    return lines


def report_text(report: RehearsalReport) -> str:
    """The rehearsal report, Welsh first."""
    verdict_cy = "LLWYDDODD yr ymarfer" if report.passed else "METHODD yr ymarfer"
    verdict_en = "The rehearsal PASSED" if report.passed else "The rehearsal FAILED"
    lines = [
        f"{verdict_cy} / {verdict_en}",
        f"Dalennau / Sheets: {report.sheets}; wedi'u cyfrif / counted {report.counted}; "
        f"at berson / to a person {report.to_person}; wedi'u gwrthod / refused {report.refused}",
        f"SHA-256 y sganiau / of the scans: {report.deck_sha256}",
        "",
    ]
    if report.problems:
        lines.append(f"Problemau / Problems ({len(report.problems)}):")
        lines += [f"- {problem}" for problem in report.problems]
        lines.append("")
    for skipped in report.skipped:
        lines.append(f"Heb ei gynnwys / Not covered: {skipped}")
    lines.append("Cyfrif yr ymarfer / The rehearsal count:")
    lines += report.tallies
    lines.append("")
    lines.append("Mae'r cyfarfod go iawn heb ei gyffwrdd: dilëwyd copi'r ymarfer. / "
                 "The real meeting is untouched: the rehearsal copy was deleted.")
    return "\n".join(lines) + "\n"
