"""Counting papers that carry marks, not rankings: the one counter behind the block vote, FPTP and approval.

Add up the value of every paper marking each candidate and take the top N. First past the post (one
seat, one mark), the block vote (as many marks as seats) and approval voting (any number of marks)
differ only in how many marks a paper may carry, so each rule module passes its limit here and no
rule imports another.

Ties for the last seat (or seats) are settled by lot from ``random.Random(options.seed)`` (through
``TieBreaker`` so a fixed ``tie_order`` can replay lots drawn elsewhere), one draw per seat, each
recorded. Per-class seat constraints (constraints.py): seats go in order of votes to candidates who are
not *doomed*, i.e. whose election still leaves every class's minimum and maximum possible; a doomed
candidate is passed over. This greedy choice is the best feasible set: the sets meeting the limits are
the bases of a matroid, so taking the highest candidate who still fits gives the set whose totals,
sorted high to low, are greatest (and the greatest total).
Candidates fill seats even with no votes (an uncontested seat is still filled), in order of votes.
"""

from __future__ import annotations

from fractions import Fraction

from coopvote.counting.constraints import SeatConstraints
from coopvote.counting.model import CountOptions, Election, Outcome, Stage, TieBreak
from coopvote.counting.notes import Note
from coopvote.counting.ties import TieBreaker
from coopvote.errors import InputError


def count_marks(election: Election, options: CountOptions, *, method: str, max_marks: int | None) -> Outcome:
    """Total each candidate's marks by paper value and elect the top ``election.seats``.

    ``max_marks`` is the most marks one paper may carry (None: any number). A paper over the limit, or
    marking a candidate twice or one who does not exist, should have been rejected when it was read, so
    it is an input error here, naming the ballot group.
    """
    if election.seats < 1:
        raise InputError("counting.marks.no_seat", title=election.title or method)
    count = len(election.candidates)
    totals: dict[int, Fraction] = {c: Fraction(0) for c in range(count) if c not in election.withdrawn}
    non_transferable = Fraction(0)
    for index, ballot in enumerate(election.ballots, start=1):
        marks = ballot.ranking
        if len(set(marks)) != len(marks):
            raise InputError("counting.marks.marked_twice", title=election.title or method, group=index)
        if max_marks is not None and len(marks) > max_marks:
            raise InputError("counting.marks.too_many", title=election.title or method, group=index, marks=len(marks),
                             limit=max_marks)
        if any(not 0 <= c < count for c in marks):
            raise InputError("counting.marks.out_of_range", title=election.title or method, group=index)
        if Fraction(ballot.value) < 0:
            raise InputError("counting.marks.negative", title=election.title or method, group=index)
        counted = [c for c in marks if c in totals]
        if not counted:
            non_transferable += Fraction(ballot.value)
        for candidate in counted:
            totals[candidate] += Fraction(ballot.value)

    constraints = SeatConstraints.for_count(election, options)
    breaker = TieBreaker(options)
    elected: list[int] = []
    notes: list[str] = []
    tie_breaks: list[TieBreak] = []
    passed_over: set[int] = set()
    while len(elected) < election.seats:
        seats_left = election.seats - len(elected)
        open_ = [c for c in totals if c not in elected and c not in passed_over]
        doomed = constraints.doomed(elected, open_, seats_left) if constraints.active else set()
        eligible = [c for c in open_ if c not in doomed]
        top = max((totals[c] for c in eligible), default=None)
        for candidate in sorted(doomed):
            # Doomed now means doomed for good: electing one who is not doomed keeps the others so.
            passed_over.add(candidate)
            if top is None or totals[candidate] >= top:
                why = constraints.why_doomed(candidate, elected)
                name = election.candidates[candidate]
                notes.append(Note(f"{name} passed over: {why}", "notes.passed_over", candidate=name, why=why))
        if top is None:
            notes.append(Note(f"{seats_left} seat(s) left unfilled: no eligible candidate remains", "notes.unfilled_no_eligible",
                              seats=seats_left))
            break
        tied = sorted(c for c in eligible if totals[c] == top)
        if len(tied) == 1 or _all_fit(constraints, tied, elected, eligible, seats_left):
            elected.extend(tied)
            continue
        chosen, how = breaker.lot(tied)
        tie_breaks.append(TieBreak(stage=1, purpose="election", tied=tied, chosen=chosen, how=how))
        elected.append(chosen)

    stage = Stage(
        number=1,
        action="round",
        description=_describe(method, election.seats),
        totals=dict(totals),
        non_transferable=non_transferable,
        elected=list(elected),
    )
    return Outcome(
        method=method,
        seats=election.seats,
        candidates=election.candidates,
        elected=elected,
        stages=[stage],
        tie_breaks=tie_breaks,
        notes=notes,
    )


def _all_fit(
    constraints: SeatConstraints, tied: list[int], elected: list[int], eligible: list[int], seats_left: int
) -> bool:
    """Whether every tied candidate can be elected; then the order among them cannot matter.

    Each is checked after the ones before it are elected, against the candidates still open; if the
    whole set fits, every order of electing them fits too (the limits only ask how many per class).
    """
    if len(tied) > seats_left:
        return False
    chosen = list(elected)
    for candidate in tied:
        still_open = [c for c in eligible if c not in chosen]
        if not constraints.can_elect(candidate, chosen, still_open, seats_left - (len(chosen) - len(elected))):
            return False
        chosen.append(candidate)
    return True


def _describe(method: str, seats: int) -> Note:
    if method == "fptp":
        return Note("votes counted; the candidate with the most votes is elected", "notes.plurality_fptp")
    if method == "approval":
        return Note(f"approvals counted; the {seats} candidate(s) with the most approvals are elected",
                    "notes.plurality_approval", seats=seats)
    return Note(f"votes counted; the {seats} candidate(s) with the most votes are elected", "notes.plurality_block",
                seats=seats)
