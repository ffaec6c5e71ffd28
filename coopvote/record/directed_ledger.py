"""Directed proxy votes as the audit chain tells them: how many per item and class, never which way.

A directed vote has no paper, so nothing like a paper's content can be replayed for it: its choice is kept
only in the item's tally (``directed_tally``), and the desk chain's entry for the form names the member,
so it must never carry the choices (docs/advance-votes.md, "Secrecy"). What the entry does carry is the
items directed and the member's class, which the member number tells anyway. Replaying those gives how
many directed votes each item and class must hold: a vote added to or removed from a tally behind the
service's back is found before any count. A vote changed from one choice to another keeps the count: the
close entry's ``directed_digest`` (record/close_seal.py) commits the tally from the close on.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

from coopvote.messages import Message, message
from coopvote.record.ledger import DIRECTED_ACTION


def replay_directed_counts(entries: Iterable[Mapping[str, Any]]) -> Counter[tuple[int, str]]:
    """(item number, class code) -> directed votes the desk chain's forms entered."""
    counts: Counter[tuple[int, str]] = Counter()
    for entry in entries:
        details = entry.get("details") or {}
        if entry.get("action") != DIRECTED_ACTION or not isinstance(details, Mapping):
            continue
        code = str(details.get("class_code") or "")
        for number in details.get("directed_items") or ():
            counts[(int(number), code)] += 1
    return counts


def first_directed_difference(
    replayed: Mapping[tuple[int, str], int],
    stored: Mapping[tuple[int, str], int],
    *,
    where: Message | None = None,
    items: Iterable[int] | None = None,
) -> Message | None:
    """Name the first item and class whose directed tally holds another number of votes than the chain entered."""
    wanted = None if items is None else set(items)
    for key in sorted(set(replayed) | set(stored)):
        if wanted is not None and key[0] not in wanted:
            continue
        chained, kept = int(replayed.get(key, 0)), int(stored.get(key, 0))
        if chained != kept:
            return message("record.directed.count_differs", item=key[0], class_code=key[1],
                           where=where or message("record.where.meeting_file"), kept=kept, chained=chained)
    return None
