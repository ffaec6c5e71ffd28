"""BLT reading and writing, and the ``coopvote count`` command around it."""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path

import pytest

from coopvote.cli import main
from coopvote.counting import rules
from coopvote.counting.blt import format_blt, parse_blt, read_blt, write_blt
from coopvote.counting.model import Ballot, Election
from coopvote.errors import InputError

SAMPLE = """4 2
-4
3 1 2 0
2 2 1 0
1.5 3 0
1 1 2 0
1 0
0
"Ann Jones"
"Bob"
"Cy  Two"
"Di"
"Board election"
"""


def test_reads_header_withdrawn_grouped_ballots_names_and_title() -> None:
    election = parse_blt(SAMPLE)
    assert election.candidates == ("Ann Jones", "Bob", "Cy  Two", "Di")
    assert election.seats == 2
    assert election.withdrawn == frozenset({3})
    assert election.title == "Board election"
    values = {b.ranking: b.value for b in election.ballots}
    assert values == {(0, 1): Fraction(4), (1, 0): Fraction(2), (2,): Fraction(3, 2), (): Fraction(1)}


def test_round_trip_keeps_every_weight_exactly(tmp_path: Path) -> None:
    election = Election(
        candidates=("A", "B", "C"),
        seats=2,
        ballots=(
            Ballot((0, 1, 2), Fraction(7)),
            Ballot((1,), Fraction(5, 4)),
            Ballot((2, 0), Fraction(1, 3)),
        ),
        withdrawn=frozenset({1}),
        title="Weighted",
    )
    path = tmp_path / "w.blt"
    write_blt(election, path)
    assert read_blt(path) == election
    assert "1.25 2 0" in format_blt(election)
    assert "1/3 3 1 0" in format_blt(election)


def test_reference_files_round_trip(stv_reference: Path) -> None:
    for name in ("glasgow2007_linn.blt", "gpus2005_sc_withdrawn.blt", "wichmann_m135.blt"):
        election = read_blt(stv_reference / "ballots" / name)
        assert parse_blt(format_blt(election)) == election


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty"),
        ("3\n", "line 1"),
        ("x 1\n", "line 1: header value 'x'"),
        ("2 1\n1 1 2 0\n", "not ended by a line holding only 0"),
        ('2 1\n1 1 2 0\n1 1 3 0\n0\n"a"\n"b"\n', "line 3: preference 3 is not a candidate number"),
        ('2 1\n1 1 1 0\n0\n"a"\n"b"\n', "line 2: candidate 1 is ranked more than once"),
        ('2 1\n1 1 2\n0\n"a"\n"b"\n', "line 2: a ballot line must end with 0"),
        ('3 1\n1 1 2=3 0\n0\n"a"\n"b"\n"c"\n', "line 2: equal rankings ('2=3') are not supported"),
        ('2 1\nabc 1 0\n0\n"a"\n"b"\n', "line 2: the ballot weight 'abc' is not a number"),
        ('2 1\n-3\n0\n"a"\n"b"\n', "line 2: withdrawn candidates are written -1 to -2"),
        ('2 1\n1 1 0\n0\n"a"\n', "header says 2 candidates but 1 names"),
        ('2 1\n1 1 0\n0\n"a"\n"b"\n"t"\n"extra"\n', "line 7: unexpected text after the title"),
        ('2 1\n1 1 0\n0\nbob\n"b"\n', "line 4: expected a name in double quotes"),
        ('2 0\n0\n"a"\n"b"\n', "seats must be at least 1"),
    ],
)
def test_bad_files_say_which_line_and_what(text: str, message: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_blt(text, source="f.blt")
    assert message in str(caught.value)


def test_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_blt(tmp_path / "none.blt")


def test_cli_json_has_method_seats_elected_and_stages(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "e.blt"
    path.write_text('3 2\n6 1 2 0\n3 1 3 0\n2 2 0\n1 2 3 0\n4 3 0\n0\n"A"\n"B"\n"C"\n"Hand"\n')
    assert main(["count", str(path), "--method", "scottish-stv", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["method"] == "scottish-stv"
    assert result["seats"] == 2
    assert result["elected"] == ["A", "C"]
    assert result["stages"][0]["totals"] == {"A": "9.00000", "B": "3.00000", "C": "4.00000"}
    assert result["stages"][1]["action"] == "surplus"
    assert result["stages"][1]["totals"]["B"] == "4.99998"


def test_cli_table_and_seats_override(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "e.blt"
    path.write_text('3 2\n6 1 2 0\n3 1 3 0\n2 2 0\n1 2 3 0\n4 3 0\n0\n"A"\n"B"\n"C"\n"Hand"\n')
    assert main(["count", str(path), "--method", "irv", "--seats", "1"]) == 0
    out = capsys.readouterr().out
    assert "Stage 1" in out and "Elected: A" in out


def test_cli_bad_file_exits_non_zero_without_traceback(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "bad.blt"
    path.write_text('2 1\n1 1 9 0\n0\n"a"\n"b"\n')
    assert main(["count", str(path), "--method", "irv"]) == 2
    err = capsys.readouterr().err
    assert "line 2" in err and "Traceback" not in err


def test_cli_missing_rule_module_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(rules.RULES, "future", "coopvote.counting.not_written_yet:RULE")
    path = tmp_path / "e.blt"
    path.write_text('2 1\n1 1 0\n0\n"a"\n"b"\n')
    assert main(["count", str(path), "--method", "future"]) == 2
    assert "not available in this build" in capsys.readouterr().err


def test_windows_line_endings_and_byte_order_mark(tmp_path: Path) -> None:
    path = tmp_path / "w.blt"
    path.write_bytes("\ufeff2 1\r\n3\t1 2 0\r\n0\r\n\"A\"\r\n\"B\"\r\n\"T\"\r\n".encode())
    election = read_blt(path)
    assert election.candidates == ("A", "B") and election.title == "T"
    assert election.ballots == (Ballot((0, 1), Fraction(3)),)


def test_report_table_and_json_show_ties_exhausted_and_fine_transfer_values() -> None:
    from coopvote.counting.irv import RULE as IRV
    from coopvote.counting.model import CountOptions
    from coopvote.counting.report import outcome_to_dict, stage_table
    from coopvote.counting.wigm import RULE as WIGM

    election = parse_blt('3 1\n4 1 0\n3 2 0\n1 3 2 0\n1 3 0\n0\n"A"\n"B"\n"C"\n"T"\n')
    outcome = IRV.count(election, CountOptions())
    result = outcome_to_dict(outcome)
    assert result["elected"] == ["A"]
    assert [s["exhausted"] for s in result["stages"]] == ["0", "1", "5"]
    assert result["tie_breaks"] == [
        {"stage": 3, "purpose": "exclusion", "tied": ["A", "B"], "chosen": "B", "how": "most recent differing stage 1",
         "how_note": {"key": "tie_most_recent", "stage": 1}}  # the keyed note the reports word in Welsh
    ]
    table = stage_table(outcome)
    assert "Tie at stage 3 (exclusion) between A, B: B chosen by most recent differing stage 1" in table
    assert "Elected: A" in table
    two = parse_blt('3 2\n5 1 2 0\n1 2 0\n3 3 0\n0\n"A"\n"B"\n"C"\n')
    wigm = outcome_to_dict(WIGM.count(two, CountOptions()))
    surplus = wigm["stages"][1]
    assert surplus["action"] == "surplus" and surplus["transfer_value"] == "0.400000"
    assert surplus["totals"] == {"A": "3", "B": "3", "C": "3"}


def test_bulk_and_line_by_line_parsing_agree(monkeypatch: pytest.MonkeyPatch) -> None:
    import random

    from coopvote.counting import blt

    rng = random.Random(5)
    lines = ["6 3"]
    for _ in range(400):
        ranking = rng.sample(range(1, 7), rng.randint(0, 6))
        lines.append(" ".join(map(str, [rng.randint(0, 3), *ranking, 0])))
    text = "\n".join([*lines, "0", *[f'"C{i}"' for i in range(6)], '"T"']) + "\n"
    bulk = blt.parse_blt(text)
    monkeypatch.setattr(blt, "_fast_groups", lambda distinct, n: None)
    assert blt.parse_blt(text) == bulk
    assert sum(b.value for b in bulk.ballots) == sum(int(line.split()[0]) for line in lines[1:])


@pytest.mark.parametrize(
    "name",
    ['Dafydd "Dai" Jones', '"', '""', 'A" "B', "O'Brien", '"Quoted title"', "Siân ap Gwŷn"],
)
def test_names_with_double_quotes_round_trip(name: str) -> None:
    election = Election(candidates=(name, "Bob"), seats=1, ballots=(Ballot((0, 1), Fraction(2)),), title=name)
    text = format_blt(election)
    assert parse_blt(text) == election
    if '"' in name:
        assert '""' in text  # doubled inside the quotes, the CSV convention


def test_a_doubled_quote_reads_as_one_quote() -> None:
    election = parse_blt('2 1\n1 1 0\n0\n"Dafydd ""Dai"" Jones" "Bob"\n"Title"\n')
    assert election.candidates == ('Dafydd "Dai" Jones', "Bob")


@pytest.mark.parametrize("name", ["two\nlines", "carriage\rreturn", "line\u2028separator", "form\x0cfeed"])
def test_names_with_line_breaks_are_refused(name: str) -> None:
    election = Election(candidates=(name,), seats=1, ballots=(Ballot((0,), Fraction(1)),))
    with pytest.raises(InputError, match="line break"):
        format_blt(election)
