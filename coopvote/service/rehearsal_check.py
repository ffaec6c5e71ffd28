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
from coopvote.service.rehearsal_deck import (
    EXPECT_BOTH_REJECTED,
    EXPECT_COUNTED,
    EXPECT_EITHER,
    EXPECT_PERSON,
    EXPECT_REFUSED,
    SLIPS,
    KeySheet,
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
    tallies: list[str] = field(default_factory=list)
    """One line per item and class: what was counted, for the report."""
    skipped: tuple[str, ...] = ()
    deck_sha256: str = ""
    covered: list[str] = field(default_factory=list)
    """What the deck covered (variants, languages, value bands, vote slips), one line each, for the report."""


def compare_readings(outcomes: Sequence[ScanOutcome], sheets: Sequence[KeySheet]) -> tuple[list[str], dict[str, int]]:
    """Each scanned sheet against its key: read as marked, sent to a person, or refused as it must be."""
    by_paper = {(s.item, s.serial): s for s in sheets}
    readings: dict[tuple[int, int], list[ScanOutcome]] = defaultdict(list)
    problems: list[str] = []
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
            problems.append(f"scanned page {index}: not a sheet of this deck ({outcome.message_en})")
            continue
        readings[(sheet.item, sheet.serial)].append(outcome)
    for sheet in sheets:
        got = readings.get((sheet.item, sheet.serial), [])
        if not got:
            problems.append(f"{sheet.where()}: not among the scans (or its code could not be read)")
        elif sheet.expect == EXPECT_BOTH_REJECTED:
            problems += _two_slips_problems(sheet, got)
        elif len(got) > 1:
            problems.append(f"{sheet.where()}: scanned more than once ({got[1].message_en})")
        else:
            problems += _reading_problems(sheet, got[0])
    return problems, counts


def _reading_problems(sheet: KeySheet, outcome: ScanOutcome) -> list[str]:
    if outcome.accepted:
        if sheet.expect not in (EXPECT_COUNTED, EXPECT_EITHER):
            return [f"{sheet.where()}: counted as {list(outcome.marks)}, but it must be {sheet.expect}"]
        if tuple(outcome.marks) != sheet.marks:
            return [f"{sheet.where()}: read as {list(outcome.marks)}, but marked {list(sheet.marks)}"]
        return []
    if outcome.reason == "queued":
        if sheet.expect not in (EXPECT_PERSON, EXPECT_EITHER):
            return [f"{sheet.where()}: sent to a person, but it must be {sheet.expect}"]
        return []
    if outcome.reason == "spoilt":
        if sheet.expect != EXPECT_REFUSED:
            return [f"{sheet.where()}: refused as spoilt, but it must be {sheet.expect}"]
        return []
    return [f"{sheet.where()}: refused ({outcome.message_en}), but it must be {sheet.expect}"]


def _two_slips_problems(sheet: KeySheet, got: Sequence[ScanOutcome]) -> list[str]:
    """Two slips of one sheet: the first read is counted, the second must reject both (the first taken back)."""
    read = [list(o.marks) for o in got if o.accepted]
    rejected = [o for o in got if not o.accepted and o.reason == TOO_MANY_VOTES]
    if len(got) != len(sheet.marks) or len(read) != 1 or len(rejected) != 1:
        seen = "; ".join(o.message_en for o in got)
        return [f"{sheet.where()}: {len(got)} slip(s) read ({seen}), but the slips for options "
                f"{list(sheet.marks)} must both be {sheet.expect}"]
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


def compare_band_votes(got: ItemResult, sheets: Sequence[KeySheet]) -> list[str]:
    """A per-member item's weighted votes against the key's own weighted tally, option by option."""
    want = key_band_votes(sheets, got.item.method)
    problems = []
    for option, (_cy, label) in enumerate(got.option_labels):
        got_row = {c: v for c, v in got.weighted_by_option.get(option, {}).items() if v}
        want_row = want.get(option, {})
        for code in sorted(set(got_row) | set(want_row)):
            if got_row.get(code, Fraction(0)) != want_row.get(code, Fraction(0)):
                problems.append(
                    f"item {got.item.number}, class {code}, {label}: {got_row.get(code, 0)} votes weighed by "
                    f"value band, the deck's bands give {want_row.get(code, 0)}"
                )
    return problems


def tally_lines(result: ItemResult, banded: bool = False) -> list[str]:
    lines = [f"Item {result.item.number} ({result.item.title_en}): {result.outcome_en}"]
    for option, (_cy, label) in enumerate(result.option_labels):
        row = result.papers_by_option.get(option, {})
        line = f"  {label}: " + ", ".join(f"{code} {count}" for code, count in row.items())
        if banded:
            weighed = result.weighted_by_option.get(option, {})
            line += "; votes by value band: " + ", ".join(f"{code} {value}" for code, value in weighed.items())
        lines.append(line)
    return lines


def coverage_lines(sheets: Sequence[KeySheet], languages: Sequence[str]) -> list[str]:
    """What the deck covered, for the report: a missing part shows by its absence."""
    variants = sorted({s.variant for s in sheets})
    bands = sorted({f"item {s.item} {s.class_code} {s.band}" for s in sheets if s.band})
    slips = [s for s in sheets if s.kind == SLIPS]
    lines = [
        f"Amrywiadau / Paper variants: {', '.join(variants)}",
        f"Ieithoedd / Languages: {', '.join(languages) or 'cy, en'} (pob papur yn ddwyieithog, Cymraeg yn gyntaf / "
        "every paper and slip bilingual, Welsh first)",
    ]
    lines.append(f"Bandiau gwerth / Value bands: {'; '.join(bands)}" if bands else
                 "Bandiau gwerth / Value bands: dim / none (no item counts members' own vote values)")
    if slips:
        pairs = sum(1 for s in slips if s.expect == EXPECT_BOTH_REJECTED)
        lines.append(f"Slipiau pleidleisio / Vote slips: {len(slips)} test pages, {pairs} with two slips "
                     "from one sheet")
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
    lines += report.covered
    for skipped in report.skipped:
        lines.append(f"Heb ei gynnwys / Not covered: {skipped}")
    lines.append("Cyfrif yr ymarfer / The rehearsal count:")
    lines += report.tallies
    lines.append("")
    lines.append("Mae'r cyfarfod go iawn heb ei gyffwrdd: dilëwyd copi'r ymarfer. / "
                 "The real meeting is untouched: the rehearsal copy was deleted.")
    return "\n".join(lines) + "\n"
