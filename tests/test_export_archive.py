"""The exported archive: it verifies, it recounts, and any changed byte anywhere in it is caught."""

from __future__ import annotations

import io
import json
import tempfile
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text as text_sql

from coopvote.cli import main as cli
from coopvote.errors import InputError
from coopvote.export.archive import export_meeting
from coopvote.export.container import structure_positions, write_zip
from coopvote.export.content import canonical_bytes, sha256_hex
from coopvote.export.verify import Discrepancy, verify_bytes
from reliability.sample import build_voted_meeting


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bytes]:
    folder = tmp_path_factory.mktemp("archive")
    voted = build_voted_meeting(folder, members=24)
    voted.service.close()
    out = folder / "record.zip"
    summary = export_meeting(voted.path, out)
    assert summary.private_path is not None
    # The private archive is the fuller one (audit log and meeting copy too): every check runs on it.
    return voted.path, summary.private_path.read_bytes()


def members_of(data: bytes) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return [(n, z.read(n)) for n in z.namelist()]


def test_archive_verifies_and_holds_every_part(archive: tuple[Path, bytes]) -> None:
    _, data = archive
    report = verify_bytes(data)
    names = [n for n, _ in members_of(data)]
    for expected in ("README.txt", "results.json", "audit.jsonl", "meeting.coopvote", "minutes.pdf", "manifest.json",
                     "ballots/item-01.csv", "ballots/item-04.csv", "blt/item-04.blt", "declarations/item-04.pdf"):
        assert expected in names
    assert report.items_recounted == 4
    assert report.ballots_recounted > 40
    manifest = json.loads(dict(members_of(data))["manifest.json"])
    assert manifest["meeting_digest"] == report.meeting_digest


def rezip(members: list[tuple[str, bytes]], changes: dict[str, bytes]) -> bytes:
    """Apply changes and re-seal every hash, as a careful forger would."""
    updated = [(n, changes.get(n, d)) for n, d in members if n != "manifest.json"]
    manifest = json.loads(dict(members)["manifest.json"])
    manifest["files"] = {n: {"sha256": sha256_hex(d), "bytes": len(d)} for n, d in updated}
    comment = zipfile.ZipFile(io.BytesIO(write_zip(members))).comment
    return write_zip(updated + [("manifest.json", canonical_bytes(manifest) + b"\n")], comment)


def test_changed_mark_with_resealed_hashes_is_caught_by_the_recount(archive: tuple[Path, bytes]) -> None:
    _, data = archive
    members = members_of(data)
    csv = dict(members)["ballots/item-01.csv"].decode()
    lines = csv.splitlines()
    fields = lines[1].split(",")
    fields[-1] = "2" if fields[-1] != "2" else "1"
    forged = "\n".join([lines[0], ",".join(fields), *lines[2:]]) + "\n"
    with pytest.raises(Discrepancy, match="item 1"):
        verify_bytes(rezip(members, {"ballots/item-01.csv": forged.encode()}))


def test_removed_paper_and_edited_result_are_caught(archive: tuple[Path, bytes]) -> None:
    _, data = archive
    members = members_of(data)
    csv = dict(members)["ballots/item-04.csv"].decode().splitlines()
    with pytest.raises(Discrepancy):
        verify_bytes(rezip(members, {"ballots/item-04.csv": ("\n".join(csv[:-1]) + "\n").encode()}))
    results = json.loads(dict(members)["results.json"])
    results["items"][0]["declaration"]["result"]["resolution"]["carried"] = not results["items"][0]["declaration"]["result"]["resolution"]["carried"]
    with pytest.raises(Discrepancy):
        verify_bytes(rezip(members, {"results.json": json.dumps(results).encode()}))


def test_code_check_names_a_foreign_code(archive: tuple[Path, bytes]) -> None:
    _, data = archive
    report = verify_bytes(data)
    verify_bytes(data, code=report.item_digests[2][:16].upper())
    with pytest.raises(Discrepancy, match="matches neither"):
        verify_bytes(data, code="0123456789abcdef")


def flipped(data: bytes, position: int, mask: int) -> bytes:
    changed = bytearray(data)
    changed[position] ^= mask
    return bytes(changed)


def test_every_sampled_byte_flip_is_detected(archive: tuple[Path, bytes]) -> None:
    _, data = archive
    positions = structure_positions(data)[::3]  # the report command flips every one of them
    assert len(positions) > 200
    for position in positions:
        with pytest.raises(Discrepancy):
            verify_bytes(flipped(data, position, 0x01), meeting_file=False)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(fraction=st.floats(min_value=0, max_value=1, exclude_max=True), mask=st.integers(min_value=1, max_value=255))
def test_any_byte_flip_is_detected(archive: tuple[Path, bytes], fraction: float, mask: int) -> None:
    _, data = archive
    position = int(fraction * len(data))
    with pytest.raises(Discrepancy):
        verify_bytes(flipped(data, position, mask), meeting_file=False)


def test_cli_export_and_verify(archive: tuple[Path, bytes], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    meeting, data = archive
    out = tmp_path / "again.zip"
    assert cli(["export", str(meeting), "--out", str(out)]) == 0
    assert cli(["verify", str(out)]) == 0
    assert "checks out" in capsys.readouterr().out
    bad = tmp_path / "bad.zip"
    bad.write_bytes(flipped(out.read_bytes(), len(data) // 3, 0x20))
    assert cli(["verify", str(bad)]) == 1
    assert "DISCREPANCY" in capsys.readouterr().err
    assert cli(["verify", str(tmp_path / "missing.zip")]) == 2


@settings(max_examples=60, deadline=None)
@given(raw=st.binary(max_size=2000))
def test_arbitrary_bytes_are_a_discrepancy_never_a_crash(raw: bytes) -> None:
    with pytest.raises(Discrepancy):
        verify_bytes(raw)


def test_show_of_hands_open_and_empty_items_export_and_verify(tmp_path: Path) -> None:
    from tests.helpers import small_meeting

    service = small_meeting(tmp_path)
    service.results.record_show_of_hands(1, {"PS": (1, 1, 0), "EMP": (3, 0, 1)})
    service.results.declare(1, "Gareth Morgan", reconciliation_reason="test meeting: papers recorded without packs issued")
    batch = service.papers.add_paper_batch(2, "EMP", 4)
    service.voting.open_vote(2, not_quorate_reason="test meeting: quorum not under test")
    assert service.tellers.record_paper(batch.qr_text(batch.serials[0]), [2, 1]).accepted  # still open: provisional
    service.close()
    out = tmp_path / "small.zip"
    summary = export_meeting(tmp_path / "small.coopvote", out)
    report = verify_bytes(out.read_bytes())
    assert report.items_recounted == 2 and report.ballots_recounted == 1
    results = json.loads(dict(members_of(out.read_bytes()))["results.json"])
    first, second = results["items"]
    assert first["declaration"]["declared_by"] == "Gareth Morgan"
    assert first["definition"]["show_of_hands"]["counts"] == {"PS": [1, 1, 0], "EMP": [3, 0, 1]}
    assert second["declaration"] is None
    assert summary.item_digests[1] == first["digest"]


def test_public_archive_recounts_with_no_register_key_times_or_audit_order(tmp_path: Path) -> None:
    voted = build_voted_meeting(tmp_path, members=12, rejected_per_item=0)
    voted.service.close()
    summary = export_meeting(voted.path, tmp_path / "record.zip")
    assert summary.private_path == tmp_path / "record-PRIVATE.zip"
    public = dict(members_of(summary.path.read_bytes()))
    report = verify_bytes(summary.path.read_bytes())
    assert report.items_recounted == 4
    assert "audit.jsonl" not in public and "meeting.coopvote" not in public
    assert not [name for name in public if name.endswith((".coopvote", ".sqlite", ".jsonl"))]
    manifest = json.loads(public["manifest.json"])
    assert manifest["kind"] == "public" and set(manifest["audit_heads"]) == {"desk", "ballot"}
    assert manifest["audit_heads"]["ballot"]["entries"] > 0
    text = b"".join(data for name, data in public.items() if not name.endswith(".pdf")).decode("utf-8")
    assert "checked_in_at" not in text and "recorded_at" not in text and "secret" not in text


def test_private_archive_keeps_no_qr_key(tmp_path: Path) -> None:
    voted = build_voted_meeting(tmp_path, members=8, rejected_per_item=0)
    with voted.service.record.reading() as session:
        key = session.execute(text_sql("SELECT secret FROM meeting")).scalar_one()
    voted.service.close()
    summary = export_meeting(voted.path, tmp_path / "record.zip")
    assert summary.private_path is not None
    private = dict(members_of(summary.private_path.read_bytes()))
    copy = private["meeting.coopvote"]
    assert len(key) >= 16 and key not in copy
    verify_bytes(summary.private_path.read_bytes())


def test_private_archive_must_be_named_private(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="PRIVATE"):
        export_meeting(tmp_path / "any.coopvote", tmp_path / "record.zip", tmp_path / "copy.zip")


def test_interrupted_export_leaves_no_copy_in_the_temp_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import coopvote.export.archive as archive_module

    voted = build_voted_meeting(tmp_path, members=6, rejected_per_item=0, declare=False)
    voted.service.close()
    system_temp = tmp_path / "system-temp"
    system_temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(system_temp))

    seen_in_temp: list[list[Path]] = []

    def killed_mid_export(*_args: object, **_kwargs: object) -> None:
        # What a power cut at this moment would leave behind: nothing in the system temp folder.
        seen_in_temp.append(list(system_temp.rglob("*")))
        raise KeyboardInterrupt

    monkeypatch.setattr(archive_module, "collect", killed_mid_export)
    out_folder = tmp_path / "out"
    with pytest.raises(KeyboardInterrupt):
        export_meeting(voted.path, out_folder / "record.zip")
    assert seen_in_temp == [[]]
    assert list(system_temp.iterdir()) == []
    assert list(out_folder.iterdir()) == []
