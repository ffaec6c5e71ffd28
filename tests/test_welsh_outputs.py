"""The demo meeting's printed records have no English in their Welsh half (issue 17: Welsh at the source).

The demo runs into a temporary folder; each declaration (with its stage sheet), the minutes and the two
archives' README are read back, the Welsh half apart from the English the way the layout sets them (the
English in its own inks; the README's halves under their own headings), and every word of the Welsh half is
checked against an English word list, names left out. The checker is shown to catch "elected" and "lot".
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from coopvote import messages
from coopvote.cli.demo import run_demo
from coopvote.counting.blt import parse_blt
from coopvote.counting.ers97 import RULE as ERS97
from coopvote.counting.meek import MEEK_EXACT, MEEK_PRF
from coopvote.counting.model import CountOptions
from coopvote.counting.report import outcome_to_dict
from coopvote.counting.rules import get_rule
from coopvote.counting.scottish_stv import RULE as SCOTTISH
from coopvote.counting.wigm import RULE as WIGM
from coopvote.reports.stage_words import note_words, stage_words, tie_words
from tests.welsh_halves import english_words, name_words, page_halves

NAMES = name_words([
    "Siân ap Gwŷn", "Dafydd Llwyd", "Mair Ŵyn Jones", "Rhodri Evans", "Catrin Ffion Davies", "Tomos Prys",
    "Heledd Rowlands", "Gwenllian Ŷr Hughes", "Ieuan Bowen", "Aled Thomas", "Eleri Prydderch", "Gareth Morgan",
    "PS", "EMP", "SUP", "Neuadd Goffa, Llandysul", "Archwilwyr Cymru", "coopvote", "demo", "Returning Officer",
])
"""Candidates, the chair and returning officer, the class codes, the place: words of neither language."""


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("welsh-demo") / "demo-output"
    run_demo(out, say=lambda _line: None)
    return out


def english_on_pages(pdf: bytes) -> list[tuple[int, list[str], str]]:
    found = []
    for number, (welsh, _english) in enumerate(page_halves(pdf), start=1):
        words = english_words(welsh, NAMES)
        if words:
            found.append((number, words, welsh))
    return found


def test_the_checker_finds_elected_and_lot_in_a_welsh_half() -> None:
    assert english_words("Cam 3: eithrio Aled Thomas. elected: Mair", NAMES) == ["elected"]
    assert english_words("Penderfynwyd drwy lot (hedyn 42)", NAMES) == ["lot"]
    assert english_words("Etholwyd: Siân ap Gwŷn, Ieuan Bowen; coelbren (hedyn 42)", NAMES) == []


def test_the_split_puts_grey_english_in_the_english_half(demo: Path) -> None:
    """The split itself: on the first declaration page the Welsh title is in the Welsh half, its English not."""
    welsh, english = page_halves((demo / "declarations.pdf").read_bytes())[0]
    assert "Datganiad o ganlyniad y bleidlais" in welsh and "Declaration of the result" not in welsh
    assert "Declaration of the result of the vote" in english
    assert english_words(english, NAMES)  # the English half is English: the word list knows it


@pytest.mark.parametrize("name", ["declarations.pdf", "minutes.pdf"])
def test_no_english_word_in_the_welsh_half_of_the_demo_records(demo: Path, name: str) -> None:
    assert english_on_pages((demo / name).read_bytes()) == []


def test_the_stage_sheet_is_read_and_is_welsh(demo: Path) -> None:
    """The election's stage sheet is part of its declaration: its stage lines are in the Welsh half."""
    halves = page_halves((demo / "declarations.pdf").read_bytes())
    welsh = " ".join(cy for cy, _ in halves)
    assert "Taflen y camau cyfrif" in welsh and "Cam 2:" in welsh
    assert "Trosglwyddo gwarged" in welsh or "Eithrio" in welsh


@pytest.mark.parametrize("archive", ["record.zip", "record-PRIVATE.zip"])
def test_the_archive_readme_is_welsh_first_and_whole(demo: Path, archive: str) -> None:
    with zipfile.ZipFile(demo / archive) as opened:
        readme = opened.read("README.txt").decode("utf-8")
    welsh, english = readme.split("ENGLISH (Cymraeg uchod)")
    assert welsh.index("CYMRAEG") < len(welsh)  # Welsh first
    assert english_words(welsh.replace("(English follows below)", ""), NAMES | {"Annual", "General", "Meeting"}) == []
    assert len(welsh.splitlines()) >= len(english.splitlines()) - 2  # the whole text, not a summary
    for heading in ("BETH SYDD YMA", "SUT I'W WIRIO", "CODAU CAU"):
        assert heading in welsh
    if "PRIVATE" in archive:
        assert "DATA PERSONOL" in welsh and "PERSONAL DATA" in english


BLT = ('5 3\n5 1 2 0\n4 2 1 0\n3 3 4 0\n3 4 3 0\n2 1 3 0\n3 5 1 0\n1 4 5 0\n0\n"Siân ap Gwŷn"\n"Dafydd Llwyd"\n'
       '"Rhodri Evans"\n"Ieuan Bowen"\n"Aled Thomas"\n"Test"\n')
LIMITS = CountOptions(seed=3, candidate_groups={0: "PS", 1: "PS", 2: "EMP", 3: "SUP", 4: "SUP"},
                      min_seats={"PS": 1, "SUP": 1}, max_seats={"PS": 1})
RULES = {"ers97": ERS97, "meek": MEEK_EXACT, "meek-prf": MEEK_PRF, "wigm": WIGM, "scottish-stv": SCOTTISH}


@pytest.mark.parametrize("options", [CountOptions(seed=3), LIMITS], ids=["plain", "seat-limits"])
@pytest.mark.parametrize("rule", list(RULES), ids=str)
def test_every_stage_tie_and_note_of_each_stv_rule_is_welsh_in_the_welsh_half(rule: str, options: CountOptions) -> None:
    """Meek, ERS97, WIGM and Scottish STV, with and without seats reserved per class: every stage, tie and
    note is keyed, and worded with no English word in its Welsh."""
    result = outcome_to_dict(RULES[rule].count(parse_blt(BLT), options))
    assert all(stage["note"] for stage in result["stages"]) and all(result["notes_keyed"])
    assert all(tie["how_note"] for tie in result["tie_breaks"])
    welsh = [stage_words(stage)[0] for stage in result["stages"]]
    welsh += [tie_words(tie)[0] for tie in result["tie_breaks"]]
    welsh += [note_words(note, keyed)[0] for note, keyed in zip(result["notes"], result["notes_keyed"], strict=True)]
    assert [(line, english_words(line, NAMES)) for line in welsh if english_words(line, NAMES)] == []


@pytest.mark.parametrize("method", ["fptp", "block", "approval"])
def test_the_plurality_rules_stage_and_notes_are_welsh(method: str) -> None:
    seats = 1 if method == "fptp" else 2
    single = "\n".join(line.split(" ")[0] + " " + line.split(" ")[1] + " 0" if line.count(" ") == 3 else line
                       for line in BLT.replace("5 3\n", f"5 {seats}\n", 1).split("\n"))
    election = parse_blt(single)  # one mark a paper: a first-past-the-post paper takes no more
    limited = CountOptions(seed=3, candidate_groups=LIMITS.candidate_groups, max_seats={"PS": 0})
    result = outcome_to_dict(get_rule(method).count(election, limited))
    assert all(stage["note"] for stage in result["stages"]) and all(result["notes_keyed"])
    welsh = [stage_words(stage)[0] for stage in result["stages"]]
    welsh += [note_words(note, keyed)[0] for note, keyed in zip(result["notes"], result["notes_keyed"], strict=True)]
    assert [(line, english_words(line, NAMES)) for line in welsh if english_words(line, NAMES)] == []


def test_the_welsh_halves_rendered_alone(demo: Path, artifacts_dir: Path) -> None:
    """The Welsh half of the election's declaration, its stage sheet and the minutes, English taken out, as
    pictures to look at (docs/images/*-welsh-half.png are these); what is left still reads as the record."""
    from tests.welsh_halves import welsh_half_png

    declarations = (demo / "declarations.pdf").read_bytes()
    pages = page_halves(declarations)
    election = next(n for n, (cy, _) in enumerate(pages, start=1) if "Eitem 4:" in cy)
    shots = {"declaration-welsh-half": (declarations, election),
             "declaration-welsh-half-stages": (declarations, election + 1),
             "minutes-welsh-half": ((demo / "minutes.pdf").read_bytes(), 1)}
    for name, (pdf, page) in shots.items():
        assert welsh_half_png(pdf, page, str(artifacts_dir / f"{name}.png")) > 10, name
    assert "Taflen y camau cyfrif" in pages[election][0]  # the page after the election's first is its stages


class _Any(dict[str, object]):
    """Any parameter a sentence asks for, as a name (a count for a number's noun): the words around it are what
    is checked."""

    def __missing__(self, key: str) -> str:
        return "Aled Thomas"


class _Formatter(messages._Formatter):
    """The catalogue's formatter, with a number where a grammar mark needs one."""

    def format_field(self, value: object, format_spec: str) -> str:
        return super().format_field(3 if format_spec.startswith("#") else value, format_spec)


def test_every_keyed_note_is_welsh_in_its_welsh_wording() -> None:
    """Every key of the table, exercised by a count or not (a warning about a value band, a Meek iteration
    limit), has no English word in its Welsh."""
    from coopvote.messages import catalogue

    notes = {key: (entry.cy, entry.en) for key, entry in catalogue().items() if key.startswith("notes.")}
    english = {key: english_words(_Formatter("cy").vformat(cy, (), _Any()), NAMES) for key, (cy, _en) in notes.items()
               if key != "notes.plain"}  # "plain": an unkeyed older note, printed as it was and labelled as English
    assert {key: words for key, words in english.items() if words} == {}
    assert english_words(_Formatter("en").vformat(notes["notes.privacy_band_members"][1], (), _Any()), NAMES)  # the English is English


@pytest.mark.parametrize("method", ["ers97", "meek", "meek-prf", "wigm"])
def test_a_printed_declaration_of_each_stv_rule_has_no_english_in_its_welsh_half(tmp_path: Path, method: str) -> None:
    """The demo counts by Scottish STV; the other STV rules' declarations (stage sheet, notes, ties) are
    printed here from a small meeting with one seat reserved per class, and read the same way. The chair's
    recorded reasons are the chair's own words, printed as typed in both halves: this chair writes Welsh."""
    from coopvote.export.content import collect
    from coopvote.meeting.spec import parse_spec
    from coopvote.reports.declaration import render_declaration
    from coopvote.service import MeetingService
    from tests.helpers import SMALL_REGISTER, SMALL_SPEC

    spec = SMALL_SPEC.replace('method = "scottish-stv"', f'method = "{method}"\nreserved = {{ PS = {{ min = 1 }} }}')
    service = MeetingService.create(tmp_path / "small.coopvote", parse_spec(spec, "small.toml"), station="test")
    service.setup.import_register(SMALL_REGISTER.encode("utf-8"), "members.csv")
    service.voting.open_vote(2, not_quorate_reason="cyfarfod prawf: nid yw'r cworwm dan brawf")
    emp = service.papers.add_paper_batch(2, "EMP", 4)
    ps = service.papers.add_paper_batch(2, "PS", 2)
    for batch, serial, marks in ((emp, 0, [2, 3]), (emp, 1, [2, 3]), (emp, 2, [3, 2]), (emp, 3, [3]), (ps, 0, [1, 2]),
                                 (ps, 1, [2, 1])):
        assert service.tellers.record_paper(batch.qr_text(batch.serials[serial]), marks).accepted
    service.voting.close_vote(2)
    service.results.declare(2, "Returning Officer", reconciliation_reason="cyfarfod prawf: papurau heb becynnau")
    record = collect(service)
    service.close()
    item = next(item for item in record.items if item.number == 2)
    halves = page_halves(render_declaration(record, item))
    assert any("Taflen y camau cyfrif" in cy for cy, _ in halves)
    names = NAMES | name_words(["Siân ap Gwŷn", "Rhodri Evans", "Aled Thomas", "Returning Officer"])
    assert [(page, english_words(cy, names)) for page, (cy, _) in enumerate(halves, 1) if english_words(cy, names)] == []


def test_papers_declared_although_they_do_not_reconcile_are_named_in_both_halves(tmp_path: Path) -> None:
    """The chair's decision to declare papers that do not reconcile names the problems in each half: the
    Welsh half its own words (ReconciliationRow.problem_words), with no English in it."""
    from coopvote.export.content import collect
    from coopvote.meeting.spec import parse_spec
    from coopvote.reports.declaration import render_declaration
    from coopvote.service import MeetingService
    from tests.helpers import SMALL_REGISTER, SMALL_SPEC

    service = MeetingService.create(tmp_path / "small.coopvote", parse_spec(SMALL_SPEC, "small.toml"), station="test")
    service.setup.import_register(SMALL_REGISTER.encode("utf-8"), "members.csv")
    service.voting.open_vote(2, not_quorate_reason="cyfarfod prawf: nid yw'r cworwm dan brawf")
    emp = service.papers.add_paper_batch(2, "EMP", 3)
    for serial, marks in ((0, [2, 3]), (1, [3, 2]), (2, [3])):  # recorded, never issued: more returned than issued
        assert service.tellers.record_paper(emp.qr_text(emp.serials[serial]), marks).accepted
    service.voting.close_vote(2)
    problems = [(row.class_code, words) for row in service.results.reconciliation(2) for words in row.problem_words]
    assert problems, "papers returned that were never issued do not reconcile"
    service.results.declare(2, "Returning Officer", reconciliation_reason="cyfarfod prawf: papurau heb becynnau")
    record = collect(service)
    service.close()
    item = next(item for item in record.items if item.number == 2)
    halves = [" ".join(half.split()) for page in page_halves(render_declaration(record, item)) for half in page]
    welsh, english = " ".join(halves[0::2]), " ".join(halves[1::2])
    for code, words in problems:
        assert f"{code}: {words.cy}" in welsh
        assert f"{code}: {words.en}" in english and words.en not in welsh
    names = NAMES | name_words(["Siân ap Gwŷn", "Rhodri Evans", "Aled Thomas", "Returning Officer"])
    assert english_words(welsh, names) == []
