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

Both steps take ``progress`` and ``should_stop`` so the app can run them off its UI thread; a stopped step
raises ``RehearsalCancelled`` having left nothing behind (no deck, or the deck still waiting unchecked).
"""

from __future__ import annotations

import hashlib
import random
import shutil
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from fractions import Fraction
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from coopvote.errors import InputError, RuleError
from coopvote.messages import Bilingual
from coopvote.record.db import create_database, open_database
from coopvote.record.models import AgendaItem, AuditEntry, Meeting, RecordedBallot
from coopvote.service.bands import declared_band_values, register_bands
from coopvote.service.base import MeetingRecord, Role
from coopvote.service.papers import PapersRole, ballot_item_for
from coopvote.service.rehearsal_check import (
    RehearsalReport,
    compare_band_votes,
    compare_readings,
    compare_results,
    coverage_lines,
    decide_as_the_key_says,
    report_text,
    tally_lines,
)
from coopvote.service.rehearsal_deck import (
    DECK_SEED_OFFSET,
    EXPECT_REFUSED,
    PAPER,
    SLIPS,
    DeckPlan,
    KeySheet,
    SlipPage,
    plan_sheet,
    plan_slips,
    rehearsal_spec,
    render_deck,
    scenarios_for,
    slip_scenarios,
)
from coopvote.service.results import ResultsRole
from coopvote.service.setup import SetupRole
from coopvote.service.tellers import TellersRole
from coopvote.service.voting import VotingRole

__all__ = ["PreparedRehearsal", "RehearsalCancelled", "RehearsalReport", "RehearsalRole", "report_text"]

REHEARSAL_ACTION = "rehearsal run"
SCRATCH_NAME = "rehearsal.coopvote"
SCANNED_NAME = "scanned.coopvote"
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
    slip_pages: int = 0
    """How many of the pages are vote slips (they follow the papers)."""


class RehearsalCancelled(Exception):
    """The person stopped the rehearsal's step; what it had made is gone (see the module's docstring)."""


Progress = Callable[[int, int], None]
"""``progress(done, total)``: pages printed, or pages read, so far."""


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
        self, folder: Path, *, deck: Path | None = None, dpi: float = 150.0, page_size: str = "A4", seed: int = 1,
        slips: bool = True, progress: Progress | None = None, should_stop: Callable[[], bool] | None = None,
    ) -> PreparedRehearsal:
        """Make the rehearsal copy in ``folder`` and print its marked test deck (``deck``, by default
        ``folder/deck.pdf``): papers for every item, class, value band and variant, then, with ``slips``,
        vote slips for every resolution (a meeting that never prints slips may leave them out)."""
        folder = Path(folder)
        scratch_path = folder / SCRATCH_NAME
        if scratch_path.exists():
            raise RuleError("rehearsal.deck_waiting", folder=folder)
        made_folder = not folder.exists()
        folder.mkdir(parents=True, exist_ok=True)
        view = self.setup.meeting()
        deck = Path(deck) if deck is not None else folder / DECK_NAME
        scratch = _RehearsalCopy(scratch_path, create=True, actor=self.record.actor)
        try:
            scratch.setup.populate_from_spec(rehearsal_spec(view))
            copy = scratch.setup.meeting()
            if copy.code == view.code:  # one chance in a billion; a second draw settles it
                raise RuleError("rehearsal.drew_real_code")
            bands = self._band_members(scratch, [c.code for c in copy.classes])
            pages, sheets, slip_pages = _plan_deck(scratch, copy, bands, slips, page_size, seed)
            if not pages and not slip_pages:
                raise RuleError("rehearsal.nothing_to_print")
            for item in copy.items:
                scratch.voting.open_vote(item.number)
            written = render_deck(pages, deck, dpi, seed, slip_pages, progress=progress, should_stop=should_stop)
            if not written:
                raise RehearsalCancelled("the test deck was not printed")
            skipped = () if slips or not any(i.kind == "resolution" for i in copy.items) else (
                "vote slips: left out of this deck (the meeting prints none)",
            )
            DeckPlan(view.code, copy.code, tuple(sheets), skipped, tuple(view.languages)).save(folder / KEY_NAME)
        except BaseException:
            scratch.close()
            _remove_meeting_file(scratch_path)
            for leftover in (deck, folder / KEY_NAME):
                leftover.unlink(missing_ok=True)
            if made_folder:
                shutil.rmtree(folder, ignore_errors=True)
            raise
        scratch.close()
        return PreparedRehearsal(folder, deck, len(pages) + len(slip_pages), skipped, len(slip_pages))

    def _band_members(self, scratch: _RehearsalCopy, classes: Sequence[str]) -> dict[str, list[Fraction]]:
        """The value bands the deck prints per class, with one stand-in member each in the rehearsal copy.

        The bands are the real register's; a class with none there takes the bands the definition allows
        (``[weighting] bands``), or 1. Nothing when no item counts members' own values.
        """
        items = scratch.setup.meeting().items
        if not any(scratch.papers.counts_member_values(item.number) for item in items):
            return {}
        with self.reading() as session:
            meeting = session.get(Meeting, self.meeting_id)
            assert meeting is not None
            held = register_bands(session, self.meeting_id)
            declared = list(declared_band_values(meeting))
        bands = {
            code: sorted({band.value for band in held if band.class_code == code}) or declared or [Fraction(1)]
            for code in classes
        }
        rows = ["membership number,name,class,vote value,status"]
        for code, values in bands.items():
            for value in values:
                rows.append(f"R{len(rows)},Rehearsal {code} {value},{code},{value},active")
        scratch.setup.import_register("\n".join(rows).encode("utf-8"), "rehearsal-members.csv")
        return bands

    # -- checking the scans ------------------------------------------------------------------------

    def check(
        self, folder: Path, scans: Sequence[Path], *, by: str = "", progress: Progress | None = None,
        should_stop: Callable[[], bool] | None = None,
    ) -> RehearsalReport:
        """Read the scanned deck, compare it with its key, record the outcome and delete the rehearsal copy.

        Stopped (``should_stop``) before the end, nothing is recorded and the deck still waits for its scans.
        """
        folder = Path(folder)
        scratch_path = folder / SCRATCH_NAME
        if not scratch_path.exists():
            raise InputError("rehearsal.no_deck_waiting", folder=folder)
        if not scans:
            raise InputError("rehearsal.name_the_scans")
        plan = DeckPlan.load(folder / KEY_NAME)
        real_code = self.setup.meeting().code
        if plan.meeting_code != real_code:
            raise InputError("rehearsal.other_meeting", folder=folder, printed_for=plan.meeting_code, meeting=real_code)
        # Both counts run on copies, so a stopped check leaves the printed deck's copy as it was.
        scanned_path, expected_path = folder / SCANNED_NAME, folder / EXPECTED_NAME
        for path in (scanned_path, expected_path):
            _remove_meeting_file(path)
            _copy_sqlite(scratch_path, path)
        scanned = _RehearsalCopy(scanned_path, actor=by or self.record.actor, station="rehearsal scanner")
        expected = _RehearsalCopy(expected_path, actor=by or self.record.actor, station="rehearsal key")
        total = len(plan.sheets)
        try:
            summary = scanned.tellers.read_sheets(
                list(scans), slips=True, should_stop=should_stop,
                progress=None if progress is None else lambda pages, _outcome: progress(min(pages, total), total),
            )
            if summary.cancelled:
                raise RehearsalCancelled("the scans were not checked")
            problems, counts = compare_readings(summary.outcomes, plan.sheets)
            decide_as_the_key_says(scanned.tellers, plan.sheets)
            for sheet in plan.sheets:
                if sheet.valid and sheet.expect != EXPECT_REFUSED:
                    for text, marks in _key_papers(sheet):
                        expected.tellers.record_paper(text, marks, source="keyed")
            tallies: list[Bilingual] = []
            for number in sorted({sheet.item for sheet in plan.sheets}):
                scanned.voting.close_vote(number)
                expected.voting.close_vote(number)
                got, want = scanned.results.item_result(number), expected.results.item_result(number)
                problems += compare_results(got, want)
                banded = any(sheet.band for sheet in plan.sheets if sheet.item == number)
                if banded:
                    problems += compare_band_votes(got, [s for s in plan.sheets if s.item == number])
                tallies += tally_lines(got, banded)
        finally:
            scanned.close()
            expected.close()
            _remove_meeting_file(scanned_path)
            _remove_meeting_file(expected_path)
        digest = hashlib.sha256(b"".join(Path(p).read_bytes() for p in scans)).hexdigest()
        report = RehearsalReport(
            passed=not problems, sheets=len(plan.sheets), counted=counts["counted"], to_person=counts["person"],
            refused=counts["refused"], problems=[problem.render("en") for problem in problems], problem_words=problems,
            tallies=tallies, skipped=plan.skipped, deck_sha256=digest,
            covered=coverage_lines(plan.sheets, plan.languages),
        )
        self._record(report, plan)
        (folder / REPORT_NAME).write_text(report_text(report), encoding="utf-8")
        # Reset: the rehearsal copy goes; the real meeting was never touched.
        _remove_meeting_file(scratch_path)
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
            variants=sorted({sheet.variant for sheet in plan.sheets}),
            languages=list(plan.languages),
            bands=sorted({f"{s.item} {s.class_code} {s.band}" for s in plan.sheets if s.band}),
            slip_pages=sum(1 for sheet in plan.sheets if sheet.kind == SLIPS),
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


def _key_papers(sheet: KeySheet) -> list[tuple[str, list[int] | None]]:
    """What the key records in the expected count for a valid sheet: a paper with its marks, or its slip."""
    if sheet.kind == SLIPS:
        return [(text, None) for text in sheet.slip_texts]
    return [(sheet.qr_text, list(sheet.marks))]


def _plan_deck(
    scratch: _RehearsalCopy, copy: Any, bands: dict[str, list[Fraction]], slips: bool, page_size: str, seed: int,
) -> tuple[list[tuple[Any, dict[Any, Any]]], list[KeySheet], list[SlipPage]]:
    """Every test page and its key: papers per item, class, value band and variant, then vote slips."""
    from coopvote.ballots.omr_layout import question_for_item
    from coopvote.ballots.paper import VARIANTS
    from coopvote.ballots.pdf_spec import MeetingInfo, VotingClass, papers_for, slips_for
    from coopvote.ballots.testdeck import DeckPaper

    info = MeetingInfo(copy.code, copy.name_cy, copy.name_en)
    rng = random.Random(seed + DECK_SEED_OFFSET)
    pages: list[tuple[Any, dict[Any, Any]]] = []
    sheets: list[KeySheet] = []
    slip_plan: list[tuple[KeySheet, SlipPage]] = []
    for item in copy.items:
        banded = scratch.papers.counts_member_values(item.number)
        printed_item = ballot_item_for(item)
        for cls in copy.classes:
            for index, band in enumerate(bands[cls.code] if banded else [None]):
                voting_class = VotingClass(cls.code, cls.name_cy, cls.name_en, cls.colour, band)
                band_text = "" if band is None else str(band)
                for variant in VARIANTS:
                    scenarios = scenarios_for(variant, first_band=index == 0)
                    batch = scratch.papers.add_paper_batch(
                        item.number, cls.code, len(scenarios), variant=variant, band=band
                    )
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
                            qr_text=spec.qr_text, band=band_text, kind=PAPER,
                        ))
                    if not slips or item.kind != "resolution" or index > 0:
                        continue
                    scenarios = slip_scenarios(variant)
                    batch = scratch.papers.add_paper_batch(
                        item.number, cls.code, len(scenarios), kind="slips", variant=variant, band=band
                    )
                    slip_sheets = slips_for(info, printed_item, voting_class, sorted(batch.serials), batch.secret,
                                            variant, page_size)
                    for slip_sheet, scenario in zip(slip_sheets, scenarios, strict=True):
                        slip_page, meant, expect, valid = plan_slips(slip_sheet, scenario, rng)
                        texts = tuple(slip_sheet.qr_texts[option] for option in slip_page.posted)
                        slip_plan.append((KeySheet(
                            page=0, item=item.number, class_code=cls.code, variant=variant, serial=slip_sheet.serial,
                            scenario=scenario, marks=meant, expect=expect, valid=valid, qr_text=texts[0],
                            band=band_text, kind=SLIPS, slip_texts=texts,
                        ), slip_page))
    # The slips follow the papers in the deck, so their pages are numbered after them.
    for offset, (sheet, _page) in enumerate(slip_plan, start=len(sheets) + 1):
        sheets.append(replace(sheet, page=offset))
    return pages, sheets, [page for _sheet, page in slip_plan]
