"""Moving a meeting between its file and a PostgreSQL server, losing nothing.

Before the meeting the chair moves the file to the server so several teller stations can share it;
afterwards it comes back to a file for the export archive. The copy is made table by table in
foreign-key order with the same column types on both ends, keeping every id, so the audit chain,
whose entries are hashed with their content, verifies on the copy as on the original. The target
must be new and empty, the copy happens in one transaction, and it is compared row by row with
the source before it is reported done; a copy that differs is removed rather than left half-right.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, Table, func, inspect, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from coopvote.errors import RecordError
from coopvote.messages import Bilingual, Message, message
from coopvote.record.audit import DESK_CHAIN, GENESIS, entry_as_dict, entry_hash, verify_chain
from coopvote.record.connection import display_target, is_postgres
from coopvote.record.db import create_database, is_url, make_engine, open_database
from coopvote.record.ledger import MOVED_ACTION
from coopvote.record.models import AuditEntry, Base, Meeting
from coopvote.record.types import utcnow

CHUNK = 1000
"""Rows per INSERT: big enough to be quick, small enough that ballot images never fill memory."""


@dataclass
class TransferReport:
    source: str
    target: str
    rows: dict[str, int] = field(default_factory=dict)
    audit_entries: int = 0

    @property
    def total_rows(self) -> int:
        return sum(self.rows.values())


def tables_in_order() -> list[Table]:
    """Every meeting table, parents before children, so foreign keys hold at each insert."""
    return list(Base.metadata.sorted_tables)


def _rows(connection: Connection, table: Table, *, copied_only: bool = False) -> Iterator[dict[str, Any]]:
    key = list(table.primary_key.columns)
    query = select(table).order_by(*key)
    if copied_only and table.name == AuditEntry.__tablename__:
        query = query.where(table.c.action != MOVED_ACTION)
    result = connection.execution_options(yield_per=CHUNK).execute(query)
    for row in result:
        yield dict(row._mapping)


def _copy_table(source: Connection, target: Connection, table: Table) -> int:
    copied = 0
    chunk: list[dict[str, Any]] = []
    for row in _rows(source, table):
        chunk.append(row)
        if len(chunk) >= CHUNK:
            target.execute(table.insert(), chunk)
            copied += len(chunk)
            chunk = []
    if chunk:
        target.execute(table.insert(), chunk)
        copied += len(chunk)
    return copied


def _reset_sequences(target: Connection, tables: list[Table]) -> None:
    """PostgreSQL's id sequences do not see ids inserted explicitly: move each past the largest id."""
    for table in tables:
        if "id" not in table.columns or not table.c.id.autoincrement:
            continue
        target.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                f"COALESCE((SELECT MAX(id) FROM {table.name}), 1), "
                f"(SELECT MAX(id) FROM {table.name}) IS NOT NULL)"
            )
        )


def compare(source: Engine, target: Engine, *, tables: list[Table] | None = None) -> list[Message]:
    """Differences between two meetings, table by table and row by row ([] when they are the same).

    The 'meeting moved' entry a transfer appends to its source afterwards is not part of what was copied,
    so it is left out on both sides.
    """
    differences: list[Message] = []
    with source.connect() as left, target.connect() as right:
        for table in tables or tables_in_order():
            counting = select(func.count()).select_from(table)
            if table.name == AuditEntry.__tablename__:
                counting = counting.where(table.c.action != MOVED_ACTION)
            left_count = left.scalar(counting) or 0
            right_count = right.scalar(counting) or 0
            if left_count != right_count:
                differences.append(message("record.transfer.row_count_differs", table=table.name,
                                           source_rows=left_count, copy_rows=right_count))
                continue
            for a, b in zip(_rows(left, table, copied_only=True), _rows(right, table, copied_only=True), strict=True):
                if a != b:
                    changed = sorted(name for name in a if a[name] != b.get(name))
                    differences.append(message("record.transfer.row_differs", table=table.name, row=a.get("id"),
                                               columns=", ".join(changed)))
                    break
        left.rollback()
        right.rollback()
    return differences


def audit_problem(engine: Engine) -> Message | None:
    """Where the database's audit chain breaks, as a finding in the reader's language, or None when it is intact."""
    with engine.connect() as connection:
        entries = connection.execute(select(AuditEntry).order_by(AuditEntry.meeting_id, AuditEntry.sequence)).all()
        connection.rollback()
    problem = verify_chain(entry_as_dict(entry) for entry in entries)
    return None if problem is None else problem.message()


def _refuse_non_empty_server(target: str) -> None:
    engine = make_engine(target)
    try:
        with engine.connect() as connection:
            names = set(inspect(connection).get_table_names())
    except DBAPIError as error:
        raise RecordError("record.transfer.unreachable", target=display_target(target), detail=error.orig) from error
    finally:
        engine.dispose()
    ours = {table.name for table in tables_in_order()} | {"alembic_version"}
    if names & ours:
        raise RecordError("record.transfer.not_empty", target=display_target(target))


def _remove_copy(target: str, engine: Engine) -> None:
    """Take away a copy that failed, so no one mistakes it for the meeting."""
    if is_url(target):
        with engine.begin() as connection:
            Base.metadata.drop_all(connection)
            connection.execute(text("DROP TABLE IF EXISTS alembic_version"))
        engine.dispose()
    else:
        engine.dispose()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)


def moved_target(engine: Engine) -> str | None:
    """Where a meeting was moved to, when its chain ends with the transfer's 'meeting moved' entry."""
    with engine.connect() as connection:
        last = connection.execute(
            select(AuditEntry.action, AuditEntry.details)
            .where(AuditEntry.chain == DESK_CHAIN)
            .order_by(AuditEntry.sequence.desc())
            .limit(1)
        ).first()
        connection.rollback()
    if last is None or last.action != MOVED_ACTION:
        return None
    return str((last.details or {}).get("to") or "another database")


def _mark_moved(engine: Engine, target: str, rows: int) -> None:
    """End the source's desk chain with 'meeting moved', so it opens read-only and names where the meeting lives.

    Without this a station left on the old file would go on accepting scans that the live meeting
    never sees, and the same paper could be counted in both.
    """
    with Session(engine) as session, session.begin():
        meeting_id = session.scalar(select(Meeting.id).order_by(Meeting.id).limit(1))
        if meeting_id is None:
            return
        last = session.execute(
            select(AuditEntry.sequence, AuditEntry.entry_hash)
            .where(AuditEntry.meeting_id == meeting_id, AuditEntry.chain == DESK_CHAIN)
            .order_by(AuditEntry.sequence.desc())
            .limit(1)
        ).first()
        sequence = 1 if last is None else last.sequence + 1
        previous = GENESIS if last is None else last.entry_hash
        at = utcnow()
        details = {"to": target, "rows": rows}
        digest = entry_hash(
            sequence=sequence, at=at, actor="transfer", station="", action=MOVED_ACTION, details=details,
            previous_hash=previous,
        )  # fmt: skip
        session.add(
            AuditEntry(
                meeting_id=meeting_id, chain=DESK_CHAIN, sequence=sequence, at=at, actor="transfer", station="", action=MOVED_ACTION,
                details=details, previous_hash=previous, entry_hash=digest,
            )
        )  # fmt: skip


def transfer(
    source: str | Path, target: str | Path, *, progress: Callable[[str, int], None] | None = None
) -> TransferReport:
    """Copy the meeting at ``source`` into the new, empty ``target`` and prove the copy is the same."""
    source_text, target_text = str(source), str(target)
    shown_source, shown_target = display_target(source_text), display_target(target_text)
    if is_url(target_text):
        _refuse_non_empty_server(target_text)
    source_engine = open_database(source_text)
    already = moved_target(source_engine)
    if already is not None:
        source_engine.dispose()
        raise RecordError("record.transfer.already_moved", source=shown_source, target=already)
    problem = audit_problem(source_engine)
    if problem:
        source_engine.dispose()
        raise RecordError("record.transfer.chain_broken", source=shown_source, detail=problem)
    target_engine = create_database(target_text)
    report = TransferReport(shown_source, shown_target)
    tables = tables_in_order()
    try:
        reading = source_engine.connect()
        if is_postgres(source_text):
            reading = reading.execution_options(isolation_level="REPEATABLE READ")
        with reading, target_engine.begin() as writing:
            for table in tables:
                report.rows[table.name] = _copy_table(reading, writing, table)
                if progress is not None:
                    progress(table.name, report.rows[table.name])
            if is_postgres(target_text):
                _reset_sequences(writing, tables)
            reading.rollback()
        differences = compare(source_engine, target_engine, tables=tables)
        if differences:
            listed = Bilingual(*("; ".join(d.render(language) for d in differences[:5]) for language in ("cy", "en")))
            raise RecordError("record.transfer.copy_differs", target=shown_target, source=shown_source,
                              differences=listed)
        problem = audit_problem(target_engine)
        if problem:
            raise RecordError("record.transfer.copy_chain_broken", target=shown_target, detail=problem)
    except RecordError:
        _remove_copy(target_text, target_engine)
        raise
    except DBAPIError as error:
        _remove_copy(target_text, target_engine)
        raise RecordError("record.transfer.copy_failed", target=shown_target, detail=error.orig) from error
    finally:
        source_engine.dispose()
    report.audit_entries = report.rows.get(AuditEntry.__tablename__, 0)
    try:
        _mark_moved(source_engine, shown_target, report.total_rows)
    except DBAPIError as error:
        raise RecordError("record.transfer.not_marked_moved", source=shown_source, target=shown_target,
                          detail=error.orig) from error
    finally:
        source_engine.dispose()
    target_engine.dispose()
    return report
