"""An insider rewrites the RULE an item is counted by, not its papers: the close entry's definition seal.

The forger holds the meeting file and coopvote's own exporter (``collect``, ``recount``, ``build_archive``), so
everything the archive itself carries is recomputed: the definition, the declared result and the result
(rewritten to what the recount gives under the new rule), the item digest, declarations, minutes, manifest
and zip comment; then, step by step, the close entry's definition seal and its hash. Each change flips a
result. What catches each step is named: the seal while the close entry is left alone, the close hash while
the entry's hash is kept, and only the close code written down at the meeting once everything is recomputed.
The same rewrite made with sqlite3 in the meeting file is refused by results and export, naming item and field.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from coopvote.export.archive import PRIVATE, PUBLIC, build_archive
from coopvote.export.content import ItemRecord, ballots_csv, collect, item_digest
from coopvote.export.recount import recount
from coopvote.export.verify import Discrepancy, verify_bytes
from coopvote.meeting.spec import parse_spec
from coopvote.record.audit import entry_hash
from coopvote.record.definition_seal import definition_seal
from coopvote.service import MeetingService
from tests.helpers import SMALL_REGISTER

SPEC = """
[meeting]
name_cy = "Cyfarfod Prawf"
name_en = "Test Meeting"
date = 2026-11-28

[[classes]]
code = "PS"
name_cy = "Pobl a gefnogir"
name_en = "People supported"

[[classes]]
code = "EMP"
name_cy = "Gweithwyr"
name_en = "Employees"

[weighting]
scheme = "class-share"
shares = { PS = "1/2", EMP = "1/2" }
privacy_minimum = 1

[[items]]
number = 1
kind = "resolution"
title_cy = "Newid y rheolau"
title_en = "Change the rules"
threshold = ">= 3/5"

[[items]]
number = 2
kind = "election"
title_cy = "Ethol y Cyngor"
title_en = "Elect the Council"
method = "scottish-stv"
seats = 2
candidates = [{ name = "Siân ap Gwŷn", class = "PS" }, { name = "Rhodri Evans", class = "EMP" }, { name = "Aled Thomas", class = "EMP" }]

[[items]]
number = 3
kind = "election"
title_cy = "Ethol y Pwyllgor"
title_en = "Elect the Committee"
method = "scottish-stv"
seats = 2
candidates = ["Siân ap Gwŷn", "Rhodri Evans", "Aled Thomas"]
"""

VOTES: dict[int, dict[str, list[list[int]]]] = {
    # Item 1: PS for 2-0, EMP for 1, against 3, abstaining 2. Each class half the vote: 5/8 for of the votes cast.
    1: {"PS": [[1], [1]], "EMP": [[1], [2], [2], [2], [3], [3]]},
    # Item 2: Siân ap Gwŷn and Rhodri Evans elected.
    2: {"PS": [[1, 2], [1, 3]], "EMP": [[2, 1], [3, 2], [2, 3], [1, 2], [2, 1]]},
    # Item 3: by STV Siân ap Gwŷn and Rhodri Evans; Aled Thomas is nearly everyone's second choice, so the
    # block vote (every mark counts alike) elects him and Siân ap Gwŷn.
    3: {"PS": [[1, 3], [1, 3]], "EMP": [[2, 3], [2, 3], [2, 3], [3, 2], [2, 1]]},
}
REASON = "test meeting: papers recorded without packs"


def hold(folder: Path) -> tuple[Path, dict[int, str]]:
    """Every item voted, closed and declared (the chair's reason recorded at the declaration, after the close)."""
    service = MeetingService.create(folder / "rules.coopvote", parse_spec(SPEC, "rules.toml"), station="test")
    service.setup.import_register(SMALL_REGISTER.encode("utf-8"), "members.csv")
    codes = {}
    for item, by_class in VOTES.items():
        for code, papers in by_class.items():
            batch = service.papers.add_paper_batch(item, code, len(papers))
            if code == "PS":
                service.voting.open_vote(item, not_quorate_reason="test meeting: nobody checked in")
            for serial, marks in zip(batch.serials, papers, strict=True):
                assert service.tellers.record_paper(batch.qr_text(serial), marks).accepted
        codes[item] = service.voting.close_vote(item)
        service.results.declare(item, "Returning Officer", reconciliation_reason=REASON)
    service.close()
    return folder / "rules.coopvote", codes


def _overlay(declared: Any, recounted: Any) -> Any:
    """The declared figures with every field the recount produces set to the recount's: the forger's result."""
    if isinstance(declared, dict) and isinstance(recounted, dict):
        return {**declared, **{k: _overlay(declared.get(k), v) for k, v in recounted.items()}}
    if isinstance(declared, list) and isinstance(recounted, list) and len(declared) == len(recounted):
        return [_overlay(a, b) for a, b in zip(declared, recounted, strict=True)]
    return recounted


@dataclass(frozen=True)
class Reseal:
    definition: bool = True
    """Recompute the close entry's definition seal from the rewritten definition."""
    rehash: bool = True
    """Recompute the close entry's hash (and so the close hash the item digest names)."""


def outcome(result: dict[str, Any]) -> Any:
    return (result.get("resolution") or {}).get("carried"), (result.get("election") or {}).get("elected")


def forge(
    meeting: Path, number: int, change: Callable[[ItemRecord], None], reseal: Reseal, kind: str = PUBLIC
) -> tuple[bytes, Any, Any]:
    """A public archive of ``meeting`` with item ``number`` changed and resealed as ``reseal`` says; also the
    result declared at the meeting and the one the forged archive declares."""
    service = MeetingService.open(meeting, station="forger", backups=False)
    try:
        record = collect(service)
    finally:
        service.close()
    item = record.item(number)
    assert item.declaration is not None
    before = json.loads(json.dumps(item.declaration["result"]))
    change(item)
    item.csv_bytes = ballots_csv(item.ballots)
    recounted = recount(item.definition, item.ballots)
    item.declaration = {**item.declaration, "result": _overlay(item.declaration["result"], recounted)}
    item.result = _overlay(item.result, recounted)
    assert item.close_entry is not None
    entry = json.loads(json.dumps(item.close_entry))
    if reseal.definition:
        entry["details"].update(definition_seal(item.definition))
    if reseal.rehash:
        entry["entry_hash"] = entry_hash(**{k: entry[k] for k in (
            "sequence", "at", "actor", "station", "action", "details", "previous_hash", "chain")})  # fmt: skip
    item.close_entry, item.close_hash = entry, entry["entry_hash"]
    item.digest = item_digest(record.code, item.definition, item.declared_result, item.csv_bytes, item.close_hash)
    data, _digest = build_archive(record, None, "2026-12-05T20:00:00", kind)
    return data, before, item.declaration["result"]


def setting(name: str, value: Any) -> Callable[[ItemRecord], None]:
    return lambda item: item.definition["settings"].__setitem__(name, value)


def field(name: str, value: Any) -> Callable[[ItemRecord], None]:
    return lambda item: item.definition.__setitem__(name, value)


def swap_candidates(item: ItemRecord) -> None:
    """The ballot order rewritten: the papers' marks now name other people."""
    first, third = item.definition["candidates"][0], item.definition["candidates"][2]
    first["name"], third["name"] = third["name"], first["name"]
    first["class"], third["class"] = third["class"], first["class"]


REWRITES: list[tuple[int, str, Callable[[ItemRecord], None]]] = [
    (1, "threshold", field("threshold", ">= 2/3")),
    (1, "by_head", field("by_head", True)),
    (1, "weighting", field("weighting", {"scheme": "class-share", "shares": {"PS": "1/4", "EMP": "3/4"}, "privacy_minimum": 1})),
    (1, "settings.weighting", setting("weighting", {"shares": {"PS": "1/4", "EMP": "3/4"}})),
    (1, "settings.base", setting("base", "valid")),
    (2, "seats", field("seats", 1)),
    (2, "candidates", swap_candidates),
    (2, "settings.reserved", setting("reserved", {"EMP": {"min": 2}})),
    (3, "method", field("method", "block")),
]


@pytest.mark.parametrize(("number", "name", "change"), REWRITES, ids=[name for _n, name, _c in REWRITES])
def test_a_rewritten_rule_is_caught_by_the_seal_then_the_close_hash_then_only_the_written_close_code(
    tmp_path: Path, number: int, name: str, change: Callable[[ItemRecord], None]
) -> None:
    meeting, codes = hold(tmp_path)
    other = 2 if number == 1 else 1

    # The close entry left as it was: its definition seal names the field.
    forged, before, after = forge(meeting, number, change, Reseal(definition=False, rehash=False))
    assert outcome(after) != outcome(before)  # the rewrite flips the result; the declaration is rewritten to match
    with pytest.raises(Discrepancy, match=rf"item {number}: (its definition holds )?{re.escape(name)}\b"):
        verify_bytes(forged)

    # The seal recomputed, the witnessed hash kept: the entry no longer hashes to it.
    forged, _before, _after = forge(meeting, number, change, Reseal(rehash=False))
    with pytest.raises(Discrepancy, match=f"item {number}: its close entry in results.json does not hash to its close hash"):
        verify_bytes(forged)

    # Everything recomputed: consistent in itself, so only the code written down at the close catches it.
    forged, _before, _after = forge(meeting, number, change, Reseal())
    verify_bytes(forged)
    with pytest.raises(Discrepancy, match="no item's close entry hashes to it: .*does not extend that witnessed head"):
        verify_bytes(forged, code=codes[number])
    verify_bytes(forged, code=codes[other])  # the other item was not touched: its close code still holds


def test_the_forgers_tool_is_honest_when_nothing_changes(tmp_path: Path) -> None:
    meeting, codes = hold(tmp_path)
    for number in (1, 2):
        forged, before, after = forge(meeting, number, lambda item: None, Reseal())
        assert outcome(before) == outcome(after)
        report = verify_bytes(forged, code=codes[number])
        assert report.warnings == []


def test_a_lot_seed_other_than_the_one_drawn_at_the_close_is_refused_even_with_the_definition_resealed(tmp_path: Path) -> None:
    """The close entry names the seed it drew; the definition's seed and the results' must be that one."""
    meeting, _codes = hold(tmp_path)

    def reseed(item: ItemRecord) -> None:
        item.definition["settings"]["seed"] = int(item.definition["settings"]["seed"]) + 1

    forged, _before, _after = forge(meeting, 2, reseed, Reseal(rehash=False))
    with pytest.raises(Discrepancy, match="does not hash to its close hash"):
        verify_bytes(forged)
    forged, _before, _after = forge(meeting, 2, reseed, Reseal())  # the definition seal recomputed, the seed not
    with pytest.raises(Discrepancy, match=r"item 2: the lot seed in settings.seed \(\d+\) is not the one drawn when its vote "
                                          r"closed \(\d+, in its close entry\)"):  # fmt: skip
        verify_bytes(forged)

    def reseed_result(item: ItemRecord) -> None:
        item.result["seed"] = int(item.result["seed"]) + 1

    forged, _before, _after = forge(meeting, 2, reseed_result, Reseal())
    with pytest.raises(Discrepancy, match=r"item 2: the lot seed in result.seed"):
        verify_bytes(forged)


def test_the_amendment_flag_is_sealed_at_the_close(tmp_path: Path) -> None:
    """An amended resolution's advance papers count as its ``if_amended`` says (here: against); unmarking it,
    resealed and rewritten, makes them count as marked."""
    from tests.test_advance_per_member import _hold_meeting

    service, codes = _hold_meeting(tmp_path)
    for item in (1, 2):
        service.results.declare(item, "Returning officer", reconciliation_reason="test meeting: room papers printed one by one")
    service.close()
    meeting = tmp_path / "shares.coopvote"

    def unamend(item: ItemRecord) -> None:
        rules = item.definition["settings"]["advance"]
        assert rules["amended"] is True
        item.definition["settings"]["advance"] = {k: v for k, v in rules.items() if k not in {"amended", "amended_by"}}

    forged, before, after = forge(meeting, 1, unamend, Reseal(definition=False, rehash=False))
    # Here the resolution fails either way; what the six advance papers count for moves the weighted figures.
    assert outcome(after) == outcome(before) == (False, None)
    assert [o["weighted"] for o in after["options"]] != [o["weighted"] for o in before["options"]]
    with pytest.raises(Discrepancy, match=r"item 1: settings.advance in its definition is not what was sealed"):
        verify_bytes(forged)
    forged, before, after = forge(meeting, 1, unamend, Reseal())
    verify_bytes(forged)
    with pytest.raises(Discrepancy, match="does not extend that witnessed head"):
        verify_bytes(forged, code=codes[1])


def test_a_private_archive_checks_the_definition_seal_too_and_its_chain_holds_the_close_entry(tmp_path: Path) -> None:
    """The private archive (audit log, no meeting copy here) runs the same seal check; a close entry resealed and
    rehashed no longer is the one its audit chain holds, and the written code names a point of that chain."""
    meeting, codes = hold(tmp_path)
    change = field("threshold", ">= 2/3")
    forged, _before, _after = forge(meeting, 1, change, Reseal(definition=False, rehash=False), PRIVATE)
    with pytest.raises(Discrepancy, match=r"item 1: threshold in its definition is not what was sealed when its vote closed"):
        verify_bytes(forged, meeting_file=False)
    forged, _before, _after = forge(meeting, 1, change, Reseal(), PRIVATE)
    with pytest.raises(Discrepancy, match=r"item 1: its close hash in results.json is not the audit entry that last closed its vote"):
        verify_bytes(forged, meeting_file=False)
    honest, _before, _after = forge(meeting, 1, lambda item: None, Reseal(), PRIVATE)
    assert verify_bytes(honest, meeting_file=False, code=codes[1]).warnings == []
