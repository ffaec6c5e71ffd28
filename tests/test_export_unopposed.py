"""An election declared unopposed at the close of nominations has no papers: its archive must still verify,
public and private, and the verifier must refuse a declaration the definition does not bear out."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from coopvote.export.archive import PRIVATE, PUBLIC, build_archive
from coopvote.export.content import BallotRow, ItemRecord, MeetingRecord, collect, item_digest
from coopvote.export.unopposed import declared_unopposed, unopposed_problem
from coopvote.export.verify import Discrepancy, verify_bytes
from coopvote.record.audit import entry_hash
from coopvote.record.close_seal import unopposed_digest
from coopvote.record.definition_seal import definition_seal
from tests.test_service_nominations import ON_TIME, meeting

DEFINITION = {"kind": "election", "seats": 1, "candidates": [{"name": "Rhodri Evans", "withdrawn": False}]}
DECLARED = {"election": {"elected": ["Rhodri Evans"], "uncontested": True, "seats": 1}}


@pytest.mark.parametrize("kind", [PUBLIC, PRIVATE])
def test_an_unopposed_election_exports_and_verifies(tmp_path: Path, kind: str) -> None:
    service = meeting(tmp_path, seats=1)
    service.nominations.nominate(1, "E1", "E2", "E3", received_on=ON_TIME)
    assert service.nominations.close(1, closed_by="Gareth Morgan").uncontested
    record = collect(service, audit=kind == PRIVATE)
    data, digest = build_archive(record, None, "2026-11-28T12:00:00+00:00", kind)
    report = verify_bytes(data, meeting_file=False)
    assert report.meeting_digest == digest
    assert report.items_recounted == 1 and report.ballots_recounted == 0
    service.close()


def declared_unopposed_record(tmp_path: Path) -> tuple[MeetingRecord, str]:
    """Item 1 declared unopposed (Rhodri Evans, one seat) and the code shown when nominations closed."""
    service = meeting(tmp_path, seats=1)
    service.nominations.nominate(1, "E1", "E2", "E3", received_on=ON_TIME)
    closed = service.nominations.close(1, closed_by="Gareth Morgan")
    assert closed.uncontested and len(closed.close_code.replace(" ", "")) == 16
    record = collect(service)
    service.close()
    return record, closed.close_code


def test_the_unopposed_item_is_sealed_like_a_closed_vote_and_its_code_verifies(tmp_path: Path) -> None:
    record, code = declared_unopposed_record(tmp_path)
    item = record.item(1)
    assert item.close_entry is not None and item.close_entry["action"] == "nominations closed"
    details = item.close_entry["details"]
    assert details["elected_unopposed"] == ["Rhodri Evans"] and "papers_digest" in details and "ballot_head" in details
    assert item.close_hash.startswith(code.replace(" ", "").lower())
    for kind in (PUBLIC, PRIVATE):
        data, _digest = build_archive(record, None, "2026-11-28T12:00:00+00:00", kind)
        report = verify_bytes(data, meeting_file=False, code=code)
        assert any("seals the papers" in str(check) for check in report.checks)


def forge(record: MeetingRecord, change: Callable[[ItemRecord], None], *, reseal: bool, rehash: bool) -> bytes:
    """The public archive with item 1 changed and every digest recomputed, as coopvote itself writes one.

    ``reseal``: recompute the close entry's unopposed_digest and definition seal for the changed item; ``rehash``: recompute the
    entry's hash, and so the close hash the item's verification code names.
    """
    item = record.item(1)
    change(item)
    assert item.close_entry is not None
    entry = json.loads(json.dumps(item.close_entry))
    if reseal:
        declared = item.declared_result["election"]
        entry["details"]["unopposed_digest"] = unopposed_digest(
            1, item.definition["title"], item.definition["seats"], item.definition["candidates"], declared["elected"]
        )
        entry["details"].update(definition_seal(item.definition))  # the rewritten definition sealed too
    if rehash:
        entry["entry_hash"] = entry_hash(**{k: entry[k] for k in (
            "sequence", "at", "actor", "station", "action", "details", "previous_hash", "chain")})  # fmt: skip
    item.close_entry, item.close_hash = entry, entry["entry_hash"]
    item.digest = item_digest(record.code, item.definition, item.declared_result, item.csv_bytes, item.close_hash)
    data, _digest = build_archive(record, None, "2026-12-05T20:00:00", PUBLIC)
    return data


def elect_someone_else(item: ItemRecord) -> None:
    """A consistent rewrite: another member stands, alone, and is declared elected unopposed."""
    item.definition["candidates"][0]["name"] = "Catrin Davies"
    assert item.declaration is not None
    result = item.declaration["result"]
    result["election"]["elected"] = ["Catrin Davies"]
    result["outcome"] = {"cy": "Etholwyd heb bleidlais (diwrthwynebiad): Catrin Davies.",
                         "en": "Elected unopposed, without a vote: Catrin Davies."}


def test_a_consistent_rewrite_of_the_unopposed_item_fails_against_its_seal_or_its_written_code(tmp_path: Path) -> None:
    record, code = declared_unopposed_record(tmp_path)
    # Rewritten and resealed but with the close entry as sealed: the entry no longer vouches for it.
    with pytest.raises(Discrepancy, match="item 1, declared unopposed: its title, seats, candidates or the names declared "
                                          "elected are not those sealed when nominations closed"):  # fmt: skip
        verify_bytes(forge(record, elect_someone_else, reseal=False, rehash=False), meeting_file=False)
    record, code = declared_unopposed_record(tmp_path / "again")
    # The seal recomputed but the witnessed hash kept: the entry's fields no longer hash to it.
    with pytest.raises(Discrepancy, match="item 1: its close entry in results.json does not hash to its close hash"):
        verify_bytes(forge(record, elect_someone_else, reseal=True, rehash=False), meeting_file=False)
    record, code = declared_unopposed_record(tmp_path / "third")
    # Everything recomputed: consistent in itself, so only the code written down when nominations closed catches it.
    forged = forge(record, elect_someone_else, reseal=True, rehash=True)
    verify_bytes(forged, meeting_file=False)
    with pytest.raises(Discrepancy, match="no item's close entry hashes to it"):
        verify_bytes(forged, meeting_file=False, code=code)


def test_an_unopposed_declaration_with_its_seal_stripped_is_refused(tmp_path: Path) -> None:
    record, _code = declared_unopposed_record(tmp_path)
    item = record.item(1)
    item.close_entry, item.close_hash = None, ""
    item.digest = item_digest(record.code, item.definition, item.declared_result, item.csv_bytes, "")
    data, _digest = build_archive(record, None, "2026-12-05T20:00:00", PUBLIC)
    with pytest.raises(Discrepancy, match="declared unopposed, but results.json carries no close entry sealing"):
        verify_bytes(data, meeting_file=False)


def test_a_true_unopposed_declaration_has_no_problem() -> None:
    assert declared_unopposed(DECLARED)
    assert not declared_unopposed({"election": {"elected": ["Rhodri Evans"]}})
    assert unopposed_problem(DECLARED, DEFINITION, []) == ""


def test_an_unopposed_declaration_with_papers_or_more_candidates_than_seats_is_refused() -> None:
    paper = BallotRow(item=1, class_code="EMP", serial=1, valid=True, reason="", marks=(1,))
    assert "holds 1 papers" in str(unopposed_problem(DECLARED, DEFINITION, [paper]))
    two = {**DEFINITION, "candidates": [{"name": "Rhodri Evans"}, {"name": "Aled Thomas"}]}
    assert "2 candidates stand for 1 seats" in str(unopposed_problem(DECLARED, two, []))
    other = {"election": {"elected": ["Aled Thomas"], "uncontested": True}}
    assert "standing candidates are ['Rhodri Evans']" in str(unopposed_problem(other, DEFINITION, []))
    assert "only an election" in str(unopposed_problem(DECLARED, {**DEFINITION, "kind": "resolution"}, []))
