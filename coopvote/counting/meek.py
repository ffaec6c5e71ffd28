"""Meek STV: every ballot is re-read at every iteration, and elected candidates keep only a fraction.

Two named methods, one engine. ``MEEK_EXACT`` is Hill, Wichmann & Woodall's Algorithm 123 in exact
arithmetic: quota = votes held by candidates / (seats + 1), elected when votes *exceed* the quota
(checked once the surplus has settled, and after each exclusion), iterate until the total surplus is
at most 10^-10 or stops falling, then exclude the lowest candidate; ties by seeded lot. Its keep
factors are rounded up at 30 places, because exact ones grow without bound (see ``MeekRule``).
``MEEK_PRF`` is the Proportional Representation Foundation's reference rule: 9 decimal places, quota
truncated at 9 places plus 10^-9, elected at votes >= quota, each candidate's share of a ballot and
each keep-factor update rounded *up* at 9 places, omega 10^-6, one exclusion at a time, ties by
ballot-file order.

The same engine, constructed with other parameters, reproduces droop's parametric Meek (rational,
fixed or guarded arithmetic, optional batch defeat of certain losers) so that coopvote can be checked
against every published reference count; ``rule_for_variant`` maps a reference file's variant tag to
those parameters. Why the precision matters: Voting Matters 12's example elects A, B, X in exact
arithmetic and A, B, Y at 9 places, so the method's arithmetic is part of the rule, not a detail.

Values are integers scaled by 10^places (fixed, guarded) or Fractions (exact); never float.
Iterations per round are capped (``max_iterations``); reaching the cap ends the round as if the
surplus were stable, and the count says so in its notes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Literal

from coopvote.counting import meek_notes
from coopvote.counting.constraints import SeatConstraints
from coopvote.counting.meek_arith import Arith, Fixed, Guarded, Num
from coopvote.counting.model import CountOptions, Election, Outcome, Stage, TieBreak
from coopvote.counting.notes import Note
from coopvote.counting.stv_common import check_seats, clean_rankings, total_value
from coopvote.counting.ties import TieBreaker


@dataclass(frozen=True)
class MeekRule:
    """A Meek count's parameters. ``precision=None`` is exact; ``guard > 0`` is droop's guarded mode.

    ``omega`` is the exponent: iteration stops when the surplus is below 10^-omega. ``prf`` selects the
    PR Foundation's rounding (shares rounded up, surplus strictly below omega); otherwise droop's
    parametric rounding (share and remainder both rounded down, surplus at most omega).
    ``defeat_batch="safe"`` defeats at once every certain loser, as droop's parametric Meek does.
    ``ties="ballot"`` defeats the first tied candidate in ballot-file order (PRF), ``"order"`` the first in
    ``CountOptions.tie_order`` if given, else ballot-file order (droop), ``"lot"`` the first in
    ``tie_order`` if given, else draws lots from the count's seed.

    ``kf_places`` (exact arithmetic only) rounds each updated keep factor *up* at that many places.
    Exact keep factors grow doubly exponentially: on the ERS97 model election their denominators
    pass 370 digits after 15 distributions and the count never finishes. Rounding the keep factor
    up (as NZ and PRF do at 9 places) keeps every vote exact *given* the keep factors, and at 30
    places moves no total by more than 10^-28.
    """

    name: str = "meek"
    precision: int | None = None
    guard: int = 0
    omega: int = 10
    prf: bool = False
    defeat_batch: Literal["none", "safe"] = "none"
    ties: Literal["ballot", "order", "lot"] = "order"
    max_iterations: int = 1000
    kf_places: int | None = None
    elect_in_iteration: bool = True
    label: str = meek_notes.HWW_LABEL

    def _arith(self) -> Arith:
        if self.precision is None:
            return Arith()
        if self.guard > 0:
            return Guarded(self.precision, self.guard)
        return Fixed(self.precision)

    def count(self, election: Election, options: CountOptions) -> Outcome:
        return _MeekCount(self, election, options).run()


MEEK_EXACT = MeekRule(name="meek", ties="lot", kf_places=30, elect_in_iteration=False)
MEEK_PRF = MeekRule(
    name="meek-prf",
    precision=9,
    omega=6,
    prf=True,
    ties="ballot",
    label="Meek STV, PR Foundation reference rule (9 decimal places)",
)


def rule_for_variant(variant: str) -> MeekRule:
    """The rule object matching a reference file's variant tag (droop/stv-rs naming).

    ``meek-o10-rational-d12`` (droop rational, omega 10^-10, batch defeat), ``meek-o9-guarded-p18-g9-d18``,
    ``meek-prf-o6-fixed-p9-d9`` (PRF), ``meek-fixed9-omega6`` (droop/stv-rs fixed 9 places, omega 10^-6)
    and ``meek_hww`` (Algorithm 123, exact, single exclusions).
    """
    parts = variant.split("-")
    if variant in ("meek_hww", "hww"):
        return MEEK_EXACT
    if "prf" in parts:
        return MEEK_PRF
    omega = next((int(p[1:]) for p in parts if p.startswith("o") and p[1:].isdigit()), None)
    if "rational" in parts:
        return MeekRule(name="meek", omega=omega or 10, defeat_batch="safe", label="droop Meek, rational")
    if "guarded" in parts:
        precision = next(int(p[1:]) for p in parts if p.startswith("p") and p[1:].isdigit())
        guard = next(int(p[1:]) for p in parts if p.startswith("g") and p[1:].isdigit())
        return MeekRule(
            name="meek",
            precision=precision,
            guard=guard,
            omega=omega or precision // 2,
            defeat_batch="safe",
            label=f"droop Meek, guarded {precision}+{guard} places",
        )
    if "fixed9" in parts or "fixed" in parts:
        omega6 = next((int(p[5:]) for p in parts if p.startswith("omega")), 6)
        return MeekRule(
            name="meek", precision=9, omega=omega6, label="stv-rs (Droop.py-compatible) Meek, fixed 9 places"
        )
    raise KeyError(f"unknown Meek variant {variant!r}")


class _MeekCount:
    """State of one count; methods follow the PRF reference rule's steps A-C."""

    def __init__(self, rule: MeekRule, election: Election, options: CountOptions) -> None:
        check_seats(election)
        self.rule = rule
        self.e = election
        self.a = rule._arith()
        self.n = len(election.candidates)
        self.ties = TieBreaker(options)
        self.constraints = SeatConstraints.for_count(election, options)
        # Elected by the seat limits per class without the quota: their keep factor never rises above 1
        # and only votes above the quota count as surplus (see ``update_keep_factors``).
        self.below_quota: set[int] = set()
        cleaned = clean_rankings(election)  # blank papers are not votes: left out, as by every rule
        self.ballots = [(r, self.a.of(v), v) for r, v in cleaned if r]
        self.valid = total_value(cleaned)
        self.empty = self.valid - sum((v for _, _, v in self.ballots), Fraction(0))
        # Non-transferable from the start: empty papers, plus (fixed point only) whatever a weighted
        # group's value loses below the last place when scaled, so every stage still adds up.
        placed = sum((self.scaled_value(self.a.one, v, u) for _, u, v in self.ballots), self.a.zero)
        self.unplaced: Num = self.a.of(self.valid) - placed
        self.fast = (
            type(self.a) is Arith
            and rule.kf_places is not None
            and all(v.denominator == 1 for _, _, v in self.ballots)
        )
        self.state = {c: ("withdrawn" if c in election.withdrawn else "hopeful") for c in range(self.n)}
        self.kf: dict[int, Num] = {
            c: (self.a.zero if c in election.withdrawn else self.a.one) for c in range(self.n)
        }
        self.votes: dict[int, Num] = dict.fromkeys(range(self.n), self.a.zero)
        self.residual: Num = self.a.zero
        self.quota: Num = self.a.zero
        self.surplus: Num = self.a.zero
        self.elected: list[int] = []
        self.stages: list[Stage] = []
        self.notes: list[str] = []
        self.omega = self.a.of(Fraction(1, 10**rule.omega))
        self.tie_order = tuple(options.tie_order)

    # -- arithmetic helpers ------------------------------------------------------------------------

    def hopeful(self) -> list[int]:
        return [c for c in range(self.n) if self.state[c] == "hopeful"]

    def seats_left(self) -> int:
        return self.e.seats - len(self.elected)

    def scaled_value(self, per_unit: Num, value: Fraction, units: Num) -> Num:
        """A per-paper amount times a group's value; exact for whole-number groups."""
        if value.denominator == 1:
            return per_unit * value.numerator
        return self.a.mul(per_unit, units)

    def distribute(self) -> None:
        """Step B.2.a: each ballot gives each candidate its keep factor of what is left of it."""
        if self.fast:
            self.distribute_scaled()
            return
        a = self.a
        votes: dict[int, Num] = dict.fromkeys(range(self.n), a.zero)
        residual: Num = a.zero
        for ranking, units, value in self.ballots:
            weight = a.one
            left: Num = self.scaled_value(a.one, value, units)
            for c in ranking:
                kf = self.kf[c]
                if not kf:
                    continue
                if self.rule.prf:
                    keep = a.mul(weight, kf, up=True)
                    weight = weight - keep
                elif a.exact and not isinstance(a, Guarded):
                    keep = weight * kf
                    weight = weight - keep
                else:
                    keep = a.mul(weight, kf)
                    weight = a.mul(weight, a.one - kf)
                share = self.scaled_value(keep, value, units)
                votes[c] += share
                left -= share
                if a.cmp(weight, a.zero) <= 0:
                    break
            residual += left
        self.votes = votes
        self.residual = residual + self.unplaced

    def distribute_scaled(self) -> None:
        """The exact distribution in integers, for keep factors with ``kf_places`` places.

        A paper's remaining weight after passing e elected candidates is a product of e factors
        (10^P - k)/10^P, so at scale 10^(P x seats) every share is a whole number: the same exact
        values as with Fractions, without a gcd per paper (about 20 times faster on 10 000 papers).
        """
        places = self.rule.kf_places or 0
        unit = 10**places
        scale = unit**self.e.seats
        knum = {c: int(Fraction(self.kf[c]) * unit) for c in range(self.n)}
        votes = [0] * self.n
        residual = 0
        for ranking, _, value in self.ballots:
            weight = scale
            papers = value.numerator
            for c in ranking:
                k = knum[c]
                if not k:
                    continue
                keep = weight if k == unit else weight * k // unit
                weight -= keep
                votes[c] += keep * papers
                if weight <= 0:
                    break
            residual += weight * papers
        self.votes = {c: Fraction(votes[c], scale) for c in range(self.n)}
        self.residual = Fraction(residual, scale) + self.unplaced

    def held(self) -> Num:
        return sum(
            (self.votes[c] for c in range(self.n) if self.state[c] in ("hopeful", "elected")), self.a.zero
        )

    def calc_quota(self) -> Num:
        a = self.a
        held = self.held()
        if self.rule.prf or not a.exact:
            return a.divint(held, self.e.seats + 1) + a.epsilon
        return a.divint(held, self.e.seats + 1)

    def has_quota(self, c: int) -> bool:
        if self.a.exact and not self.rule.prf:
            return self.a.cmp(self.votes[c], self.quota) > 0
        return self.a.cmp(self.votes[c], self.quota) >= 0

    # -- stage records -----------------------------------------------------------------------------

    def record(self, action: str, description: str, **extra: object) -> Stage:
        a = self.a
        stage = Stage(
            number=len(self.stages) + 1,
            action=action,
            description=description,
            totals={c: a.out(self.votes[c]) for c in range(self.n) if self.state[c] != "withdrawn"},
            non_transferable=a.out(self.residual),
            exhausted=a.out(self.residual),
            quota=a.out(self.quota),
            keep_factors={c: a.out(self.kf[c]) for c in range(self.n) if self.state[c] != "withdrawn"},
        )
        held = sum((Fraction(v) for v in stage.totals.values()), Fraction(0))
        if held + Fraction(stage.non_transferable) != self.valid:
            # The valid vote itself has more places than the arithmetic (weights like 1/3): keep the
            # sheet adding up exactly by stating the non-transferable vote as an exact fraction.
            stage.non_transferable = self.valid - held
        for key, value in extra.items():
            setattr(stage, key, value)
        self.stages.append(stage)
        return stage

    # -- decisions ---------------------------------------------------------------------------------

    def elect(self, candidates: Sequence[int]) -> list[int]:
        """Elect in ballot-file order, as droop and stv-rs do; the order within one iteration changes nothing."""
        order = sorted(candidates)
        for c in order:
            self.state[c] = "elected"
            self.elected.append(c)
        return order

    def defeat(self, c: int) -> None:
        self.state[c] = "defeated"
        self.kf[c] = self.a.zero

    def break_tie(self, tied: list[int], stage: int) -> int:
        if len(tied) == 1:
            return tied[0]
        if self.rule.ties == "lot" and not self.tie_order:
            return self.ties.choose(
                tied, stage=stage, purpose="exclusion", history=[], prefer="lowest", direction="none"
            )
        order = () if self.rule.ties == "ballot" else self.tie_order
        rank = {c: i for i, c in enumerate(order)}
        chosen = min(tied, key=lambda c: (rank.get(c, len(rank)), c))
        how = Note("given tie order", "notes.tie_given_order") if order else Note("ballot file order", "notes.tie_ballot_order")
        self.ties.records.append(
            TieBreak(stage=stage, purpose="exclusion", tied=sorted(tied), chosen=chosen, how=how)
        )
        return chosen

    def batch_defeat(self) -> list[int]:
        """droop's certain losers: the lowest groups whose votes plus the surplus cannot catch the next."""
        if self.rule.defeat_batch == "none":
            return []
        a = self.a
        ordered = sorted(self.hopeful(), key=lambda c: (Fraction(a.out(self.votes[c])), c))
        groups: list[list[int]] = []
        group: list[int] = []
        base: Num = a.zero
        for c in ordered:
            if a.cmp(base + self.surplus, self.votes[c]) >= 0:
                group.append(c)
            else:
                if group:
                    groups.append(group)
                group = [c]
                base = self.votes[c]
        if group:
            groups.append(group)
        total: Num = a.zero
        max_defeat = len(self.hopeful()) - self.seats_left()
        chosen: int | None = None
        count = 0
        for g in range(len(groups) - 1):
            count += len(groups[g])
            if count > max_defeat or not self.may_defeat([c for group in groups[: g + 1] for c in group]):
                break
            total += sum((self.votes[c] for c in groups[g]), a.zero)
            if a.cmp(total + self.surplus, self.votes[groups[g + 1][0]]) < 0:
                chosen = g
        if chosen is None:
            return []
        return sorted(c for g in groups[: chosen + 1] for c in g)

    def winners(self) -> list[int]:
        found = [c for c in self.hopeful() if self.has_quota(c)]
        return self.constrained_winners(found) if self.constraints.active else found

    def iterate(self) -> tuple[str, list[int], int]:
        """Step B.2: repeat distribution until the surplus is settled (or, droop/PRF, someone is elected).

        HWW (``elect_in_iteration=False``) elects only once the keep factors have settled, which is what
        the OpenTally reference count of the ERS97 model election shows (stage 11: Vicar elected at
        75.16 while the others sit at the quota of 73).
        """
        a = self.a
        last: Num = a.of(self.valid)
        iterations = 0
        while True:
            iterations += 1
            self.distribute()
            self.quota = self.calc_quota()
            winners = self.winners()
            if winners and self.rule.elect_in_iteration:
                return "elected", self.elect(winners), iterations
            surplus = sum((self.votes[c] - self.quota for c in self.elected if c not in self.below_quota), a.zero)
            surplus += sum(
                (self.votes[c] - self.quota for c in self.below_quota if a.cmp(self.votes[c], self.quota) > 0),
                a.zero,
            )
            if self.rule.prf and a.cmp(surplus, a.zero) < 0:
                surplus = a.zero
            self.surplus = surplus
            below = a.cmp(surplus, self.omega) < 0 if self.rule.prf else a.cmp(surplus, self.omega) <= 0
            status = ""
            if below:
                status = "omega"
            elif a.cmp(surplus, last) >= 0:
                status = "stable"
            elif iterations >= self.rule.max_iterations:
                self.notes.append(meek_notes.iteration_limit(self.rule.max_iterations))
                status = "stable"
            if status:
                return ("elected", self.elect(winners), iterations) if winners else (status, [], iterations)
            batch = self.batch_defeat()
            if batch:
                return "batch", batch, iterations
            last = surplus
            for c in self.elected:
                if a.cmp(self.votes[c], a.zero) <= 0:
                    continue  # elected without votes (a class minimum): nothing to keep or pass on
                kf = a.div(a.mul(self.kf[c], self.quota, up=True), self.votes[c], up=True)
                if self.rule.kf_places is not None and isinstance(kf, Fraction):
                    scale = 10**self.rule.kf_places
                    kf = Fraction(-((-kf.numerator * scale) // kf.denominator), scale)
                if c in self.below_quota and a.cmp(kf, a.one) > 0:
                    kf = a.one  # below the quota: keeps every vote it gets, and passes nothing on
                self.kf[c] = kf

    def may_defeat(self, group: list[int]) -> bool:
        """Whether defeating ``group`` together keeps the seat limits per class possible."""
        if not self.constraints.active:
            return True
        return self.constraints.can_exclude(group, self.elected, self.hopeful(), self.seats_left())

    def constrained_winners(self, winners: list[int]) -> list[int]:
        """Elect in vote order only those the class limits allow; say why the others are not."""
        allowed: list[int] = []
        order = sorted(winners, key=lambda c: (-Fraction(self.a.out(self.votes[c])), c))
        for c in order:
            if self.constraints.can_elect(
                c, self.elected + allowed, [h for h in self.hopeful() if h not in allowed],
                self.seats_left() - len(allowed),
            ):
                allowed.append(c)
            else:
                note = meek_notes.quota_but_reserved(
                    len(self.stages) + 1, self.e.candidates[c], self.constraints.why_doomed(c, self.elected + allowed)
                )
                if note not in self.notes:
                    self.notes.append(note)
        return allowed

    def apply_constraints(self) -> None:
        """Seats reserved per class (constraints.py): when the guarded candidates are as many as the
        seats that can still be filled they are elected (keep factor 1 while below the quota);
        otherwise every doomed candidate is defeated (keep factor 0)."""
        if not self.constraints.active:
            return
        must = sorted(self.constraints.must_elect(self.elected, self.hopeful(), self.seats_left()))
        doomed: list[int] = []
        if must:
            self.below_quota.update(c for c in must if not self.has_quota(c))
            self.elect(must)
        if self.seats_left() > 0:
            doomed = sorted(self.constraints.doomed(self.elected, self.hopeful(), self.seats_left()))
        for c in doomed:
            self.defeat(c)
        if doomed or must:
            self.distribute()
            self.quota = self.calc_quota()
            whys = sorted({self.constraints.why_doomed(c, self.elected) for c in doomed})
            words = meek_notes.constraint_stage([self.e.candidates[c] for c in must],
                                                [self.e.candidates[c] for c in doomed], whys)
            self.record("constraint", words, excluded=doomed, elected=must)

    def complete(self) -> bool:
        return len(self.hopeful()) <= self.seats_left() or self.seats_left() <= 0

    def run(self) -> Outcome:
        self.distribute()
        self.quota = self.calc_quota()
        winners = self.winners()
        self.record("first preferences", Note("First preferences", "notes.first_preferences"), elected=self.elect(winners) if winners else [])
        self.apply_constraints()
        while not self.complete():
            status, chosen, iterations = self.iterate()
            if status == "elected":
                self.record("surplus", meek_notes.surplus_stage(status, iterations), elected=chosen)
                self.apply_constraints()
                continue
            self.record("surplus", meek_notes.surplus_stage(status, iterations))
            if status != "batch":
                chosen = [self.lowest()]
            for c in chosen:
                self.defeat(c)
            self.distribute()
            self.quota = self.calc_quota()
            winners = self.winners()
            self.record(
                "exclusion",
                meek_notes.exclusion_stage([self.e.candidates[c] for c in chosen], status == "batch"),
                excluded=list(chosen),
                elected=self.elect(winners) if winners else [],
            )
            self.apply_constraints()
        self.finish()
        return Outcome(
            method=self.rule.name,
            seats=self.e.seats,
            candidates=self.e.candidates,
            elected=list(self.elected),
            stages=self.stages,
            quota=self.stages[0].quota,
            tie_breaks=self.ties.records,
            notes=[meek_notes.method_label(self.rule.label, self.rule.precision, self.rule.prf), *self.notes],
        )

    def lowest(self) -> int:
        """Step B.3: the lowest hopeful, treating as tied everyone within the total surplus of it."""
        a = self.a
        guarded = (
            self.constraints.guarded(self.elected, self.hopeful(), self.seats_left()) if self.constraints.active else set()
        )
        pool = [c for c in self.hopeful() if c not in guarded] or self.hopeful()
        low = min(pool, key=lambda c: Fraction(a.out(self.votes[c])))
        tied = [c for c in pool if a.cmp(self.votes[low] + self.surplus, self.votes[c]) >= 0]
        return self.break_tie(tied, len(self.stages) + 1)

    def finish(self) -> None:
        left = self.hopeful()
        if not left:
            return
        if self.seats_left() > 0:
            if self.constraints.active:
                allowed: list[int] = []
                for c in sorted(left, key=lambda c: (-Fraction(self.a.out(self.votes[c])), c)):
                    if self.constraints.can_elect(
                        c, self.elected + allowed, [h for h in left if h not in allowed], self.seats_left() - len(allowed)
                    ):
                        allowed.append(c)
                refused = [c for c in left if c not in allowed]
                for c in refused:
                    self.defeat(c)
                left = allowed
            else:
                refused = []
            chosen = self.elect(left)
            self.record(
                "elected",
                meek_notes.remaining_elected(bool(refused)),
                elected=chosen,
                excluded=refused,
            )
        else:
            # Totals stay as they were when the last seat was filled (no further transfer).
            self.record("excluded", meek_notes.all_seats_filled(), excluded=left)
            for c in left:
                self.defeat(c)
