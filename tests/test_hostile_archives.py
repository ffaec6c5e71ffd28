"""Hostile archives at `verify`: bombs, zips that lie, zips of 200,000 entries and plain junk are refused
from their directory, within a memory limit, with exit 2 ("cannot be read"), not 1 ("altered")."""

from __future__ import annotations

from pathlib import Path

import pytest

from coopvote.cli import main as cli
from coopvote.export.container import read_zip
from coopvote.export.verify import Discrepancy, UnreadableArchive, verify_bytes
from reliability.hostile import run_bounded, zip_bomb, zip_of_many, zip_that_lies


def test_a_zip_bomb_is_refused_from_its_directory_within_a_memory_limit(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.zip"
    bomb.write_bytes(zip_bomb())  # 4 GiB of zeros in about 4 MB
    code = f"from coopvote.cli import main\nraise SystemExit(main(['verify', {str(bomb)!r}]))\n"
    result = run_bounded(code, memory_bytes=1 << 30, timeout=60)
    assert result.returncode == 2, result.stderr[-2000:]
    assert "bomb.zip" in result.stderr and "zip bomb" in result.stderr and "Traceback" not in result.stderr


def test_a_directory_that_lies_about_sizes_is_caught_while_reading_in_chunks() -> None:
    with pytest.raises(UnreadableArchive, match="reading stopped|once unpacked"):
        verify_bytes(zip_that_lies(4 << 30))
    members, _ = read_zip(zip_of_many(3), "small.zip")
    assert [name for name, _ in members] == ["f0", "f1", "f2"]
    bomb = zip_bomb(8 << 20)
    with pytest.raises(UnreadableArchive, match="once unpacked"):
        read_zip_as_verify(bomb, max_total_bytes=1 << 20)


def read_zip_as_verify(data: bytes, *, max_total_bytes: int) -> None:
    from coopvote.export.container import UnreadableZip

    try:
        read_zip(data, "bomb.zip", max_total_bytes=max_total_bytes)
    except UnreadableZip as error:
        raise UnreadableArchive(str(error)) from None


def test_a_zip_of_too_many_entries_is_refused_before_reading_them(tmp_path: Path) -> None:
    many = zip_of_many(10_001)
    with pytest.raises(UnreadableArchive, match="10,001 files, more than the 10,000"):
        verify_bytes(many)
    path = tmp_path / "many.zip"
    path.write_bytes(many)
    assert cli(["verify", str(path)]) == 2


def test_unreadable_archives_exit_2_and_altered_ones_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    junk = tmp_path / "junk.zip"
    junk.write_bytes(b"not a zip at all" * 10)
    assert cli(["verify", str(junk)]) == 2
    assert "junk.zip: is not a readable zip archive" in capsys.readouterr().err
    with pytest.raises(Discrepancy):  # still "does not check out" to a caller asking only that
        verify_bytes(junk.read_bytes())
    empty = tmp_path / "empty.zip"
    empty.write_bytes(b"")
    assert cli(["verify", str(empty)]) == 2
    folder = tmp_path / "a-folder.zip"
    folder.mkdir()
    assert cli(["verify", str(folder)]) == 2
