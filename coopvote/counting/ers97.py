"""ERS97 STV: the Electoral Reform Society's 1997 rules for a hand count, followed to the letter.

"How to conduct an election by the Single Transferable Vote", 3rd edition (1997), §§5-6. A co-op's
rules often name this method because its result sheet can be checked by hand: every value is to two
decimal places, surpluses move only the last batch of papers received, transfer values are
truncated and the lost hundredths are shown as non-transferable. The count here keeps integer
hundredths so that its stage sheet is the one a returning officer would write.

Choices where the text is open are listed in docs/counting-ers97-meek.md; in short:

* look-back points for ties (§5.2.3, §5.2.5, §5.6.2) are stage 1 and the end of every batch
  (each surplus transfer is one batch; an exclusion has one batch per transfer value);
* the §5.4.8 quota reduction is applied after each exclusion batch while nobody is elected;
* within one stage candidates are deemed elected in descending order of votes, ties by §5.6.2;
* after a surplus transfer the elected candidate keeps exactly the quota: the rounding loss and
  any surplus left on papers with no next preference are non-transferable (§5.3.9-10);
* a weighted group's value is truncated to two places at the first stage (class weights such as 1/3);
  what is cut off is shown as rounding loss, so the sheet still adds up to the exact valid vote;
* a paper marked only for withdrawn candidates counts in the total valid vote and is
  non-transferable from the start; a blank paper (no preference at all) is not a vote and is left
  out, as by every rule here (docs/counting-stv.md, "Blank papers").
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction

from coopvote.counting import ers97_notes as words
from coopvote.counting.constraints import SeatConstraints
from coopvote.counting.ers97_parts import (
    Batch,
    Parcel,
    ers_quota,
    exclusion_group,
    hundredths,
    may_defer,
    paper_value,
    transfer_value,
)
from coopvote.counting.model import CountOptions, Election, Outcome, Stage, TieBreak, decimal_string
from coopvote.counting.notes import Note
from coopvote.counting.stv_common import check_seats, clean_rankings, total_value
from coopvote.counting.ties import Prefer, TieBreaker, look_back


@dataclass(frozen=True)
class ERS97Rule:
    name: str = "ers97"

    def count(self, election: Election, options: CountOptions) -> Outcome:
        return _ERS97Count(election, options).run()


RULE = ERS97Rule()


class _ERS97Count:
    def __init__(self, election: Election, options: CountOptions) -> None:
        check_seats(election)
        self.e = election
        self.n = len(election.candidates)
        self.groups: list[tuple[tuple[int, ...], int]] = []
        cleaned = clean_rankings(election)
        for ranking, value in cleaned:
            scaled = value * 100
            self.groups.append((ranking, scaled.numerator // scaled.denominator))
        # The valid vote is exact and leaves blank papers out, as every rule does; a weighted group's
        # value below the second place (class weights such as 1/3) cannot enter a two-place count, and
        # is shown as rounding loss from the first stage.
        self.valid = total_value(cleaned)
        self.valid_h = sum(p for _, p in self.groups)
        self.initial_loss = self.valid - Fraction(self.valid_h, 100)
        self.state = {c: ("withdrawn" if c in election.withdrawn else "continuing") for c in range(self.n)}
        self.votes: dict[int, int] = {c: 0 for c in range(self.n) if self.state[c] == "continuing"}
        self.batches: dict[int, list[Batch]] = {c: [] for c in self.votes}
        self.elected: list[int] = []
        self.elected_stage: dict[int, int] = {}
        self.pending: list[int] = []  # elected, surplus not yet transferred
        self.nt_h = 0  # value of non-transferable papers
        self.loss_h = 0  # non-transferable difference from truncation (§6.11)
        self.quota = ers_quota(self.valid * 100, election.seats)
        self.stages: list[Stage] = []
        self.history: list[dict[int, int]] = []  # look-back points: stage 1 and after every batch
        self.labels: list[Note] = []
        self.ties = TieBreaker(options)
        self.constraints = SeatConstraints.for_count(election, options)
        self.notes: list[str] = []

    # -- helpers -----------------------------------------------------------------------------------

    def continuing(self) -> list[int]:
        return [c for c in self.votes if self.state[c] == "continuing"]

    def seats_left(self) -> int:
        return self.e.seats - len(self.elected)

    def next_preference(self, group: int, skip: Iterable[int] = ()) -> int | None:
        """§6.10: the first preference for a continuing candidate (the paper has passed all others)."""
        skipped = set(skip)
        for c in self.groups[group][0]:
            if self.state.get(c) == "continuing" and c not in skipped:
                return c
        return None

    def surplus(self, c: int) -> int:
        return max(self.votes[c] - self.quota, 0)

    def mark(self, label: Note) -> None:
        """A look-back point (§5.2.3: stage 1 and the end of every batch), named for the record."""
        self.history.append(dict(self.votes))
        self.labels.append(label)

    def record(self, action: str, description: str, before: dict[int, int], **extra: object) -> Stage:
        stage = Stage(
            number=len(self.stages) + 1,
            action=action,
            description=description,
            totals={c: hundredths(v) for c, v in self.votes.items()},
            transfers={
                c: hundredths(self.votes[c] - before.get(c, 0))
                for c in self.votes
                if self.votes[c] != before.get(c, 0)
            },
            non_transferable=hundredths(self.nt_h),
            exhausted=hundredths(self.nt_h),
            rounding_loss=hundredths(self.loss_h)
            if not self.initial_loss
            else Fraction(self.loss_h, 100) + self.initial_loss,
            quota=hundredths(self.quota),
        )
        for key, value in extra.items():
            setattr(stage, key, value)
        self.stages.append(stage)
        return stage

    # -- election (§5.1.7, §5.3.13, §5.4.9, §5.6.2) -----------------------------------------------------

    def threshold_met(self, c: int) -> bool:
        """Votes reach the quota, or the total active vote ÷ (unfilled places + 1) if that is lower."""
        votes = self.votes[c]
        if votes >= self.quota:
            return True
        # §6.20: continuing candidates' votes plus votes awaiting transfer: surpluses, and papers of
        # candidates being excluded that have not moved yet (later batches of this exclusion).
        awaiting = sum(v for x, v in self.votes.items() if self.state[x] == "excluded")
        active = (
            sum(self.votes[x] for x in self.continuing())
            + sum(self.surplus(x) for x in self.pending)
            + awaiting
        )
        return votes > 0 and votes * (self.seats_left() + 1) >= active

    def deem_elected(self, stage_number: int, why: list[Note]) -> list[int]:
        newly: list[int] = []
        while self.seats_left() > 0:
            reaching = [c for c in self.continuing() if self.threshold_met(c)]
            if self.constraints.active:
                doomed = self.constraints.doomed(self.elected, self.continuing(), self.seats_left())
                for c in sorted(set(reaching) & doomed):
                    text = words.doomed_not_deemed(self.e.candidates[c], self.constraints.why_doomed(c, self.elected))
                    if text not in why:
                        why.append(text)
                reaching = [c for c in reaching if c not in doomed]
            if not reaching:
                break
            top = max(self.votes[c] for c in reaching)
            tied = sorted(c for c in reaching if self.votes[c] == top)
            if len(tied) > 1 and len([c for c in reaching if self.votes[c] >= top]) > self.seats_left():
                remaining, at = look_back(tied, self.history, prefer="highest", direction="earliest")
                names = [self.e.candidates[c] for c in tied]
                if len(remaining) > 1:
                    why.append(words.equal_at_every_point(names))
                    break
                self.ties.records.append(
                    TieBreak(
                        stage=stage_number,
                        purpose="election",
                        tied=tied,
                        chosen=remaining[0],
                        how=words.tie_at_point(self.labels[(at or 1) - 1]),
                    )
                )
                why.append(words.deemed_first(self.e.candidates[remaining[0]], names, self.labels[(at or 1) - 1]))
                tied = remaining
            chosen = tied[0]
            self.state[chosen] = "elected"
            self.elected.append(chosen)
            self.elected_stage[chosen] = stage_number
            newly.append(chosen)
            why.append(words.reached(self.e.candidates[chosen], str(hundredths(self.votes[chosen])),
                                     self.votes[chosen] >= self.quota))
            if self.votes[chosen] > self.quota:
                self.pending.append(chosen)
        return newly

    # -- stages ------------------------------------------------------------------------------------

    def first_stage(self) -> None:
        batches: dict[int, Batch] = {}
        for g, (_ranking, papers) in enumerate(self.groups):
            first = self.next_preference(g)
            if first is None:
                self.nt_h += papers
                continue
            batches.setdefault(first, Batch(stage=1, tv=100)).parcels.append(Parcel(g, papers, 100))
            self.votes[first] += papers
        for c, batch in batches.items():
            self.batches[c].append(batch)
        self.mark(words.point(1))
        why: list[Note] = []
        elected = self.deem_elected(1, why)
        self.record(
            "first preferences",
            words.first_stage(decimal_string(self.valid, 2), str(hundredths(self.quota)), why),
            {},
            elected=elected,
        )

    def transfer_surplus(self, c: int, reason: Note) -> None:
        """§5.3: all papers if elected at stage 1, else only the last batch received."""
        before = dict(self.votes)
        stage_number = len(self.stages) + 1
        surplus = self.surplus(c)
        self.pending.remove(c)
        examined = (
            [p for b in self.batches[c] for p in b.parcels]
            if self.elected_stage[c] == 1
            else list(self.batches[c][-1].parcels)
        )
        moving: dict[int, list[Parcel]] = {}
        for parcel in examined:
            dest = self.next_preference(parcel.group)
            if dest is not None:
                moving.setdefault(dest, []).append(parcel)
        papers_h = sum(p.papers_h for ps in moving.values() for p in ps)
        value_h = sum(p.value for ps in moving.values() for p in ps)
        credited = 0
        if value_h > surplus:
            tv = transfer_value(surplus, papers_h)
            for dest, parcels in moving.items():
                tv_here = min(tv, min(p.tv for p in parcels))
                share = paper_value(sum(p.papers_h for p in parcels), tv_here)
                self.batches[dest].append(
                    Batch(stage_number, tv_here, [Parcel(p.group, p.papers_h, tv_here) for p in parcels])
                )
                self.votes[dest] += share
                credited += share
            self.loss_h += surplus - credited
            tv_text = words.transfer_value(str(hundredths(surplus)), str(hundredths(papers_h)), str(hundredths(tv)))
        else:
            tv = max((p.tv for ps in moving.values() for p in ps), default=0)
            for dest, parcels in moving.items():
                share = sum(p.value for p in parcels)
                self.batches[dest].append(
                    Batch(stage_number, tv, [Parcel(p.group, p.papers_h, p.tv) for p in parcels])
                )
                self.votes[dest] += share
                credited += share
            self.nt_h += surplus - credited
            tv_text = words.present_value(str(hundredths(value_h)))
        self.votes[c] = self.quota
        self.mark(words.point(stage_number))
        why: list[Note] = []
        elected = self.deem_elected(stage_number, why)
        lost = surplus - credited
        self.record(
            "surplus",
            words.surplus_stage(self.e.candidates[c], str(hundredths(surplus)), reason,
                                str(hundredths(sum(p.papers_h for p in examined))), str(hundredths(papers_h)), tv_text,
                                str(hundredths(credited)), str(hundredths(lost)), why),
            before,
            subject=c,
            transfer_value=hundredths(tv),
            elected=elected,
        )

    def exclude(self, group: list[int], reason: Note) -> None:
        """§5.4: move the excluded candidates' papers in batches, highest transfer value first."""
        before = dict(self.votes)
        stage_number = len(self.stages) + 1
        for c in group:
            self.state[c] = "excluded"
        parcels = [(c, p) for c in group for b in self.batches[c] for p in b.parcels]
        values = sorted({p.tv for _, p in parcels}, reverse=True)
        why: list[Note] = []
        elected: list[int] = []
        steps: list[Note] = []
        for tv in values:
            if self.seats_left() <= 0:
                break  # §5.5.2: no further transfers once the places are filled
            moving: dict[int, list[Parcel]] = {}
            nt = 0
            taken = 0
            for holder, parcel in parcels:
                if parcel.tv != tv:
                    continue
                self.votes[holder] -= parcel.value
                taken += parcel.value
                dest = self.next_preference(parcel.group)
                if dest is None:
                    nt += parcel.value
                else:
                    moving.setdefault(dest, []).append(parcel)
            credited = 0
            for dest, ps in moving.items():
                share = paper_value(sum(p.papers_h for p in ps), tv)
                self.batches[dest].append(
                    Batch(stage_number, tv, [Parcel(p.group, p.papers_h, tv) for p in ps])
                )
                self.votes[dest] += share
                credited += share
            self.nt_h += nt
            self.loss_h += taken - credited - nt
            steps.append(words.batch(str(hundredths(tv)), str(hundredths(credited)), str(hundredths(nt))))
            if not self.elected and self.nt_h + self.loss_h > 0:
                lower = ers_quota(self.valid * 100 - self.nt_h - self.loss_h, self.e.seats)
                if lower < self.quota:
                    self.quota = lower
                    why.append(words.quota_recalculated(str(hundredths(lower))))
            self.mark(words.point(stage_number, str(hundredths(tv)) if len(values) > 1 else None))
            elected += self.deem_elected(stage_number, why)
        for c in group:
            if self.votes[c]:
                self.notes.append(words.kept(stage_number, self.e.candidates[c], str(hundredths(self.votes[c]))))
        self.record(
            "exclusion",
            words.exclusion_stage([self.e.candidates[c] for c in group], reason, steps, why),
            before,
            subject=group[0] if len(group) == 1 else None,
            excluded=list(group),
            elected=elected,
        )

    # -- choosing ----------------------------------------------------------------------------------

    def protected(self) -> frozenset[int]:
        """Guarded candidates: excluding any one of them would make the seat limits impossible."""
        if not self.constraints.active:
            return frozenset()
        return frozenset(self.constraints.guarded(self.elected, self.continuing(), self.seats_left()))

    def may_exclude(self, group: list[int]) -> bool:
        """Whether excluding ``group`` together keeps the seat limits possible (checked as a set)."""
        if not self.constraints.active:
            return True
        return self.constraints.can_exclude(group, self.elected, self.continuing(), self.seats_left())

    def choose_exclusion(self, deferred: int) -> tuple[list[int], Note]:
        continuing = self.continuing()
        protected = self.protected()
        group = exclusion_group(self.votes, continuing, self.seats_left(), deferred, protected, self.may_exclude)
        if group:
            return group, words.bulk_exclusion(len(group))
        pool = [c for c in continuing if c not in protected] or continuing
        low = min(self.votes[c] for c in pool)
        tied = [c for c in pool if self.votes[c] == low]
        if len(tied) == 1:
            return tied, words.fewest_votes()
        chosen = self.settle_tie(tied, "exclusion", "lowest")
        return [chosen], words.fewest_votes(self.how_last_tie())

    def choose_surplus(self) -> tuple[int, Note]:
        top = max(self.surplus(c) for c in self.pending)
        tied = [c for c in self.pending if self.surplus(c) == top]
        if len(tied) == 1:
            return tied[0], words.largest_surplus()
        chosen = self.settle_tie(tied, "surplus order", "highest")
        return chosen, words.largest_surplus(self.how_last_tie())

    def how_last_tie(self) -> Note:
        """How the tie just settled was settled, as the note its record holds."""
        how = self.ties.records[-1].how
        return how if isinstance(how, Note) else Note(how, "notes.plain", text=how)

    def settle_tie(self, tied: list[int], purpose: str, prefer: Prefer) -> int:
        """§5.2.3/§5.2.5: the earliest look-back point where they differed, else lot; recorded."""
        remaining, at = look_back(tied, self.history, prefer=prefer, direction="earliest")
        if len(remaining) == 1:
            chosen, how = remaining[0], words.tie_at_point(self.labels[(at or 1) - 1])
        else:
            chosen, lot = self.ties.lot(remaining)
            how = words.tie_point_then(self.labels[at - 1], lot) if at is not None else lot
        self.ties.records.append(
            TieBreak(stage=len(self.stages) + 1, purpose=purpose, tied=sorted(tied), chosen=chosen, how=how)
        )
        return chosen

    def constraint_step(self) -> bool:
        """Seats reserved per class (constraints.py): guarded candidates are deemed elected when they are
        as many as the places that can still be filled; otherwise doomed ones are formally excluded."""
        if not self.constraints.active:
            return False
        continuing = self.continuing()
        must = sorted(self.constraints.must_elect(self.elected, continuing, self.seats_left()))
        if must:
            self.elect_all(must, words.places_for_limits())
            return True
        doomed = sorted(self.constraints.doomed(self.elected, continuing, self.seats_left()))
        if doomed:
            reasons = sorted({self.constraints.why_doomed(c, self.elected) for c in doomed})
            self.exclude(doomed, words.may_not_be_elected(reasons))
            return True
        return False

    def settle(self, candidates: list[int]) -> tuple[list[int], list[int]]:
        """Deem elected in descending order of votes; any the class limits refuse are excluded."""
        chosen: list[int] = []
        refused: list[int] = []
        for c in sorted(candidates, key=lambda x: -self.votes[x]):
            allowed = not self.constraints.active or self.constraints.can_elect(
                c, self.elected, self.continuing(), self.seats_left()
            )
            if allowed and self.seats_left() > 0:
                self.state[c] = "elected"
                self.elected.append(c)
                self.elected_stage[c] = len(self.stages) + 1
                chosen.append(c)
            else:
                self.state[c] = "excluded"
                refused.append(c)
        return chosen, refused

    def elect_all(self, candidates: list[int], why: Note) -> None:
        before = dict(self.votes)
        chosen, refused = self.settle(candidates)
        text = words.deemed_elected([self.e.candidates[c] for c in chosen], why, [self.e.candidates[c] for c in refused])
        self.record("elected", text, before, elected=chosen, excluded=refused)

    def run(self) -> Outcome:
        self.first_stage()
        while self.seats_left() > 0:
            continuing = self.continuing()
            if not continuing:
                break
            if self.constraint_step():
                continue
            if len(continuing) <= self.seats_left():
                self.elect_all(continuing, words.no_more_than_places())
                break
            deferred = sum(self.surplus(c) for c in self.pending)
            wait = ""
            if self.pending:
                wait = may_defer(
                    self.votes, continuing, self.seats_left(), deferred, self.protected(), self.may_exclude
                )
                if not wait:
                    c, reason = self.choose_surplus()
                    self.transfer_surplus(c, reason)
                    continue
            group, reason = self.choose_exclusion(deferred)
            if self.pending and isinstance(wait, Note):
                reason = words.deferred(reason, wait)
            if len(continuing) - len(group) == self.seats_left():
                before = dict(self.votes)
                for c in group:
                    self.state[c] = "excluded"
                rest, refused = self.settle(self.continuing())
                self.record(
                    "exclusion",
                    words.exclusion_leaves([self.e.candidates[c] for c in group], reason,
                                           [self.e.candidates[c] for c in rest]),
                    before,
                    excluded=list(group) + refused,
                    elected=rest,
                )
                break
            self.exclude(group, reason)
        left = self.continuing()
        if left and self.seats_left() <= 0:
            for c in left:
                self.state[c] = "excluded"
            self.record(
                "excluded",
                words.all_places_filled(),
                dict(self.votes),
                excluded=left,
            )
        return Outcome(
            method="ers97",
            seats=self.e.seats,
            candidates=self.e.candidates,
            elected=list(self.elected),
            stages=self.stages,
            quota=self.stages[0].quota,
            tie_breaks=self.ties.records,
            notes=self.notes,
        )
