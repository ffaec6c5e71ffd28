"""The papers as the audit chain tells them, and the witnessed points of the chain.

Every action that puts a paper on the record writes the paper's whole content (item, serial, class,
valid or rejected and why, marks) into its audit entry, in the same transaction; an undo names the
paper it takes back. Replaying the chain therefore gives the papers that must be in the meeting file,
so a paper edited, deleted or added behind the service's back is found and named, and results are
never computed from papers the chain does not vouch for.

Someone who can write the file can still rewrite the chain and recompute every hash after a change.
What stops that is a code people saw and wrote down: the short code of the chain's head when a vote
closes (printed again on the declaration and the minutes). A record whose chain no longer passes
through that head was rewritten. Everything here works on plain dicts, so the exported archive's
``audit.jsonl`` is checked by the same code as the live meeting.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from coopvote.messages import Message, message
from coopvote.record.audit import BALLOT_CHAIN, GENESIS

PAPER_KEY = "paper"
"""Audit details key holding the content of the paper an entry put on the record."""
CHANGED_KEY = "paper_changed"
"""Audit details key holding a paper's new content when an entry changes a paper already on the record
(the first of two contradictory slips from one sheet, rejected as more than one vote)."""
WITHDRAWN_KEY = "paper_withdrawn"
"""Audit details key naming the paper an entry took off the record (an undone scan)."""

LEGACY_ADDING = frozenset({"paper recorded", "sheet adjudicated", "paper rejected"})
"""Actions that recorded a paper before entries carried its content: replayed by presence only."""

CLOSE_ACTION = "vote closed"
UNOPPOSED_ACTION = "nominations closed"
"""Closing nominations: when it declares the seats filled unopposed (details ``elected_unopposed``), the entry
seals the item as a 'vote closed' entry does (docs/records.md), since no vote will ever close it."""
REOPEN_ACTION = "vote reopened"
MOVED_ACTION = "meeting moved"
DIRECTED_ACTION = "directed proxy entered"
"""A signed directed proxy form: appoints the proxy and adds its directed votes to the items' tallies."""
"""The last entry of a meeting copied elsewhere by ``coopvote transfer``: that copy is read-only from then on."""
WITNESS_DIGITS = 16
"""Hex digits of the head hash in a close code: 64 bits, so forging a rewritten chain that passes
through a written-down code takes about 2^64 hash attempts per entry of the chain."""


@dataclass(frozen=True)
class PaperContent:
    """A returned paper without its station or time: what a count reads."""

    class_code: str
    valid: bool
    reason: str
    marks: tuple[int, ...]

    def describe(self) -> Message:
        """The paper as a finding names it; the reason is the record's own code (``too-many-votes``), as kept."""
        if not self.valid:
            if not self.reason:
                return message("record.paper.rejected_no_reason", class_code=self.class_code)
            return message("record.paper.rejected", class_code=self.class_code, reason=self.reason)
        return message("record.paper.marked", class_code=self.class_code, marks=list(self.marks))


def paper_details(item: int, serial: int, content: PaperContent) -> dict[str, Any]:
    """The ``paper`` value an audit entry carries for a paper it records."""
    return {
        "item": item,
        "serial": serial,
        "class": content.class_code,
        "valid": content.valid,
        "reason": content.reason,
        "marks": list(content.marks),
    }


@dataclass
class ReplayedPaper:
    sequence: int
    content: PaperContent | None
    """None when the entry predates paper contents in the chain (only the paper's presence is known)."""


class ReplayProblem(ValueError):
    """The chain itself contradicts itself about a paper (counted twice, undone when never counted).

    It carries its finding as a catalogue message (``words``), so whoever shows it shows it in the reader's
    language; ``str()`` is the reading language's text, as for every message.
    """

    def __init__(self, words: Message) -> None:
        super().__init__(words.render("en"))
        self.words = words

    def __str__(self) -> str:
        return self.words.render()


def replay_papers(entries: Iterable[Mapping[str, Any]]) -> dict[tuple[int, int], ReplayedPaper]:
    """The papers the chain says are on the record, keyed by (item, serial)."""
    papers: dict[tuple[int, int], ReplayedPaper] = {}
    for entry in entries:
        details = entry.get("details") or {}
        if not isinstance(details, Mapping):
            continue
        sequence = int(entry["sequence"])
        changed = details.get(CHANGED_KEY)
        if isinstance(changed, Mapping):
            key = (int(changed["item"]), int(changed["serial"]))
            if key not in papers:
                raise ReplayProblem(message("record.replay.changes_unrecorded", sequence=sequence, serial=key[1],
                                            item=key[0]))
            papers[key] = ReplayedPaper(sequence, PaperContent(
                str(changed["class"]), bool(changed["valid"]), str(changed.get("reason") or ""),
                tuple(int(m) for m in changed.get("marks") or ()),
            ))  # fmt: skip
            continue
        paper = details.get(PAPER_KEY)
        if isinstance(paper, Mapping):
            key = (int(paper["item"]), int(paper["serial"]))
            content: PaperContent | None = PaperContent(
                str(paper["class"]), bool(paper["valid"]), str(paper.get("reason") or ""),
                tuple(int(m) for m in paper.get("marks") or ()),
            )  # fmt: skip
        elif entry.get("action") in LEGACY_ADDING and details.get("serial") is not None and details.get("item") is not None:
            key, content = (int(details["item"]), int(details["serial"])), None
        else:
            withdrawn = details.get(WITHDRAWN_KEY)
            if isinstance(withdrawn, Mapping) or (entry.get("action") == "scan undone" and "serial" in details):
                source = withdrawn if isinstance(withdrawn, Mapping) else details
                key = (int(source["item"]), int(source["serial"]))
                if papers.pop(key, None) is None:
                    raise ReplayProblem(message("record.replay.undoes_unrecorded", sequence=sequence, serial=key[1],
                                                item=key[0]))
            continue
        if key in papers:
            raise ReplayProblem(message("record.replay.recorded_again", sequence=sequence, serial=key[1], item=key[0],
                                        earlier=papers[key].sequence))
        papers[key] = ReplayedPaper(sequence, content)
    return papers


def first_paper_difference(
    replayed: Mapping[tuple[int, int], ReplayedPaper],
    stored: Mapping[tuple[int, int], PaperContent],
    *,
    where: Message | None = None,
    items: Iterable[int] | None = None,
) -> Message | None:
    """Name the first paper (by item, then serial) where the stored papers and the chain disagree.

    ``where``: the papers' place as the finding names it (the meeting file unless said).
    """
    place = where or message("record.where.meeting_file")
    wanted = None if items is None else set(items)
    keys = sorted(k for k in set(replayed) | set(stored) if wanted is None or k[0] in wanted)
    for key in keys:
        item, serial = key
        chained, kept = replayed.get(key), stored.get(key)
        if chained is None:
            assert kept is not None
            return message("record.paper.not_recorded", item=item, serial=serial, where=place, kept=kept.describe())
        if kept is None:
            return message("record.paper.missing", item=item, serial=serial, sequence=chained.sequence, where=place)
        if chained.content is not None and chained.content != kept:
            return message("record.paper.altered", item=item, serial=serial, where=place, kept=kept.describe(),
                           sequence=chained.sequence, recorded=chained.content.describe())
    return None


def witness_code(entry_hash: str) -> str:
    """The code people copy at a close: the first 16 hex digits of the head hash, in groups of four."""
    head = entry_hash[:WITNESS_DIGITS].upper()
    return " ".join(head[i : i + 4] for i in range(0, WITNESS_DIGITS, 4))


def is_close(entry: Mapping[str, Any]) -> bool:
    """Whether an entry closes an item: a vote closed, or nominations closed declaring the seats unopposed."""
    details = entry.get("details") or {}
    if entry.get("action") == CLOSE_ACTION:
        return True
    return entry.get("action") == UNOPPOSED_ACTION and isinstance(details, Mapping) and "elected_unopposed" in details


def close_entries(entries: Iterable[Mapping[str, Any]]) -> dict[int, Mapping[str, Any]]:
    """Each item's last 'vote closed' entry: the point of the chain witnessed when its vote (last) closed.

    A vote reopened and closed again has several; the last one covers every paper, so it is the one the
    archive carries and checks. A vote reopened and not yet closed again has none: its papers are still
    coming, so no close vouches for them yet. ``entries`` are in chain order (these are all desk entries).
    """
    found: dict[int, Mapping[str, Any]] = {}
    for entry in entries:
        details = entry.get("details") or {}
        if not isinstance(details, Mapping) or "item" not in details:
            continue
        if is_close(entry):
            found[int(details["item"])] = entry
        elif entry.get("action") == REOPEN_ACTION:
            found.pop(int(details["item"]), None)
    return found


def ballot_head_problem(entries: Iterable[Mapping[str, Any]]) -> Message | None:
    """Why some close entry does not name a point of the ballot chain, or None.

    A 'vote closed' entry is on the desk chain and names the ballot chain's head at that moment, so its
    hash (the close code) commits to both chains. Rewriting the papers' entries changes the ballot chain's
    hashes: this check then forces the close entry itself to be rewritten, which changes the close code.
    """
    listed = list(entries)
    ballot_hashes = {int(e["sequence"]): str(e["entry_hash"]) for e in listed if e.get("chain") == BALLOT_CHAIN}
    ballot_hashes[0] = GENESIS
    for entry in listed:
        details = entry.get("details") or {}
        head = details.get("ballot_head") if isinstance(details, Mapping) else None
        if not is_close(entry) or not isinstance(head, Mapping):
            continue
        if ballot_hashes.get(int(head.get("sequence", -1))) != head.get("hash"):
            return message("record.chain.close_names_unknown_head", sequence=entry["sequence"],
                           action=_action_words(str(entry.get("action"))), item=details.get("item"),
                           head=head.get("sequence"))
    return None


def find_witnessed(entries: Iterable[Mapping[str, Any]], code: str) -> Mapping[str, Any] | None:
    """The entry whose hash a written-down code names (all 16 digits must match), or None."""
    wanted = code.replace(" ", "").replace("-", "").lower()
    if len(wanted) < WITNESS_DIGITS:
        return None
    for entry in entries:
        if str(entry.get("entry_hash", "")).startswith(wanted):
            return entry
    return None


@dataclass
class Attendance:
    """Who is present and which proxies are live, as the chain tells it: number -> entry that made it so."""

    present: dict[str, int]
    proxies: dict[str, tuple[str, bool, int]]
    """Appointer number -> (holder number or 'chair', directed, entry)."""


def replay_attendance(entries: Iterable[Mapping[str, Any]]) -> Attendance:
    state = Attendance({}, {})
    for entry in entries:
        details = entry.get("details") or {}
        action = entry.get("action")
        if not isinstance(details, Mapping) or "member" not in details and "appointer" not in details:
            continue
        sequence = int(entry["sequence"])
        if action == "member checked in":
            state.present[str(details["member"])] = sequence
            if details.get("proxy_cancelled"):
                state.proxies.pop(str(details["member"]), None)
        elif action == "member checked out":
            state.present.pop(str(details["member"]), None)
        elif action == "proxy appointed":
            holder = str(details.get("holder") or "chair")
            state.proxies[str(details["appointer"])] = (holder, bool(details.get("directed")), sequence)
        elif action == DIRECTED_ACTION:
            state.proxies[str(details["appointer"])] = (str(details.get("holder") or "chair"), True, sequence)
        elif action == "proxy cancelled":
            state.proxies.pop(str(details["appointer"]), None)
    return state


def first_attendance_difference(
    replayed: Attendance, present: set[str], proxies: Mapping[str, tuple[str, bool]], *, where: Message | None = None
) -> Message | None:
    """Name the first member whose attendance or live proxy differs between the stored tables and the chain."""
    place = where or message("record.where.meeting_file")
    for number in sorted(set(replayed.present) | present):
        if number not in present:
            return message("record.attendance.not_present", member=number, sequence=replayed.present[number],
                           where=place)
        if number not in replayed.present:
            return message("record.attendance.not_checked_in", member=number, where=place)
    for appointer in sorted(set(replayed.proxies) | set(proxies)):
        chained, kept = replayed.proxies.get(appointer), proxies.get(appointer)
        if chained is None:
            return message("record.proxy.not_appointed", member=appointer, where=place)
        if kept is None:
            return message("record.proxy.missing", member=appointer, sequence=chained[2], where=place)
        if kept != chained[:2]:
            return message("record.proxy.altered", member=appointer, where=place, holder=_holder_words(kept[0]),
                           directed=_directed_flag(kept[1]), sequence=chained[2], appointed=_holder_words(chained[0]),
                           appointed_directed=_directed_flag(chained[1]))
    return None


def _directed_flag(directed: bool) -> Message:
    """Whether a proxy is directed, as the finding says it (English "True"/"False", as it always read)."""
    return message("record.proxy.directed" if directed else "record.proxy.not_directed")


def _holder_words(holder: str) -> str | Message:
    """A proxy's holder as a finding names it: a member number as it is, the chair in the reader's language."""
    return message("record.proxy.chair") if holder == "chair" else holder


def _action_words(action: str) -> str | Message:
    """A closing entry's action in the reader's language (the record keeps it in English, as its hash covers it)."""
    known = {CLOSE_ACTION: "record.action.vote_closed", UNOPPOSED_ACTION: "record.action.nominations_closed"}
    return message(known[action]) if action in known else action
