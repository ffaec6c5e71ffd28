"""Reading every text a window shows, as a person would, and finding the English among them in the Welsh app.

``window_texts`` walks what is on screen in one window: its title, the menu bar and its menus, labels,
buttons, group titles, tab texts and tips, placeholders, tooltips, table and tree heads, combo items, spin
box prefixes and suffixes; ``context_menu_texts`` opens a field's own right-click menu (Qt's Undo, Copy,
Paste...) and reads it. ``english_in`` says which texts are English: equal to an English source whose Welsh
differs (the translation was not used), or holding a word of ``tests/welsh_halves.py``'s English list or
of the app's own controls (``UI_WORDS``). Names, file names and codes are left out by the caller.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent, QTextDocumentFragment
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QSpinBox,
    QTableView,
    QTabWidget,
    QTextEdit,
    QTreeView,
    QWidget,
)

from coopvote.ui.i18n.build import HERE, QT_TS
from tests.welsh_halves import ENGLISH_WORDS, NOT_WORDS, WORD

UI_WORDS = frozenset(re.findall(r"\S+", """
ok cancel save open close apply reset discard ignore retry abort help back next finish undo redo copy paste
delete select step down details file files folder directory directories name size type kind date modified
view detail list new look choose remove rename hidden scroll left right bottom edge printing import export
settings language text bigger smaller contrast guide screen window quit welcome colour color basic custom pick
red green blue alpha hue saturation
"""))
"""The words of buttons, menus and Qt's own dialogs, none of them also a Welsh word ("print" is: print bras,
large print; "go" is: go iawn); "yes", "no", "all" and "up" are in ``ENGLISH_WORDS`` or are Welsh."""

WORDS = ENGLISH_WORDS | UI_WORDS


def plain(text: str) -> str:
    """A text as read: rich text as its words, the mnemonic's '&' gone, a menu's shortcut after the tab gone."""
    if re.search(r"<[A-Za-z/][^>]*>|&[a-z]+;", text):
        text = QTextDocumentFragment.fromHtml(text).toPlainText()
    text = text.split("\t", 1)[0]
    return "&".join(part.replace("&", "") for part in text.split("&&"))


def translated_sources() -> dict[str, str]:
    """English source -> Welsh, for every source the app or Qt translates into something else."""
    found: dict[str, str] = {}
    for ts in (HERE / "coopvote_cy.ts", QT_TS):
        for message in ET.parse(ts).getroot().iter("message"):
            source, welsh = message.findtext("source") or "", message.findtext("translation") or ""
            if source and welsh and plain(welsh) != plain(source):
                found[plain(source)] = plain(welsh)
    return found


DEFINITION_SYNTAX = re.compile(r"\S*\[\S*\]\S*|\S*_\S*|\{[^}]*\}|\S*\.\S+")
"""The meeting definition's own syntax quoted in a message (``[meeting].name_cy``, ``items[2].candidates``, an
inline table ``{ name = "Ann", class = "PS" }``): the file's keys, the same in either language."""


def english_in(texts: Iterable[tuple[str, str]], names: Iterable[str], sources: dict[str, str]) -> list[str]:
    """'where: text [why]' for each text that is English."""
    left_out = set(names)
    welsh_texts = set(sources.values())
    found = []
    for where, text in texts:
        shown = plain(text).strip()
        if not shown:
            continue
        if shown in sources and shown not in welsh_texts:
            found.append(f"{where}: {shown!r} [untranslated source]")
            continue
        words = [word for word in WORD.findall(NOT_WORDS.sub(" ", DEFINITION_SYNTAX.sub(" ", shown)))
                 if word not in left_out
                 and re.sub(r"['’]s$", "", word.lower()) in WORDS]
        if words:
            found.append(f"{where}: {shown!r} [English: {', '.join(dict.fromkeys(words))}]")
    return found


def _shown(widget: QWidget, window: QWidget) -> bool:
    return widget.window() is window and widget.isVisible()


def menu_texts(menu: QMenu, where: str) -> list[tuple[str, str]]:
    found = [(where, menu.title())] if menu.title() else []
    for action in menu.actions():
        if action.isSeparator() or not action.isVisible():
            continue
        found.append((f"{where} ▸ item", action.text()))
        if action.toolTip() and plain(action.toolTip()) != plain(action.text()):
            found.append((f"{where} ▸ tip", action.toolTip()))
        if action.statusTip():
            found.append((f"{where} ▸ status tip", action.statusTip()))
        if action.menu() is not None:
            found += menu_texts(action.menu(), f"{where} ▸ {plain(action.text())}")
    return found


def _heads(view: QAbstractItemView, where: str) -> list[tuple[str, str]]:
    model = view.model()
    if model is None:
        return []
    found = []
    orientations = []
    if isinstance(view, QTableView):
        if view.horizontalHeader().isVisible():
            orientations.append((Qt.Orientation.Horizontal, model.columnCount()))
        if view.verticalHeader().isVisible():
            orientations.append((Qt.Orientation.Vertical, model.rowCount()))
    elif isinstance(view, QTreeView) and not view.isHeaderHidden():
        orientations.append((Qt.Orientation.Horizontal, model.columnCount()))
    for orientation, count in orientations:
        for section in range(count):
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = model.headerData(section, orientation, role)
                if isinstance(value, str) and value:
                    found.append((f"{where} head {section + 1}", value))
    return found


def window_texts(window: QWidget, where: str) -> list[tuple[str, str]]:
    """(where, text) of everything visible in the window now."""
    found: list[tuple[str, str]] = [(f"{where} title", window.windowTitle())]
    if isinstance(window, QMainWindow) and window.menuBar().isVisible():
        for action in window.menuBar().actions():
            if action.isVisible() and action.menu() is not None:
                found += menu_texts(action.menu(), f"{where} menu")
    for widget in window.findChildren(QWidget):
        if not _shown(widget, window):
            continue
        kind = f"{where} {type(widget).__name__} {widget.objectName() or ''}".rstrip()
        if widget.toolTip():
            found.append((f"{kind} tooltip", widget.toolTip()))
        if widget.accessibleName():
            found.append((f"{kind} accessible name", widget.accessibleName()))
        if isinstance(widget, (QLabel, QAbstractButton)):
            found.append((kind, widget.text()))
        elif isinstance(widget, QGroupBox):
            found.append((kind, widget.title()))
        elif isinstance(widget, QTabWidget):
            for index in range(widget.count()):
                found.append((f"{kind} tab", widget.tabText(index)))
                found.append((f"{kind} tab tip", widget.tabToolTip(index)))
        elif isinstance(widget, QComboBox):
            found += [(f"{kind} item", widget.itemText(index)) for index in range(widget.count())]
        elif isinstance(widget, QAbstractSpinBox):
            found.append((f"{kind} special value", widget.specialValueText()))
            if isinstance(widget, QSpinBox):
                found += [(f"{kind} prefix", widget.prefix()), (f"{kind} suffix", widget.suffix())]
        if isinstance(widget, (QLineEdit, QTextEdit, QPlainTextEdit)):
            found.append((f"{kind} placeholder", widget.placeholderText()))
        if isinstance(widget, QAbstractItemView):
            found += _heads(widget, kind)
    return found


def context_menu_texts(widget: QWidget, where: str, shot_to: Path | None = None) -> list[tuple[str, str]]:
    """Open the widget's own right-click menu (Qt's, for fields), read it (and save its picture) and close it."""
    found: list[tuple[str, str]] = []
    tries = [200]

    def read_and_close() -> None:
        popup = QApplication.activePopupWidget()
        if not isinstance(popup, QMenu):
            tries[0] -= 1
            if tries[0] > 0:
                QTimer.singleShot(10, read_and_close)
            return
        found.extend(menu_texts(popup, f"{where} right-click menu"))
        if shot_to is not None:
            assert popup.grab().save(str(shot_to)), shot_to
        popup.close()

    QTimer.singleShot(0, read_and_close)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, QPoint(4, 4), widget.mapToGlobal(QPoint(4, 4)))
    QApplication.sendEvent(widget, event)
    QApplication.processEvents()
    return found
