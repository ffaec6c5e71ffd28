"""The archive's papers against its audit chain and close entries, and those against the codes people wrote down.

In a private archive the ballots CSVs must be exactly the papers a replay of ``audit.jsonl`` gives, and each
item's close entry in results.json must be the entry that last closed its vote. In any archive, public or
private, each close entry must hash to its close hash and its digests must match the ballots CSV. Those
checks catch an edit to one side alone. An insider who rewrites both and recomputes every hash is caught only
by a close code copied by hand when the vote closed: the rewritten close entry no longer hashes to it.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from coopvote.counting.privacy import classes_in_group
from coopvote.counting.register_base import REGISTER_SETTING
from coopvote.export.content import read_ballots_csv
from coopvote.messages import Message, message
from coopvote.record.audit import DESK_CHAIN, chain_name, entry_hash
from coopvote.record.close_seal import SealedPaper, seal_problem
from coopvote.record.close_seal import unopposed_problem as unopposed_seal_problem
from coopvote.record.definition_seal import definition_problem, not_sealed_warning
from coopvote.record.ledger import (
    UNOPPOSED_ACTION,
    PaperContent,
    ReplayProblem,
    ballot_head_problem,
    close_entries,
    find_witnessed,
    first_paper_difference,
    is_close,
    replay_papers,
)


def audit_of(members: Mapping[str, bytes]) -> list[dict[str, Any]]:
    """The entries of audit.jsonl (already checked to be JSON lines with an intact chain)."""
    return [json.loads(line) for line in members["audit.jsonl"].decode("utf-8").splitlines() if line.strip()]


def published_classes_of(results: Mapping[str, Any], members: Mapping[str, bytes]) -> dict[tuple[int, str], str]:
    """(item, class) -> the merged group its papers are published under in the ballots CSVs (docs/records.md)."""
    published_as: dict[tuple[int, str], str] = {}
    for entry in results["items"]:
        classes = list(entry["definition"]["classes"])
        for row in read_ballots_csv(members[entry["ballots_file"]], entry["ballots_file"]):
            for code in classes_in_group(row.class_code, classes) or []:
                published_as[(row.item, code)] = row.class_code
    return published_as


def papers_problem(members: Mapping[str, bytes], results: Mapping[str, Any]) -> Message | None:
    """Why the ballots CSVs are not the papers the audit chain recorded, or None when they are.

    The chain holds each paper's real class; a CSV may carry a small class's merged group instead, so the
    chain's class is compared as it would be published.
    """
    entries = audit_of(members)
    try:
        replayed = replay_papers(entries)
    except (ReplayProblem, KeyError, TypeError, ValueError) as error:
        return message("verify.audit_replay", detail=error.words if isinstance(error, ReplayProblem) else error)
    published_as = published_classes_of(results, members)
    for (item, _serial), paper in replayed.items():
        if paper.content is not None and (item, paper.content.class_code) in published_as:
            paper.content = replace(paper.content, class_code=published_as[(item, paper.content.class_code)])
    stored: dict[tuple[int, int], PaperContent] = {}
    numbers = []
    for entry in results["items"]:
        numbers.append(int(entry["number"]))
        for row in read_ballots_csv(members[entry["ballots_file"]], entry["ballots_file"]):
            stored[(row.item, row.serial)] = PaperContent(row.class_code, row.valid, row.reason, row.marks)
    difference = first_paper_difference(replayed, stored, where=message("verify.where_ballots_csvs"), items=numbers)
    if difference is not None:
        return message("verify.ballots_differ_from_audit", detail=difference)
    problem = ballot_head_problem(entries)
    if problem is not None:
        return message("verify.audit_replay", detail=problem)
    closes = close_entries(entries)
    for entry in results["items"]:
        close_hash = entry.get("close_hash") or ""
        number = int(entry["number"])
        closed = closes.get(number)
        if close_hash and (closed is None or closed["entry_hash"] != close_hash):
            return message("verify.close_hash_not_last_close", item=number)
        if closed is not None and close_hash != closed["entry_hash"]:
            return message("verify.close_hash_missing", item=number, sequence=closed["sequence"])
        if closed is not None and entry.get("close_entry") != closed:
            return message("verify.close_entry_differs", item=number, sequence=closed["sequence"])
    return None


def close_entry_problem(entry: Mapping[str, Any], members: Mapping[str, bytes]) -> Message | None:
    """Why an item's close entry in results.json does not vouch for its ballots CSV, or None.

    This is what lets a close code reach the public archive: the entry's hash must recompute from its
    fields and equal ``close_hash``, and its digests must match the CSV's papers and the item's definition
    (the rule they are counted by), and its lot seed the seed the definition and results use. A forger who
    changes a paper or the rule must change the digests, so the entry's hash, so its code: no longer the one
    written down.
    """
    number = entry.get("number")
    close_hash = entry.get("close_hash") or ""
    closed = entry.get("close_entry")
    if not close_hash:
        return None if closed is None else message("verify.close_entry_without_hash", item=number)
    if not isinstance(closed, Mapping) or not isinstance(closed.get("details"), Mapping):
        return message("verify.close_hash_without_entry", item=number)
    details = closed["details"]
    try:
        recomputed = entry_hash(
            sequence=int(closed["sequence"]), at=str(closed["at"]), actor=str(closed["actor"]),
            station=str(closed["station"]), action=str(closed["action"]), details=details,
            previous_hash=str(closed["previous_hash"]), chain=str(closed["chain"]),
        )  # fmt: skip
    except (KeyError, TypeError, ValueError) as error:
        return message("verify.close_entry_malformed", item=number, detail=error)
    if not is_close(closed) or closed["chain"] != DESK_CHAIN or details.get("item") != number:
        return message("verify.close_entry_not_a_close", item=number)
    if recomputed != closed.get("entry_hash") or recomputed != close_hash:
        return message("verify.close_entry_rehashed", item=number)
    name = str(entry["ballots_file"])
    papers = [
        SealedPaper(row.serial, row.class_code, row.valid, row.reason, row.marks, "" if row.value is None else str(row.value))
        for row in read_ballots_csv(members[name], name)
    ]
    directed = (entry.get("definition") or {}).get("directed") or {}
    if not isinstance(directed, Mapping):
        return message("verify.directed_not_table", item=number)
    advance = (entry.get("definition") or {}).get("advance_serials") or []
    if not isinstance(advance, list) or not all(isinstance(s, int) and not isinstance(s, bool) for s in advance):
        return message("verify.advance_not_list", item=number)
    where = message("verify.item_papers_in", item=number, name=name)
    problem = seal_problem(details, papers, where, directed, advance)
    frozen = ((entry.get("definition") or {}).get("settings") or {}).get(REGISTER_SETTING)
    if problem is None and "register_members" in details and details["register_members"] != frozen:
        return message("verify.register_not_frozen", item=number, setting=REGISTER_SETTING)
    if problem is None and closed["action"] == UNOPPOSED_ACTION:
        declared = (entry.get("declaration") or {}).get("result") or entry.get("result") or {}
        unopposed = unopposed_seal_problem(details, entry.get("definition") or {}, declared)
        if unopposed is not None:
            return message("verify.unopposed_seal", item=number, problem=unopposed)
    if problem is None:
        return definition_problem(
            int(number), details, entry.get("definition") or {}, results_with_seeds(entry),
            count_seed=closed["action"] != UNOPPOSED_ACTION,
        )  # fmt: skip
    return problem



def results_with_seeds(entry: Mapping[str, Any]) -> dict[str, Any]:
    """Where an archive's item names the lot seed its count used, besides its definition: label -> result."""
    declaration = entry.get("declaration")
    declared = declaration.get("result") if isinstance(declaration, Mapping) else None
    return {"result.seed": entry.get("result"), "declaration.result.seed": declared}


def definition_warning(entry: Mapping[str, Any]) -> Message | None:
    """A warning for an item whose close entry (written before definitions were sealed) does not cover its
    definition: verify says so and passes, since the archive is as that coopvote wrote it."""
    closed = entry.get("close_entry")
    if not isinstance(closed, Mapping) or not isinstance(closed.get("details"), Mapping):
        return None
    return not_sealed_warning(int(entry["number"]), closed["details"])


def witnessed_entry(members: Mapping[str, bytes], results: Mapping[str, Any], code: str) -> Mapping[str, Any] | None:
    """The entry whose hash a written-down close code names, or None.

    In a private archive any entry of the (intact) chain; in a public one, which has no audit log, an item's
    close entry in results.json (already checked to hash to its close hash and to seal the CSV's papers).
    """
    if "audit.jsonl" in members:
        return find_witnessed(audit_of(members), code)
    return find_witnessed([e["close_entry"] for e in results["items"] if isinstance(e.get("close_entry"), Mapping)], code)


def describe_witnessed(entry: Mapping[str, Any]) -> Message:
    details = entry.get("details") or {}
    action = str(entry.get("action", ""))
    if isinstance(details, Mapping) and "item" in details:
        return message("verify.witnessed_item", sequence=entry["sequence"], action=action, item=details["item"])
    return message("verify.witnessed", sequence=entry["sequence"], action=action)


def first_audit_difference(rows: list[tuple[Any, ...]], lines: list[str], name: str) -> Message | None:
    """The first entry (by chain, then sequence) where the archive's copy of the meeting file and audit.jsonl differ.

    Comparing only the count and the last hash would let the copy's earlier entries (who checked in,
    which marks) be edited and the manifest resealed without notice.
    """
    for row, line in zip(rows, lines, strict=False):
        entry = json.loads(line)
        chain, sequence, action, details, previous_hash, digest = row
        stored = json.loads(details) if isinstance(details, str) else details
        if (str(chain), int(sequence), action, stored, previous_hash, digest) != (
            entry.get("chain", "desk"), entry["sequence"], entry["action"], entry["details"], entry["previous_hash"],
            entry["entry_hash"],
        ):
            return message("verify.meeting_file_audit_entry", name=name, chain=chain_name(str(chain)), sequence=int(sequence))
    if len(rows) != len(lines):
        return message("verify.meeting_file_audit_count", name=name, in_file=len(rows), in_archive=len(lines))
    return None
