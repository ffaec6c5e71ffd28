"""``coopvote --lang cy|en`` and the default (both, Welsh first) on what the command line says (issue 17).

Each check runs a real command three ways and looks for the catalogue's own lines: only the Welsh with
``--lang cy``, only the English with ``--lang en``, and by default the Welsh line before the English one.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from coopvote.ballots.qrcodec import Reason
from coopvote.ballots.texts import reason_message
from coopvote.cli import main
from coopvote.cli.demo import demo_spec_text
from coopvote.export.container import read_zip, write_zip
from coopvote.messages import Bilingual, Language, Message, message
from coopvote.register.sample import write_sample_register

ASKED: dict[str | None, tuple[Language, ...]] = {"cy": ("cy",), "en": ("en",), None: ("cy", "en")}
"""--lang given (None: not given) -> the languages whose lines must appear, in order."""


@pytest.fixture
def meeting(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("COOPVOTE_LANG", raising=False)
    spec = tmp_path / "meeting.toml"
    spec.write_text(demo_spec_text(), encoding="utf-8")
    register = write_sample_register(tmp_path / "members.csv", ["PS", "EMP", "SUP"], 30, seed=5)
    path = tmp_path / "agm.coopvote"
    assert main(["--lang", "en", "new", str(path), "--from", str(spec), "--register", str(register)]) == 0
    return path


def run(lang: str | None, words: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main([*(["--lang", lang] if lang else []), *words])
    said = capsys.readouterr()
    return code, said.out, said.err


def assert_said_in_order(text: str, words: Message, lang: str | None, prefix: str = "") -> None:
    """Every line of ``words`` in each language asked for is in ``text``, in that order; no other language's."""
    lines = text.splitlines()
    wanted = [prefix + line for language in ASKED[lang] for line in words.render(language).splitlines()]
    found = [lines.index(line) for line in wanted]  # ValueError names the missing line
    assert found == sorted(found), f"out of order: {wanted}\nin:\n{text}"
    for other in {"cy", "en"} - set(ASKED[lang]):
        for line in words.render(other).splitlines():  # type: ignore[arg-type]
            assert prefix + line not in lines, f"{other} line printed though --lang {lang}: {line}"


@pytest.mark.parametrize("lang", ["cy", "en", None])
def test_verify_names_what_was_altered_in_the_language_asked_for(
    meeting: Path, tmp_path: Path, lang: str | None, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = tmp_path / "record.zip"
    assert main(["--lang", "en", "export", str(meeting), "--out", str(archive), "--no-private"]) == 0
    members, comment = read_zip(archive.read_bytes(), str(archive))
    altered = [(name, data.replace(b'"code"', b'"Code"', 1) if name == "results.json" else data)
               for name, data in members]  # one edit, the zip rewritten exactly as coopvote writes one
    bad = tmp_path / "altered.zip"
    bad.write_bytes(write_zip(altered, comment))

    code, out, err = run(lang, ["verify", str(bad)], capsys)
    assert code == 1 and out == ""
    problem = message("verify.file_altered", name="results.json")
    assert_said_in_order(err, message("cli.discrepancy", problem=problem), lang)

    code, out, _ = run(lang, ["verify", str(archive)], capsys)
    assert code == 0
    assert_said_in_order(out, message("cli.check_passed", check=message("verify.ok_container")), lang)


@pytest.mark.parametrize("lang", ["cy", "en", None])
def test_scan_says_why_a_code_was_refused_in_the_language_asked_for(
    meeting: Path, tmp_path: Path, lang: str | None, capsys: pytest.CaptureFixture[str]
) -> None:
    papers = tmp_path / "papers.pdf"
    assert main(["--lang", "en", "ballots", str(meeting), "--item", "1", "--class", "PS", "--count", "1",
                 "--out", str(papers)]) == 0
    code, out, _ = run(lang, ["scan", str(meeting), str(papers)], capsys)  # the vote on item 1 is not open
    assert code == 0
    assert_said_in_order(out, message("cli.sheets_read", pages=1, accepted=0, queued=0), lang)
    refusal = Bilingual(cy=reason_message(Reason.VOTE_NOT_OPEN, "cy", item=1),
                        en=reason_message(Reason.VOTE_NOT_OPEN, "en", item=1))
    assert_said_in_order(out, message("cli.refused_example", reason="vote-not-open", count=1, example=refusal), lang)


@pytest.mark.parametrize("lang", ["cy", "en", None])
def test_a_status_line_is_printed_in_the_language_asked_for(
    meeting: Path, lang: str | None, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(lang, ["open", str(meeting), "--item", "1", "--not-quorate-reason", "a rehearsal"], capsys)
    assert code == 0
    title = Bilingual(cy="Derbyn yr adroddiad blynyddol a'r cyfrifon", en="To receive the annual report and accounts")
    assert_said_in_order(out, message("cli.vote_open", item=1, title=title), lang)


def test_coopvote_lang_in_the_environment_is_the_default(
    meeting: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("COOPVOTE_LANG", "cy")
    code, out, _ = run(None, ["open", str(meeting), "--item", "1", "--not-quorate-reason", "a rehearsal"], capsys)
    assert code == 0
    title = Bilingual(cy="Derbyn yr adroddiad blynyddol a'r cyfrifon", en="To receive the annual report and accounts")
    assert_said_in_order(out, message("cli.vote_open", item=1, title=title), "cy")


@pytest.mark.parametrize("lang", ["cy", "en", None])
def test_a_register_with_a_bad_row_is_refused_in_the_language_asked_for(
    tmp_path: Path, lang: str | None, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The register reader's problem (where and why) is a message: `coopvote --lang cy new` prints it in Welsh."""
    monkeypatch.delenv("COOPVOTE_LANG", raising=False)
    spec = tmp_path / "meeting.toml"
    spec.write_text(demo_spec_text(), encoding="utf-8")
    register = tmp_path / "members.csv"
    register.write_text("number,name,class\nM1,Ann Lewis,PS\nM2,,PS\n", encoding="utf-8")
    path = tmp_path / "agm.coopvote"
    code, _out, err = run(lang, ["new", str(path), "--from", str(spec), "--register", str(register)], capsys)
    assert code != 0 and not path.exists()
    welsh = f"{register}, llinell 3, colofn “name”: mae'r enw yn wag"
    english = f"{register}, line 3, column “name”: the name is empty"
    assert (welsh in err) == ("cy" in ASKED[lang]) and (english in err) == ("en" in ASKED[lang])
    if lang is None:
        assert err.index(welsh) < err.index(english)


@pytest.mark.parametrize("lang", ["cy", "en", None])
def test_the_results_tables_total_heading_is_in_the_language_asked_for(
    meeting: Path, lang: str | None, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(lang, ["results", str(meeting)], capsys)
    assert code == 0
    headings = [line.split()[-1] for line in out.splitlines() if line.startswith("    ") and line.split()
                and line.split()[-1] in ("cyfanswm", "total")]
    assert headings, out
    wanted = {"cy": "cyfanswm", "en": "total", None: "total"}[lang]  # both: "cyfanswm / total", ending in total
    assert set(headings) == {wanted}
    if lang is None:
        assert "cyfanswm / total" in out
