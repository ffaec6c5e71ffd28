"""Recount an item from its exported ballots and definition alone, with the counting rules.

This is the verifier's own path from papers to result: it never reads the meeting file, only the
ballots CSV and the item's definition in results.json, and calls ``coopvote.counting`` directly. Its
answer is then compared field by field with the declared result, so a fault anywhere between the scan
and the declaration (a lost row, a wrong class, a changed mark, a mis-stored figure) shows up as a named
discrepancy.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from fractions import Fraction
from typing import Any

from coopvote.counting.blt import MAX_SEATS
from coopvote.counting.item_rules import item_resolution_rules
from coopvote.counting.model import Ballot, CountOptions, Election, decimal_string
from coopvote.counting.privacy import class_groups, classes_in_group, merge_figures, weight_ignores_class
from coopvote.counting.register_base import REGISTER_SETTING
from coopvote.counting.resolutions import (
    ClassTally,
    ResolutionResult,
    ResolutionTally,
    count_resolution,
)
from coopvote.counting.rules import RANKED_METHODS, get_rule
from coopvote.counting.sources import amended_marks, amendment_rule, directed_votes
from coopvote.counting.weighting import WeightingScheme, weigh_ballots
from coopvote.errors import CoopvoteError, InputError
from coopvote.export.bands import band_figures
from coopvote.export.content import BallotRow, scheme_of
from coopvote.messages import Message, message


def _scheme(definition: dict[str, Any]) -> WeightingScheme:
    return scheme_of(definition)


def _general(definition: dict[str, Any]) -> dict[str, Any]:
    rules = definition.get("rules", {})
    general = rules.get("rules", {}) if isinstance(rules, dict) else {}
    return general if isinstance(general, dict) else {}


def _per_member(definition: dict[str, Any]) -> bool:
    scheme = _scheme(definition)
    return scheme.kind == "fixed-value" and scheme.per_member


def _paper_value(ballot: BallotRow, per_member: bool, definition: dict[str, Any]) -> Fraction:
    """What one paper counts before class weighting: its band value under ``per_member``, else 1."""
    if not per_member:
        return Fraction(1)
    if ballot.value is None:
        raise InputError("export.paper_without_value", item=definition.get("number"), serial=ballot.serial)
    return ballot.value


def attribute_groups(definition: dict[str, Any], ballots: list[BallotRow]) -> tuple[list[BallotRow], dict[str, str] | None]:
    """Papers published under a merged group (``A+INV``, ``*``) counted as the group's first class.

    Only where a paper's weight does not depend on its class, so the count is the same; the per-class
    figures are merged back into the groups afterwards. Returns the papers and the groups the labels
    name (None when every paper carries its own class).
    """
    classes: list[str] = list(definition["classes"])
    groups: dict[str, str] = {}
    attributed: list[BallotRow] = []
    for ballot in ballots:
        if ballot.class_code in classes:
            attributed.append(ballot)
            continue
        members = classes_in_group(ballot.class_code, classes)
        if members is None:
            raise InputError(
                "export.paper_unknown_class", item=definition.get("number"), serial=ballot.serial,
                class_code=ballot.class_code,
            )
        if not weight_ignores_class(_scheme(definition)):
            raise InputError(
                "export.paper_merged_class", item=definition.get("number"), serial=ballot.serial,
                class_code=ballot.class_code,
            )
        groups.update({code: ballot.class_code for code in members})
        attributed.append(replace(ballot, class_code=members[0]))
    if not groups:
        return attributed, None
    return attributed, {code: groups.get(code, code) for code in classes}


def counted_ballots(definition: dict[str, Any], ballots: list[BallotRow]) -> list[BallotRow]:
    """The papers as the count takes them: advance papers after the item's amendment rule, then one row per
    directed proxy vote (serial 0: a vote without a paper), from the tally the definition publishes, with
    the value band its key carries (``per_member``), so it weighs and is banded as the member's paper would."""
    number = int(definition.get("number", 0))
    advance = {int(s) for s in definition.get("advance_serials", [])}
    rule = amendment_rule(definition.get("settings", {}))
    counted: list[BallotRow] = []
    for ballot in ballots:
        if ballot.serial in advance and ballot.valid:
            marks = amended_marks(ballot.marks, rule)
            if marks is None:
                continue
            ballot = replace(ballot, marks=marks)  # keeps its value band: an advance paper weighs as any other
        counted.append(ballot)
    directed = definition.get("directed") or {}
    if not isinstance(directed, dict):
        raise InputError("export.directed_not_table", item=number)
    classes = list(definition["classes"])
    per_member = _per_member(definition)
    for vote in directed_votes(directed, number):
        if vote.class_code not in classes and classes_in_group(vote.class_code, classes) is None:
            raise InputError("export.directed_unknown_class", item=number, class_code=vote.class_code)
        if per_member and vote.value is None:
            raise InputError("advance.directed_without_band", item=number, class_code=vote.class_code,
                             marks=" ".join(map(str, vote.marks)))  # fmt: skip
        if not per_member and vote.value is not None:
            raise InputError("advance.directed_band_unexpected", item=number, class_code=vote.class_code, value=vote.value)
        counted.append(BallotRow(number, vote.class_code, 0, True, "", vote.marks, vote.value))
    return counted


def sources_problem(
    definition: dict[str, Any], reconciliation: list[dict[str, Any]], ballots: list[BallotRow]
) -> Message | None:
    """Where the reconciliation's advance papers and directed votes per class disagree with the archive's own
    ballots and directed tally, or None. A reconciliation without sources (a meeting held in the room) passes."""
    advance = {int(s) for s in definition.get("advance_serials", [])}
    directed = definition.get("directed") or {}
    classes = list(definition["classes"])
    for row in reconciliation:
        sources = row.get("sources")
        if not isinstance(sources, dict):
            continue
        code = str(row.get("class"))
        # A merged row (A+INV) covers its classes, whether the papers and tally carry the group or each class.
        covered = {code, *(classes_in_group(code, classes) or [])}
        papers = sum(1 for b in ballots if b.class_code in covered and b.serial in advance)
        if int(sources.get("advance_papers", 0)) != papers:
            return message("verify.sources_advance", class_code=code, said=sources.get("advance_papers"), papers=papers)
        votes = sum(int(n) for label in covered for n in dict(directed.get(label, {})).values())
        if int(sources.get("directed_votes", 0)) != votes:
            return message("verify.sources_directed", class_code=code, said=sources.get("directed_votes"), votes=votes)
    return None


def election_of(
    definition: dict[str, Any], ballots: list[BallotRow], *, counted: bool = False
) -> tuple[Election, CountOptions]:
    """The weighted election exactly as counted, from the valid papers grouped by class.

    ``counted`` says the ballots already went through ``counted_ballots`` (directed votes added).
    """
    if not counted:
        ballots = counted_ballots(definition, ballots)
    ballots, _groups = attribute_groups(definition, ballots)
    classes: list[str] = list(definition["classes"])
    by_value = _per_member(definition)
    groups: dict[str, list[Ballot]] = {}
    for code in classes:
        grouped: dict[tuple[int, ...], Fraction] = {}
        for b in ballots:
            if b.valid and b.class_code == code:
                ranking = tuple(m - 1 for m in b.marks)
                grouped[ranking] = grouped.get(ranking, Fraction(0)) + _paper_value(b, by_value, definition)
        groups[code] = [Ballot(ranking, n) for ranking, n in sorted(grouped.items())]
    weighted = weigh_ballots(_scheme(definition), groups) if any(groups.values()) else ()
    candidates = definition["candidates"]
    reserved = definition.get("settings", {}).get("reserved") or {}
    seed = definition.get("settings", {}).get("seed")
    options = CountOptions(
        seed=int(seed) if seed is not None else 0,
        candidate_groups={i: c["class"] for i, c in enumerate(candidates) if c.get("class")},
        min_seats={k: int(v["min"]) for k, v in dict(reserved).items() if "min" in v},
        max_seats={k: int(v["max"]) for k, v in dict(reserved).items() if "max" in v},
    )
    seats = int(definition["seats"])
    if not 1 <= seats <= MAX_SEATS:
        raise InputError("export.seats_unfit", item=definition.get("number"), seats=seats)
    election = Election(
        candidates=tuple(c["name"] for c in candidates),
        seats=seats,
        ballots=tuple(weighted),
        withdrawn=frozenset(i for i, c in enumerate(candidates) if c.get("withdrawn")),
        title=definition["title"]["en"],
    )
    return election, options


def recount(definition: dict[str, Any], ballots: list[BallotRow]) -> dict[str, Any]:
    """The comparable figures of one item, in the shape of the declared summary's fields."""
    number = definition.get("number")
    for ballot in ballots:
        if ballot.item != number:
            raise InputError("export.paper_other_item", item=number, serial=ballot.serial, marked=ballot.item)
    serials = Counter(b.serial for b in ballots)
    doubled = sorted(s for s, n in serials.items() if n > 1)
    if doubled:
        raise InputError("export.paper_twice", item=number, serial=doubled[0], times=serials[doubled[0]])
    # Directed votes first (their tally may carry a merged group's label too), then groups to their first class.
    ballots, labelled = attribute_groups(definition, counted_ballots(definition, ballots))
    papers = {code: sum(1 for b in ballots if b.class_code == code) for code in definition["classes"]}
    valid = {code: sum(1 for b in ballots if b.class_code == code and b.valid) for code in definition["classes"]}
    rejected = Counter(b.reason or "rejected" for b in ballots if not b.valid)
    groups = labelled if labelled is not None else published_groups(definition, papers)
    figures: dict[str, Any] = {
        "papers_by_class": merge_figures(papers, groups),
        "valid_by_class": merge_figures(valid, groups),
        "rejected_by_reason": dict(rejected),
    }
    try:
        if definition["kind"] == "resolution":
            figures.update(_resolution(definition, ballots, papers, groups))
        else:
            figures.update(_election(definition, ballots, papers, groups))
        figures.update(band_figures(definition, ballots))
    except CoopvoteError as error:
        raise InputError("export.recount_failed", item=number, detail=error.message) from None
    return figures


def published_groups(definition: dict[str, Any], papers: dict[str, int]) -> dict[str, str]:
    """The same merging of small classes the meeting published, worked out again from the papers alone."""
    minimum = int(_general(definition).get("privacy_minimum", _scheme(definition).privacy_minimum))
    chosen = definition.get("settings", {}).get("show_small_classes")
    return class_groups(papers, minimum, show_all=bool(chosen))


def resolution_weighted_totals(definition: dict[str, Any], ballots: list[BallotRow]) -> list[str]:
    """Exact weighted totals for, against and abstaining (each truncated once, not summed from truncations)."""
    ballots, _groups = attribute_groups(definition, counted_ballots(definition, ballots))
    papers = {code: sum(1 for b in ballots if b.class_code == code) for code in definition["classes"]}
    result = _resolution_result(definition, ballots, papers)
    total = result.total
    return [decimal_string(v, 6) for v in (total.weighted_for, total.weighted_against, total.weighted_abstentions)]


def _resolution(
    definition: dict[str, Any], ballots: list[BallotRow], papers: dict[str, int], groups: dict[str, str]
) -> dict[str, Any]:
    option_papers: list[dict[str, int]] = [{}, {}, {}]
    for code in papers:
        marks = Counter(b.marks[0] for b in ballots if b.valid and b.class_code == code and len(b.marks) == 1)
        for option in (1, 2, 3):
            option_papers[option - 1][code] = marks[option]
    result = _resolution_result(definition, ballots, papers)
    exact: list[dict[str, Fraction]] = [{}, {}, {}]
    for row in result.classes:
        exact[0][row.code] = Fraction(row.weighted_for)
        exact[1][row.code] = Fraction(row.weighted_against)
        exact[2][row.code] = Fraction(row.weighted_abstentions)
    # Merged exactly, then truncated once, as the meeting did.
    weighted = [{k: decimal_string(v, 6) for k, v in merge_figures(exact[i], groups).items()} for i in range(3)]
    return {
        "options": [{"papers": merge_figures(option_papers[i], groups), "weighted": weighted[i]} for i in range(3)],
        "resolution": {
            "carried": result.carried,
            "for_share": str(result.for_share) if result.for_share is not None else None,
            "for_percent": result.for_percent,
            "by_head": result.by_head,
            "mode": result.mode,
            "base": result.base,
            "register_members": result.register_members,
        },
    }


def _resolution_result(definition: dict[str, Any], ballots: list[BallotRow], papers: dict[str, int]) -> ResolutionResult:
    general = _general(definition)
    settings = definition.get("settings", {})
    tallies: dict[str, ClassTally] = {}
    for code in papers:
        marks = Counter(b.marks[0] for b in ballots if b.valid and b.class_code == code and len(b.marks) == 1)
        for b in ballots:
            if b.valid and b.class_code == code and (len(b.marks) != 1 or b.marks[0] not in (1, 2, 3)):
                raise InputError("export.resolution_marks", serial=b.serial, marks=b.marks)
        rejected = sum(1 for b in ballots if not b.valid and b.class_code == code)
        tallies[code] = ClassTally(marks[1], marks[2], marks[3], rejected)
        if _per_member(definition):
            sums = {1: Fraction(0), 2: Fraction(0), 3: Fraction(0)}
            for b in ballots:
                if b.valid and b.class_code == code:
                    sums[b.marks[0]] += _paper_value(b, True, definition)
            tallies[code] = replace(tallies[code], for_value=sums[1], against_value=sums[2], abstain_value=sums[3])
    mode = "poll"
    poll_by = None
    hands = settings.get("show_of_hands") or definition.get("show_of_hands")
    if hands:
        poll_by = hands.get("poll_demanded_by") or None
        if not sum(papers.values()):
            mode = "show-of-hands"
            tallies = {code: ClassTally(int(f[0]), int(f[1]), int(f[2])) for code, f in hands["counts"].items()}
    rules = item_resolution_rules(
        definition["number"], definition["threshold"], bool(definition.get("by_head")), settings, general
    )
    casting = settings.get("casting_vote")
    seed = settings.get("seed")
    tally = ResolutionTally(
        classes=tallies,
        mode=mode,  # type: ignore[arg-type]
        poll_demanded_by=poll_by if mode == "show-of-hands" else None,  # a poll held is counted as a poll
        chair=str(settings.get("casting_chair") or general.get("chair") or "the chair"),
        casting_vote=casting if casting in {"for", "against"} else None,
        seed=int(seed) if seed is not None else 0,
        title=definition["title"]["en"],
        register=_frozen_register(definition) if rules.base == "register" else None,
    )
    return count_resolution(rules, _scheme(definition), tally)


def _frozen_register(definition: dict[str, Any]) -> dict[str, int]:
    """The register the meeting froze at the close: the recount divides by the figure the count did."""
    frozen = definition.get("settings", {}).get(REGISTER_SETTING)
    if not isinstance(frozen, dict):
        raise InputError("recount.register_not_frozen", number=definition["number"], setting=REGISTER_SETTING)
    return {str(code): members for code, members in frozen.items()}


def _election(
    definition: dict[str, Any], ballots: list[BallotRow], papers: dict[str, int], groups: dict[str, str]
) -> dict[str, Any]:
    method = definition["method"]
    count = len(definition["candidates"])
    option_papers: list[dict[str, int]] = [{} for _ in range(count)]
    for ballot in ballots:
        if not ballot.valid:
            continue
        if any(not 1 <= m <= count for m in ballot.marks):
            raise InputError("export.marks_no_candidate", serial=ballot.serial, marks=list(ballot.marks), count=count)
        marked = ballot.marks[:1] if method in RANKED_METHODS else ballot.marks
        for mark in marked:
            option_papers[mark - 1][ballot.class_code] = option_papers[mark - 1].get(ballot.class_code, 0) + 1
    election, options = election_of(definition, ballots, counted=True)
    figures: dict[str, Any] = {"options": [{"papers": merge_figures(p, groups)} for p in option_papers]}
    if not election.ballots:
        figures["election"] = None
        return figures
    outcome = get_rule(method).count(election, options)
    figures["election"] = {
        "quota": decimal_string(outcome.quota, 5) if outcome.quota is not None else None,
        "elected": outcome.elected_names,
        "stages": [
            {
                "number": stage.number,
                "totals": {outcome.candidates[i]: decimal_string(v, 5) for i, v in stage.totals.items()},
                "non_transferable": decimal_string(stage.non_transferable, 5),
                "elected": [outcome.candidates[i] for i in stage.elected],
                "excluded": [outcome.candidates[i] for i in stage.excluded],
            }
            for stage in outcome.stages
        ],
    }
    return figures


def first_difference(expected: Any, found: Any, path: str = "") -> Message | None:
    """Where ``found`` (the recount) first differs from ``expected`` (the declared figures).

    Only the fields the recount produces are compared; the declaration may hold more (words, notes).
    """
    if isinstance(found, dict):
        if not isinstance(expected, dict):
            if not path:
                return message("verify.result_differs", declared=expected, recounted=found)
            return message("verify.figure_differs", path=path, declared=expected, recounted=found)
        for key, value in found.items():
            if key not in expected:
                if value in (None, {}, []) or (isinstance(value, dict) and not any(value.values())):
                    continue
                return message("verify.figure_missing", path=f"{path}{key}", recounted=value)
            problem = first_difference(expected[key], value, f"{path}{key}.")
            if problem:
                return problem
        return None
    if isinstance(found, list):
        if not isinstance(expected, list) or len(expected) != len(found):
            return message("verify.figure_differs", path=path.rstrip("."), declared=expected, recounted=found)
        for index, (a, b) in enumerate(zip(expected, found, strict=True)):
            problem = first_difference(a, b, f"{path}{index + 1}.")
            if problem:
                return problem
        return None
    if expected != found:
        return message("verify.figure_differs", path=path.rstrip("."), declared=expected, recounted=found)
    return None
