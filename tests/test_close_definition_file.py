"""The item's definition in the MEETING FILE against its close entry's seal; what the chair may still record
after a close; and records closed before coopvote sealed definitions.

An insider with sqlite3 edits the rule an item is counted by after its vote closed (the threshold, the weighting,
the seats, the ballot order, a setting): results and export refuse, naming the item and the field. The chair's
decisions recorded after the close (a reason at the declaration, a casting vote, publishing small classes) are
not part of the seal and trip nothing. A close entry written before the seal existed is checked for what it
does carry (the lot seed), and verify passes it with a warning that the definition is not sealed.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from coopvote.cli import main as cli
from coopvote.errors import RecordError
from coopvote.export.archive import PUBLIC, build_archive, export_meeting
from coopvote.export.content import ItemRecord, collect, item_digest
from coopvote.export.verify import Discrepancy, verify_archive, verify_bytes
from coopvote.messages import current_language, set_language
from coopvote.record.audit import entry_hash
from coopvote.record.definition_seal import AFTER_CLOSE_SETTINGS
from coopvote.record.models import AuditEntry
from coopvote.service import MeetingService
from tests.helpers import small_meeting
from tests.test_close_definition_seal import hold
from tests.test_record_integrity import rewrite_chains, sql

ITEM_1 = "WHERE number = 1"
ITEM_2 = "WHERE number = 2"
EDITS: list[tuple[int, str, str]] = [
    (1, "threshold", f"UPDATE agenda_item SET threshold = '>= 2/3' {ITEM_1}"),
    (1, "by_head", f"UPDATE agenda_item SET by_head = 1 {ITEM_1}"),
    (1, "weighting", "UPDATE meeting SET weighting = json_set(weighting, '$.shares.PS', '1/4', '$.shares.EMP', '3/4')"),
    (1, "settings.base", f"UPDATE agenda_item SET settings = json_set(settings, '$.base', 'valid') {ITEM_1}"),
    (2, "seats", f"UPDATE agenda_item SET seats = 1 {ITEM_2}"),
    (2, "method", f"UPDATE agenda_item SET method = 'meek' {ITEM_2}"),
    (2, "candidates", "UPDATE candidate SET name = CASE position WHEN 1 THEN 'Aled Thomas' WHEN 3 THEN 'Siân ap Gwŷn' "
                      "ELSE name END WHERE item_id = (SELECT id FROM agenda_item WHERE number = 2)"),
    (2, "settings.reserved",
     f"UPDATE agenda_item SET settings = json_set(settings, '$.reserved', json('{{\"EMP\": {{\"min\": 2}}}}')) {ITEM_2}"),
    (2, "settings.seed", f"UPDATE agenda_item SET settings = json_set(settings, '$.seed', 7) {ITEM_2}"),
    (1, "settings.tie", f"UPDATE agenda_item SET settings = json_set(settings, '$.tie', 'lot') {ITEM_1}"),
    (1, "rules", "UPDATE meeting SET rules = json_set(rules, '$.chair', 'Someone Else')"),
    (2, "settings.register_members",
     f"UPDATE agenda_item SET settings = json_set(settings, '$.register_members', json('{{\"PS\": 9}}')) {ITEM_2}"),
]


@pytest.mark.parametrize(("number", "name", "statement"), EDITS, ids=[name for _n, name, _s in EDITS])
def test_a_rule_edited_in_the_meeting_file_after_the_close_is_refused_naming_item_and_field(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], number: int, name: str, statement: str
) -> None:
    meeting, _codes = hold(tmp_path)
    assert sql(meeting, statement) >= 1
    named = rf"item {number}: (its definition holds )?{re.escape(name)}\b.*\(audit entry \d+ of the desk chain\)"
    service = MeetingService.open(meeting, backups=False)
    try:
        with pytest.raises(RecordError, match=named):
            service.results.item_result(number)
    finally:
        service.close()
    with pytest.raises(RecordError, match=named):
        export_meeting(meeting, tmp_path / "record.zip")
    assert not (tmp_path / "record.zip").exists()
    assert cli(["results", str(meeting), "--item", str(number)]) == RecordError.exit_code
    assert cli(["export", str(meeting), "--out", str(tmp_path / "record.zip")]) == RecordError.exit_code
    assert re.search(named, capsys.readouterr().err)


def test_the_chairs_decisions_recorded_after_the_close_do_not_trip_the_seal(tmp_path: Path) -> None:
    """A casting vote, small classes published, a reason for papers that do not reconcile: all after the close."""
    service = small_meeting(tmp_path)
    batch = service.papers.add_paper_batch(1, "EMP", 4)
    service.voting.open_vote(1, not_quorate_reason="test meeting: nobody checked in")
    for serial, marks in zip(batch.serials, ([1], [2]), strict=False):
        assert service.tellers.record_paper(batch.qr_text(serial), marks).accepted
    code = service.voting.close_vote(1)
    service.results.set_casting_vote(1, "for", "Gwen Morgan")
    service.results.show_small_classes(1, "Gwen Morgan", "the members asked to see every class")
    service.results.declare(1, "Returning Officer", reconciliation_reason="test meeting: papers recorded without packs")
    record = collect(service, [1])
    settings = record.item(1).definition["settings"]
    assert {"casting_vote", "casting_chair", "show_small_classes", "decisions"} <= set(settings) <= AFTER_CLOSE_SETTINGS | {"seed"}
    assert record.item(1).close_entry is not None
    sealed = record.item(1).close_entry["details"]["definition_fields"]
    assert set(sealed) >= {"threshold", "weighting", "settings.seed"} and not any(
        name.removeprefix("settings.") in AFTER_CLOSE_SETTINGS for name in sealed
    )
    service.close()
    summary = export_meeting(tmp_path / "small.coopvote", tmp_path / "record.zip")
    assert summary.private_path is not None
    for archive in (tmp_path / "record.zip", summary.private_path):
        report = verify_archive(archive, code=code)
        assert report.warnings == []


def strip_definition_seal(details: dict[str, object]) -> dict[str, object]:
    return {k: v for k, v in details.items() if k not in {"definition_digest", "definition_fields"}}


def test_an_archive_closed_before_definitions_were_sealed_verifies_with_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """What an older coopvote wrote: a close entry with no definition digest, hashed as it stands."""
    meeting, _codes = hold(tmp_path)
    service = MeetingService.open(meeting, backups=False)
    try:
        record = collect(service)
    finally:
        service.close()
    item = record.item(1)
    assert item.close_entry is not None
    entry = {**item.close_entry, "details": strip_definition_seal(item.close_entry["details"])}
    entry["entry_hash"] = entry_hash(**{k: entry[k] for k in (
        "sequence", "at", "actor", "station", "action", "details", "previous_hash", "chain")})  # fmt: skip
    item.close_entry, item.close_hash = entry, entry["entry_hash"]
    item.digest = item_digest(record.code, item.definition, item.declared_result, item.csv_bytes, item.close_hash)
    data, _digest = build_archive(record, None, "2026-12-05T20:00:00", PUBLIC)
    old_code = item.close_hash[:16]
    report = verify_bytes(data, code=old_code)
    assert [w.render("en") for w in report.warnings] == [
        "item 1: its close entry was written before coopvote sealed an item's definition, so its close code does not "
        "cover the rule its papers are counted by (threshold, weighting, seats, method, candidates; the lot seed "
        "apart): only the item's verification code on a kept declaration does"
    ]
    archive = tmp_path / "old.zip"
    archive.write_bytes(data)
    previous = current_language()
    try:
        assert cli(["--lang", "en", "verify", str(archive), "--quiet"]) == 0
    finally:
        set_language(previous)  # the command line sets the reading language for the whole process
    assert "WARNING: item 1: its close entry was written before coopvote sealed" in capsys.readouterr().err


def test_a_meeting_file_closed_before_definitions_were_sealed_still_counts_exports_and_checks_its_seed(tmp_path: Path) -> None:
    meeting, _codes = hold(tmp_path)

    def strip(entry: AuditEntry) -> bool:
        if entry.action != "vote closed":
            return False
        entry.details = strip_definition_seal(dict(entry.details or {}))
        return True

    assert rewrite_chains(meeting, strip, fix_closes=False) == 3  # the chain is whole again, as an old file's is
    summary = export_meeting(meeting, tmp_path / "record.zip")
    assert summary.private_path is not None
    report = verify_archive(summary.private_path)
    assert sorted(w.render("en")[:6] for w in report.warnings) == ["item 1", "item 2", "item 3"]

    # Not sealed, so a changed rule is for a kept declaration's code to catch (docs/records.md) ...
    sql(meeting, f"UPDATE agenda_item SET threshold = '>= 2/3' {ITEM_1}")
    service = MeetingService.open(meeting, backups=False)
    try:
        service.results.item_result(1)
    finally:
        service.close()
    # ... but the lot seed the old close entry names is still compared.
    sql(meeting, f"UPDATE agenda_item SET settings = json_set(settings, '$.seed', 7) {ITEM_2}")
    with pytest.raises(RecordError, match=r"item 2: the lot seed in settings.seed \(7\) is not the one drawn when its vote closed"):
        export_meeting(meeting, tmp_path / "again.zip")


def test_an_item_declared_unopposed_seals_its_definition_too(tmp_path: Path) -> None:
    """The 'nominations closed' entry that declares the seats carries the definition seal: a method rewritten
    in the archive (outside what the unopposed digest covers) is named; its lot seed is the ballot order's."""
    from tests.test_export_unopposed import declared_unopposed_record, forge

    record, code = declared_unopposed_record(tmp_path)
    details = record.item(1).close_entry["details"] if record.item(1).close_entry else {}
    assert "definition_digest" in details and "settings.seed" not in details["definition_fields"]
    data, _digest = build_archive(record, None, "2026-12-05T20:00:00", PUBLIC)
    assert verify_bytes(data, meeting_file=False, code=code).warnings == []

    def other_method(item: ItemRecord) -> None:
        item.definition["method"] = "meek" if item.definition["method"] != "meek" else "wigm"

    with pytest.raises(Discrepancy, match=r"item 1: method in its definition is not what was sealed when its vote closed"):
        verify_bytes(forge(record, other_method, reseal=False, rehash=False), meeting_file=False)


def test_a_show_of_hands_before_the_poll_is_sealed_as_the_export_publishes_it(tmp_path: Path) -> None:
    """The close builds the definition from the meeting file, the export from the count: the same show of hands."""
    service = small_meeting(tmp_path)
    service.results.record_show_of_hands(1, {"PS": (2, 0, 0), "EMP": (1, 3, 0)})
    service.results.demand_poll(1, "Rhodri Evans")
    batch = service.papers.add_paper_batch(1, "EMP", 3)
    service.voting.open_vote(1, not_quorate_reason="test meeting: nobody checked in")
    for serial in batch.serials:
        assert service.tellers.record_paper(batch.qr_text(serial), [1]).accepted
    code = service.voting.close_vote(1)
    item = collect(service, [1]).item(1)
    assert item.definition["show_of_hands"] == {"counts": {"PS": [2, 0, 0], "EMP": [1, 3, 0]}, "poll_demanded_by": "Rhodri Evans"}
    assert item.close_entry is not None and "show_of_hands" in item.close_entry["details"]["definition_fields"]
    service.close()
    summary = export_meeting(tmp_path / "small.coopvote", tmp_path / "record.zip")
    assert verify_archive(summary.path, code=code).warnings == []
    sql(tmp_path / "small.coopvote", "UPDATE show_of_hands SET poll_demanded_by = 'Catrin Davies'")
    with pytest.raises(RecordError, match=r"item 1: show_of_hands in its definition is not what was sealed"):
        export_meeting(tmp_path / "small.coopvote", tmp_path / "again.zip")
