"""From recorded papers to results: tallies, counts, reconciliation, show of hands and declarations.

The service gathers the plain data (papers per class, marks, the meeting's weighting and rules) and
hands it to the pure counting rules; nothing here decides a vote by itself, so the same counts can be
re-run independently from an exported archive.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from fractions import Fraction
from typing import Any

from sqlalchemy import func, select

from coopvote import welsh
from coopvote.counting.constraints import SeatConstraints
from coopvote.counting.item_rules import item_resolution_rules
from coopvote.counting.model import Ballot, CountOptions, Election, Outcome, decimal_string
from coopvote.counting.notes import keyed
from coopvote.counting.privacy import small_class_warnings
from coopvote.counting.register_base import REGISTER_SETTING
from coopvote.counting.report import stage_exact
from coopvote.counting.resolution_texts import UNNAMED_CHAIR
from coopvote.counting.resolutions import (
    ClassTally,
    ResolutionTally,
    count_resolution,
)
from coopvote.counting.rules import RANKED_METHODS, get_rule
from coopvote.counting.weighting import WeightingScheme, class_strengths, weigh_ballots
from coopvote.errors import RuleError
from coopvote.messages import Bilingual, Message, message
from coopvote.record.models import (
    BallotPaper,
    Declaration,
    MembershipClass,
    PaperIssue,
    RecordedBallot,
    ShowOfHands,
)
from coopvote.service.band_results import (
    add_band_figures,
    band_summary,
    first_choice_values,
    member_value_groups,
    recorded_bands,
    with_member_values,
)
from coopvote.service.bands import scheme_uses_member_values
from coopvote.service.base import Role
from coopvote.service.queries import freeze_register, item_row, item_view, register_by_class
from coopvote.service.safeguards import (
    RECONCILIATION_ACCEPTED,
    ReasonRequired,
    record_decision,
    required_reason,
)
from coopvote.service.sources import counted_rows, source_figures, source_row
from coopvote.service.views import ItemResult, ReconciliationRow
from coopvote.service.wording import item_status

RESOLUTION_LABELS = (("O blaid", "For"), ("Yn erbyn", "Against"), ("Ymatal", "Abstain"))


class ResultsRole(Role):
    """What decides and fixes an item's outcome: show of hands, a poll demanded, the chair's casting vote,
    the count, reconciliation of papers, and the declaration. Only the chair's and results screens hold it.
    """

    # -- show of hands and polls -------------------------------------------------------------------

    def record_show_of_hands(self, item_number: int, counts: dict[str, tuple[int, int, int]]) -> None:
        """Counts per class code (or "*" for the room as a whole) of hands for, against and abstaining."""
        for code, figures in counts.items():
            if len(figures) != 3 or any(int(n) < 0 for n in figures):
                raise RuleError("results.hands_three_counts", code=code)
        with self.action("show of hands recorded", item=item_number, counts={k: list(v) for k, v in counts.items()}) as (
            session,
            _act,
        ):
            item = item_row(session, self.meeting_id, item_number)
            if item.kind != "resolution":
                raise RuleError("results.hands_for_resolutions", item=item_number)
            if item.status in ("closed", "declared"):
                # The close sealed the item's definition, the show of hands with it (docs/records.md).
                raise RuleError("results.hands_after_close", item=item_number, status=item_status(item.status))
            session.add(ShowOfHands(item_id=item.id, counts={k: [int(n) for n in v] for k, v in counts.items()}))

    def demand_poll(self, item_number: int, demanded_by: str) -> None:
        if not demanded_by.strip():
            raise RuleError("results.poll_demander_required")
        with self.action("poll demanded", item=item_number, by=demanded_by.strip()) as (session, _act):
            item = item_row(session, self.meeting_id, item_number)
            if item.status in ("closed", "declared"):
                raise RuleError("results.poll_after_close", item=item_number, status=item_status(item.status))
            hands = session.scalar(
                select(ShowOfHands).where(ShowOfHands.item_id == item.id).order_by(ShowOfHands.id.desc()).limit(1)
            )
            if hands is None:
                raise RuleError("results.no_hands_for_poll", item=item_number)
            hands.poll_demanded_by = demanded_by.strip()

    def set_casting_vote(self, item_number: int, side: str, chair: str) -> None:
        if side not in {"for", "against"}:
            raise RuleError("results.casting_vote_side")
        with self.action("casting vote given", item=item_number, side=side, chair=chair) as (session, _act):
            item = item_row(session, self.meeting_id, item_number)
            if item.status == "declared":
                # A declared result is final: its printed digest covers the item's settings, the casting vote too.
                raise RuleError("results.casting_vote_after_declaration", item=item_number)
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
            from coopvote.service.integrity import check_record

            # Count only papers the audit chain vouches for: an edit behind the service's back is refused here.
            check_record(session, self.meeting_id, self.record.where, items=[item_number])
            rows, directed, advance = counted_rows(session, item, codes)
            band_of_serial = recorded_bands(session, item.id)
            hands = session.scalar(
                select(ShowOfHands).where(ShowOfHands.item_id == item.id).order_by(ShowOfHands.id.desc()).limit(1)
            )
            if hands is not None:
                session.expunge(hands)  # read after the session ends: keep its loaded values from being expired
            register = None
            if view.settings.get("base") == "register":
                frozen = view.settings.get(REGISTER_SETTING)
                register = dict(frozen) if isinstance(frozen, dict) else register_by_class(session, self.meeting_id)
            meeting = item.meeting
            weighting_raw = dict(meeting.weighting)
            rules = dict(meeting.rules)
        papers: Counter[str] = Counter({code: 0 for code in ordered_codes})
        valid: Counter[str] = Counter({code: 0 for code in ordered_codes})
        rejected: Counter[str] = Counter()
        marks_by_class: dict[str, list[tuple[int, ...]]] = defaultdict(list)
        values_by_class: dict[str, list[Fraction]] = defaultdict(list)
        banded_papers: dict[tuple[str, Fraction], list[tuple[int, ...] | None]] = defaultdict(list)
        for class_id, marks, is_valid, reason, serial, directed_value in rows:
            code = codes[class_id]
            papers[code] += 1
            # A directed vote has no paper: it carries the band the member's paper would have had.
            band = band_of_serial.get(serial) if serial is not None else directed_value
            if band is not None:
                banded_papers[(code, band)].append(tuple(int(m) for m in marks) if is_valid else None)
            if is_valid:
                valid[code] += 1
                marks_by_class[code].append(tuple(int(m) for m in marks))
                values_by_class[code].append(band if band is not None else Fraction(1))
            else:
                rejected[reason or "rejected"] += 1
        override = view.settings.get("weighting")
        scheme = WeightingScheme.from_mapping(weighting_raw, override if isinstance(override, dict) else None)
        member_values = values_by_class if scheme_uses_member_values(scheme) else None
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
            self._count_resolution(
                result, scheme, marks_by_class, rejected_by_class(rows, codes), general, hands, member_values,
                register,
            )
        else:
            self._count_election(result, scheme, marks_by_class, member_values)
        if banded_papers:
            add_band_figures(result, banded_papers, minimum)
        if view.status == "pending" and not rows and hands is None:
            # A count of nothing is not an outcome: "not carried" for a vote never held would mislead.
            set_outcome(result, message("results.not_opened"))
        from coopvote.service.publishing import groups_for, published

        # Counted per class above; every output from here on sees small classes merged (docs/records.md).
        return published(result, groups_for(result, minimum))

    def _count_resolution(
        self,
        result: ItemResult,
        scheme: WeightingScheme,
        marks_by_class: dict[str, list[tuple[int, ...]]],
        rejected: dict[str, int],
        general: dict[str, Any],
        hands: ShowOfHands | None,
        member_values: dict[str, list[Fraction]] | None = None,
        register: dict[str, int] | None = None,
    ) -> None:
        view = result.item
        result.option_labels = list(RESOLUTION_LABELS)
        tallies: dict[str, ClassTally] = {}
        for code in result.papers_by_class:
            counts = Counter(marks[0] for marks in marks_by_class.get(code, []))
            tallies[code] = ClassTally(counts[1], counts[2], counts[3], rejected.get(code, 0))
            if member_values is not None:
                tallies[code] = with_member_values(tallies[code], marks_by_class.get(code, []), member_values.get(code, []))
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
            chair=str(view.settings.get("casting_chair") or general.get("chair") or UNNAMED_CHAIR),
            casting_vote=casting if casting in {"for", "against"} else None,  # type: ignore[arg-type]
            seed=result.seed or 0,
            title=view.title_en,
            register=register,
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
            on_poll = message("results.counted_on_poll", who=poll_by)
            result.outcome_en += on_poll.render("en")
            result.outcome_cy += on_poll.render("cy")

    def _count_election(
        self,
        result: ItemResult,
        scheme: WeightingScheme,
        marks_by_class: dict[str, list[tuple[int, ...]]],
        member_values: dict[str, list[Fraction]] | None = None,
        register: dict[str, int] | None = None,
    ) -> None:
        view = result.item
        names = tuple(c.name for c in view.candidates)
        result.option_labels = [(name, name) for name in names]
        groups: dict[str, list[Ballot]] = {}
        for code in result.papers_by_class:
            grouped = Counter(tuple(m - 1 for m in marks) for marks in marks_by_class.get(code, []))
            groups[code] = [Ballot(ranking, Fraction(n)) for ranking, n in sorted(grouped.items())]
            if member_values is not None:
                groups[code] = member_value_groups(marks_by_class.get(code, []), member_values.get(code, []))
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
        if member_values is not None:
            result.weighted_by_option = first_choice_values(
                len(names), view.method in RANKED_METHODS, marks_by_class, member_values, list(result.papers_by_class)
            )
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
            set_outcome(result, message("results.no_valid_votes"))
            return
        outcome = get_rule(view.method).count(election, options)
        result.election = outcome
        if SeatConstraints.from_options(options).active:
            outcome.notes.append(message("results.seats_reserved", limits=reserved_in_words(dict(reserved))).render("en"))
        elected_names = list(outcome.elected_names)
        names = Bilingual(cy=welsh.and_list(elected_names), en=", ".join(elected_names))
        set_outcome(result, message("results.elected", names=names) if elected_names else message("results.nobody_elected"))

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
                problems.append(message("results.more_returned_than_issued", count=got - out))
            if out + spoilt.get(class_id, 0) > printed.get(class_id, 0) and printed.get(class_id, 0):
                problems.append(message("results.more_issued_than_printed"))
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
                    problems=tuple(problem.render("en") for problem in problems),
                    problem_words=tuple(Bilingual(cy=problem.render("cy"), en=problem.render("en")) for problem in problems),
                    sources=source_row(roads.get(class_id, {})),
                )
            )
        from coopvote.service.publishing import published_reconciliation

        # Issued and returned per class beside a merged result would give a small class back: merge alike.
        return published_reconciliation(rows, self.item_result(item_number).class_groups)

    def show_small_classes(self, item_number: int, chair: str, reason: str) -> None:
        """The chair's choice to publish an item's per-class figures even below the privacy minimum.

        Recorded (who, why) in the item's settings and on the audit log, and printed on the declaration.
        """
        from coopvote.service.publishing import SHOW_SMALL_CLASSES

        if not chair.strip() or not reason.strip():
            raise RuleError("results.small_classes_who_why")
        with self.action("small classes shown", item=item_number, chair=chair.strip(), reason=reason.strip()) as (
            session,
            _act,
        ):
            item = item_row(session, self.meeting_id, item_number)
            if item.status == "declared":
                raise RuleError("results.declared_figures_fixed", item=item_number)
            item.settings = {**item.settings, SHOW_SMALL_CLASSES: {"chair": chair.strip(), "reason": reason.strip()}}

    def declare(
        self, item_number: int, declared_by: str, *, reconciliation_reason: str | None = None
    ) -> dict[str, Any]:
        """Fix an item's result: store it, mark the item declared. A declared result cannot change.

        When the papers do not reconcile (more returned than issued, more issued than printed), the
        declaration waits for the chair's reason, which is recorded and printed on it.
        """
        rows = self.reconciliation(item_number)
        problems = [f"{row.class_code}: {p}" for row in rows for p in row.problems]
        problems_cy = [f"{row.class_code}: {p.cy}" for row in rows for p in row.problem_words]
        result = self.item_result(item_number)
        summary = result_summary(result)
        with self.action("result declared", item=item_number, by=declared_by, outcome=result.outcome_en) as (
            session,
            act,
        ):
            item = item_row(session, self.meeting_id, item_number)
            if item.status == "declared":
                earlier = session.scalar(select(Declaration).where(Declaration.item_id == item.id))
                when = earlier.declared_at.astimezone().strftime("%H:%M:%S") if earlier is not None else "?"
                who = earlier.declared_by if earlier is not None else "?"
                raise RuleError("results.already_declared", item=item_number, who=who, when=when)
            resolution = result.resolution
            if resolution is not None and not resolution.stands:
                raise RuleError("results.poll_demanded_not_held", item=item_number, who=resolution.poll_demanded_by)
            decided_by_hands = resolution is not None and resolution.mode == "show-of-hands"
            if item.status != "closed" and not decided_by_hands:
                raise RuleError("results.close_before_declaring", item=item_number)
            if problems and not (reconciliation_reason or "").strip():
                raise ReasonRequired("results.not_reconciled", RECONCILIATION_ACCEPTED, item=item_number,
                                     problems=Bilingual(cy="; ".join(problems_cy), en="; ".join(problems)))
            register = freeze_register(session, item)  # a show of hands declared without a close
            if register is not None:
                act.details["register_members"] = register
            if problems:
                reason = required_reason(reconciliation_reason, message("results.declaring", item=item_number))
                record_decision(item, RECONCILIATION_ACCEPTED, reason, declared_by, problems=problems,
                                problems_cy=problems_cy)  # each half of the declaration names them
                act.details.update(reconciliation_problems=problems, reason=reason)
            session.add(Declaration(item_id=item.id, result=summary, declared_by=declared_by))
            item.status = "declared"
        return summary


def set_outcome(result: ItemResult, words: Message) -> None:
    result.outcome_en = words.render("en")
    result.outcome_cy = words.render("cy")


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
            limits.append(message("results.reserved_at_least", seats=bounds["min"]).render("en"))
        if "max" in bounds:
            limits.append(message("results.reserved_at_most", seats=bounds["max"]).render("en"))
        parts.append(f"{code} {', '.join(limits)}")
    return "; ".join(parts)


def rejected_by_class(rows: Any, codes: dict[int, str]) -> dict[str, int]:
    counts: Counter[str] = Counter()
    for class_id, _marks, is_valid, _reason, *_rest in rows:
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
        "privacy_warnings": [str(warning) for warning in result.privacy_warnings],
        "privacy_warnings_keyed": [keyed(warning) for warning in result.privacy_warnings],
        **band_summary(result),
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
        if resolution.register_members is not None:
            summary["resolution"]["register_members"] = resolution.register_members
            summary["resolution"]["register_by_class"] = dict(resolution.register_by_class or {})
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
                    "description": str(stage.description),
                    "note": keyed(stage.description),
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
                {"stage": t.stage, "purpose": t.purpose, "chosen": outcome.candidates[t.chosen], "how": str(t.how),
                 "how_note": keyed(t.how)}
                for t in outcome.tie_breaks
            ],
            "notes": [str(note) for note in outcome.notes],
            "notes_keyed": [keyed(note) for note in outcome.notes],
        }
    return summary
