"""The close code against the PUBLIC archive, which has no audit log.

The forger here edits only the public archive, and reseals it the way coopvote itself writes one (its own
``collect`` and ``build_archive``): new ballots CSV, digests, declarations, minutes, manifest and zip comment.
The edits keep every published figure the same (marks or classes swapped between two papers), so the recount
cannot tell: only the close entry in results.json, whose hash is the close code, can.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from coopvote.export.archive import PUBLIC, build_archive
from coopvote.export.content import BallotRow, ballots_csv, collect, item_digest
from coopvote.export.verify import Discrepancy, verify_bytes
from coopvote.record.audit import entry_hash
from coopvote.record.close_seal import SealedPaper, classes_digest, papers_digest
from coopvote.service import MeetingService
from tests.helpers import small_meeting
from tests.test_secrecy_small_classes import build as build_small_classes

Rows = list[BallotRow]


def voted_two_classes(folder: Path) -> tuple[Path, str]:
    """Item 1: PS and EMP papers, For and Against in each (the privacy minimum is 1: real classes published)."""
    service = small_meeting(folder)
    for code, marks in (("PS", [1, 1, 2]), ("EMP", [1, 2, 2])):
        batch = service.papers.add_paper_batch(1, code, 5)
        if code == "PS":
            service.voting.open_vote(1, not_quorate_reason="test meeting: nobody checked in")
        for serial, mark in zip(batch.serials, marks, strict=False):
            assert service.tellers.record_paper(batch.qr_text(serial), [mark]).accepted
    code = service.voting.close_vote(1)
    service.results.declare(1, "returning officer", reconciliation_reason="test meeting: papers recorded without packs")
    service.close()
    return folder / "small.coopvote", code


def forge(meeting: Path, change: Callable[[Rows], Rows], *, digests: bool = True, rehash: bool = True) -> bytes:
    """A public archive of ``meeting`` with item 1's papers changed and everything resealed.

    ``digests``: recompute the close entry's papers and classes digests; ``rehash``: recompute the close
    entry's hash (and so the close hash the item digest names). A forger who keeps the hash keeps the
    written-down code, but the entry's fields no longer hash to it.
    """
    service = MeetingService.open(meeting, station="forger")
    try:
        record = collect(service)
    finally:
        service.close()
    item = record.item(1)
    item.ballots = change(item.ballots)
    item.csv_bytes = ballots_csv(item.ballots)
    assert item.close_entry is not None
    entry = json.loads(json.dumps(item.close_entry))
    if digests:
        papers = [SealedPaper(r.serial, r.class_code, r.valid, r.reason, r.marks) for r in item.ballots]
        entry["details"]["papers_digest"] = papers_digest(papers)
        entry["details"]["classes_digest"] = classes_digest(papers, entry["details"]["published_classes"])
    if rehash:
        entry["entry_hash"] = entry_hash(**{k: entry[k] for k in (
            "sequence", "at", "actor", "station", "action", "details", "previous_hash", "chain")})  # fmt: skip
    item.close_entry, item.close_hash = entry, entry["entry_hash"]
    item.digest = item_digest(record.code, item.definition, item.declared_result, item.csv_bytes, item.close_hash)
    data, _digest = build_archive(record, None, "2026-12-05T20:00:00", PUBLIC)
    return data


def swap(rows: Rows, first: Callable[[BallotRow], bool], second: Callable[[BallotRow], bool], field: str) -> Rows:
    """Exchange ``field`` between the first row matching ``first`` and the first matching ``second``."""
    a = next(i for i, row in enumerate(rows) if first(row))
    b = next(i for i, row in enumerate(rows) if second(row) and i != a)
    changed = list(rows)
    changed[a] = replace(rows[a], **{field: getattr(rows[b], field)})
    changed[b] = replace(rows[b], **{field: getattr(rows[a], field)})
    assert changed != rows
    return changed


def swap_marks(rows: Rows) -> Rows:
    """A For paper and an Against paper of the same class trade marks: every figure stays the same."""
    return swap(rows, lambda r: r.class_code == "EMP" and r.marks == (1,), lambda r: r.class_code == "EMP" and r.marks == (2,),
                "marks")  # fmt: skip


def test_an_unchanged_rebuild_passes_with_the_close_code(tmp_path: Path) -> None:
    """The forger's tool is honest when nothing is changed: the failures below come from the changes alone."""
    meeting, code = voted_two_classes(tmp_path)
    report = verify_bytes(forge(meeting, lambda rows: rows), code=code)
    assert any("seals exactly the papers in the ballots CSV" in str(check) for check in report.checks)


def test_changed_marks_resealed_fail_against_the_written_close_code(tmp_path: Path) -> None:
    meeting, code = voted_two_classes(tmp_path)
    forged = forge(meeting, swap_marks)
    verify_bytes(forged)  # consistent in itself: every digest, the recount, the close entry's own hash
    with pytest.raises(Discrepancy, match="no item's close entry hashes to it: .*does not extend that witnessed head"):
        verify_bytes(forged, code=code)


def test_changed_marks_keeping_the_close_hash_fail_without_any_code(tmp_path: Path) -> None:
    """Keeping the witnessed hash while changing the entry's digests: the entry no longer hashes to it."""
    meeting, code = voted_two_classes(tmp_path)
    forged = forge(meeting, swap_marks, rehash=False)
    with pytest.raises(Discrepancy, match="item 1: its close entry in results.json does not hash to its close hash"):
        verify_bytes(forged)


def test_changed_marks_with_the_old_digests_fail_without_any_code(tmp_path: Path) -> None:
    meeting, _code = voted_two_classes(tmp_path)
    with pytest.raises(Discrepancy, match=r"item 1's papers in ballots/item-01.csv are not the papers sealed when the vote "
                                          r"closed"):  # fmt: skip
        verify_bytes(forge(meeting, swap_marks, digests=False, rehash=False))


def test_a_class_changed_where_the_csv_has_real_classes_fails(tmp_path: Path) -> None:
    """A PS For paper and an EMP For paper trade classes: the figures per class stay the same."""
    meeting, code = voted_two_classes(tmp_path)
    change = lambda rows: swap(rows, lambda r: r.class_code == "PS" and r.marks == (1,),  # noqa: E731
                               lambda r: r.class_code == "EMP" and r.marks == (1,), "class_code")  # fmt: skip
    with pytest.raises(Discrepancy, match="the classes of item 1's papers in ballots/item-01.csv are not those sealed when the vote closed"):
        verify_bytes(forge(meeting, change, digests=False, rehash=False))
    forged = forge(meeting, change)
    verify_bytes(forged)
    with pytest.raises(Discrepancy, match="does not extend that witnessed head"):
        verify_bytes(forged, code=code)


def test_a_merged_group_changed_fails_and_the_seal_reveals_no_small_class(tmp_path: Path) -> None:
    """A+INV and B papers with the same marks trade labels; and the seal cannot be used to find INV's paper."""
    service = build_small_classes(tmp_path)
    code = service.voting.close_vote(1)
    service.results.declare(1, "Returning Officer", reconciliation_reason="test meeting: papers recorded without packs")
    service.close()
    meeting = tmp_path / "small.coopvote"
    change = lambda rows: swap(rows, lambda r: r.class_code == "A+INV" and r.marks == (1,),  # noqa: E731
                               lambda r: r.class_code == "B" and r.marks == (1,), "class_code")  # fmt: skip
    with pytest.raises(Discrepancy, match="the classes of item 1's papers in ballots/item-01.csv are not those sealed when the vote closed"):
        verify_bytes(forge(meeting, change, digests=False, rehash=False))
    forged = forge(meeting, change)
    verify_bytes(forged)
    with pytest.raises(Discrepancy, match="does not extend that witnessed head"):
        verify_bytes(forged, code=code)

    # The published seal commits to the group, not the class: trying each paper of A+INV as the investor's
    # (what a digest of real classes would allow) matches none of them.
    service = MeetingService.open(meeting, station="reader")
    try:
        item = collect(service, [1]).item(1)
    finally:
        service.close()
    assert item.close_entry is not None
    details = item.close_entry["details"]
    assert details["published_classes"] == {"A": "A+INV", "INV": "A+INV"}
    group = [row for row in item.ballots if row.class_code == "A+INV"]
    for guess in group:
        papers = [SealedPaper(r.serial, ("INV" if r is guess else "A") if r in group else r.class_code, r.valid, r.reason,
                              r.marks) for r in item.ballots]  # fmt: skip
        assert classes_digest(papers, {}) != details["classes_digest"]
