"""Settling ties the way the counting rules say, and saying how it was done.

Rules disagree about where to look: Scottish STV (SSI 2007/42 rr. 49, 51) and RCTab's
"previous round counts" look back to the *most recent* earlier stage at which the tied candidates
differed; ERS97 (§5.2.3, §5.2.5) looks for the *earliest* such point. Both fall back to lot.

Lots are drawn from ``random.Random(seed)``, created once per count and drawn in order, so the same
seed replays the same count (a scrutineer can re-run it). ``CountOptions.tie_order`` replaces the draw
with a fixed order when a count must reproduce lots already drawn elsewhere.

Every settled tie is kept as a :class:`TieBreak`, because a declaration must say when lots were used.

Look-back with three or more tied: at the chosen stage only those with the lowest (or highest) vote
stay in the tie; if more than one stays, the look-back carries on from that stage with just them.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping, Sequence
from typing import Literal

from coopvote.counting.model import CountOptions, TieBreak, Value
from coopvote.counting.notes import Note, keyed

Direction = Literal["most_recent", "earliest", "none"]
Prefer = Literal["lowest", "highest"]


def look_back(
    tied: Iterable[int],
    history: Sequence[Mapping[int, Value]],
    *,
    prefer: Prefer,
    direction: Direction,
) -> tuple[list[int], int | None]:
    """Narrow a tie by earlier stage totals.

    ``history[i]`` holds the totals at the end of stage ``i + 1``. Returns the candidates still tied
    (one when the look-back decided) and the stage number that last narrowed the tie, or ``None``.
    Candidates missing from a stage's totals count as zero.
    """
    remaining = sorted(set(tied))
    if direction == "none" or len(remaining) < 2:
        return remaining, None
    order = range(len(history) - 1, -1, -1) if direction == "most_recent" else range(len(history))
    decided_at: int | None = None
    for index in order:
        totals = history[index]
        values = {c: totals.get(c, 0) for c in remaining}
        target = min(values.values()) if prefer == "lowest" else max(values.values())
        narrowed = [c for c in remaining if values[c] == target]
        if len(narrowed) < len(remaining):
            remaining = narrowed
            decided_at = index + 1
            if len(remaining) == 1:
                break
    return remaining, decided_at


class TieBreaker:
    """One per count: holds the lot generator and the record of every tie settled."""

    def __init__(self, options: CountOptions) -> None:
        self.seed = options.seed
        self.tie_order = tuple(options.tie_order)
        self._rng: random.Random | None = None
        self.records: list[TieBreak] = []

    def lot(self, tied: Sequence[int]) -> tuple[int, Note]:
        """Choose one of ``tied`` by the fixed order if given, else by a replayable draw."""
        candidates = sorted(set(tied))
        if self.tie_order:
            rank = {c: i for i, c in enumerate(self.tie_order)}
            chosen = min(candidates, key=lambda c: (rank.get(c, len(rank)), c))
            return chosen, Note("given tie order", "notes.tie_given_order")
        if self._rng is None:
            self._rng = random.Random(self.seed)
        return self._rng.choice(candidates), Note(f"lot (seed {self.seed})", "notes.tie_lot", seed=self.seed)

    def choose(
        self,
        tied: Iterable[int],
        *,
        stage: int,
        purpose: str,
        history: Sequence[Mapping[int, Value]],
        prefer: Prefer,
        direction: Direction,
    ) -> int:
        """Pick the one candidate to act on among ``tied`` (lowest to exclude, highest to go first).

        ``history`` should hold the totals of the stages before the tie, the current totals last;
        the current stage is where they are equal so it never decides.
        """
        tied_list = sorted(set(tied))
        if len(tied_list) == 1:
            return tied_list[0]
        remaining, decided_at = look_back(tied_list, history, prefer=prefer, direction=direction)
        if len(remaining) == 1:
            chosen = remaining[0]
            if direction == "most_recent":
                how: str = Note(f"most recent differing stage {decided_at}", "notes.tie_most_recent", stage=decided_at)
            else:
                how = Note(f"earliest differing stage {decided_at}", "notes.tie_earliest", stage=decided_at)
        else:
            chosen, how = self.lot(remaining)
            if decided_at is not None:
                how = Note(f"stage {decided_at} then {how}", "notes.tie_stage_then_lot", stage=decided_at,
                           then=keyed(how))
        self.records.append(TieBreak(stage=stage, purpose=purpose, tied=tied_list, chosen=chosen, how=how))
        return chosen

    def order(
        self,
        tied: Iterable[int],
        *,
        stage: int,
        purpose: str,
        history: Sequence[Mapping[int, Value]],
        prefer: Prefer,
        direction: Direction,
    ) -> list[int]:
        """Put tied candidates in order by repeated choice (for example, order of election)."""
        left = sorted(set(tied))
        result: list[int] = []
        while len(left) > 1:
            chosen = self.choose(
                left, stage=stage, purpose=purpose, history=history, prefer=prefer, direction=direction
            )
            result.append(chosen)
            left.remove(chosen)
        return result + left
