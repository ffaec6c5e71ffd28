"""Comparing a scanned rehearsal deck with its key: each reading, each item's tallies and outcome.

Kept apart from the role (``service/rehearsal.py``) so the rules of what a reading must give sit in one
place: a clear mark counted as marked, a doubtful one sent to a person, a spoilt paper refused, a posted
vote slip counted for its option, two slips from one sheet both rejected, and a value band's papers
weighed by the band's value, checked against a tally made here from the key alone.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from fractions import Fraction

from coopvote.counting.rules import RANKED_METHODS
from coopvote.messages import Bilingual, Message, message, render_value
from coopvote.service.rehearsal_deck import (
    EXPECT_BOTH_REJECTED,
    EXPECT_COUNTED,
    EXPECT_EITHER,
    EXPECT_PERSON,
    EXPECT_REFUSED,
    SLIPS,
    KeySheet,
    deck_words,
)
from coopvote.service.safeguards import TOO_MANY_VOTES
from coopvote.service.tellers import TellersRole
from coopvote.service.views import ItemResult, ScanOutcome


@dataclass
class RehearsalReport:
    """What the rehearsal found: every difference between the scans and the deck, in words."""

    passed: bool
    sheets: int
    counted: int
    to_person: int
    refused: int
    problems: list[str]
    """In English, as the record keeps them (the audit entry of the run names them)."""
    tallies: list[Bilingual] = field(default_factory=list)
    """One line per item and per option: what was counted, for the report."""
    skipped: tuple[str, ...] = ()
    deck_sha256: str = ""
    covered: list[Message] = field(default_factory=list)
    """What the deck covered (variants, languages, value bands, vote slips), one line each, for the report."""
    problem_words: list[Message] = field(default_factory=list)
    """The same problems in Welsh and English, for the person reading them."""


def _said(outcome: ScanOutcome) -> Bilingual:
    """What the reader said of a sheet, in both languages."""
    return Bilingual(cy=outcome.message_cy or outcome.message_en, en=outcome.message_en)


def _marks(marks: Sequence[int]) -> str:
    return str(list(marks))


def compare_readings(
    outcomes: Sequence[ScanOutcome], sheets: Sequence[KeySheet]
) -> tuple[list[Message], dict[str, int]]:
    """Each scanned sheet against its key: read as marked, sent to a person, or refused as it must be."""
    by_paper = {(s.item, s.serial): s for s in sheets}
    readings: dict[tuple[int, int], list[ScanOutcome]] = defaultdict(list)
    problems: list[Message] = []
    counts = {"counted": 0, "person": 0, "refused": 0}
    for index, outcome in enumerate(outcomes, start=1):
        if outcome.accepted:
            counts["counted"] += 1
        elif outcome.reason == "queued":
            counts["person"] += 1
        else:
            counts["refused"] += 1
        sheet = (
            by_paper.get((outcome.item, outcome.serial))
            if outcome.item is not None and outcome.serial is not None else None
        )
        if sheet is None:
            problems.append(message("rehearsal.not_of_this_deck", page=index, detail=_said(outcome)))
            continue
        readings[(sheet.item, sheet.serial)].append(outcome)
    for sheet in sheets:
        got = readings.get((sheet.item, sheet.serial), [])
        if not got:
            problems.append(message("rehearsal.not_among_scans", where=sheet.place()))
        elif sheet.expect == EXPECT_BOTH_REJECTED:
            problems += _two_slips_problems(sheet, got)
        elif len(got) > 1:
            problems.append(message("rehearsal.scanned_twice", where=sheet.place(), detail=_said(got[1])))
        else:
            problems += _reading_problems(sheet, got[0])
    return problems, counts


def _reading_problems(sheet: KeySheet, outcome: ScanOutcome) -> list[Message]:
    where, expect = sheet.place(), deck_words(sheet.expect)
    if outcome.accepted:
        if sheet.expect not in (EXPECT_COUNTED, EXPECT_EITHER):
            return [message("rehearsal.counted_but_expected", where=where, marks=_marks(outcome.marks), expect=expect)]
        if tuple(outcome.marks) != sheet.marks:
            return [message("rehearsal.read_otherwise", where=where, marks=_marks(outcome.marks),
                            meant=_marks(sheet.marks))]
        return []
    if outcome.reason == "queued":
        if sheet.expect not in (EXPECT_PERSON, EXPECT_EITHER):
            return [message("rehearsal.to_person_but_expected", where=where, expect=expect)]
        return []
    if outcome.reason == "spoilt":
        if sheet.expect != EXPECT_REFUSED:
            return [message("rehearsal.spoilt_but_expected", where=where, expect=expect)]
        return []
    return [message("rehearsal.refused_but_expected", where=where, detail=_said(outcome), expect=expect)]


def _two_slips_problems(sheet: KeySheet, got: Sequence[ScanOutcome]) -> list[Message]:
    """Two slips of one sheet: the first read is counted, the second must reject both (the first taken back)."""
    read = [list(o.marks) for o in got if o.accepted]
    rejected = [o for o in got if not o.accepted and o.reason == TOO_MANY_VOTES]
    if len(got) != len(sheet.marks) or len(read) != 1 or len(rejected) != 1:
        seen = Bilingual(cy="; ".join(_said(o).cy for o in got), en="; ".join(o.message_en for o in got))
        return [message("rehearsal.two_slips_wrong", where=sheet.place(), count=len(got), seen=seen,
                        options=_marks(sheet.marks), expect=deck_words(sheet.expect))]
    return []


def decide_as_the_key_says(tellers: TellersRole, sheets: Sequence[KeySheet]) -> None:
    """The adjudicator's part, taken from the key: accept what the voter meant, reject the rest.

    A sheet the key says must be read clear but was sent to a person is rejected, not mended from the key,
    so the loss shows in the count as it would on the day.
    """
    by_paper = {(s.item, s.serial): s for s in sheets}
    for pending in tellers.pending_sheets():
        sheet: KeySheet | None = (
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


def compare_results(got: ItemResult, want: ItemResult) -> list[Message]:
    """An item's tallies per class and option, and its outcome, against the count of the deck's key."""
    number = got.item.number
    problems = []
    for code in sorted(set(got.valid_by_class) | set(want.valid_by_class)):
        a, b = got.valid_by_class.get(code, 0), want.valid_by_class.get(code, 0)
        if a != b:
            problems.append(message("rehearsal.valid_papers_differ", item=number, code=code, got=a, want=b))
    for option, (label_cy, label_en) in enumerate(want.option_labels):
        got_row, want_row = got.papers_by_option.get(option, {}), want.papers_by_option.get(option, {})
        for code in sorted(set(got_row) | set(want_row)):
            if got_row.get(code, 0) != want_row.get(code, 0):
                problems.append(message(
                    "rehearsal.option_papers_differ", item=number, code=code, label=Bilingual(label_cy, label_en),
                    got=got_row.get(code, 0), want=want_row.get(code, 0),
                ))  # fmt: skip
    if _fractions(got.weighted_by_option) != _fractions(want.weighted_by_option):
        problems.append(message("rehearsal.weighted_votes_differ", item=number))
    if got.outcome_en != want.outcome_en:
        problems.append(message("rehearsal.outcome_differs", item=number,
                                got=Bilingual(got.outcome_cy or got.outcome_en, got.outcome_en),
                                want=Bilingual(want.outcome_cy or want.outcome_en, want.outcome_en)))
    return problems


def key_band_votes(sheets: Sequence[KeySheet], method: str) -> dict[int, dict[str, Fraction]]:
    """An item's votes per option and class, each valid paper of the key weighed by its band's value:
    the tally a per-member item must give, made from the key alone (first preferences on a ranking)."""
    votes: dict[int, dict[str, Fraction]] = {}
    for sheet in sheets:
        if not sheet.valid or sheet.expect == EXPECT_REFUSED or not sheet.band:
            continue
        marked = sheet.marks[:1] if method in RANKED_METHODS else sheet.marks
        for option in marked:
            row = votes.setdefault(option - 1, {})
            row[sheet.class_code] = row.get(sheet.class_code, Fraction(0)) + Fraction(sheet.band)
    return votes


def compare_band_votes(got: ItemResult, sheets: Sequence[KeySheet]) -> list[Message]:
    """A per-member item's weighted votes against the key's own weighted tally, option by option."""
    want = key_band_votes(sheets, got.item.method)
    problems = []
    for option, (label_cy, label_en) in enumerate(got.option_labels):
        got_row = {c: v for c, v in got.weighted_by_option.get(option, {}).items() if v}
        want_row = want.get(option, {})
        for code in sorted(set(got_row) | set(want_row)):
            if got_row.get(code, Fraction(0)) != want_row.get(code, Fraction(0)):
                problems.append(message(
                    "rehearsal.band_votes_differ", item=got.item.number, code=code,
                    label=Bilingual(label_cy, label_en), got=str(got_row.get(code, 0)), want=str(want_row.get(code, 0)),
                ))  # fmt: skip
    return problems


def tally_lines(result: ItemResult, banded: bool = False) -> list[Bilingual]:
    """The item's outcome, then each option's papers per class (and, by value band, its votes)."""
    heading = message("rehearsal.tally_item", item=result.item.number,
                      title=Bilingual(result.item.title_cy or result.item.title_en, result.item.title_en),
                      outcome=Bilingual(result.outcome_cy or result.outcome_en, result.outcome_en))
    lines = [Bilingual(heading.render("cy"), heading.render("en"))]
    for option, (label_cy, label_en) in enumerate(result.option_labels):
        row = result.papers_by_option.get(option, {})
        papers = ", ".join(f"{code} {count}" for code, count in row.items())
        cy, en = f"  {label_cy or label_en}: {papers}", f"  {label_en}: {papers}"
        if banded:
            weighed = result.weighted_by_option.get(option, {})
            votes = message("rehearsal.votes_by_band",
                            votes=", ".join(f"{code} {value}" for code, value in weighed.items()))
            cy, en = cy + votes.render("cy"), en + votes.render("en")
        lines.append(Bilingual(cy, en))
    return lines


def coverage_lines(sheets: Sequence[KeySheet], languages: Sequence[str]) -> list[Message]:
    """What the deck covered, for the report: a missing part shows by its absence."""
    variants = sorted({s.variant for s in sheets})
    bands = sorted({(s.item, s.class_code, s.band) for s in sheets if s.band})
    slips = [s for s in sheets if s.kind == SLIPS]
    lines = [
        message("rehearsal.covered_variants", variants=Bilingual(
            cy=", ".join(render_value(deck_words(v), "cy") for v in variants), en=", ".join(variants))),
        message("rehearsal.covered_languages", languages=", ".join(languages) or "cy, en"),
        message("rehearsal.covered_bands", bands=Bilingual(
            cy="; ".join(f"eitem {item} {code} {band}" for item, code, band in bands),
            en="; ".join(f"item {item} {code} {band}" for item, code, band in bands),
        )) if bands else message("rehearsal.covered_no_bands"),
    ]
    if slips:
        pairs = sum(1 for s in slips if s.expect == EXPECT_BOTH_REJECTED)
        lines.append(message("rehearsal.covered_slips", pages=len(slips), pairs=pairs))
    return lines


def _one_line(words: Message | Bilingual) -> str:
    """A short line of the report: its Welsh, then its English, on one line."""
    cy, en = render_value(words, "cy"), render_value(words, "en")
    return cy if cy == en else f"{cy} / {en}"


def _two_lines(words: Message | Bilingual, lead: str = "") -> list[str]:
    """A longer line of the report: its Welsh, then its English below it."""
    cy, en = render_value(words, "cy"), render_value(words, "en")
    return [f"{lead}{cy}"] if cy == en else [f"{lead}{cy}", f"{' ' * len(lead)}{en}"]


def report_text(report: RehearsalReport) -> str:
    """The rehearsal report, Welsh first."""
    verdict = message("rehearsal.passed" if report.passed else "rehearsal.failed")
    lines = [
        _one_line(verdict),
        _one_line(message("rehearsal.sheets_line", sheets=report.sheets, counted=report.counted,
                          to_person=report.to_person, refused=report.refused)),
        _one_line(message("rehearsal.scans_digest", digest=report.deck_sha256)),
        "",
    ]
    problems = report.problem_words or [Message.text(problem) for problem in report.problems]
    if problems:
        lines.append(_one_line(message("rehearsal.problems_heading", count=len(problems))))
        for problem in problems:
            lines += _two_lines(problem, "- ")
        lines.append("")
    lines += [_one_line(line) for line in report.covered]
    for skipped in report.skipped:
        lines.append(_one_line(message("rehearsal.not_covered", what=skipped)))
    lines.append(_one_line(message("rehearsal.count_heading")))
    for tally in report.tallies:
        lines += _two_lines(tally)
    lines.append("")
    lines.append(_one_line(message("rehearsal.untouched")))
    return "\n".join(lines) + "\n"
