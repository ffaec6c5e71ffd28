"""Instant-runoff voting (alternative vote): one seat, the lowest candidate out each round.

Each round every paper counts for its highest-ranked continuing candidate. A candidate with more
than half of the papers still counting (exhausted papers left out) is elected; otherwise the
lowest is excluded and their papers move on at full value. With one candidate left, they are elected.

Ties for exclusion look back to the most recent earlier round in which the tied candidates had
different votes, the one then lowest going out, and only if they were equal in every round is a lot
drawn. That is RCTab's ``previousRoundCountsThenRandom`` (its reference case is in the shared test
data), and the same look-back as Scottish STV r. 51. Exclusion is one candidate at a time: batch
elimination (as Minneapolis' own tabulation used) never changes the winner and is not offered.

Weighted papers (class weighting) carry their exact Fraction value throughout.
"""

from __future__ import annotations

from fractions import Fraction

from coopvote.counting.constraints import SeatConstraints
from coopvote.counting.model import CountOptions, Election, Outcome, Stage, Value
from coopvote.counting.notes import Note
from coopvote.counting.stv_common import StageLog, check_seats, clean_rankings, total_value
from coopvote.counting.ties import TieBreaker
from coopvote.errors import RuleError


def _plain(value: Fraction | int) -> Value:
    return value.numerator if value.denominator == 1 else value


class IRV:
    """The registry entry: ``coopvote count --method irv``."""

    name = "irv"

    def count(self, election: Election, options: CountOptions) -> Outcome:
        check_seats(election)
        if election.seats != 1:
            raise RuleError("counting.irv_one_seat", seats=election.seats)
        n = len(election.candidates)
        groups = clean_rankings(election)
        valid = total_value(groups)
        ties = TieBreaker(options)
        log = StageLog(valid)
        constraints = SeatConstraints.for_count(election, options)
        continuing = {c for c in range(n) if c not in election.withdrawn}
        notes: list[str] = []
        if constraints.active:
            blocked = constraints.doomed([], continuing, 1)
            if blocked and blocked != continuing:
                continuing -= blocked
                names = ", ".join(election.candidates[c] for c in sorted(blocked))
                notes.append(Note(f"excluded before counting by the seat limits of their class: {names}",
                                  "notes.excluded_before_count", candidates=names.split(", ")))
        held: dict[int, list[int]] = {c: [] for c in range(n)}
        pos = [0] * len(groups)
        # Whole-number papers are added as ints (Fraction addition is slow); a weighted paper turns the
        # total it joins into a Fraction, exactly.
        amounts: list[Fraction | int] = [v.numerator if v.denominator == 1 else v for _, v in groups]
        tot: dict[int, Fraction | int] = {c: 0 for c in range(n)}
        exhausted: Fraction | int = 0

        def place(g: int) -> None:
            nonlocal exhausted
            ranking = groups[g][0]
            value = amounts[g]
            p = pos[g]
            while p < len(ranking) and ranking[p] not in continuing:
                p += 1
            pos[g] = p
            if p < len(ranking):
                held[ranking[p]].append(g)
                tot[ranking[p]] += value
            else:
                exhausted += value

        for g in range(len(groups)):
            place(g)
        shown = [c for c in range(n) if c not in election.withdrawn]
        elected: list[int] = []
        action, subject = "first preferences", None
        description: str = Note("first preferences counted", "notes.first_preferences")
        before: dict[int, Fraction | int] | None = None
        while True:
            active = Fraction(sum(tot[c] for c in continuing))
            stage = Stage(
                number=0,
                action=action,
                description=description,
                totals={c: _plain(tot[c]) for c in shown},
                transfers={} if before is None else {c: _plain(tot[c] - before[c]) for c in shown if tot[c] != before[c]},
                non_transferable=_plain(exhausted),
                exhausted=_plain(exhausted),
                quota=_plain(active / 2),
                subject=subject,
                excluded=[] if subject is None else [subject],
            )
            log.add(stage)
            log.check_conservation(stage)
            if not continuing:
                notes.append(Note("no candidate is left: the seat is unfilled", "notes.unfilled_none_left"))
                break
            leader = max(continuing, key=lambda c: tot[c])
            if tot[leader] * 2 > active or len(continuing) == 1:
                elected.append(leader)
                stage.elected.append(leader)
                break
            low = min(tot[c] for c in continuing)
            tied = [c for c in continuing if tot[c] == low]
            loser = ties.choose(
                tied, stage=stage.number + 1, purpose="exclusion", history=log.history,
                prefer="lowest", direction="most_recent",
            )
            before = dict(tot)
            continuing.discard(loser)
            moving, held[loser] = held[loser], []
            tot[loser] = 0
            for g in moving:
                pos[g] += 1
                place(g)
            action, subject = "exclusion", loser
            description = Note(f"exclusion of {election.candidates[loser]}", "notes.excluded_lowest",
                               candidate=election.candidates[loser])
        return Outcome(
            method=self.name, seats=1, candidates=election.candidates, elected=elected,
            stages=log.stages, quota=None, tie_breaks=ties.records, notes=notes,
        )


RULE = IRV()
