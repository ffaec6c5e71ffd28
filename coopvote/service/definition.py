"""An item's definition as the archive publishes it, built in one place for the export and for the close.

The close entry seals a digest of the definition (``coopvote.record.definition_seal``) and the verifier
recomputes it from results.json, so the service at the close and the exporter afterwards must build the very
same definition: both call ``item_definition`` here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from coopvote.record.definition_seal import definition_seal
from coopvote.record.models import AgendaItem, MembershipClass, ShowOfHands
from coopvote.service.queries import item_view
from coopvote.service.views import ItemView


def item_definition(
    item: ItemView, classes: Sequence[str], weighting: Mapping[str, Any], rules: Mapping[str, Any]
) -> dict[str, Any]:
    """Everything a recount needs besides the ballots: rule, seats, candidates, weighting, settings.

    The item's status is left out on purpose: it changes when the result is declared, and the record
    digest must not.
    """
    return {
        "number": item.number,
        "kind": item.kind,
        "title": {"cy": item.title_cy, "en": item.title_en},
        "text": {"cy": item.text_cy, "en": item.text_en},
        "special": item.special,
        "threshold": item.threshold,
        "by_head": item.by_head,
        "method": item.method,
        "seats": item.seats,
        "max_marks": item.max_marks,
        "candidates": [
            {"position": c.position, "name": c.name, "class": c.class_code, "withdrawn": c.withdrawn}
            for c in item.candidates
        ],
        "settings": dict(item.settings),
        "classes": list(classes),
        "weighting": dict(weighting),
        "rules": dict(rules),
    }


def show_of_hands(session: Session, item: AgendaItem) -> dict[str, Any] | None:
    """The item's latest show of hands as the count reads it (``ItemResult.show_of_hands``), or None."""
    hands = session.scalar(
        select(ShowOfHands).where(ShowOfHands.item_id == item.id).order_by(ShowOfHands.id.desc()).limit(1)
    )
    if hands is None or item.kind != "resolution":
        return None
    return {"counts": dict(hands.counts), "poll_demanded_by": hands.poll_demanded_by or None}


def stored_definition(session: Session, item: AgendaItem) -> dict[str, Any]:
    """The item's definition as the meeting file holds it now, shaped as the archive writes it."""
    classes = session.scalars(
        select(MembershipClass.code).where(MembershipClass.meeting_id == item.meeting_id).order_by(MembershipClass.position)
    )
    meeting = item.meeting
    definition = item_definition(item_view(item), list(classes), dict(meeting.weighting), dict(meeting.rules))
    definition["show_of_hands"] = show_of_hands(session, item)
    return definition


def sealed_definition(session: Session, item: AgendaItem) -> dict[str, Any]:
    """What a close entry adds about the item's definition, as the file holds it at the close."""
    return definition_seal(stored_definition(session, item))
