"""The secret ballot, proven on the schema: nothing links a member to a ballot serial."""

from __future__ import annotations

from sqlalchemy import ForeignKey

from coopvote.record.models import MEMBER_TABLES, SERIAL_TABLES, Base

SERIAL_WORDS = ("serial",)


def _columns(table_name: str) -> set[str]:
    return {c.name for c in Base.metadata.tables[table_name].columns}


def _references(table_name: str) -> set[str]:
    table = Base.metadata.tables[table_name]
    return {fk.column.table.name for c in table.columns for fk in c.foreign_keys if isinstance(fk, ForeignKey)}


def _reaches_member(table_name: str, seen: frozenset[str] = frozenset()) -> bool:
    """Whether following foreign keys from this table can reach a member row."""
    if table_name == "member":
        return True
    for referenced in _references(table_name) - seen:
        if referenced in {"meeting", "agenda_item", "membership_class", "candidate"}:
            continue  # shared context tables: they name no individual member
        if _reaches_member(referenced, seen | {table_name}):
            return True
    return False


def test_every_table_is_classified() -> None:
    """A new table must be declared as knowing members, knowing serials, or neither, on purpose."""
    neutral = {"meeting", "membership_class", "agenda_item", "candidate", "show_of_hands", "declaration", "audit_entry",
               "directed_tally"}
    assert set(Base.metadata.tables) == MEMBER_TABLES | SERIAL_TABLES | neutral


def test_no_table_holds_both_a_member_and_a_serial() -> None:
    for name in Base.metadata.tables:
        has_serial = any(word in column for column in _columns(name) for word in SERIAL_WORDS)
        if has_serial:
            assert not _reaches_member(name), f"{name} holds a serial and reaches a member"
            assert name in SERIAL_TABLES, f"{name} holds a serial but is not declared as a serial table"


def test_member_tables_hold_no_serial_and_reach_no_serial_table() -> None:
    for name in MEMBER_TABLES:
        assert not any(word in column for column in _columns(name) for word in SERIAL_WORDS), name
        assert not (_references(name) & SERIAL_TABLES), f"{name} references a serial table"


def test_serial_tables_reference_no_member_table() -> None:
    for name in SERIAL_TABLES:
        assert not (_references(name) & MEMBER_TABLES), f"{name} references a member table"


def test_paper_issue_records_whether_not_which() -> None:
    columns = _columns("paper_issue")
    assert {"item_id", "member_id"} <= columns
    assert not any("serial" in c or "batch" in c or "paper_id" in c for c in columns)


def test_directed_tally_knows_neither_member_nor_serial_nor_when() -> None:
    """Directed proxy votes are a tally per item and class: no member, no serial, no time, nothing to order by."""
    columns = _columns("directed_tally")
    assert columns == {"id", "item_id", "class_id", "tally"}
    assert not _reaches_member("directed_tally")
    assert "directed_tally" not in MEMBER_TABLES | SERIAL_TABLES


def test_advance_tables_know_members_never_serials() -> None:
    for name in ("advance_pack", "advance_envelope"):
        assert name in MEMBER_TABLES
        assert not any(word in column for column in _columns(name) for word in SERIAL_WORDS), name
