"""Collecting keyboard mnemonics (the letter after '&') the way Qt routes Alt+letter, to find clashes.

Qt gives a mnemonic to the window that holds it: a menu bar title, a button, a label's buddy and a tab
all answer the same Alt+letter anywhere in that window, so they clash if they share a letter while
visible together. Inside an open menu only its own items compete.
"""

from __future__ import annotations

from collections import defaultdict

from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QMenu, QTabBar, QWidget


def mnemonic(text: str) -> str | None:
    """The mnemonic letter of a Qt text ('&&' is a plain ampersand), lower case, or None."""
    index = 0
    while True:
        index = text.find("&", index)
        if index < 0 or index + 1 >= len(text):
            return None
        if text[index + 1] == "&":
            index += 2
            continue
        return text[index + 1].lower()


def _shown(widget: QWidget, window: QWidget) -> bool:
    """On screen in this window; a disabled control counts, as it clashes as soon as it is enabled."""
    return widget.window() is window and widget.isVisible()


def window_mnemonics(window: QWidget) -> dict[str, list[str]]:
    """letter -> the texts that use it among what Alt+letter reaches in this window now."""
    found: dict[str, list[str]] = defaultdict(list)

    def add(text: str, where: str) -> None:
        letter = mnemonic(text)
        if letter is not None:
            found[letter].append(f"{where} {text!r}")

    menu_bar = getattr(window, "menuBar", None)
    if callable(menu_bar):
        bar = menu_bar()
        if bar is not None and bar.isVisible():
            for action in bar.actions():
                if action.isVisible():
                    add(action.text(), "menu")
    for widget in window.findChildren(QWidget):
        if not _shown(widget, window):
            continue
        if isinstance(widget, QAbstractButton):
            add(widget.text(), type(widget).__name__)
        elif isinstance(widget, QLabel) and widget.buddy() is not None and widget.buddy().isVisible():
            add(widget.text(), "label")
        elif isinstance(widget, QGroupBox) and widget.isCheckable():
            add(widget.title(), "group")
        elif isinstance(widget, QTabBar):
            for index in range(widget.count()):
                if widget.isTabVisible(index):
                    add(widget.tabText(index), "tab")
    return found


def menu_mnemonics(menu: QMenu) -> dict[str, list[str]]:
    found: dict[str, list[str]] = defaultdict(list)
    for action in menu.actions():
        if action.isVisible() and not action.isSeparator():
            letter = mnemonic(action.text())
            if letter is not None:
                found[letter].append(repr(action.text()))
    return found


def clashes(found: dict[str, list[str]], where: str) -> list[str]:
    return [f"{where}: Alt+{letter.upper()} is {' and '.join(texts)}"
            for letter, texts in sorted(found.items()) if len(texts) > 1]


def all_menus(window: QWidget) -> list[QMenu]:
    return [menu for menu in window.findChildren(QMenu) if menu.menuAction().isVisible()]
