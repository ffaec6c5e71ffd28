"""From recorded papers to results: tallies, counts, reconciliation, show of hands and declarations.

The service gathers the plain data (papers per class, marks, the meeting's weighting and rules) and
hands it to the pure counting rules; nothing here decides a vote by itself, so the same counts can be
re-run independently from an exported archive.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from sqlalchemy import func, select

from coopvote.counting.constraints import SeatConstraints
from coopvote.counting.item_rules import item_resolution_rules
from coopvote.counting.model import Ballot, CountOptions, Election, Outcome, decimal_string
from coopvote.counting.privacy import small_class_warnings
from coopvote.counting.report import stage_exact
from coopvote.counting.resolutions import (
    ClassTally,
    ResolutionResult,
    ResolutionTally,
    count_resolution,
)
from coopvote.counting.rules import RANKED_METHODS, get_rule
from coopvote.counting.weighting import WeightingScheme, class_strengths, weigh_ballots
from coopvote.errors import RuleError
from coopvote.record.models import (
    BallotPaper,
    Declaration,
    MembershipClass,
    PaperIssue,
    RecordedBallot,
    ShowOfHands,
)
from coopvote.service.base import Role
from coopvote.service.queries import item_row, item_view
from coopvote.service.sources import counted_rows, source_figures, source_row
from coopvote.service.views import ItemView

RESOLUTION_LABELS = (("O blaid", "For"), ("Yn erbyn", "Against"), ("Ymatal", "Abstain"))


@dataclass(frozen=True)
class ReconciliationRow:
    """Papers for one item and class: what went out, what came back, and whether they add up."""

    class_code: str
    printed: int
    issued: int
    spoilt: int
    returned: int
    valid: int
    rejected: int
    not_returned: int
    problems: tuple[str, ...] = ()
    sources: dict[str, Any] = field(default_factory=dict)
    """Every road to the count: in_room, proxy_discretionary, proxy_directed (directed_votes), packs_issued,
    envelopes_accepted, envelopes_refused (refused: by reason), advance_voted, advance_papers."""


@dataclass
class ItemResult:
    """Everything a declaration, the chair's console and the exported results need for one item."""

    item: ItemView
    papers_by_class: dict[str, int]
    valid_by_class: dict[str, int]
    rejected_by_reason: dict[str, int]
    option_labels: list[tuple[str, str]]
    """(Welsh, English) label for each option or candidate, in ballot order."""
    papers_by_option: dict[int, dict[str, int]]
    """Option or candidate index (0-based) -> class -> papers marking it (first preference when ranked)."""
    weighted_by_option: dict[int, dict[str, Fraction]]
    weighting: dict[str, Any]
    resolution: ResolutionResult | None = None
    election: Outcome | None = None
    seed: int | None = None
    privacy_warnings: list[str] = field(default_factory=list)
    show_of_hands: dict[str, Any] | None = None
    outcome_en: str = ""
    outcome_cy: str = ""
    directed: dict[str, dict[str, int]] = field(default_factory=dict)
    """Directed proxy votes per class: marks as text -> how many (counted among the papers, with no serial)."""
    advance_serials: tuple[int, ...] = ()
    """Serials of the advance papers recorded: what the archive needs to apply an amendment rule again."""

    @property
    def total_papers(self) -> int:
        return sum(self.papers_by_class.values())


class ResultsRole(Role):
    """What decides and fixes an item's outcome: show of hands, a poll demanded, the chair's casting vote,
    the count, reconciliation of papers, and the declaration. Only the chair's and results screens hold it.
    """

    # -- show of hands and polls -------------------------------------------------------------------

    def record_show_of_hands(self, item_number: int, counts: dict[str, tuple[int, int, int]]) -> None:
        """Counts per class code (or "*" for the room as a whole) of hands for, against and abstaining."""
        for code, figures in counts.items():
            if len(figures) != 3 or any(int(n) < 0 for n in figures):
                raise RuleError(f"show of hands for {code}: give three counts, none negative (for, against, abstain)")
        with self.action("show of hands recorded", item=item_number, counts={k: list(v) for k, v in counts.items()}) as (
            session,
            _act,
        ):
            item = item_row(session, self.meeting_id, item_number)
            if item.kind != "resolution":
                raise RuleError(f"item {item_number} is an election; a show of hands is for resolutions")
            session.add(ShowOfHands(item_id=item.id, counts={k: [int(n) for n in v] for k, v in counts.items()}))

    def demand_poll(self, item_number: int, demanded_by: str) -> None:
        if not demanded_by.strip():
            raise RuleError("say who demanded the poll")
        with self.action("poll demanded", item=item_number, by=demanded_by.strip()) as (session, _act):
            item = item_row(session, self.meeting_id, item_number)
            hands = session.scalar(
                select(ShowOfHands).where(ShowOfHands.item_id == item.id).order_by(ShowOfHands.id.desc()).limit(1)
            )
            if hands is None:
                raise RuleError(f"item {item_number} has no show of hands to demand a poll on")
            hands.poll_demanded_by = demanded_by.strip()

    def set_casting_vote(self, item_number: int, side: str, chair: str) -> None:
        if side not in {"for", "against"}:
            raise RuleError("the casting vote is 'for' or 'against'")
        with self.action("casting vote given", item=item_number, side=side, chair=chair) as (session, _act):
            item = item_row(session, self.meeting_id, item_number)
            item.settings = {**item.settings, "casting_vote": side, "casting_chair": chair}

    # -- counting ----------------------------------------------------------------------------------

    def item_result(self, item_number: int) -> ItemResult:
        with self.reading() as session:
            item = item_row(session, self.meeting_id, item_number)
            view = item_view(item)
            classes = list(
                session.scalars(
                    select(MembershipClass)
                    .where(MembershipClass.meeting_id == self.meeting_id)
                    .order_by(MembershipClass.position)
                )
            )
            codes = {c.id: c.code for c in classes}
            ordered_codes = [c.code for c in classes]
            rows, directed, advance = counted_rows(session, item, codes)
            hands = session.scalar(
                select(ShowOfHands).where(ShowOfHands.item_id == item.id).order_by(ShowOfHands.id.desc()).limit(1)
            )
            if hands is not None:
                session.expunge(hands)  # read after the session ends: keep its loaded values from being expired
            meeting = item.meeting
            weighting_raw = dict(meeting.weighting)
            rules = dict(meeting.rules)
        papers: Counter[str] = Counter({code: 0 for code in ordered_codes})
        valid: Counter[str] = Counter({code: 0 for code in ordered_codes})
        rejected: Counter[str] = Counter()
        marks_by_class: dict[str, list[tuple[int, ...]]] = defaultdict(list)
        for class_id, marks, is_valid, reason in rows:
            code = codes[class_id]
            papers[code] += 1
            if is_valid:
                valid[code] += 1
                marks_by_class[code].append(tuple(int(m) for m in marks))
            else:
                rejected[reason or "rejected"] += 1
        override = view.settings.get("weighting")
        scheme = WeightingScheme.from_mapping(weighting_raw, override if isinstance(override, dict) else None)
        seed = view.settings.get("seed")
        general = rules.get("rules", {}) if isinstance(rules.get("rules"), dict) else {}
        minimum = int(general.get("privacy_minimum", scheme.privacy_minimum))
        result = ItemResult(
            item=view,
            papers_by_class=dict(papers),
            valid_by_class=dict(valid),
            rejected_by_reason=dict(rejected),
            option_labels=[],
            papers_by_option={},
            weighted_by_option={},
            weighting=weighting_raw if not isinstance(override, dict) else {**weighting_raw, **override},
            seed=int(seed) if seed is not None else None,
            privacy_warnings=[w.message() for w in small_class_warnings(dict(papers), minimum)],
            directed=directed,
            advance_serials=advance,
        )
        if view.kind == "resolution":
            self._count_resolution(result, scheme, marks_by_class, rejected_by_class(rows, codes), general, hands)
        else:
            self._count_election(result, scheme, marks_by_class)
        return result

    def _count_resolution(
        self,
        result: ItemResult,
        scheme: WeightingScheme,
        marks_by_class: dict[str, list[tuple[int, ...]]],
        rejected: dict[str, int],
        general: dict[str, Any],
        hands: ShowOfHands | None,
    ) -> None:
        view = result.item
        result.option_labels = list(RESOLUTION_LABELS)
        tallies: dict[str, ClassTally] = {}
        for code in result.papers_by_class:
            counts = Counter(marks[0] for marks in marks_by_class.get(code, []))
            tallies[code] = ClassTally(counts[1], counts[2], counts[3], rejected.get(code, 0))
            for option in (1, 2, 3):
                result.papers_by_option.setdefault(option - 1, {})[code] = counts[option]
        mode = "poll"
        poll_by = None
        if hands is not None:
            result.show_of_hands = {"counts": dict(hands.counts), "poll_demanded_by": hands.poll_demanded_by or None}
            poll_by = hands.poll_demanded_by or None
            if not result.total_papers:
                # No poll papers yet: the show of hands is the count, standing only if no poll was demanded.
                mode = "show-of-hands"
                tallies = {
                    code: ClassTally(int(figures[0]), int(figures[1]), int(figures[2]))
                    for code, figures in hands.counts.items()
                }
        rules = item_resolution_rules(view.number, view.threshold, view.by_head, view.settings, general)
        casting = view.settings.get("casting_vote")
        tally = ResolutionTally(
            classes=tallies,
            mode=mode,  # type: ignore[arg-type]
            poll_demanded_by=poll_by if mode == "show-of-hands" else None,
            chair=str(view.settings.get("casting_chair") or general.get("chair") or "the chair"),
            casting_vote=casting if casting in {"for", "against"} else None,  # type: ignore[arg-type]
            seed=result.seed or 0,
            title=view.title_en,
        )
        outcome = count_resolution(rules, scheme, tally)
        result.resolution = outcome
        for row in outcome.classes:
            result.weighted_by_option.setdefault(0, {})[row.code] = row.weighted_for
            result.weighted_by_option.setdefault(1, {})[row.code] = row.weighted_against
            result.weighted_by_option.setdefault(2, {})[row.code] = row.weighted_abstentions
        result.outcome_en = outcome.reason("en")
        result.outcome_cy = outcome.reason("cy")
        if poll_by and mode == "poll":
            result.outcome_en += f"; counted on a poll demanded by {poll_by}"
            result.outcome_cy += f"; cyfrifwyd ar bleidlais a fynnwyd gan {poll_by}"

    def _count_election(
        self, result: ItemResult, scheme: WeightingScheme, marks_by_class: dict[str, list[tuple[int, ...]]]
    ) -> None:
        view = result.item
        names = tuple(c.name for c in view.candidates)
        result.option_labels = [(name, name) for name in names]
        groups: dict[str, list[Ballot]] = {}
        for code in result.papers_by_class:
            grouped = Counter(tuple(m - 1 for m in marks) for marks in marks_by_class.get(code, []))
            groups[code] = [Ballot(ranking, Fraction(n)) for ranking, n in sorted(grouped.items())]
            for ranking, n in grouped.items():
                marked = ranking[:1] if view.method in RANKED_METHODS else ranking
                for candidate in marked:
                    counts = result.papers_by_option.setdefault(candidate, {})
                    counts[code] = counts.get(code, 0) + n
        ballots = weigh_ballots(scheme, groups) if any(groups.values()) else ()
        multipliers = paper_multipliers(scheme, result.valid_by_class)
        for candidate in range(len(names)):
            papers = result.papers_by_option.setdefault(candidate, {})
            result.weighted_by_option[candidate] = {
                code: papers.get(code, 0) * multipliers.get(code, Fraction(0)) for code in result.papers_by_class
            }
        reserved = view.settings.get("reserved") or {}
        options = CountOptions(
            seed=result.seed or 0,
            candidate_groups={i: c.class_code for i, c in enumerate(view.candidates) if c.class_code},
            min_seats={k: int(v["min"]) for k, v in dict(reserved).items() if "min" in v},
            max_seats={k: int(v["max"]) for k, v in dict(reserved).items() if "max" in v},
        )
        election = Election(
            candidates=names,
            seats=view.seats,
            ballots=tuple(ballots),
            withdrawn=frozenset(i for i, c in enumerate(view.candidates) if c.withdrawn),
            title=view.title_en,
        )
        if not ballots:
            result.outcome_en = "No valid votes have been recorded."
            result.outcome_cy = "Does dim pleidleisiau dilys wedi'u cofnodi."
            return
        outcome = get_rule(view.method).count(election, options)
        result.election = outcome
        if SeatConstraints.from_options(options).active:
            outcome.notes.append("seats reserved per class: " + reserved_in_words(dict(reserved)))
        elected = ", ".join(outcome.elected_names) or "nobody"
        result.outcome_en = f"Elected: {elected}."
        result.outcome_cy = f"Etholwyd: {elected}."

    # -- reconciliation and declaration -----------------------------------------------------------

    def reconciliation(self, item_number: int) -> list[ReconciliationRow]:
        with self.reading() as session:
            item = item_row(session, self.meeting_id, item_number)
            classes = list(
                session.scalars(
                    select(MembershipClass)
                    .where(MembershipClass.meeting_id == self.meeting_id)
                    .order_by(MembershipClass.position)
                )
            )

            def per_class(query: Any) -> dict[int, int]:
                return dict(session.execute(query).all())

            printed = per_class(
                select(BallotPaper.class_id, func.count()).where(BallotPaper.item_id == item.id).group_by(BallotPaper.class_id)
            )
            spoilt = per_class(
                select(BallotPaper.class_id, func.count())
                .where(BallotPaper.item_id == item.id, BallotPaper.voided_at.is_not(None))
                .group_by(BallotPaper.class_id)
            )
            issued = per_class(
                select(PaperIssue.class_id, func.count())
                .where(PaperIssue.item_id == item.id, PaperIssue.channel != "directed")  # a directed vote has no paper
                .group_by(PaperIssue.class_id)
            )
            returned = per_class(
                select(RecordedBallot.class_id, func.count())
                .where(RecordedBallot.item_id == item.id)
                .group_by(RecordedBallot.class_id)
            )
            rejected = per_class(
                select(RecordedBallot.class_id, func.count())
                .where(RecordedBallot.item_id == item.id, RecordedBallot.valid.is_(False))
                .group_by(RecordedBallot.class_id)
            )
            class_rows = [(c.id, c.code) for c in classes]
            roads = source_figures(session, item)
        rows = []
        for class_id, class_code in class_rows:
            got = returned.get(class_id, 0)
            out = issued.get(class_id, 0)
            problems = []
            if got > out:
                problems.append(f"{got - out} more paper(s) returned than issued")
            if out + spoilt.get(class_id, 0) > printed.get(class_id, 0) and printed.get(class_id, 0):
                problems.append("more papers issued than printed")
            rows.append(
                ReconciliationRow(
                    class_code=class_code,
                    printed=printed.get(class_id, 0),
                    issued=out,
                    spoilt=spoilt.get(class_id, 0),
                    returned=got,
                    valid=got - rejected.get(class_id, 0),
                    rejected=rejected.get(class_id, 0),
                    not_returned=max(out - got, 0),
                    problems=tuple(problems),
                    sources=source_row(roads.get(class_id, {})),
                )
            )
        return rows

    def declare(self, item_number: int, declared_by: str) -> dict[str, Any]:
        """Fix an item's result: store it, mark the item declared. A declared result cannot change."""
        result = self.item_result(item_number)
        summary = result_summary(result)
        with self.action("result declared", item=item_number, by=declared_by, outcome=result.outcome_en) as (
            session,
            _act,
        ):
            item = item_row(session, self.meeting_id, item_number)
            if item.status == "declared":
                raise RuleError(f"item {item_number} has already been declared")
            resolution = result.resolution
            if resolution is not None and not resolution.stands:
                raise RuleError(
                    f"a poll was demanded on item {item_number} by {resolution.poll_demanded_by}: the show of hands "
                    "does not decide it; hold the poll and close its voting before declaring"
                )
            decided_by_hands = resolution is not None and resolution.mode == "show-of-hands"
            if item.status != "closed" and not decided_by_hands:
                raise RuleError(f"voting on item {item_number} must be closed before its result is declared")
            session.add(Declaration(item_id=item.id, result=summary, declared_by=declared_by))
            item.status = "declared"
        return summary


def election_valid_vote(outcome: Outcome) -> Fraction:
    """The valid vote a count's stages add up to (its first stage: totals, non-transferable, rounding)."""
    if not outcome.stages:
        return Fraction(0)
    first = outcome.stages[0]
    held = sum((Fraction(v) for v in first.totals.values()), Fraction(0))
    return held + Fraction(first.non_transferable) + Fraction(first.rounding_loss)


def paper_multipliers(scheme: WeightingScheme, papers: dict[str, int]) -> dict[str, Fraction]:
    """What one paper of each class is worth in an election count, on the scale ``weigh_ballots`` uses
    (weighted values add up to the number of papers, so stage sheets read in familiar magnitudes)."""
    raw = {code: Fraction(n) for code, n in papers.items()}
    strengths = class_strengths(scheme, raw)
    if not strengths.total_strength:
        return {code: Fraction(0) for code in papers}
    factor = sum(raw.values(), Fraction(0)) / strengths.total_strength
    return {code: m * factor for code, m in strengths.multipliers.items()}


def reserved_in_words(reserved: dict[str, Any]) -> str:
    """"PS at least 2; EMP at least 1, at most 2": reserved seats as a declaration says them."""
    parts = []
    for code, bounds in reserved.items():
        limits = []
        if "min" in bounds:
            limits.append(f"at least {bounds['min']}")
        if "max" in bounds:
            limits.append(f"at most {bounds['max']}")
        parts.append(f"{code} {', '.join(limits)}")
    return "; ".join(parts)


def rejected_by_class(rows: Any, codes: dict[int, str]) -> dict[str, int]:
    counts: Counter[str] = Counter()
    for class_id, _marks, is_valid, _reason in rows:
        if not is_valid:
            counts[codes[class_id]] += 1
    return dict(counts)


def result_summary(result: ItemResult) -> dict[str, Any]:
    """The JSON shape of a result: decimal strings for every amount, so it never passes through float."""
    item = result.item
    summary: dict[str, Any] = {
        "item": item.number,
        "kind": item.kind,
        "title": {"cy": item.title_cy, "en": item.title_en},
        "papers_by_class": result.papers_by_class,
        "valid_by_class": result.valid_by_class,
        "rejected_by_reason": result.rejected_by_reason,
        "options": [
            {
                "label": {"cy": cy, "en": en},
                "papers": result.papers_by_option.get(index, {}),
                "weighted": {k: decimal_string(v, 6) for k, v in result.weighted_by_option.get(index, {}).items()},
                "weighted_exact": {k: str(v) for k, v in result.weighted_by_option.get(index, {}).items()},
            }
            for index, (cy, en) in enumerate(result.option_labels)
        ],
        "weighting": result.weighting,
        "seed": result.seed,
        "privacy_warnings": result.privacy_warnings,
        "show_of_hands": result.show_of_hands,
        "outcome": {"cy": result.outcome_cy, "en": result.outcome_en},
    }
    if result.resolution is not None:
        resolution = result.resolution
        summary["resolution"] = {
            "threshold": item.threshold,
            "base": resolution.base,
            "tie": resolution.to_dict()["tie"],
            "special": item.special,
            "by_head": resolution.by_head,
            "mode": resolution.mode,
            "for_percent": resolution.for_percent,
            "for_share": str(resolution.for_share) if resolution.for_share is not None else None,
            "carried": resolution.carried,
            "stands": resolution.stands,
            "consent_failed": list(resolution.consent_failed),
            "poll_demanded_by": resolution.poll_demanded_by,
        }
    if result.election is not None:
        outcome = result.election
        summary["election"] = {
            "method": outcome.method,
            "seats": outcome.seats,
            "quota": decimal_string(outcome.quota, 5) if outcome.quota is not None else None,
            "quota_exact": str(Fraction(outcome.quota)) if outcome.quota is not None else None,
            "valid_exact": str(election_valid_vote(outcome)) if outcome.method in RANKED_METHODS else None,
            "elected": outcome.elected_names,
            "stages": [
                {
                    "number": stage.number,
                    "action": stage.action,
                    "description": stage.description,
                    "totals": {outcome.candidates[i]: decimal_string(v, 5) for i, v in stage.totals.items()},
                    "non_transferable": decimal_string(stage.non_transferable, 5),
                    "rounding_loss": decimal_string(stage.rounding_loss, 5),
                    "exact": stage_exact(outcome, stage),
                    "elected": [outcome.candidates[i] for i in stage.elected],
                    "excluded": [outcome.candidates[i] for i in stage.excluded],
                }
                for stage in outcome.stages
            ],
            "tie_breaks": [
                {"stage": t.stage, "purpose": t.purpose, "chosen": outcome.candidates[t.chosen], "how": t.how}
                for t in outcome.tie_breaks
            ],
            "notes": list(outcome.notes),
        }
    return summary
