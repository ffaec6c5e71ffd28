"""An item's papers as its close entry seals them (``coopvote.record.close_seal``), read from the meeting file.

The close seals each paper with the class it would be published under at that moment: a small class's
merged group where the published ballots carry groups (the same rule as ``export.content.published_ballots``),
so the digests printed into the public results.json reveal no more than the public ballots CSV does.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from coopvote.counting.privacy import class_groups, weight_ignores_class
from coopvote.counting.weighting import WeightingScheme
from coopvote.record.close_seal import SealedPaper, seal
from coopvote.record.models import AgendaItem, MembershipClass, RecordedBallot
from coopvote.service.band_results import recorded_bands
from coopvote.service.definition import sealed_definition
from coopvote.service.publishing import SHOW_SMALL_CLASSES
from coopvote.service.sources import advance_serials, directed_tallies


def sealed_papers(session: Session, item: AgendaItem) -> list[SealedPaper]:
    """The item's recorded papers with their real classes and band values."""
    codes = {c.id: c.code for c in session.scalars(select(MembershipClass).where(MembershipClass.meeting_id == item.meeting_id))}
    bands = recorded_bands(session, item.id)
    rows = session.execute(
        select(RecordedBallot.serial, RecordedBallot.class_id, RecordedBallot.valid, RecordedBallot.reject_reason,
               RecordedBallot.marks)
        .where(RecordedBallot.item_id == item.id)
    ).all()  # fmt: skip
    papers = []
    for serial, class_id, valid, reason, marks in rows:
        band = bands.get(serial)
        papers.append(
            SealedPaper(int(serial), codes[class_id], bool(valid), str(reason or ""), tuple(int(m) for m in marks or ()),
                        "" if band is None else str(band))
        )  # fmt: skip
    return papers


def published_classes(session: Session, item: AgendaItem, papers: list[SealedPaper]) -> dict[str, str]:
    """Class -> the label its papers are published under now (its own code unless merged into a group)."""
    ordered = list(
        session.scalars(
            select(MembershipClass.code).where(MembershipClass.meeting_id == item.meeting_id).order_by(MembershipClass.position)
        )
    )
    meeting = item.meeting
    override = (item.settings or {}).get("weighting")
    scheme = WeightingScheme.from_mapping(dict(meeting.weighting), override if isinstance(override, dict) else None)
    if not weight_ignores_class(scheme):
        return {code: code for code in ordered}  # weights name the class: the papers keep it
    rules = dict(meeting.rules)
    general = rules.get("rules", {}) if isinstance(rules.get("rules"), dict) else {}
    minimum = int(general.get("privacy_minimum", scheme.privacy_minimum))
    returned = Counter(p.class_code for p in papers)
    returned.update({code: sum(counts.values()) for code, counts in item_directed(session, item).items()})  # as counted
    voters = {code: returned.get(code, 0) for code in ordered}
    return class_groups(voters, minimum, show_all=bool((item.settings or {}).get(SHOW_SMALL_CLASSES)))


def item_directed(session: Session, item: AgendaItem) -> dict[str, dict[str, int]]:
    """The item's directed proxy tally, class code -> marks -> how many."""
    codes = {c.id: c.code for c in session.scalars(select(MembershipClass).where(MembershipClass.meeting_id == item.meeting_id))}
    return directed_tallies(session, item.id, codes)


def item_advance(session: Session, item: AgendaItem) -> set[int]:
    """Serials of the item's recorded papers that are advance papers (the list the archive publishes)."""
    printed = advance_serials(session, item.id)
    if not printed:
        return set()
    recorded = session.scalars(select(RecordedBallot.serial).where(RecordedBallot.item_id == item.id))
    return {int(serial) for serial in recorded if serial in printed}


def sealed_advance(session: Session, item: AgendaItem) -> set[int] | None:
    """What the close seals of the advance list: the recorded advance serials on an item that takes advance
    votes (or has advance papers), None on any other item (its close entry stays as before)."""
    advance = item_advance(session, item)
    rules = (item.settings or {}).get("advance")
    return advance if advance or (isinstance(rules, dict) and rules.get("allowed")) else None


def close_seal(session: Session, item: AgendaItem) -> dict[str, Any]:
    """The seal a 'vote closed' entry carries: digests of the item's papers, classes, directed votes as published,
    which papers are advance papers, and the item's definition (the rule they are counted by), as it stands
    once the close has drawn the lot seed and frozen the register."""
    papers = sealed_papers(session, item)
    sealed = seal(papers, published_classes(session, item, papers), item_directed(session, item), sealed_advance(session, item))
    return {**sealed, **sealed_definition(session, item)}
