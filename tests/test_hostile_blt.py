"""Hostile BLT files: weights of thousands of digits or absurd exponents, and seats by the trillion, are
refused naming the line, quickly, instead of a traceback or an endless count."""

from __future__ import annotations

from pathlib import Path

import pytest

from coopvote.cli import main as cli
from coopvote.counting.blt import MAX_SEATS, parse_blt
from coopvote.errors import InputError
from reliability.hostile import blt_with_huge_weight, run_bounded

NAMES = '"Ann"\n"Bob"\n"T"\n'


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (blt_with_huge_weight(5000), r"x\.blt, line 2: the ballot weight is 5,000 characters long"),
        (f"2 1\n1.{'5' * 4400} 1 2 0\n0\n{NAMES}", r"line 2: the ballot weight is 4,402 characters long"),
        (f"2 1\n1/{'7' * 5000} 1 2 0\n0\n{NAMES}", r"line 2: the ballot weight is 5,002 characters long"),
        (f"2 1\n1e999999999 1 2 0\n0\n{NAMES}", r"line 2: the ballot weight '1e999999999' is beyond"),
        (f"2 1\n1e-999999999 1 2 0\n0\n{NAMES}", r"line 2: the ballot weight '1e-999999999' is beyond"),
        (f"2 1\nInfinity 1 2 0\n0\n{NAMES}", r"line 2: the ballot weight 'Infinity' is not a number"),
        (f"2 1\n1 {'1' * 5000} 0\n0\n{NAMES}", r"line 2: preference '1+' is not a whole number"),
        (f"{'9' * 5000} 1\n0\n{NAMES}", r"line 1: header value '9+' is not a whole number"),
        (f"2 99999999999999\n1 1 2 0\n0\n{NAMES}", r"line 1: 99,999,999,999,999 seats is more than the 10,000"),
    ],
)
def test_hostile_numbers_are_refused_naming_the_line(text: str, expected: str) -> None:
    with pytest.raises(InputError, match=expected):
        parse_blt(text, "x.blt")


def test_more_seats_than_candidates_is_still_read() -> None:
    assert parse_blt(f"2 3\n1 1 2 0\n0\n{NAMES}", "x.blt").seats == 3
    assert parse_blt(f"2 {MAX_SEATS}\n1 1 2 0\n0\n{NAMES}", "x.blt").seats == MAX_SEATS


def test_meek_with_a_trillion_seats_is_refused_at_the_count_command(tmp_path: Path) -> None:
    path = tmp_path / "seats.blt"
    path.write_text(f"2 99999999999999\n1 1 2 0\n1 2 0\n0\n{NAMES}")
    code = f"from coopvote.cli import main\nraise SystemExit(main(['count', {str(path)!r}, '--method', 'meek']))\n"
    result = run_bounded(code, timeout=60)
    assert result.returncode == 2 and "seats.blt, line 1" in result.stderr, result.stderr[-2000:]
    good = tmp_path / "good.blt"
    good.write_text(f"2 1\n1 1 2 0\n1 2 0\n0\n{NAMES}")
    assert cli(["count", str(good), "--method", "meek", "--seats", str(MAX_SEATS + 1)]) == 2
