"""Words the service puts inside its messages: a member's or an item's state in Welsh and English.

A refusal such as "member M1 (Mair Jones) is lapsed" carries the state as a value; the Welsh sentence needs
the Welsh words for it, so each state is passed as a ``Bilingual`` pair and each language takes its own.
"""

from __future__ import annotations

from collections.abc import Iterable

from coopvote.messages import Bilingual

MEMBER_STATUS = {
    "active": Bilingual(cy="yn weithredol", en="active"),
    "lapsed": Bilingual(cy="wedi darfod", en="lapsed"),
}
"""Welsh as the predicate of "Mae aelodaeth ... {status}"."""

ITEM_STATUS = {
    "pending": Bilingual(cy="heb agor eto", en="pending"),
    "open": Bilingual(cy="ar agor", en="open"),
    "closed": Bilingual(cy="wedi cau", en="closed"),
    "declared": Bilingual(cy="wedi'i datgan", en="declared"),
}
"""Welsh as the predicate of "Mae'r bleidlais ... {status}" (pleidlais is feminine: wedi'i datgan)."""


def member_status(status: str) -> Bilingual | str:
    return MEMBER_STATUS.get(status, status)


def item_status(status: str) -> Bilingual | str:
    return ITEM_STATUS.get(status, status)


def numbers(values: Iterable[object]) -> str:
    """"1, 2, 3": item numbers or serials listed the same way in both languages."""
    return ", ".join(map(str, values))
