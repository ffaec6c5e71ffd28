"""The meeting definition is checked when it is made: every case of issue 10 is refused, naming the field."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from coopvote.cli import main as cli
from coopvote.cli.demo import demo_spec_text
from coopvote.errors import InputError
from coopvote.meeting.spec import parse_spec
from coopvote.service import MeetingService
from tests.helpers import SMALL_REGISTER, SMALL_SPEC

DEMO = demo_spec_text()
DEMO_SHARES = 'shares = { PS = "1/3", EMP = "1/3", SUP = "1/3" }'


def demo_with(old: str, new: str) -> str:
    assert old in DEMO, old
    return DEMO.replace(old, new, 1)


def refusal(text: str) -> str:
    with pytest.raises(InputError) as raised:
        parse_spec(text, "meeting.toml")
    message = str(raised.value)
    assert message.startswith("meeting.toml: ")
    return message


@pytest.mark.parametrize(
    ("old", "new", "field", "allowed"),
    [
        (DEMO_SHARES, 'shares = { PS = "1/3", EMP = "1/3", SUP = "1/4" }', "[weighting].shares", "add up to 11/12, not 1"),
        (DEMO_SHARES, 'shares = { PS = "1/2", EMP = "1/2", SUP = "0" }', "[weighting].shares.SUP", "more than 0"),
        (DEMO_SHARES, 'shares = { PS = "2/3", EMP = "2/3", SUP = "-1/3" }', "[weighting].shares.SUP", "more than 0"),
        ('scheme = "class-share"', 'scheme = "bogus"', "[weighting].scheme", "one-member-one-vote, fixed-value"),
        ('absent_class = "redistribute"', 'absent_class = "nobody"', "[weighting].absent_class", "'forfeit'"),
        (DEMO_SHARES, DEMO_SHARES + '\ncap = { PS = "1/4", EMP = "1/4", SUP = "1/4" }', "[weighting].cap",
         "add up to 3/4, less than 1"),
        ("privacy_minimum = 5", 'privacy_minimum = "abc"', "[rules].privacy_minimum", "from 1 to 1000"),
        ("limit_per_holder = 3", 'limit_per_holder = "three"', "[proxies].limit_per_holder", "from 0 to 100"),
        ('percent = "10"', 'percent = "1e999999"', "[quorum].percent", "at most 100"),
        ('percent = "10"', 'percent = nan', "[quorum].percent", "not a finite number"),
        ('percent = "10"', "percent = 250", "[quorum].percent", "at most 100"),
        ("seats = 6", "seats = 99999999999999999999", "items[4].seats", "from 1 to 10"),
        ("seats = 6", "seats = 0", "items[4].seats", "from 1 to 10"),
        ("number = 1\n", "number = 0\n", "items[1].number", "from 1 to 999"),
        ("number = 2\n", "number = 10000\n", "items[2].number", "from 1 to 999"),
        ('code = "SUP"', 'code = "SUPPORTERS-ABCD"', "classes[3].code", "up to 12"),
        ('code = "SUP"', 'code = "S\u00dbP"', "classes[3].code", "only letters A-Z"),
        ('colour = "#b5521b"', 'colour = "#zzzzzz"', "classes[3].colour", "six hex digits"),
        ('threshold = "> 1/2"', 'threshold = "> 1e100000000"', "items[1].threshold", "should look like"),
        ('"Aled Thomas"', '"Aled\\u0000Thomas"', "items[4].candidates[10].name", "control character U+0000"),
        ('"Aled Thomas"', '"Aled\\u2028Thomas"', "items[4].candidates[10].name", "one line"),
        ('"Aled Thomas"', '"Ieuan Bowen"', "items[4].candidates[10].name", "standing twice"),
        ('method = "scottish-stv"', 'method = "stv"', "items[4].method", "is not one of fptp"),
        ('method = "scottish-stv"', 'method = "irv"', "items[4].seats", "irv fills one seat"),
        ('place = "Neuadd Goffa, Llandysul"', 'place = 7', "[meeting].place", "should be a name"),
        ("date = 2026-11-28", 'date = "28/11/2026"', "[meeting].date", "a date like 2026-11-28"),
        ('threshold = "> 1/2"', 'treshold = "> 1/2"', "items[1].treshold", "unknown key"),
        ('languages = ["cy", "en"]', 'languages = ["fr"]', "[meeting].languages", '["cy", "en"]'),
    ],
)
def test_each_bad_field_is_refused_naming_it_and_what_it_may_hold(old: str, new: str, field: str, allowed: str) -> None:
    message = refusal(demo_with(old, new))
    line = next((line for line in message.splitlines() if field in line), "")
    assert allowed in line, message


def test_a_fixed_value_of_ten_to_the_hundred_million_is_refused_without_expanding_it() -> None:
    scheme = 'scheme = "fixed-value"\nvalues = { PS = "1e100000000", EMP = 1, SUP = "1e999999" }'
    text = demo_with('scheme = "class-share"\n' + DEMO_SHARES + '\nabsent_class = "redistribute"', scheme)
    message = refusal(text)  # a hang here is the bug: Fraction(Decimal("1e100000000")) runs for minutes
    assert "[weighting].values.PS" in message and "[weighting].values.SUP" in message
    assert "exponent beyond" in message and "at most 1000" in message


def test_every_problem_is_listed_one_line_each() -> None:
    text = (
        demo_with(DEMO_SHARES, 'shares = { PS = "1/2", EMP = "1/2", SUP = 0 }')
        .replace("privacy_minimum = 5", 'privacy_minimum = "abc"')
        .replace("limit_per_holder = 3", 'limit_per_holder = "three"')
        .replace("number = 1\n", "number = 0\n")
        .replace('colour = "#b5521b"', 'colour = "orange"')
    )
    message = refusal(text)
    first, *lines = message.splitlines()
    assert first == "meeting.toml: 5 problems in the meeting definition:"
    fields = [line.strip().split(":")[0] for line in lines]
    assert fields == ["classes[3].colour", "[weighting].shares.SUP", "[proxies].limit_per_holder",
                      "[rules].privacy_minimum", "items[1].number"]


def test_existing_messages_keep_their_words() -> None:
    assert "missing 'name_cy'" in refusal("[meeting]\nname_en='x'\n[[classes]]\ncode='A'\nname_en='A'\nname_cy='A'\n")
    assert "class code 'PS' is used twice" in refusal(demo_with('code = "EMP"', 'code = "ps"'))


@pytest.mark.parametrize(
    ("reserved", "field", "words"),
    [
        ("{ PS = { min = 7 } }", "items[4].reserved.PS.min", "from 0 to 6"),
        ("{ PS = { min = 3, max = 2 } }", "items[4].reserved.PS", "class PS: min 3 is above max 2"),
        ("{ PS = { min = -1 } }", "items[4].reserved.PS.min", "from 0 to 6"),
        ("{ PS = { min = 4 } }", "items[4].reserved.PS.min", "class PS needs 4 seat(s) but has only 3 candidate(s)"),
        ("{ PS = { min = 3 }, EMP = { min = 2 }, SUP = { min = 2 } }", "items[4].reserved",
         "the class minimums add up to 7, more than the 6 seat(s)"),
        ("{ PS = { max = 1 }, EMP = { max = 1 }, SUP = { max = 1 } }", "items[4].reserved",
         "let only 3 of the 6 seat(s) be filled"),
        ("{ XX = { min = 1 } }", "items[4].reserved.XX", "not a class"),
        ("{ PS = { least = 1 } }", "items[4].reserved.PS", "min and/or max"),
    ],
)
def test_an_impossible_seats_per_class_table_is_refused_naming_item_class_and_field(
    reserved: str, field: str, words: str
) -> None:
    old = "reserved = { PS = { min = 2 }, EMP = { min = 1, max = 2 }, SUP = { min = 1 } }"
    message = refusal(demo_with(old, f"reserved = {reserved}"))
    line = next((line for line in message.splitlines() if f"{field}:" in line), "")
    assert "agenda item 4" in line and words in line, message


@pytest.mark.parametrize(
    ("old", "field", "limit"),
    [
        ('name_en = "Annual General Meeting 2026"', "[meeting].name_en", "200"),
        ('title_en = "To receive the annual report and accounts"', "items[1].title_en", "300"),
        ('"Aled Thomas"', "items[4].candidates[10].name", "200"),
        ('chair = "Eleri Prydderch"', "[rules].chair", "200"),
    ],
)
def test_free_text_is_bounded(old: str, field: str, limit: str) -> None:
    key = old.split(" = ")[0] if " = " in old else None
    huge = "x" * 900_000  # a whole file over 1 MB is refused before parsing (below)
    new = f'{key} = "{huge}"' if key else f'"{huge}"'
    message = refusal(demo_with(old, new))
    assert f"{field}: is {len(huge)} characters long" in message and f"up to {limit}" in message
    assert len(message) < 2000  # the value is never copied into the message


def test_a_definition_over_a_megabyte_is_refused_before_parsing() -> None:
    message = refusal(DEMO + "# " + "x" * 1_000_000 + "\n")
    assert "may be up to 1000000" in message


def test_deep_nesting_is_an_input_error() -> None:
    message = refusal("x = " + "[" * 5000 + "]" * 5000 + "\n")
    assert "not valid TOML" in message


def test_item_texts_may_run_over_lines_but_names_may_not() -> None:
    spec = parse_spec(demo_with('threshold = "> 1/2"', 'threshold = "> 1/2"\ntext_en = "First.\\n\\tSecond."'))
    assert spec.items[0].text_en == "First.\n\tSecond."
    assert "one line" in refusal(demo_with('name_en = "Annual General Meeting 2026"', 'name_en = "Annual\\nMeeting"'))


def test_the_demo_and_named_thresholds_are_accepted() -> None:
    spec = parse_spec(demo_with('threshold = "> 1/2"', 'threshold = "two-thirds"'))
    assert spec.items[0].threshold == "two-thirds"
    parse_spec(demo_with('threshold = "> 1/2"', 'threshold = ">= 60%"'))


CAPPED = """
[meeting]
name_cy = "Prawf"
name_en = "Cap test"

[[classes]]
code = "PS"
name_cy = "Pobl"
name_en = "People"

[[classes]]
code = "EMP"
name_cy = "Gweithwyr"
name_en = "Employees"

[[classes]]
code = "SUP"
name_cy = "Cefnogwyr"
name_en = "Supporters"

[weighting]
scheme = "one-member-one-vote"
{cap}

[[items]]
number = 1
kind = "resolution"
title_cy = "Cynnig"
title_en = "Motion"
"""


def test_no_class_more_than_forty_percent_is_expressible_for_three_classes() -> None:
    single = parse_spec(CAPPED.format(cap='cap = "40%"'))
    table = parse_spec(CAPPED.format(cap='cap = { PS = "40%", EMP = "40%", SUP = "40%" }'))
    assert single.weighting["cap"] == {"PS": "40%", "EMP": "40%", "SUP": "40%"} == table.weighting["cap"]


@pytest.mark.parametrize("cap", ['cap = "40%"', "", 'cap = { PS = "2/5", EMP = "2/5", SUP = "2/5" }'])
def test_the_forty_percent_cap_changes_a_resolution_through_the_count(tmp_path: Path, cap: str) -> None:
    text = CAPPED.format(cap=cap)
    service = MeetingService.create(tmp_path / f"cap{len(cap)}.coopvote", parse_spec(text, "cap.toml"), station="t")
    register = "membership number,name,class,vote value,status\n" + "".join(
        f"{code}{n},{code} member {n},{code},1,active\n" for code, count in (("PS", 2), ("EMP", 6), ("SUP", 2))
        for n in range(1, count + 1)
    )
    service.setup.import_register(register.encode(), "members.csv")
    service.voting.open_vote(1, not_quorate_reason="test meeting: quorum not under test")
    for code, count, mark in (("EMP", 6, 1), ("PS", 2, 2), ("SUP", 2, 2)):  # employees for, the others against
        batch = service.papers.add_paper_batch(1, code, count)
        for serial in batch.serials:
            assert service.tellers.record_paper(batch.qr_text(serial), [mark]).accepted
    service.voting.close_vote(1)
    outcome = service.results.item_result(1).resolution
    service.close()
    assert outcome is not None
    if cap:  # employees (60% of the papers) held to 40%: 2/3 of their papers' weight, 40% for
        assert not outcome.carried and outcome.for_percent == "40.0"
    else:
        assert outcome.carried and outcome.for_percent == "60.0"


def test_a_double_quoted_name_survives_create_vote_declare_export_and_verify(tmp_path: Path) -> None:
    name = 'Dafydd "Dai" Jones'
    spec_file = tmp_path / "meeting.toml"
    spec_file.write_text(SMALL_SPEC.replace('"Aled Thomas"', json.dumps(name)), encoding="utf-8")
    register = tmp_path / "members.csv"
    register.write_text(SMALL_REGISTER, encoding="utf-8")
    meeting = tmp_path / "quoted.coopvote"
    assert cli(["new", str(meeting), "--from", str(spec_file), "--register", str(register)]) == 0
    service = MeetingService.open(meeting, station="test")
    batch = service.papers.add_paper_batch(2, "EMP", 3)
    service.voting.open_vote(2, not_quorate_reason="test meeting: quorum not under test")
    for serial, marks in zip(batch.serials, ([3, 1], [3], [1, 3]), strict=True):
        assert service.tellers.record_paper(batch.qr_text(serial), marks).accepted
    service.voting.close_vote(2)
    service.results.declare(2, "Gareth Morgan", reconciliation_reason="test meeting: papers recorded without packs issued")
    service.close()
    archive = tmp_path / "quoted.zip"
    assert cli(["export", str(meeting), "--out", str(archive)]) == 0
    assert cli(["verify", str(archive)]) == 0
    with zipfile.ZipFile(archive) as opened:
        blt = next(opened.read(n).decode() for n in opened.namelist() if n.endswith(".blt"))
    assert '"Dafydd ""Dai"" Jones"' in blt
