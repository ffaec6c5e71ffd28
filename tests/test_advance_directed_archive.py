"""An insider edits the public archive's directed proxy tally (and advance papers) and reseals what they can.

The forger holds the meeting file and coopvote's own exporter (``collect`` and ``build_archive``), so every
digest they can recompute is recomputed: the ballots CSV, the item digest, the declared result and the
result (rewritten to what the recount now gives), the declarations, minutes, manifest and zip comment, and,
step by step, the close entry's ``papers_digest``, ``directed_digest``, ``advance_digest`` and its hash. What catches each step
is named: the seal while the close entry is left alone, the close hash while the entry's hash is kept, and
only the close code written down at the meeting once the forger rehashes the entry.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pytest

from coopvote.errors import InputError, RecordError
from coopvote.export.archive import PUBLIC, build_archive
from coopvote.export.content import ItemRecord, ballots_csv, collect, item_digest
from coopvote.export.recount import recount
from coopvote.export.verify import Discrepancy, verify_bytes
from coopvote.record.audit import entry_hash
from coopvote.record.close_seal import SealedPaper, advance_digest, directed_digest, papers_digest
from coopvote.service import MeetingService
from tests.test_advance_per_member import _hold_meeting


@dataclass(frozen=True)
class Reseal:
    papers: bool = True
    directed: bool = True
    advance: bool = False
    """Reseal the close entry's ``advance_digest`` (left alone by default: most attacks here leave the list as it was)."""
    rehash: bool = True


def _declared(tmp_path: Path) -> tuple[Path, dict[int, str]]:
    service, codes = _hold_meeting(tmp_path)
    for item in (1, 2):
        service.results.declare(item, "Returning officer", reconciliation_reason="test meeting: room papers printed one by one")
    service.close()
    return tmp_path / "shares.coopvote", codes


def _overlay(declared: Any, recounted: Any) -> Any:
    """The declared figures with every field the recount produces set to the recount's: the forger's result."""
    if isinstance(declared, dict) and isinstance(recounted, dict):
        return {**declared, **{k: _overlay(declared.get(k), v) for k, v in recounted.items()}}
    if isinstance(declared, list) and isinstance(recounted, list) and len(declared) == len(recounted):
        return [_overlay(a, b) for a, b in zip(declared, recounted, strict=True)]
    return recounted


def forge(meeting: Path, change: Callable[[ItemRecord], None], reseal: Reseal) -> bytes:
    """A public archive of ``meeting`` with item 1 changed by ``change`` and resealed as ``reseal`` says."""
    service = MeetingService.open(meeting, station="forger", backups=False)
    try:
        record = collect(service)
    finally:
        service.close()
    item = record.item(1)
    change(item)
    item.csv_bytes = ballots_csv(item.ballots)
    recounted = recount(item.definition, item.ballots)
    assert item.declaration is not None
    item.declaration = {**item.declaration, "result": _overlay(item.declaration["result"], recounted)}
    item.result = _overlay(item.result, recounted)
    assert item.close_entry is not None
    entry = json.loads(json.dumps(item.close_entry))
    details = entry["details"]
    if reseal.papers:
        details["papers_digest"] = papers_digest(
            [SealedPaper(r.serial, r.class_code, r.valid, r.reason, r.marks, "" if r.value is None else str(r.value))
             for r in item.ballots]
        )  # fmt: skip
    if reseal.directed:
        details["directed_digest"] = directed_digest(item.definition.get("directed") or {}, details["published_classes"])
    if reseal.advance:
        details["advance_digest"] = advance_digest(item.definition.get("advance_serials") or [])
    if reseal.rehash:
        entry["entry_hash"] = entry_hash(**{k: entry[k] for k in (
            "sequence", "at", "actor", "station", "action", "details", "previous_hash", "chain")})  # fmt: skip
    item.close_entry, item.close_hash = entry, entry["entry_hash"]
    item.digest = item_digest(record.code, item.definition, item.declared_result, item.csv_bytes, item.close_hash)
    data, _digest = build_archive(record, None, "2026-12-05T20:00:00", PUBLIC)
    return data


def turn_a_directed_vote(item: ItemRecord) -> None:
    """E02's directed vote (EMP, value 1) turned from for to against: the weighted result moves by 2."""
    directed = item.definition["directed"]
    directed["EMP"] = {"2 @1": 1, "2 @2": 1, "2 @5": 1}


def swap_with_a_paper(item: ItemRecord) -> None:
    """E02's directed vote for and E03's room paper against (both EMP, value 1) trade choices: no figure moves."""
    item.definition["directed"]["EMP"] = {"2 @1": 1, "2 @2": 1, "2 @5": 1}
    advance = set(item.definition.get("advance_serials", []))
    index = next(i for i, r in enumerate(item.ballots)
                 if r.class_code == "EMP" and r.value == 1 and r.marks == (2,) and r.serial not in advance)  # fmt: skip
    item.ballots[index] = replace(item.ballots[index], marks=(1,))


def test_the_forgers_tool_is_honest_when_nothing_changes(tmp_path: Path) -> None:
    meeting, codes = _declared(tmp_path)
    verify_bytes(forge(meeting, lambda item: None, Reseal()), code=codes[1])


def test_a_turned_directed_vote_with_the_close_entry_left_alone_is_refused_by_the_directed_digest(tmp_path: Path) -> None:
    meeting, _codes = _declared(tmp_path)
    forged = forge(meeting, turn_a_directed_vote, Reseal(directed=False, rehash=False))
    with pytest.raises(Discrepancy, match=r"directed proxy votes beside item 1's papers .*\(directed_digest differs\)"):
        verify_bytes(forged)


def test_a_turned_directed_vote_resealed_but_keeping_the_close_hash_does_not_hash(tmp_path: Path) -> None:
    meeting, _codes = _declared(tmp_path)
    forged = forge(meeting, turn_a_directed_vote, Reseal(rehash=False))
    with pytest.raises(Discrepancy, match="item 1: its close entry in results.json does not hash to its close hash"):
        verify_bytes(forged)


def test_a_turned_directed_vote_resealed_and_rehashed_is_caught_only_by_the_written_close_code(tmp_path: Path) -> None:
    meeting, codes = _declared(tmp_path)
    forged = forge(meeting, turn_a_directed_vote, Reseal())
    verify_bytes(forged)  # consistent in itself: every digest, the recount, the declared result, the seal
    with pytest.raises(Discrepancy, match="does not extend that witnessed head"):
        verify_bytes(forged, code=codes[1])
    verify_bytes(forged, code=codes[2])  # item 2 was not touched: its close code still holds


def test_a_directed_vote_swapped_with_a_paper_changes_no_figure_and_is_caught_by_the_close_code(tmp_path: Path) -> None:
    meeting, codes = _declared(tmp_path)
    with pytest.raises(Discrepancy, match="directed_digest differs"):
        verify_bytes(forge(meeting, swap_with_a_paper, Reseal(directed=False)))  # papers resealed, tally forgotten
    forged = forge(meeting, swap_with_a_paper, Reseal())
    verify_bytes(forged)
    with pytest.raises(Discrepancy, match="does not extend that witnessed head"):
        verify_bytes(forged, code=codes[1])


def test_a_directed_vote_stripped_of_its_band_and_resealed_is_refused_by_the_recount(tmp_path: Path) -> None:
    meeting, _codes = _declared(tmp_path)

    def strip(item: ItemRecord) -> None:
        item.definition["directed"]["EMP"] = {"1": 1, "2 @2": 1, "2 @5": 1}

    with pytest.raises(InputError, match=r"item 1, class EMP: a directed proxy vote \(marks 1\) carries no value band"):
        forge(meeting, strip, Reseal())  # coopvote's own recount (verify's too) refuses the archive it would make


def relabel_a_room_paper_as_advance(item: ItemRecord) -> None:
    """E04's room paper for (EMP, value 1) listed among the advance serials of the amended resolution: it now
    counts as against. The reconciliation's advance papers are raised to match, so every figure agrees."""
    advance = set(item.definition["advance_serials"])
    room_for = next(r for r in item.ballots if r.class_code == "EMP" and r.marks == (1,) and r.serial not in advance)
    item.definition["advance_serials"] = sorted(advance | {room_for.serial})
    for row in item.reconciliation:
        if row["class"] == "EMP":
            row["sources"] = {**row["sources"], "advance_papers": row["sources"]["advance_papers"] + 1}


def test_a_room_paper_relabelled_as_advance_and_resealed_is_caught_by_the_close_code(tmp_path: Path) -> None:
    meeting, codes = _declared(tmp_path)
    with pytest.raises(Discrepancy, match=r"item 1's papers in ballots/item-01.csv: which of them are advance papers .*\(advance_digest differs\)"):
        verify_bytes(forge(meeting, relabel_a_room_paper_as_advance, Reseal()))
    forged = forge(meeting, relabel_a_room_paper_as_advance, Reseal(advance=True))
    verify_bytes(forged)
    with pytest.raises(Discrepancy, match="does not extend that witnessed head"):
        verify_bytes(forged, code=codes[1])


def test_a_room_paper_turned_into_an_advance_paper_in_the_meeting_file_is_refused_by_the_seal(tmp_path: Path) -> None:
    """The same move behind the service's back (a room batch marked as advance papers): the chain's papers are
    unchanged, so only the close entry's advance_digest can tell."""
    meeting, _codes = _declared(tmp_path)
    with sqlite3.connect(meeting) as connection:
        changed = connection.execute(
            "UPDATE paper_batch SET kind = 'advance' WHERE kind = 'paper' AND item_id = "
            "(SELECT id FROM agenda_item WHERE number = 1) AND id = (SELECT MIN(id) FROM paper_batch WHERE kind = 'paper')"
        ).rowcount
    assert changed == 1
    reopened = MeetingService.open(meeting, backups=False)
    try:
        with pytest.raises(RecordError, match=r"which of them are advance papers is not what was sealed .*advance_digest differs"):
            reopened.results.item_result(1)
    finally:
        reopened.close()
