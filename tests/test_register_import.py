"""Register import: encodings, headings, per-line problems, XLSX, and never crashing on junk."""

from __future__ import annotations

import codecs
import csv
import io
from fractions import Fraction
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coopvote.errors import InputError
from coopvote.messages import Message
from coopvote.register.importer import (
    RegisterPreview,
    RowProblem,
    read_register,
    sample_members,
    write_sample_register,
)
from coopvote.register.text import parse_vote_value

DATA = Path(__file__).parent / "data"
CLASSES = {
    "PS": ("People supported", "Pobl a gefnogir"),
    "EMP": "Employees / Gweithwyr",
    "COM": ("Community supporters", "Cefnogwyr cymunedol"),
}


def problems(preview: RegisterPreview) -> list[tuple[int | None, str | None]]:
    return [(p.line, p.column) for p in preview.errors]


def read_text(text: str, **kwargs: object) -> RegisterPreview:
    return read_register(text.encode("utf-8"), known_classes=CLASSES, filename="test.csv", **kwargs)  # type: ignore[arg-type]


# --- encodings -------------------------------------------------------------------------------------------


def test_utf8_with_bom_keeps_welsh_letters_and_finds_classes_by_any_name() -> None:
    preview = read_register(DATA / "register_bom.csv", known_classes=CLASSES)
    assert preview.ok, preview.errors
    assert preview.encoding == "utf-8-sig"
    assert preview.columns["number"] == "Membership number"  # the BOM is not part of the heading
    assert [r.name for r in preview.rows] == ["Siân ap Gwŷn", "Dafydd Llŵyd", "Gwenllïan Tâf", "Jones, Mair"]
    assert [r.class_code for r in preview.rows] == ["PS", "EMP", "COM", "COM"]
    assert [r.vote_value for r in preview.rows] == [1, 2, Fraction(1, 2), Fraction(1, 3)]
    assert all(type(r.vote_value) is Fraction for r in preview.rows)
    assert [r.status for r in preview.rows] == ["active", "active", "lapsed", "active"]
    assert preview.rows[0].email == "sian@example.org" and preview.rows[1].email is None
    assert [r.line for r in preview.rows] == [2, 3, 4, 5]
    assert preview.members_by_class() == {"PS": 1, "EMP": 1, "COM": 1}
    assert preview.warnings == []


def test_utf8_without_bom() -> None:
    text = "Number,Name,Class\n1,Ŵyn Llŷr,emp\n"
    preview = read_text(text)
    assert preview.ok and preview.encoding == "utf-8"
    assert preview.rows[0].name == "Ŵyn Llŷr"
    assert preview.rows[0].class_code == "EMP"


def test_decomposed_accents_are_composed_so_names_compare_equal() -> None:
    preview = read_text("number,name,class\n1,Sia\u0302n Gwy\u0302n,PS\n")
    assert preview.rows[0].name == "Siân Gwŷn"


def test_windows_1252_with_semicolons_and_welsh_headings_warns() -> None:
    preview = read_register(DATA / "register_cp1252.csv", known_classes=CLASSES)
    assert preview.ok, preview.errors
    assert preview.encoding == "cp1252" and preview.delimiter == ";"
    assert [r.name for r in preview.rows] == ["Siân Jones", "Dafydd Prâis", "Zoë Lefèvre"]
    assert preview.rows[1].vote_value == Fraction(1, 2)  # decimal comma
    assert preview.rows[1].status == "lapsed"  # "wedi darfod"
    assert any("Windows-1252" in w for w in map(str, preview.warnings))


def test_utf16_from_excel_unicode_text() -> None:
    text = "Membership number\tName\tClass\r\n5\tAngharad Prŷs\tPS\r\n"
    preview = read_register(codecs.BOM_UTF16_LE + text.encode("utf-16-le"), known_classes=CLASSES)
    assert preview.ok, preview.errors
    assert preview.encoding == "utf-16" and preview.rows[0].name == "Angharad Prŷs"


def test_undecodable_lines_are_reported_with_byte_offsets() -> None:
    data = (DATA / "register_undecodable.csv").read_bytes()
    preview = read_register(DATA / "register_undecodable.csv", known_classes=CLASSES)
    assert not preview.ok
    assert [p.line for p in preview.errors] == [3, 4]
    for problem in preview.errors:
        offset = int(str(problem.reason).split("byte offset ")[1].split()[0])
        byte = int(str(problem.reason).split("byte 0x")[1][:2], 16)
        assert data[offset] == byte
        assert data.count(b"\n", 0, offset) + 1 == problem.line
    assert [r.membership_number for r in preview.rows] == ["1"]


def test_utf8_file_with_one_stray_latin1_byte_is_not_decoded_as_windows_1252() -> None:
    data = "number,name,class\n1,Siân,PS\n".encode() + b"2,Ren\xe9e,PS\n" + "3,Llŷr,EMP\n".encode()
    preview = read_register(data, known_classes=CLASSES)
    assert problems(preview) == [(3, None)]
    assert "mixes" in str(preview.errors[0].reason)
    assert [r.name for r in preview.rows] == ["Siân", "Llŷr"]  # not "SiÃ¢n"


@pytest.mark.parametrize(
    "data",
    [b"number,name,class\n1,A\x00B,PS\n", bytes(range(256)) * 4, b"\x00" * 100, b"\x89PNG\r\n\x1a\n" + b"\x00" * 50],
)
def test_binary_junk_is_a_clear_whole_file_error(data: bytes) -> None:
    preview = read_register(data, known_classes=CLASSES, filename="junk.csv")
    assert not preview.ok and preview.rows == []
    assert preview.errors[0].line is None


def test_empty_and_heading_only_files() -> None:
    assert "empty" in str(read_register(b"", filename="e.csv").errors[0].reason)
    assert "empty" in str(read_register(b"\n\n  \n", filename="e.csv").errors[0].reason)
    only = read_register(b"number,name,class\n", filename="h.csv")
    assert not only.ok and "no members" in str(only.errors[0].reason)


def test_old_xls_and_broken_xlsx_are_clear_errors() -> None:
    xls = read_register(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, filename="old.xls")
    assert ".xls" in str(xls.errors[0].reason)
    broken = read_register(b"PK\x03\x04 not really a zip", filename="r.xlsx")
    assert not broken.ok and "xlsx" in str(broken.errors[0].reason) and broken.format == "xlsx"


def test_missing_file_raises_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="Cannot read the register"):
        read_register(tmp_path / "absent.csv")


# --- headings and delimiters -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("number", "name", "klass", "votes"),
    [
        ("Number", "Name", "Class", "Vote value"),
        ("MEMBERSHIP NUMBER", "full name", "membership class", "votes"),
        ("Member No.", "Member name", "Category", "Weight"),
        ("Rhif aelod", "Enw", "Dosbarth", "Pwysau"),
        ("rhif aelodaeth", "Enw llawn", "Dosbarth aelodaeth", "Gwerth pleidlais"),
    ],
)
@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_heading_synonyms_and_delimiters(number: str, name: str, klass: str, votes: str, delimiter: str) -> None:
    text = delimiter.join([number, name, klass, votes]) + "\n" + delimiter.join(["9", "Rhodri Rhŷs", "com", "2"]) + "\n"
    preview = read_text(text)
    assert preview.ok, preview.errors
    assert preview.delimiter == delimiter
    row = preview.rows[0]
    assert (row.membership_number, row.name, row.class_code, row.vote_value) == ("9", "Rhodri Rhŷs", "COM", 2)


def test_missing_required_column_names_the_columns_found() -> None:
    preview = read_text("Number,Full name,Email\n1,Ann,a@example.org\n")
    assert not preview.ok and preview.rows == []
    reason = str(preview.errors[0].reason)
    assert "membership class" in reason and "“Number”" in reason and "“Full name”" in reason and "“Email”" in reason


def test_single_class_register_needs_no_class_column() -> None:
    preview = read_register(b"number,name\n1,Ann\n", known_classes={"MEM": "Members"})
    assert preview.ok and preview.rows[0].class_code == "MEM"
    assert any("no class column" in w for w in map(str, preview.warnings))


def test_title_rows_first_and_last_name_columns() -> None:
    preview = read_register(DATA / "register_tab_title.tsv", known_classes=CLASSES)
    assert preview.ok, preview.errors
    assert [(r.line, r.name) for r in preview.rows] == [(4, "Llŷr ap Gwŷn"), (5, "Sioned Glyndŵr")]
    assert any("line 3" in w for w in map(str, preview.warnings))


def test_extra_columns_are_kept_and_duplicated_fields_are_extra() -> None:
    preview = read_text("number,name,class,phone,Name\n1,Ann Lewis,PS,01234,Annie\n")
    assert preview.ok
    assert preview.rows[0].name == "Ann Lewis"
    assert preview.rows[0].extra == {"phone": "01234", "Name": "Annie"}
    assert any("“Name” was kept as extra" in w for w in map(str, preview.warnings))


# --- per-row problems ------------------------------------------------------------------------------------


def test_every_bad_row_is_reported_with_line_column_and_reason() -> None:
    preview = read_register(DATA / "register_bad_rows.csv", known_classes=CLASSES)
    assert not preview.ok
    assert problems(preview) == [(3, "name"), (5, "class"), (6, "number"), (7, "votes"), (8, "votes"),
                                 (9, "votes"), (10, "status")]
    reasons = [str(p.reason) for p in preview.errors]
    assert "empty" in reasons[0]
    assert "unknown class “XYZ”" in reasons[1] and "PS (People supported)" in reasons[1]
    assert "duplicate" in reasons[2] and "line 2" in reasons[2]
    assert "negative" in reasons[3]
    assert "not a number" in reasons[4] and "not a number" in reasons[5]
    assert "status “maybe”" in reasons[6]
    assert [r.line for r in preview.rows] == [2, 11]
    assert any("line 4" in w and "blank" in w for w in map(str, preview.warnings))
    assert str(preview.errors[2]).startswith("register_bad_rows.csv, line 6, column “number”: ")
    with pytest.raises(InputError, match="nothing was imported") as raised:
        preview.raise_if_bad(limit=3)
    assert "line 3" in str(raised.value) and "and 4 more problems" in str(raised.value)


def test_duplicates_ignore_case_and_spaces() -> None:
    preview = read_text("number,name,class\nab-1,A,PS\n\n AB-1 ,B,PS\n")
    assert problems(preview) == [(4, "number")]
    assert "line 2" in str(preview.errors[0].reason)


@pytest.mark.parametrize(
    ("given", "expected"),
    [("1", Fraction(1)), ("2", Fraction(2)), ("0.5", Fraction(1, 2)), ("1/3", Fraction(1, 3)), (" 2 / 3 ", Fraction(2, 3)),
     ("", Fraction(1)), ("0,25", Fraction(1, 4)), ("+3", Fraction(3)), (".5", Fraction(1, 2)), ("0", Fraction(0))],
)
def test_vote_values_accepted(given: str, expected: Fraction) -> None:
    preview = read_text(f'number,name,class,vote value\n1,A,PS,"{given}"\n')
    assert preview.ok, preview.errors
    assert preview.rows[0].vote_value == expected


@pytest.mark.parametrize("given", ["-1", "-0.5", "abc", "NaN", "inf", "1/0", "1e3", "1.2.3", "½", "１", "--1", "/", "."])
def test_vote_values_rejected(given: str) -> None:
    preview = read_text(f'number,name,class,votes\n1,A,PS,"{given}"\n')
    assert problems(preview) == [(2, "votes")]


@pytest.mark.parametrize(
    ("given", "expected"),
    [("", "active"), ("Active", "active"), ("current", "active"), ("Gweithredol", "active"), ("yes", "active"),
     ("lapsed", "lapsed"), ("LAPSED", "lapsed"), ("inactive", "lapsed"), ("resigned", "lapsed"),
     ("wedi darfod", "lapsed"), ("Wedi dod i ben", "lapsed"), ("expired", "lapsed")],
)
def test_status_synonyms(given: str, expected: str) -> None:
    preview = read_text(f"number,name,class,status\n1,A,PS,{given}\n")
    assert preview.ok and preview.rows[0].status == expected


def test_lapsed_and_zero_vote_members_are_not_in_the_quorum_base() -> None:
    preview = read_text("number,name,class,status,votes\n1,A,PS,,1\n2,B,PS,lapsed,1\n3,C,EMP,,0\n4,D,EMP,,1\n")
    assert preview.ok
    assert preview.members_by_class() == {"PS": 1, "EMP": 1}
    assert preview.members_by_class(active_only=False) == {"PS": 2, "EMP": 2}
    assert any("vote value 0" in w for w in map(str, preview.warnings))


def test_unclosed_quote_and_unquoted_delimiter_are_caught() -> None:
    swallowed = read_text('number,name,class\n1,"Ann Lewis,PS\n2,Ben,PS\n3,Cai,PS\n')
    assert problems(swallowed) == [(2, "name")] and "quotation mark" in str(swallowed.errors[0].reason)
    shifted = read_text("number,name,class\n1,Lewis, Ann,PS\n")
    assert problems(shifted) == [(2, None)] and "in quotes" in str(shifted.errors[0].reason)


def test_multiline_extra_value_is_kept_and_line_numbers_stay_right() -> None:
    preview = read_text('number,name,class,address\n1,Ann,PS,"1 Stryd Fawr\nBangor"\n2,Ben,PS,\n')
    assert preview.ok
    assert preview.rows[0].extra == {"address": "1 Stryd Fawr Bangor"}
    assert [r.line for r in preview.rows] == [2, 4]


def test_line_numbers_with_crlf_and_lone_cr() -> None:
    preview = read_register(b"number,name,class\r\n1,A,PS\r\n\r\n2,B,XX\r3,C,PS\r", known_classes=CLASSES)
    assert problems(preview) == [(4, "class")]
    assert [r.line for r in preview.rows] == [2, 5]


def test_invisible_characters_and_empty_number() -> None:
    preview = read_text("number,name,class\n1,Ann\u200bLewis,PS\n,Ben,PS\n3,,\n")
    assert problems(preview) == [(2, "name"), (3, "number"), (4, "name"), (4, "class")]
    assert "U+200B" in str(preview.errors[0].reason)


def test_repeated_headings_are_skipped_and_huge_fields_reported() -> None:
    preview = read_text("Number,Name,Class\n1,A,PS\nNumber,Name,Class\n2,B,PS\n")
    assert preview.ok and [r.line for r in preview.rows] == [2, 4]
    assert any("repeated" in w and "line 3" in w for w in map(str, preview.warnings))
    huge = read_text("number,name,class\n1,A,PS\n2,\"" + "x" * 200_000 + "\",PS\n")
    assert not huge.ok and huge.errors[0].line == 3


def test_row_problem_without_line_reads_as_a_sentence() -> None:
    assert str(RowProblem(None, None, Message.text("the file is empty"), "r.csv")) == "r.csv: the file is empty"


# --- XLSX --------------------------------------------------------------------------------------------------


@pytest.fixture
def workbook(tmp_path: Path) -> Path:
    book = openpyxl.Workbook()
    notes = book.active
    notes.title = "Notes"
    notes.append(["This workbook was kept by the membership secretary."])
    sheet = book.create_sheet("Aelodau")
    sheet.append(["Register of members, 2026"])
    sheet.append(["Rhif aelod", "Enw", "Dosbarth", "Pwysau", "Statws", None, "Joined"])
    sheet.append([1001, "Siân ap Gwŷn", "PS", 1.0, "active", None, None])
    sheet.append([1002.0, "Dafydd Llŵyd", "Gweithwyr", 0.5, "lapsed"])
    sheet.append([None, None, None])
    sheet.append(["1003", "Gwenllïan Tâf", "com", 0.1, None, "note", None])
    sheet.append([1001, "Second Siân", "PS", 1, None])
    sheet.append([1004, "Ieuan", "PS", "#N/A", None])
    sheet.append([1005, "Nia", "PS", True, None])
    path = tmp_path / "register.xlsx"
    book.save(path)
    return path


def test_xlsx_rows_are_spreadsheet_rows_and_numbers_are_exact(workbook: Path) -> None:
    preview = read_register(workbook, known_classes=CLASSES)
    assert preview.format == "xlsx" and preview.sheet == "Aelodau"
    assert [(p.line, p.column) for p in preview.errors] == [(7, "Rhif aelod"), (8, "Pwysau"), (9, "Pwysau")]
    assert "row 3" in str(preview.errors[0].reason)
    assert str(preview.errors[1]).startswith("register.xlsx, row 8, column “Pwysau”")
    rows = preview.rows
    assert [r.line for r in rows] == [3, 4, 6]
    assert [r.membership_number for r in rows] == ["1001", "1002", "1003"]
    assert [r.vote_value for r in rows] == [Fraction(1), Fraction(1, 2), Fraction(1, 10)]
    assert [r.class_code for r in rows] == ["PS", "EMP", "COM"]
    assert rows[0].name == "Siân ap Gwŷn" and rows[1].status == "lapsed"
    assert any("Notes" in w for w in map(str, preview.warnings))
    assert any("Values in columns without a heading" in w and "row 6" in w for w in map(str, preview.warnings))


def test_spreadsheet_cell_values_convert_exactly() -> None:
    assert parse_vote_value(0.1) == Fraction(1, 10)
    assert parse_vote_value(1.0) == 1 and type(parse_vote_value(1.0)) is Fraction
    assert parse_vote_value(2) == 2 and parse_vote_value(None) == 1
    for bad in (float("nan"), float("inf"), -0.5, True, "#N/A"):
        assert isinstance(parse_vote_value(bad), Message)


def test_xlsx_from_bytes_without_filename(workbook: Path) -> None:
    preview = read_register(workbook.read_bytes(), known_classes=CLASSES)
    assert preview.format == "xlsx" and len(preview.rows) == 3


# --- round trip and fuzzing ------------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_sample_register_round_trip(tmp_path: Path, suffix: str) -> None:
    path = write_sample_register(tmp_path / f"sample{suffix}", CLASSES, 300, seed=7)
    preview = read_register(path, known_classes=CLASSES)
    assert preview.ok, preview.errors[:3]
    assert preview.rows == sample_members(CLASSES, 300, seed=7)
    names = " ".join(r.name for r in preview.rows)
    assert any(letter in names for letter in "ŵŷâ")
    assert {r.class_code for r in preview.rows} == set(CLASSES)
    assert 0 < sum(r.status == "lapsed" for r in preview.rows) < 60


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(n=st.integers(1, 40), seed=st.integers(0, 10**6))
def test_sample_round_trip_any_seed(tmp_path: Path, n: int, seed: int) -> None:
    path = write_sample_register(tmp_path / "s.csv", ["A", "B"], n, seed)
    preview = read_register(path, known_classes={"A": "Alpha", "B": "Beta"})
    assert preview.ok and preview.rows == sample_members(["A", "B"], n, seed)


@settings(max_examples=300, deadline=None)
@given(data=st.binary(max_size=600) | st.binary(max_size=300).map(lambda b: b"number;name;class;votes;status\n" + b),
       name=st.sampled_from(["r.csv", "r.xlsx", "r"]))
def test_arbitrary_bytes_never_crash(data: bytes, name: str) -> None:
    preview = read_register(data, known_classes=CLASSES, filename=name)
    assert isinstance(preview, RegisterPreview)
    assert preview.ok == (not preview.errors)
    assert preview.ok or preview.errors


cells = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=12)


@settings(max_examples=200, deadline=None)
@given(rows=st.lists(st.lists(cells, min_size=0, max_size=6), max_size=8), delimiter=st.sampled_from([",", ";", "\t"]),
       encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]))
def test_arbitrary_tables_give_a_row_or_a_problem_for_every_member_line(
    rows: list[list[str]], delimiter: str, encoding: str
) -> None:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
    writer.writerow(["Number", "Name", "Class", "Votes", "Status"])
    writer.writerows(rows)
    preview = read_register(buffer.getvalue().encode(encoding), known_classes=CLASSES, filename="t.csv")
    reported = {p.line for p in preview.errors}
    for row in preview.rows:
        assert row.line not in reported
        assert row.membership_number and row.name and row.class_code in CLASSES
        assert row.vote_value >= 0 and row.status in ("active", "lapsed")
    numbers = [r.membership_number.casefold() for r in preview.rows]
    assert len(numbers) == len(set(numbers))
