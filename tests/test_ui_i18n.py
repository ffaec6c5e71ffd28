"""Every string the app shows has Welsh, with the same placeholders, and the compiled files are current."""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from coopvote.ui.i18n.build import HERE, QT_TS, sources, tool
from coopvote.ui.i18n.welsh import WELSH, WELSH_BY_CONTEXT
from coopvote.ui.i18n.welsh_qt import QT_WELSH

PLACEHOLDER = re.compile(r"%[1-9]")


def messages(ts: Path) -> list[tuple[str, str, str, str]]:
    """(context, source, translation, type) for every message in a .ts file."""
    found = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            found.append((name, message.findtext("source") or "", translation.text or "" if translation is not None
                          else "", translation.get("type", "") if translation is not None else "unfinished"))
    return found


@pytest.fixture(scope="module")
def fresh_sources(tmp_path_factory: pytest.TempPathFactory) -> set[tuple[str, str]]:
    """What lupdate finds in the code as it is now (not what the committed .ts says)."""
    ts = tmp_path_factory.mktemp("ts") / "now.ts"
    subprocess.run([tool("pyside6-lupdate"), "-silent", "-locations", "none", *map(str, sources()), "-ts", str(ts)],
                   check=True)
    return {(context, source) for context, source, _t, _k in messages(ts)}


def test_every_string_in_the_code_has_welsh(fresh_sources: set[tuple[str, str]]) -> None:
    missing = sorted(f"[{c}] {s!r}" for c, s in fresh_sources if (c, s) not in WELSH_BY_CONTEXT and s not in WELSH)
    assert missing == [], "run python -m coopvote.ui.i18n.build after adding Welsh for:\n" + "\n".join(missing)
    assert len(fresh_sources) > 300


def test_the_committed_translation_files_are_complete_and_current(fresh_sources: set[tuple[str, str]]) -> None:
    committed = messages(HERE / "coopvote_cy.ts")
    assert {(c, s) for c, s, _t, _k in committed} >= fresh_sources, "run python -m coopvote.ui.i18n.build"
    assert [m for m in committed if m[3] == "unfinished"] == []
    from PySide6.QtCore import QTranslator

    compiled = QTranslator()
    assert compiled.load(str(HERE / "coopvote_cy.qm"))
    stale = [f"[{c}] {s!r}" for c, s, text, _k in committed if compiled.translate(c, s) != text]
    assert stale == [], "the .qm is older than the .ts: run python -m coopvote.ui.i18n.build"


def test_welsh_keeps_placeholders_and_mnemonics() -> None:
    wrong = []
    qt_words = [(source, welsh) for words in QT_WELSH.values() for source, welsh in words.items()]
    for english, welsh in [*WELSH.items(), *((s, w) for (_c, s), w in WELSH_BY_CONTEXT.items()), *qt_words]:
        if sorted(set(PLACEHOLDER.findall(welsh))) != sorted(set(PLACEHOLDER.findall(english))):
            wrong.append(f"placeholders differ: {english!r} -> {welsh!r}")
        if welsh.replace("&&", "").count("&") != english.replace("&&", "").count("&"):
            wrong.append(f"mnemonic differs: {english!r} -> {welsh!r}")
        if not welsh or welsh.strip() != welsh:
            wrong.append(f"empty or padded: {english!r}")
    assert wrong == []


def test_qt_words_are_the_sources_and_contexts_qt_asks_for() -> None:
    """A Welsh word under a context or source Qt never looks up would leave Qt's English on screen.

    Qt's own German (shipped with PySide6) holds every (context, source) Qt translates: each of ours must be
    one of them.
    """
    from PySide6.QtCore import QLibraryInfo, QTranslator

    german = QTranslator()
    shipped = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)) / "qtbase_de.qm"
    if not german.load(str(shipped)):
        pytest.skip(f"no {shipped} to check Qt's sources against")
    unknown = [f"[{context}] {source!r}" for context, words in QT_WELSH.items() for source in words
               if not german.translate(context, source)]
    assert unknown == []
    assert german.translate("QPlatformTheme", "no such button") == ""  # the check can fail


def test_qt_words_are_built_and_current() -> None:
    committed = {(c, s): t for c, s, t, _k in messages(QT_TS)}
    wanted = {(c, s): t for c, words in QT_WELSH.items() for s, t in words.items()}
    assert committed == wanted, "run python -m coopvote.ui.i18n.build"
    from PySide6.QtCore import QTranslator

    compiled = QTranslator()
    assert compiled.load(str(QT_TS.with_suffix(".qm")))
    stale = [f"[{c}] {s!r}" for (c, s), text in wanted.items() if compiled.translate(c, s) != text]
    assert stale == [], "the qtbase_cy.qm is older than welsh_qt.py: run python -m coopvote.ui.i18n.build"
    assert compiled.translate("QPlatformTheme", "Cancel") == "Canslo"
