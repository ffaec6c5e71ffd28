"""Keyed entry: turning what a teller types while reading a paper into the marks the service records.

A resolution is one key (1 For, 2 Against, 3 Abstain). A block or approval paper is the numbers of the
marked candidates. A ranked paper is typed as the teller reads it, down the list of candidates: the
number written beside each one ("3 1 2"; "-" or "0" for a blank box). Those ranks are read into an
order of preference by the same ranking rules the mark reader uses (a duplicated or skipped
preference stops the ranking there), so a keyed paper and a scanned one are read alike.
"""

from __future__ import annotations

import re
from collections.abc import Hashable
from dataclasses import dataclass

from coopvote.ballots.omr_interpret import QuestionBoxes, QuestionKind, interpret_ranking
from coopvote.ballots.omr_marks import BoxState
from coopvote.counting.rules import RANKED_METHODS

BLANKS = {"-", "0", ".", "_"}


@dataclass(frozen=True)
class KeyedMarks:
    """What a keyed line came to: the marks to record, or the problem to tell the teller (English)."""

    marks: tuple[int, ...] = ()
    problem: str = ""
    notes: tuple[str, ...] = ()
    problem_code: str = ""
    """Which problem (``numbers``, ``too-many-ranks``, ``rank-range``), so the screen can say it in Welsh too."""
    problem_args: tuple[int, ...] = ()


def looks_like_code(text: str) -> bool:
    """A scanner's code starts with letters ("CV1-..."); keyed marks are digits, blanks and spaces."""
    return bool(text) and text.strip()[:1].isalpha()


def is_scanned_code(text: str) -> bool:
    """Whether text is surely a coopvote code (a paper, slip or card), not words a person typed."""
    return re.fullmatch(r"CVM?\d+-[A-Z0-9]+(-[A-Z0-9]+)+", text.strip(), flags=re.IGNORECASE) is not None


def numbers(text: str) -> list[int | None] | None:
    """The numbers on a keyed line, None for a blank; None for the whole line if something is not a number."""
    found: list[int | None] = []
    for token in re.split(r"[\s,;]+", text.strip()):
        if not token:
            continue
        if token in BLANKS:
            found.append(None)
        elif token.isdigit():
            found.append(int(token))
        else:
            return None
    return found


def is_ranked(method: str) -> bool:
    return method in RANKED_METHODS


def keyed_marks(text: str, kind: str, method: str, candidates: tuple[str, ...]) -> KeyedMarks:
    """Read a keyed line for a paper of this kind; the service still checks the marks before recording."""
    values = numbers(text)
    count = len(candidates)
    if values is not None and len(values) == 1 and kind != "resolution" and 1 < count <= 9:
        digits = text.strip()
        if digits.isdigit() and len(digits) > 1:
            values = [None if d == "0" else int(d) for d in digits]  # "312": one digit per candidate
    if values is None:
        return KeyedMarks(problem="type numbers only, separated by spaces", problem_code="numbers")
    if kind == "resolution":
        chosen = [v for v in values if v is not None]
        return KeyedMarks(marks=tuple(chosen))
    if not is_ranked(method):
        return KeyedMarks(marks=tuple(v for v in values if v is not None))
    if len(values) > count:
        return KeyedMarks(problem=f"{len(values)} ranks typed for {count} candidates", problem_code="too-many-ranks",
                          problem_args=(len(values), count))
    ranks = values + [None] * (count - len(values))
    if any(r is not None and not 1 <= r <= count for r in ranks):
        return KeyedMarks(problem=f"ranks run from 1 to {count}", problem_code="rank-range", problem_args=(count,))
    grid = tuple(tuple((option, rank) for rank in range(count)) for option in range(count))
    question = QuestionBoxes("keyed", QuestionKind.RANK, candidates, max_marks=count, grid=grid)
    states: dict[Hashable, BoxState] = {
        (option, rank): BoxState.MARKED if ranks[option] == rank + 1 else BoxState.EMPTY
        for option in range(count)
        for rank in range(count)
    }
    reading = interpret_ranking(question, states)
    return KeyedMarks(marks=tuple(c + 1 for c in reading.chosen), notes=tuple(str(note) for note in reading.notes))
