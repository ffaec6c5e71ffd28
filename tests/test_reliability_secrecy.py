"""Secrecy of the ballot in the record: nothing in the meeting file or the archive links a member to a serial."""

from __future__ import annotations

import json
import re
import sqlite3
import zipfile
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from coopvote.export.archive import export_meeting
from reliability.sample import build_voted_meeting

MEMBER_KEYS = {"member", "appointer", "holder", "packs_for", "member_id", "appointer_id", "holder_id", "number"}


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, bytes], set[str], set[int]]:
    folder = tmp_path_factory.mktemp("secrecy")
    voted = build_voted_meeting(folder, members=24)
    with voted.service.record.reading() as session:
        numbers = {row[0] for row in session.execute(text("SELECT number FROM member"))}
    voted.service.close()
    out = folder / "record.zip"
    summary = export_meeting(voted.path, out)
    assert summary.private_path is not None
    # The private archive holds everything the public one does, and the audit log and meeting copy too.
    with zipfile.ZipFile(summary.private_path) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    serials = set()
    for name, data in members.items():
        if name.startswith("ballots/"):
            serials |= {int(line.split(",")[2]) for line in data.decode().splitlines()[1:]}
    return members, numbers, serials


def mentions_member(text: str, numbers: set[str]) -> bool:
    return any(re.search(rf"(?<![A-Za-z0-9]){re.escape(n)}(?![A-Za-z0-9])", text) for n in numbers)


def test_no_audit_line_names_both_a_member_and_a_serial(exported: tuple[dict[str, bytes], set[str], set[int]]) -> None:
    members, numbers, _ = exported
    lines = members["audit.jsonl"].decode().splitlines()
    with_serial = with_member = 0
    for line in lines:
        entry = json.loads(line)
        has_serial = "serial" in entry["details"] or "first_serial" in entry["details"]
        has_member = bool(MEMBER_KEYS & set(entry["details"])) or mentions_member(json.dumps(entry["details"]), numbers)
        with_serial += has_serial
        with_member += has_member
        assert not (has_serial and has_member), line
    assert with_serial > 50 and with_member > 20  # the check looked at real entries of both kinds


def test_ballots_results_and_blt_name_no_member(exported: tuple[dict[str, bytes], set[str], set[int]]) -> None:
    members, numbers, serials = exported
    assert serials
    for name, data in members.items():
        if name.startswith(("ballots/", "blt/")) or name in {"results.json", "README.txt", "manifest.json"}:
            text = data.decode("utf-8")
            assert not mentions_member(text, numbers), name
    header = members["ballots/item-01.csv"].decode().splitlines()[0]
    assert header == "item,class,serial,valid,reason,marks"


def walk(value: Any) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    if isinstance(value, dict):
        found.append(value)
        for inner in value.values():
            found += walk(inner)
    elif isinstance(value, list):
        for inner in value:
            found += walk(inner)
    return found


def test_no_json_object_holds_both(exported: tuple[dict[str, bytes], set[str], set[int]]) -> None:
    members, _, _ = exported
    for obj in walk(json.loads(members["results.json"])):
        assert not (MEMBER_KEYS & set(obj) and "serial" in obj), obj


def test_meeting_file_copy_keeps_members_and_serials_apart(
    exported: tuple[dict[str, bytes], set[str], set[int]], tmp_path: Path
) -> None:
    members, _, _ = exported
    path = tmp_path / "copy.coopvote"
    path.write_bytes(members["meeting.coopvote"])
    connection = sqlite3.connect(path)
    try:
        tables = [row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        for table in tables:
            columns = {row[1] for row in connection.execute(f"PRAGMA table_info({table})")}
            targets = {row[2] for row in connection.execute(f"PRAGMA foreign_key_list({table})")}
            knows_serial = "serial" in columns or "first_serial" in columns
            knows_member = bool({"member_id", "appointer_id", "holder_id"} & columns) or "member" in targets or table == "member"
            assert not (knows_serial and knows_member), table
        issued = connection.execute("SELECT COUNT(*) FROM paper_issue").fetchone()[0]
        recorded = connection.execute("SELECT COUNT(*) FROM recorded_ballot").fetchone()[0]
        assert issued > 0 and recorded > 0
    finally:
        connection.close()
