"""What an ERS97 count says at each stage, as keyed notes (``coopvote.counting.notes``) the reports word.

An ERS97 stage sheet is read by hand, so each stage says a lot: the surplus and its transfer value, the
batches of an exclusion, who was deemed elected and why, where a tie was looked back to. Every piece is a
note with its figures as parameters (two-place decimal strings), and the clauses that follow a stage's
description ride in its ``also`` parameter, so the Welsh half is worded from the same facts as the English.
"""

from __future__ import annotations

from collections.abc import Sequence

from coopvote.counting.notes import Note


def _also(english: str, also: Sequence[Note]) -> str:
    return english + ("; " + "; ".join(also) if also else "")


def point(stage: int, tv: str | None = None) -> Note:
    """A look-back point (§5.2.3): stage 1, or the end of a batch of an exclusion."""
    if tv is None:
        return Note(f"stage {stage}", "notes.ers97_point", stage=stage)
    return Note(f"stage {stage}, batch at {tv}", "notes.ers97_point_batch", stage=stage, tv=tv)


def tie_at_point(at: Note) -> Note:
    return Note(f"earliest differing point: {at}", "notes.ers97_tie_point", point=at)


def tie_point_then(at: Note, then: Note) -> Note:
    return Note(f"{at} then {then}", "notes.ers97_tie_point_then", point=at, then=then)


def doomed_not_deemed(candidate: str, why: Note) -> Note:
    return Note(f"{candidate} reached the quota but may not be deemed elected: {why} (seats reserved per class)",
                "notes.ers97_doomed_not_deemed", candidate=candidate, why=why)


def equal_at_every_point(names: Sequence[str]) -> Note:
    return Note(f"{', '.join(names)} equal at every point with too few places: none deemed elected at this stage "
                "(§5.6.2)", "notes.ers97_equal_every_point", candidates=list(names))


def deemed_first(candidate: str, names: Sequence[str], at: Note) -> Note:
    return Note(f"{candidate} deemed elected first of {', '.join(names)}: more votes at {at} (§5.6.2)",
                "notes.ers97_deemed_first", candidate=candidate, candidates=list(names), point=at)


def reached(candidate: str, votes: str, quota: bool) -> Note:
    if quota:
        return Note(f"{candidate} reached the quota with {votes}", "notes.ers97_reached_quota", candidate=candidate,
                    votes=votes)
    return Note(f"{candidate} reached the total active vote ÷ (places left + 1) with {votes}", "notes.ers97_reached_active",
                candidate=candidate, votes=votes)


def first_stage(valid: str, quota: str, also: Sequence[Note]) -> Note:
    return Note(_also(f"First preferences; total valid vote {valid}, quota {quota}", also), "notes.ers97_first",
                valid=valid, quota=quota, also=list(also))


def transfer_value(surplus: str, papers: str, tv: str) -> Note:
    return Note(f"transfer value {surplus} ÷ {papers} papers = {tv} (truncated)", "notes.ers97_tv", surplus=surplus,
                papers=papers, tv=tv)


def present_value(value: str) -> Note:
    return Note(f"transferable papers worth {value} do not exceed the surplus: each moves at its present value",
                "notes.ers97_present_value", value=value)


def surplus_stage(candidate: str, surplus: str, reason: Note, examined: str, transferable: str, how: Note,
                  credited: str, lost: str, also: Sequence[Note]) -> Note:
    english = (f"Surplus of {candidate} {surplus} ({reason}): {examined} papers examined, {transferable} "
               f"transferable; {how}; credited {credited}, non-transferable {lost}")
    return Note(_also(english, also), "notes.ers97_surplus", candidate=candidate, surplus=surplus, reason=reason,
                examined=examined, transferable=transferable, how=how, credited=credited, lost=lost,
                also=list(also))


def batch(tv: str, credited: str, nt: str) -> Note:
    return Note(f"batch at {tv}: {credited} transferred, {nt} non-transferable", "notes.ers97_batch", tv=tv,
                credited=credited, nt=nt)


def quota_recalculated(quota: str) -> Note:
    return Note(f"quota recalculated to {quota} without the non-transferable vote (§5.4.8)",
                "notes.ers97_quota_recalculated", quota=quota)


def kept(stage: int, candidate: str, votes: str) -> Note:
    return Note(f"stage {stage}: {candidate} kept {votes} (places filled)", "notes.ers97_kept", stage=stage,
                candidate=candidate, votes=votes)


def exclusion_stage(names: Sequence[str], reason: Note, steps: Sequence[Note], also: Sequence[Note]) -> Note:
    english = f"Exclusion of {', '.join(names)} ({reason}); " + "; ".join(steps)
    return Note(_also(english, also), "notes.ers97_exclusion", candidates=list(names), reason=reason, steps=list(steps),
                also=list(also))


def bulk_exclusion(count: int) -> Note:
    return Note(f"bulk exclusion: {count} lowest together, with deferred surpluses, not above the next (§5.2.5)",
                "notes.ers97_bulk", count=count)


def fewest_votes(how: Note | None = None) -> Note:
    if how is None:
        return Note("fewest votes", "notes.ers97_fewest")
    return Note(f"fewest votes; tie settled by {how} (§5.2.5)", "notes.ers97_fewest_tie", how=how)


def largest_surplus(how: Note | None = None) -> Note:
    if how is None:
        return Note("largest surplus", "notes.ers97_largest_surplus")
    return Note(f"equal largest surplus; settled by {how} (§5.2.3)", "notes.ers97_equal_surplus", how=how)


def deferred(reason: Note, wait: Note) -> Note:
    return Note(f"{reason}; surplus transfer deferred: {wait}", "notes.ers97_deferred", reason=reason, wait=wait)


def defer_below_gap(surplus: str, gap: str) -> Note:
    return Note(f"surpluses {surplus} do not exceed the gap {gap} between the two lowest (§5.2.2(a))",
                "notes.ers97_defer_a", surplus=surplus, gap=gap)


def defer_below_group_gap(surplus: str, gap: str, count: int) -> Note:
    return Note(f"surpluses {surplus} do not exceed the gap {gap} between the {count} lowest together and the "
                "candidate next above (§5.2.2(b))", "notes.ers97_defer_b", surplus=surplus, gap=gap, count=count)


def may_not_be_elected(whys: Sequence[Note]) -> Note:
    return Note("they may not be elected: " + "; ".join(whys) + " (seats reserved per class)",
                "notes.ers97_may_not_be_elected", whys=list(whys))


def places_for_limits() -> Note:
    return Note("the places left are needed for the seat limits per class", "notes.ers97_places_for_limits")


def no_more_than_places() -> Note:
    return Note("no more continuing candidates than places left (§5.5.1)", "notes.ers97_no_more_than_places")


def deemed_elected(names: Sequence[str], why: Note, refused: Sequence[str]) -> Note:
    english = f"{', '.join(names)} deemed elected: {why}"
    if refused:
        english += f"; {', '.join(refused)} excluded by the seat limits per class"
    return Note(english, "notes.ers97_deemed_elected" if not refused else "notes.ers97_deemed_elected_refused",
                candidates=list(names), why=why, refused=list(refused))


def exclusion_leaves(names: Sequence[str], reason: Note, rest: Sequence[str]) -> Note:
    return Note(f"Exclusion of {', '.join(names)} ({reason}) would leave as many continuing candidates as places: "
                f"{', '.join(rest)} deemed elected (§5.5.1)", "notes.ers97_exclusion_leaves", candidates=list(names),
                reason=reason, elected=list(rest))


def all_places_filled() -> Note:
    return Note("All places filled: remaining candidates formally excluded (§5.5.2)", "notes.ers97_all_filled")
