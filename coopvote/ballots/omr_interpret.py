"""From box states to votes: which options a question's marks choose, and when a person must look.

The reader never guesses. A sheet is "clear" only when every box is plainly marked or plainly empty
and each question's marks make a vote its method allows; everything else is kept with its reasons for
adjudication. Irregular rankings are also interpreted by the meeting's stated rule (so the adjudicator
sees what the rule would count), but still sent to a person unless the caller says such papers may be
counted without one.

Ranking rules (``RankingRules``):

* ``stop_at_duplicate`` (default True): where two or more candidates share a preference, the ranking is
  valid only up to the preference before it: the paper is not void for the later defect, it counts up
  to it, as Scottish council STV elections treat papers (from their guidance on doubtful papers; the
  statutory wording was not checked here).
* ``stop_at_gap`` (default True): a missing preference ends the ranking there, likewise; with False,
  preferences after the gap move up (a rule some standing orders choose instead).
* A candidate marked at more than one preference keeps their first (highest) one; a later preference
  whose only mark is a candidate already ranked counts as a gap.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from coopvote.ballots.omr_marks import BoxState
from coopvote.messages import Message, message


class Reason(StrEnum):
    """Why a sheet goes to adjudication. Values are stable: they are stored and shown to tellers."""

    UNREADABLE_QR = "unreadable QR code"
    BLANK_PAGE = "blank page"
    """No QR code and next to no ink: the back of a sheet from a duplex scan, or a separator."""
    UNKNOWN_BALLOT = "QR code is not a ballot of this meeting"
    POOR_REGISTRATION = "paper position uncertain"
    DOUBTFUL_MARK = "doubtful mark"
    MARK_BESIDE_BOX = "mark beside a box"
    SCANNER_STREAK = "scanner streak across a box"
    TOO_MANY_MARKS = "too many marks"
    NO_MARKS = "no marks"
    RANK_DUPLICATED = "preference given to several candidates"
    RANK_SKIPPED = "preference skipped"
    CANDIDATE_RANKED_TWICE = "candidate given several preferences"

    def words(self) -> Message:
        """The reason in the catalogue's words; the value stays English because records already hold it."""
        return message(REASON_KEYS[self])


REASON_KEYS: dict[Reason, str] = {
    Reason.UNREADABLE_QR: "omr.unreadable_qr",
    Reason.BLANK_PAGE: "omr.blank_page",
    Reason.UNKNOWN_BALLOT: "omr.unknown_ballot",
    Reason.POOR_REGISTRATION: "omr.poor_registration",
    Reason.DOUBTFUL_MARK: "omr.doubtful_mark",
    Reason.MARK_BESIDE_BOX: "omr.mark_beside_box",
    Reason.SCANNER_STREAK: "omr.scanner_streak",
    Reason.TOO_MANY_MARKS: "omr.too_many_marks",
    Reason.NO_MARKS: "omr.no_marks",
    Reason.RANK_DUPLICATED: "omr.rank_duplicated",
    Reason.RANK_SKIPPED: "omr.rank_skipped",
    Reason.CANDIDATE_RANKED_TWICE: "omr.candidate_ranked_twice",
}
"""Each reason's catalogue key: a sheet queued for a person stores these, so the queue reads in its language."""


class QuestionKind(StrEnum):
    CHOOSE = "choose"
    """Mark up to ``max_marks`` options (1 for a single choice or a yes/no; n for block voting)."""
    RANK = "rank"
    """A ranking grid: one box per option and preference."""


@dataclass(frozen=True)
class QuestionBoxes:
    """How a question's boxes are laid out: for CHOOSE, ``boxes[option]``; for RANK,
    ``grid[option][rank - 1]``. Box ids are those of the layout."""

    question_id: str
    kind: QuestionKind
    options: tuple[str, ...]
    max_marks: int = 1
    boxes: tuple[Hashable, ...] = ()
    grid: tuple[tuple[Hashable, ...], ...] = ()
    blank_allowed: bool = False
    """A blank answer is a valid abstention for this question; otherwise a blank is checked by a person
    (a faint mark the reader could not see is likelier than a voter who took a paper and left it)."""


@dataclass(frozen=True)
class RankingRules:
    stop_at_duplicate: bool = True
    stop_at_gap: bool = True
    count_irregular_without_adjudication: bool = False


@dataclass
class QuestionReading:
    """The reading of one question on one sheet."""

    question_id: str
    chosen: tuple[int, ...] = ()
    """CHOOSE: marked option indices in option order. RANK: option indices in preference order, valid
    part only (per the ranking rules)."""
    reasons: list[Reason] = field(default_factory=list)
    notes: list[Message] = field(default_factory=list)
    """For the adjudicator: which box, which preference (catalogue messages, shown in the reader's language)."""


def interpret_choose(question: QuestionBoxes, states: Mapping[Hashable, BoxState]) -> QuestionReading:
    reading = QuestionReading(question.question_id)
    marked = [i for i, box in enumerate(question.boxes) if states[box] is BoxState.MARKED]
    doubtful = [i for i, box in enumerate(question.boxes) if states[box] is BoxState.DOUBTFUL]
    reading.chosen = tuple(marked)
    for i in doubtful:
        reading.notes.append(message("omr.note_option_doubtful", option=question.options[i]))
    if doubtful:
        reading.reasons.append(Reason.DOUBTFUL_MARK)
    if len(marked) > question.max_marks:
        reading.reasons.append(Reason.TOO_MANY_MARKS)
        reading.notes.append(message("omr.note_too_many_marks", marked=len(marked), allowed=question.max_marks))
    if not marked and not doubtful and not question.blank_allowed:
        reading.reasons.append(Reason.NO_MARKS)
    return reading


def interpret_ranking(
    question: QuestionBoxes, states: Mapping[Hashable, BoxState], rules: RankingRules | None = None
) -> QuestionReading:
    rules = rules or RankingRules()
    reading = QuestionReading(question.question_id)
    ranks = max((len(row) for row in question.grid), default=0)
    at_rank: list[list[int]] = [[] for _ in range(ranks)]
    doubtful = False
    for option, row in enumerate(question.grid):
        for rank_index, box in enumerate(row):
            state = states[box]
            if state is BoxState.MARKED:
                at_rank[rank_index].append(option)
            elif state is BoxState.DOUBTFUL:
                doubtful = True
                reading.notes.append(message("omr.note_preference_doubtful", option=question.options[option],
                                             rank=rank_index + 1))
    if doubtful:
        reading.reasons.append(Reason.DOUBTFUL_MARK)

    ranked: list[int] = []
    irregular: list[Reason] = []
    stopped = False
    stop_index = -1
    last_used = max((i for i, opts in enumerate(at_rank) if opts), default=-1)
    for rank_index in range(last_used + 1):
        options = at_rank[rank_index]
        fresh = [o for o in options if o not in ranked]
        if len(options) > 1:
            irregular.append(Reason.RANK_DUPLICATED)
            names = ", ".join(question.options[o] for o in options)
            reading.notes.append(message("omr.note_preference_shared", rank=rank_index + 1, names=names))
            if rules.stop_at_duplicate:
                stopped = True
        elif options and not fresh:
            irregular.append(Reason.CANDIDATE_RANKED_TWICE)
            reading.notes.append(message("omr.note_also_ranked", option=question.options[options[0]],
                                         rank=rank_index + 1))
            if rules.stop_at_gap:
                stopped = True
        elif not options:
            irregular.append(Reason.RANK_SKIPPED)
            reading.notes.append(message("omr.note_preference_not_given", rank=rank_index + 1))
            if rules.stop_at_gap:
                stopped = True
        if stopped:
            stop_index = rank_index
            break
        if len(fresh) == 1:
            ranked.append(fresh[0])
    # Marks after the stop are still worth telling the adjudicator about (they are not counted).
    if stopped:
        for later in range(stop_index + 1, last_used + 1):
            if any(option in ranked for option in at_rank[later]):
                irregular.append(Reason.CANDIDATE_RANKED_TWICE)
    reading.chosen = tuple(ranked)
    for reason in irregular:
        if reason not in reading.reasons and not rules.count_irregular_without_adjudication:
            reading.reasons.append(reason)
    if last_used < 0 and not doubtful and not question.blank_allowed:
        reading.reasons.append(Reason.NO_MARKS)
    if len(ranked) > question.max_marks > 0 and question.max_marks < len(question.options):
        reading.notes.append(message("omr.note_only_first_count", count=question.max_marks))
    return reading


def interpret(
    questions: Sequence[QuestionBoxes],
    states: Mapping[Hashable, BoxState],
    rules: RankingRules | None = None,
) -> list[QuestionReading]:
    return [
        interpret_ranking(q, states, rules) if q.kind is QuestionKind.RANK else interpret_choose(q, states)
        for q in questions
    ]
