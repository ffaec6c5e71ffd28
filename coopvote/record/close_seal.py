"""What a vote's close entry commits to about its papers, so the close code reaches the public archive too.

The public archive carries no audit log (its order is a timeline), so without more a close code could be
checked only against the private archive. The 'vote closed' entry therefore also carries digests of the
item's papers as they stood at the close, and the public results.json carries that whole entry: anyone
can recompute its hash from its fields, compare it with the code written down at the meeting, and compare
its digests with the ballots CSV. Editing the public archive then means finding another entry with the same
64-bit code prefix: a SHA-256 preimage.

Two digests, because the public CSV may not carry a paper's real class:

- ``papers_digest`` covers every paper's serial, valid or rejected and why, marks and band value, and not
  its class;
- ``classes_digest`` covers every paper's serial and the class *as published*: where a small class's papers
  are published under their merged group (docs/records.md, "Small classes"), the group. It is deliberately
  not a digest of the real classes: the public could try each way of splitting a merged group's papers
  between its classes until the digest matched, and so find the small class's papers. The real classes are
  committed through the ballot chain's head (``ballot_head``), in the private archive.

``published_classes`` (class -> group, for the classes relabelled at the close) lets a CSV written after
the chair chose to show the small classes be checked against the same digest.

Two more, for votes that reach the count by other roads (docs/advance-votes.md):

- ``directed_digest`` covers the directed proxy tally (class as published -> marks, with the value band on a
  ``per_member`` item -> how many): a directed vote has no paper, so nothing else commits it;
- ``advance_digest`` covers which recorded papers are advance papers (their serials), on an item that takes
  advance votes: an advance paper on a resolution amended in the room counts as the definition says, so
  moving a serial into or out of the list changes what it counts for without changing its marks.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from coopvote.messages import Message, message
from coopvote.record.audit import canonical_json

UNOPPOSED_FORMAT = "coopvote-close-unopposed-1"
PAPERS_FORMAT = "coopvote-close-papers-1"
CLASSES_FORMAT = "coopvote-close-classes-1"
DIRECTED_FORMAT = "coopvote-close-directed-1"
ADVANCE_FORMAT = "coopvote-close-advance-1"
SEAL_KEYS = ("papers_digest", "classes_digest", "published_classes", "directed_digest", "advance_digest")


@dataclass(frozen=True)
class SealedPaper:
    """A paper as the close commits to it: what a ballots CSV row holds."""

    serial: int
    class_code: str
    valid: bool
    reason: str
    marks: tuple[int, ...]
    value: str = ""
    """The band value as the CSV writes it (``5``, ``5/2``), '' for an ordinary paper."""


def _sha256(body: Any) -> str:
    return hashlib.sha256(canonical_json(body).encode("utf-8")).hexdigest()


def papers_digest(papers: Iterable[SealedPaper]) -> str:
    rows = [[p.serial, p.valid, p.reason, list(p.marks), p.value] for p in sorted(papers, key=lambda p: p.serial)]
    return _sha256({"format": PAPERS_FORMAT, "papers": rows})


def classes_digest(papers: Iterable[SealedPaper], published_classes: Mapping[str, str]) -> str:
    rows = [[p.serial, published_classes.get(p.class_code, p.class_code)] for p in sorted(papers, key=lambda p: p.serial)]
    return _sha256({"format": CLASSES_FORMAT, "papers": rows})


def directed_digest(directed: Mapping[str, Mapping[str, int]], published_classes: Mapping[str, str]) -> str:
    """A digest of the directed proxy tally (class -> marks -> how many) with classes as published.

    Directed votes have no paper, so nothing else commits them; summed into the published groups first, so
    a merged group's digest reveals no more than the public tally does, and a tally published per class or
    merged gives the same digest.
    """
    merged: dict[str, dict[str, int]] = {}
    for code, counts in directed.items():
        row = merged.setdefault(published_classes.get(code, code), {})
        for key, count in counts.items():
            if int(count):
                row[key] = row.get(key, 0) + int(count)
    body = {label: dict(sorted(row.items())) for label, row in sorted(merged.items()) if row}
    return _sha256({"format": DIRECTED_FORMAT, "directed": body})


def advance_digest(serials: Iterable[int]) -> str:
    """A digest of the serials of the item's recorded advance papers, in order (an empty list has one too)."""
    return _sha256({"format": ADVANCE_FORMAT, "serials": sorted({int(s) for s in serials})})


def _has_votes(directed: Mapping[str, Mapping[str, int]] | None) -> bool:
    return any(int(n) for counts in (directed or {}).values() for n in counts.values())


def seal(
    papers: list[SealedPaper],
    published_classes: Mapping[str, str],
    directed: Mapping[str, Mapping[str, int]] | None = None,
    advance: Iterable[int] | None = None,
) -> dict[str, Any]:
    """The details a 'vote closed' entry adds about the item's papers (and directed votes, when it has any;
    and the advance papers' serials, ``advance``, given for every item that takes advance votes)."""
    relabelled = {code: label for code, label in published_classes.items() if code != label}
    sealed = {
        "papers_digest": papers_digest(papers),
        "classes_digest": classes_digest(papers, relabelled),
        "published_classes": dict(sorted(relabelled.items())),
    }
    if directed is not None and _has_votes(directed):
        sealed["directed_digest"] = directed_digest(directed, relabelled)
    if advance is not None:
        sealed["advance_digest"] = advance_digest(advance)
    return sealed


def seal_problem(
    details: Mapping[str, Any],
    papers: list[SealedPaper],
    where: Message,
    directed: Mapping[str, Mapping[str, int]] | None = None,
    advance: Iterable[int] = (),
) -> Message | None:
    """Why ``papers`` are not the papers a close entry sealed, or None. Entries written before seals: None.

    ``advance``: the serials of the item's recorded advance papers. A close entry without ``advance_digest``
    (an item that takes no advance votes, or one closed before the digest existed) checks no list: a forger
    who removes the digest must rehash the entry, which the written close code catches.

    ``papers`` may carry real classes or published groups: both map to the same published label. ``where``
    names the papers and their place (the item's papers in the meeting file, or in an archive's CSV).
    """
    if "papers_digest" not in details:
        return None
    relabelled = details.get("published_classes") or {}
    if not isinstance(relabelled, Mapping):
        return message("seal.published_classes_not_table", where=where)
    if papers_digest(papers) != details["papers_digest"]:
        return message("seal.papers_differ", where=where)
    if classes_digest(papers, relabelled) != details.get("classes_digest"):
        return message("seal.classes_differ", where=where)
    sealed_advance = details.get("advance_digest")
    if sealed_advance is not None and advance_digest(advance) != sealed_advance:
        return message("seal.advance_differ", where=where)
    sealed_directed = details.get("directed_digest")
    if sealed_directed is None:
        if _has_votes(directed):
            return message("seal.directed_not_sealed", where=where)
        return None
    if directed_digest(directed or {}, relabelled) != sealed_directed:
        return message("seal.directed_differ", where=where)
    return None


def unopposed_digest(
    number: int, title: Mapping[str, str], seats: int, candidates: Iterable[Mapping[str, Any]], elected: Iterable[str]
) -> str:
    """A digest of what an 'elected unopposed' declaration rests on: the item, its seats, the candidates on the
    ballot (position, name, class, withdrawn) and the names declared elected.

    An election declared at the close of nominations never has a vote to close, so the 'nominations closed'
    entry carries this beside the (empty) papers' digests. ``candidates`` is shaped as the archive's item
    definition writes them, so the verifier recomputes it from the public results.json alone.
    """
    rows = [[int(c["position"]), str(c["name"]), str(c.get("class") or ""), bool(c.get("withdrawn"))]
            for c in sorted(candidates, key=lambda c: int(c["position"]))]  # fmt: skip
    body = {"format": UNOPPOSED_FORMAT, "item": int(number), "title": {"cy": str(title.get("cy", "")),
            "en": str(title.get("en", ""))}, "seats": int(seats), "candidates": rows,
            "elected": [str(name) for name in elected]}  # fmt: skip
    return _sha256(body)


def unopposed_problem(
    details: Mapping[str, Any], definition: Mapping[str, Any], declared: Mapping[str, Any]
) -> Message | None:
    """Why an unopposed item's definition and declaration are not those its close entry sealed, or None."""
    sealed = details.get("unopposed_digest")
    if not isinstance(sealed, str):
        return message("seal.unopposed_not_sealed")
    raw = declared.get("election")
    election: Mapping[str, Any] = raw if isinstance(raw, Mapping) else {}
    try:
        found = unopposed_digest(
            int(definition["number"]), definition.get("title") or {}, int(definition.get("seats") or 0),
            definition.get("candidates") or [], election.get("elected") or [],
        )  # fmt: skip
    except (KeyError, TypeError, ValueError) as error:
        return message("seal.unopposed_unreadable", detail=error)
    if found != sealed:
        return message("seal.unopposed_differs")
    return None
