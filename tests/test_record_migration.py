"""A meeting file made by schema 0001 opens under 0002: upgraded in place, its chain still verifying."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import select
from sqlalchemy.orm import Session

from coopvote.errors import RecordError
from coopvote.record import db
from coopvote.record.audit import GENESIS, entry_as_dict, entry_hash, verify_chain
from coopvote.record.models import AuditEntry


def make_0001_file(path: Path) -> list[int]:
    """A file at schema 0001 with a meeting, three recorded papers and a three-entry chain, as 0001 wrote them."""
    engine = db.make_engine(path)
    with engine.begin() as connection:
        config = db._alembic_config()
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
    engine.dispose()
    database = sqlite3.connect(path)
    at = "2026-11-28 10:00:00.000000"
    database.execute(
        "INSERT INTO meeting (id, code, name_en, name_cy, society_en, society_cy, place, languages, secret, weighting, "
        "rules, created_at) VALUES (1, 'OLD1', 'Old', 'Hen', '', '', '', 'cy,en', x'00112233', '{}', '{}', ?)",
        (at,),
    )
    database.execute("INSERT INTO membership_class (id, meeting_id, position, code, name_en, name_cy, colour, vote_value) "
                     "VALUES (1, 1, 0, 'M', 'Members', 'Aelodau', '#777777', '1')")
    database.execute(
        "INSERT INTO agenda_item (id, meeting_id, number, kind, title_en, title_cy, text_en, text_cy, special, threshold, "
        "by_head, method, seats, max_marks, settings, status) VALUES (1, 1, 1, 'resolution', 'T', 'T', '', '', 0, "
        "'> 1/2', 0, '', 0, 0, '{}', 'open')"
    )
    for serial in (1, 2, 3):
        database.execute(
            "INSERT INTO recorded_ballot (item_id, class_id, serial, source, marks, valid, reject_reason, station, "
            "recorded_at) VALUES (1, 1, ?, 'keyed', '[1]', 1, '', 'teller', ?)",
            (serial, f"2026-11-28 10:0{serial}:00.000000"),
        )
    previous = GENESIS
    for sequence in (1, 2, 3):
        details = {"item": 1, "serial": sequence}
        when = datetime(2026, 11, 28, 10, sequence)
        digest = entry_hash(sequence=sequence, at=when, actor="", station="teller", action="paper recorded",
                            details=details, previous_hash=previous)
        database.execute(
            "INSERT INTO audit_entry (meeting_id, sequence, at, actor, station, action, details, previous_hash, "
            "entry_hash) VALUES (1, ?, ?, '', 'teller', 'paper recorded', ?, ?, ?)",
            (sequence, when.isoformat(sep=" ", timespec="microseconds"), f'{{"item": 1, "serial": {sequence}}}',
             previous, digest),
        )
        previous = digest
    database.commit()
    ids = [row[0] for row in database.execute("SELECT id FROM recorded_ballot ORDER BY id")]
    database.close()
    return ids


def test_a_0001_file_is_upgraded_and_its_chain_still_verifies(tmp_path: Path) -> None:
    path = tmp_path / "old.coopvote"
    old_ids = make_0001_file(path)
    assert old_ids == [1, 2, 3]
    engine = db.open_database(path)
    try:
        with Session(engine) as session:
            entries = [entry_as_dict(e) for e in session.scalars(select(AuditEntry).order_by(AuditEntry.sequence))]
        assert verify_chain(entries) is None
        assert {e["chain"] for e in entries} == {"desk"}  # what 0001 wrote stays one chain, unchanged
    finally:
        engine.dispose()
    database = sqlite3.connect(path)
    try:
        assert database.execute("SELECT version_num FROM alembic_version").fetchone()[0] == db.head_revision()
        columns = {row[1]: row[2] for row in database.execute("PRAGMA table_info(recorded_ballot)")}
        assert "recorded_at" not in columns and columns["id"] == "INTEGER"  # the id is the rowid: no hidden counter
        new_ids = [row[0] for row in database.execute("SELECT id FROM recorded_ballot")]
        assert len(new_ids) == 3 and not set(new_ids) & {1, 2, 3}
        assert all(0 < i < 2**63 for i in new_ids)
        audit_ids = [row[0] for row in database.execute("SELECT id FROM audit_entry")]
        assert not set(audit_ids) & {1, 2, 3}
    finally:
        database.close()


def test_a_file_from_a_newer_schema_is_refused_clearly(tmp_path: Path) -> None:
    path = tmp_path / "new.coopvote"
    make_0001_file(path)
    database = sqlite3.connect(path)
    database.execute("UPDATE alembic_version SET version_num = '0099'")
    database.commit()
    database.close()
    with pytest.raises(RecordError, match="newer version of coopvote"):
        db.open_database(path)
