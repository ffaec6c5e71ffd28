"""Hostile registers and exports: numbers a card cannot print, workbook bombs, formula cells, huge cells."""

from __future__ import annotations

import pytest

from coopvote.errors import InputError
from coopvote.export.content import BallotRow, ballots_csv, read_ballots_csv
from coopvote.register.importer import read_register
from reliability.hostile import run_bounded, xlsx_bomb

HEADER = "membership number,name,class\n"


@pytest.mark.parametrize("number", ["A 1", "=1+1", "-1", "@SUM(A1)", "Ŵ7", "X" * 17, "A--1"])
def test_a_member_number_cards_cannot_print_is_refused_at_import_naming_the_line(number: str) -> None:
    cell = f'"{number}"' if "," in number else number
    preview = read_register(f"{HEADER}P1,Siân,PS\n{cell},Rhodri,PS\n".encode(), filename="members.csv")
    assert not preview.ok
    messages = [str(problem) for problem in preview.errors]
    assert any("line 3" in m and "membership card" in m for m in messages), messages


def test_numbers_cards_can_print_are_accepted() -> None:
    preview = read_register(f"{HEADER}P1,Siân,PS\nab-12,Rhodri,PS\n{'9' * 16},Aled,PS\n".encode(), filename="m.csv")
    assert preview.ok, [str(p) for p in preview.errors]


def test_an_xlsx_bomb_is_refused_within_a_memory_limit() -> None:
    code = (
        "from reliability.hostile import xlsx_bomb\n"
        "from coopvote.register.importer import read_register\n"
        "preview = read_register(xlsx_bomb(2048 << 20), filename='members.xlsx')\n"
        "print('REFUSED' if not preview.ok else 'ACCEPTED', [str(p) for p in preview.errors])\n"
    )
    result = run_bounded(code, memory_bytes=1 << 30, timeout=60)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "REFUSED" in result.stdout and "members.xlsx" in result.stdout and "unpacked" in result.stdout


def test_an_xlsx_bomb_under_a_low_limit_is_refused_from_its_directory() -> None:
    preview = read_register(xlsx_bomb(300 << 20), filename="members.xlsx")  # just over 256 MiB
    assert not preview.ok and "unpacked" in str(preview.errors[0])


def test_a_huge_cell_and_an_odd_encoding_are_refused_or_read_never_a_crash() -> None:
    huge = f"{HEADER}P1,{'x' * 2_000_000},PS\n".encode()
    preview = read_register(huge, filename="huge.csv")
    assert any("huge.csv, line 2" in str(problem) for problem in preview.errors)
    long_name = read_register(f"{HEADER}P1,{'x' * 400},PS\n".encode(), filename="long.csv")
    assert any("400 characters long" in str(p) and "line 2" in str(p) for p in long_name.errors)
    assert all(str(problem) for problem in preview.errors)
    for encoding in ("utf-16", "utf-32", "cp1252"):
        data = f"{HEADER}P1,Siân,PS\n".encode(encoding)
        result = read_register(data, filename="odd.csv")
        assert result.ok or all(str(problem) for problem in result.errors)


def test_no_ballots_csv_cell_can_begin_a_spreadsheet_formula() -> None:
    good = ballots_csv([BallotRow(1, "PS", 7, True, "", (1, 2))])
    assert read_ballots_csv(good, "b.csv")[0].marks == (1, 2)
    for hostile in ("=HYPERLINK(1)", "+1", "-1", "@x"):
        with pytest.raises(InputError, match="formula"):
            ballots_csv([BallotRow(1, hostile, 7, True, "", ())])
        with pytest.raises(InputError, match="formula"):
            ballots_csv([BallotRow(1, "PS", 7, False, hostile, ())])
