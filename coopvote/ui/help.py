"""The guide inside the app: F1 or Help ▸ Guide opens the section of docs/app.md for the screen in use.

The guide is the same text as the documentation (docs/app.md, and docs/app.cy.md in Welsh), so what
the app says and what the manual says cannot drift apart. Each role's section is marked in the
Markdown with an invisible ``<!-- help:ROLE -->`` comment just above its heading; the section runs to
the next heading of the same or a higher level. A packaged build carries the two files in
``coopvote/resources/help``; a source checkout reads them from ``docs/``.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from coopvote.ui.look import current_language
from coopvote.ui.widgets import Retranslatable

HELP_ROLES = ("start", "wizard", "desk", "chair", "teller", "results", "projector", "printing")
GUIDE_FILES = {"en": "app.md", "cy": "app.cy.md"}
_MARK = re.compile(r"^<!--\s*help:([a-z-]+)\s*-->\s*$")
_HEADING = re.compile(r"^(#{1,6})\s")


def guide_folders() -> list[Path]:
    package = Path(__file__).resolve().parent.parent
    return [package / "resources" / "help", package.parent / "docs"]


def guide_path(language: str) -> Path | None:
    name = GUIDE_FILES.get(language, GUIDE_FILES["en"])
    for folder in guide_folders():
        if (folder / name).is_file():
            return folder / name
    return None


def guide_section(markdown: str, role: str) -> str | None:
    """The Markdown of one role's section (its heading and everything under it), or None if unmarked."""
    lines = markdown.splitlines()
    for index, line in enumerate(lines):
        found = _MARK.match(line.strip())
        if found is None or found.group(1) != role:
            continue
        start = index + 1
        while start < len(lines) and not _HEADING.match(lines[start]):
            start += 1
        if start == len(lines):
            return None
        level = len(_HEADING.match(lines[start]).group(1))  # type: ignore[union-attr]
        end = start + 1
        while end < len(lines):
            heading = _HEADING.match(lines[end])
            if heading is not None and len(heading.group(1)) <= level:
                break
            end += 1
        kept = [line for line in lines[start:end] if not _MARK.match(line.strip())]  # a subsection's marker
        return "\n".join(kept).strip() + "\n"
    return None


def guide_text(role: str, language: str) -> tuple[str, Path | None]:
    """The section for the role in the language (English if that guide is missing), and its folder."""
    for code in dict.fromkeys((language, "en")):
        path = guide_path(code)
        if path is None:
            continue
        text = path.read_text(encoding="utf-8")
        return guide_section(text, role) or text, path.parent
    return "", None


class HelpDialog(Retranslatable, QDialog):
    """The guide's section for one screen; it follows a change of language while open."""

    def __init__(self, role: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.role = role
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(False)
        self.browser.setOpenLinks(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(self.buttons)
        self.resize(760, 620)
        self.retranslate()

    def show_role(self, role: str) -> None:
        self.role = role
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Guide – coopvote"))
        text, folder = guide_text(self.role, current_language())
        if folder is not None:
            self.browser.setSearchPaths([str(folder)])
            self.browser.document().setBaseUrl(QUrl.fromLocalFile(str(folder) + "/"))
        self.browser.setMarkdown(text or self.tr("The guide is not included in this copy of coopvote."))
        self.browser.setAccessibleName(self.tr("Guide"))
        close = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("&Close"))


def add_help_key(window: QWidget, open_help: object) -> QShortcut:
    """F1 in a window of its own (the projector, the wizard, a dialog) opens its guide too."""
    shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents), window)
    shortcut.activated.connect(open_help)  # type: ignore[arg-type]
    return shortcut


def show_guide(role: str, over: QWidget, previous: QWidget | None = None) -> HelpDialog:
    """Show the guide for a role above ``over``, reusing the open guide window when it is already there."""
    if isinstance(previous, HelpDialog) and previous.parent() is over:
        dialog = previous
        dialog.show_role(role)
    else:
        if previous is not None:
            previous.deleteLater()
        dialog = HelpDialog(role, over)
    dialog.show()
    dialog.raise_()
    return dialog
