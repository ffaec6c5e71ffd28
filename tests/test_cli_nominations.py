"""Nominations from the command line (issue 14), end to end: nominate -> list -> withdraw -> close (the
ballot order, by surname or by lot) -> booklet -> ballot papers, through ``coopvote.cli.main``."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PIL import Image

from coopvote.cli import main
from coopvote.service.nominations import surname_key
from tests.test_service_nominations import REGISTER, SPEC


def pdf_text(path: Path) -> str:
    document = pdfium.PdfDocument(path.read_bytes())
    try:
        return " ".join(" ".join(page.get_textpage().get_text_range().split()) for page in document)
    finally:
        document.close()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path


def new_meeting(folder: Path, order: str = "surname", seats: int = 1) -> str:
    spec = folder / "meeting.toml"
    spec.write_text(SPEC.format(method="fptp", seats=seats, order=order), encoding="utf-8")
    register = folder / "members.csv"
    register.write_text(REGISTER, encoding="utf-8")
    path = folder / "agm.coopvote"
    assert main(["new", str(path), "--from", str(spec), "--register", str(register)]) == 0
    return str(path)


def nominate(meeting: str, candidate: str, proposer: str, seconder: str, *more: str) -> int:
    return main(["nominate", meeting, "--item", "1", "--candidate", candidate, "--proposer", proposer,
                 "--seconder", seconder, "--received", "2026-10-20", *more])


def test_nominate_list_withdraw_close_booklet_and_ballots(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    meeting = new_meeting(folder)
    photo = folder / "rhodri.png"
    Image.new("RGB", (120, 150), "#2f5fa8").save(photo)
    english = folder / "ieuan-en.txt"
    english.write_text("I will keep the books straight.\n", encoding="utf-8")
    capsys.readouterr()

    assert nominate(meeting, "E1", "E2", "E3", "--class", "EMP", "--statement-cy", "Byddaf yn gwrando.",
                    "--statement-en", "I will listen.", "--photo", str(photo)) == 0
    said = capsys.readouterr().out
    assert "Rhodri Evans (E1, class EMP), proposed by E2, seconded by E3, received 2026-10-20; standing" in said
    assert "Welsh statement, English statement, photo" in said
    assert nominate(meeting, "E4", "E2", "E3", "--statement-en-file", str(english)) == 0
    assert nominate(meeting, "E2", "E1", "E3") == 0
    assert main(["statement", meeting, "--item", "1", "--candidate", "E4", "--statement-cy",
                 "Byddaf yn cadw'r llyfrau'n gywir."]) == 0
    assert "Ieuan Bowen (E4), item 1: Welsh statement saved" in capsys.readouterr().out
    assert main(["withdraw", meeting, "--item", "1", "--candidate", "E2", "--reason", "her own written notice"]) == 0
    assert "Catrin Davies (E2) has withdrawn from item 1\n" in capsys.readouterr().out

    assert main(["nominations", meeting, "--item", "1", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert listed["closed"] is False and listed["closes"] == "2026-11-01"
    by_member = {n["member"]: n for n in listed["nominations"]}
    assert by_member["E1"]["photo"] is True and by_member["E4"]["photo"] is False
    assert by_member["E4"]["statement_en"] == "I will keep the books straight."
    assert by_member["E4"]["statement_cy"] == "Byddaf yn cadw'r llyfrau'n gywir."
    assert by_member["E2"]["state"] == "withdrawn" and by_member["E2"]["withdrawal_reason"] == "her own written notice"

    assert main(["close-nominations", meeting, "--item", "1", "--by", "Gareth Morgan"]) == 0
    closed = capsys.readouterr().out
    assert "ballot order alphabetical by surname" in closed
    assert closed.index("1. Ieuan Bowen") < closed.index("2. Rhodri Evans")
    assert main(["nominations", meeting, "--item", "1"]) == 0
    listing = capsys.readouterr().out
    assert "Nominations closed; ballot order (alphabetical by surname):" in listing
    assert "1. Ieuan Bowen (E4" in listing and "2. Rhodri Evans (E1" in listing
    assert "- Catrin Davies (E2" in listing and "withdrawn (her own written notice)" in listing

    booklet = folder / "booklet.pdf"
    assert main(["booklet", meeting, "--item", "1", "--out", str(booklet), "--easy-read"]) == 0
    words = pdf_text(booklet)
    assert words.index("Ieuan Bowen") < words.index("Rhodri Evans")
    assert "Byddaf yn gwrando." in words and "I will listen." in words and "Catrin Davies" not in words
    assert b"/Subtype /Image" in booklet.read_bytes()

    papers = folder / "easy.pdf"
    assert main(["ballots", meeting, "--item", "1", "--class", "EMP", "--count", "2", "--variant", "easy-read",
                 "--out", str(papers)]) == 0
    printed = pdf_text(papers)
    assert printed.index("Ieuan Bowen") < printed.index("Rhodri Evans") and "Catrin Davies" not in printed
    assert b"/Subtype /Image" in papers.read_bytes()  # Rhodri Evans's photo from his nomination
    assert "IB" in printed  # Ieuan Bowen gave none: his initials


def test_ballot_order_by_lot_prints_a_seed_that_replays_the_draw(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    meeting = new_meeting(folder, order="lot", seats=2)
    for candidate, proposer, seconder in (("E1", "E2", "E3"), ("E4", "E2", "E3"), ("E2", "E1", "E3"),
                                          ("P1", "P2", "P4")):
        assert nominate(meeting, candidate, proposer, seconder) == 0
    capsys.readouterr()
    assert main(["close-nominations", meeting, "--item", "1"]) == 0
    said = capsys.readouterr().out
    seed = int(said.split("(seed ", 1)[1].split(",", 1)[0])
    drawn = [line.split(". ", 1)[1] for line in said.splitlines() if line.startswith("  ")]
    replay = sorted(["Rhodri Evans", "Ieuan Bowen", "Catrin Davies", "Siân ap Gwŷn"], key=surname_key)
    random.Random(seed).shuffle(replay)
    assert drawn == replay
    assert main(["close-nominations", meeting, "--item", "1"]) == 4
    assert "already closed" in capsys.readouterr().err


def test_refusals_name_what_and_where(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    meeting = new_meeting(folder)
    capsys.readouterr()
    assert main(["nominate", meeting, "--item", "1", "--candidate", "E1", "--proposer", "E2", "--seconder", "E3",
                 "--received", "2026-11-02"]) == 4
    assert "after nominations for item 1 closed on 2026-11-01" in capsys.readouterr().err
    assert nominate(meeting, "E1", "E2", "E3", "--class", "PS") == 2
    assert "--class PS: the candidate, Rhodri Evans (E1), is in class EMP" in capsys.readouterr().err
    assert nominate(meeting, "E1", "P1", "E3") == 4
    assert "the proposer, Siân ap Gwŷn (P1), is in class PS, not in the candidate's class EMP" in capsys.readouterr().err
    assert nominate(meeting, "E1", "E2", "E3", "--statement-en", " ".join(["word"] * 13)) == 4
    assert "the statement in English has 13 words; the limit is 12" in capsys.readouterr().err
    not_a_photo = folder / "photo.png"
    not_a_photo.write_text("not an image", encoding="utf-8")
    assert nominate(meeting, "E1", "E2", "E3", "--photo", str(not_a_photo)) == 2
    assert "--photo for E1: photo" in (err := capsys.readouterr().err) and "is not a PNG or JPEG image" in err
    assert nominate(meeting, "E1", "E2", "E3", "--statement-cy-file", str(folder / "missing.txt")) == 2
    assert "--statement-cy-file" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        nominate(meeting, "E1", "E2", "E3", "--received", "20 October")
    assert "is not a date; write it as YYYY-MM-DD" in capsys.readouterr().err
    assert main(["statement", meeting, "--item", "1", "--candidate", "E1", "--statement-en", "Hi"]) == 2
    assert "--candidate E1: not nominated for item 1" in capsys.readouterr().err
    assert main(["withdraw", meeting, "--item", "1", "--candidate", "E1", "--reason", " "]) == 4
    assert "say why the candidate withdraws" in capsys.readouterr().err
    assert main(["nominations", meeting, "--item", "1"]) == 0
    assert "No nominations yet." in capsys.readouterr().out  # every refusal left nothing behind


def test_seats_filled_unopposed_print_their_close_code_and_it_verifies(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    meeting = new_meeting(folder, seats=1)
    assert nominate(meeting, "E1", "E2", "E3") == 0
    capsys.readouterr()
    assert main(["close-nominations", meeting, "--item", "1", "--by", "Gareth Morgan"]) == 0
    said = capsys.readouterr().out
    assert "Uncontested: elected without a vote: Rhodri Evans" in said
    welsh = next(line for line in said.splitlines() if line.startswith("Cod cau: "))
    english = next(line for line in said.splitlines() if line.startswith("Close code: "))
    assert said.index(welsh) < said.index(english)  # Welsh first
    assert "Ysgrifennwch ef â llaw yn y cofnodion" in welsh and "Write it into the minutes by hand" in english
    code = english.removeprefix("Close code: ").split(".", 1)[0]
    assert len(code.replace(" ", "")) == 16 and code in welsh

    archive = folder / "record.zip"
    assert main(["export", meeting, "--out", str(archive), "--no-private"]) == 0
    capsys.readouterr()
    assert main(["verify", str(archive), "--code", code]) == 0
    assert main(["verify", str(archive), "--code", "0000 0000 0000 0000"]) != 0
