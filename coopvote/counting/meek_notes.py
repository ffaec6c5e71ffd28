"""What a Meek count says at each stage, as keyed notes (``coopvote.counting.notes``) the reports word.

Kept apart from the engine so the count reads as arithmetic; each function returns the English the stage
sheet always printed, with its key and parameters, so the Welsh half is worded from the same facts.
"""

from __future__ import annotations

from collections.abc import Sequence

from coopvote.counting.notes import Note

HWW_LABEL = "Meek STV (Hill, Wichmann & Woodall, Algorithm 123), exact arithmetic"
"""The label of the Meek rule a meeting counts by (``meek.MEEK_EXACT``); other labels name a reference variant."""


def method_label(label: str, precision: int | None, prf: bool) -> Note:
    """The method line of a count's notes: which Meek, and in what arithmetic.

    The meeting's two Meek rules are worded in full in each language; a variant that only reference files
    use (droop's rational or guarded Meek, stv-rs) keeps its own label, which names it.
    """
    if prf:
        return Note(label, "notes.meek_label_prf", label=label, places=precision)
    if precision is None and label == HWW_LABEL:
        return Note(label, "notes.meek_label_exact", label=label)
    return Note(label, "notes.meek_label_variant", label=label, places=precision)


def iteration_limit(limit: int) -> Note:
    return Note(f"iteration limit {limit} reached; surplus treated as stable", "notes.meek_iteration_limit", limit=limit)


def quota_but_reserved(stage: int, candidate: str, why: Note) -> Note:
    return Note(f"stage {stage}: {candidate} reached the quota but is not elected: {why} (seats reserved per class)",
                "notes.quota_but_reserved_why", stage=stage, candidate=candidate, why=why)


def constraint_stage(must: Sequence[str], doomed: Sequence[str], whys: Sequence[Note]) -> Note:
    """The seats reserved per class elected some candidates without the quota, or defeated some."""
    words = []
    if must:
        words.append("elected " + ", ".join(must) + ": the seats left are needed for the seat limits per class")
    if doomed:
        words.append("defeated " + ", ".join(doomed) + ": " + "; ".join(whys))
    key = ("notes.meek_constraint_both" if must and doomed else "notes.meek_constraint_elected" if must
           else "notes.meek_constraint_defeated")
    return Note("Seats reserved per class: " + "; ".join(words), key, elected=list(must), defeated=list(doomed),
                whys=list(whys))


def surplus_stage(status: str, iterations: int) -> Note:
    """Surpluses distributed: how many iterations, and why they stopped."""
    words = f"Surpluses distributed: {iterations} iteration(s)"
    if status == "elected":
        return Note(words + "; quota reached", "notes.meek_surplus_elected", iterations=iterations)
    if status == "batch":
        return Note(words + "; certain losers found", "notes.meek_surplus_batch", iterations=iterations)
    key = "notes.meek_surplus_omega" if status == "omega" else "notes.meek_surplus_stable"
    return Note(words + f"; surplus settled ({status})", key, iterations=iterations)


def exclusion_stage(names: Sequence[str], batch: bool) -> Note:
    joined = ", ".join(names)
    if batch:
        return Note(f"Excluded {joined} (certain losers)", "notes.meek_excluded_batch", candidates=list(names))
    return Note(f"Excluded {joined} (lowest)", "notes.meek_excluded_lowest", candidates=list(names))


def remaining_elected(refused: bool) -> Note:
    if refused:
        return Note("Remaining candidates elected: no more than the unfilled seats (others refused by the seat "
                    "limits per class)", "notes.meek_remaining_elected_refused")
    return Note("Remaining candidates elected: no more than the unfilled seats", "notes.meek_remaining_elected")


def all_seats_filled() -> Note:
    return Note("All seats filled: remaining candidates not elected", "notes.meek_all_filled")
