"""The first start asks which language to use, in both languages at once, before anything else is shown.

Until someone has chosen, the app would only guess from the system's locale, and most Welsh speakers'
computers say English. So the very first start shows two equal columns, Cymraeg on the left (Welsh first)
and English on the right, each saying in its own language that the choice can be changed later from the
menu. The choice is stored in the settings (``look.language_chosen``) and never asked again; the language
switch in the menu stores a choice too. Closing the dialog without choosing keeps the guess and asks again
next time, because a dismissed question is not an answer.

Both columns show at once whatever translator is installed, so the Welsh is read from the Welsh
translation file directly; the texts are still ordinary translation sources (``QT_TRANSLATE_NOOP``), so
their Welsh lives in ``i18n/welsh.py`` with every other string and the translation tests cover it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTranslator
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QGridLayout, QLabel, QPushButton, QWidget

from coopvote.ui.look import I18N_DIR, AppSettings, language_chosen, scaled_font
from coopvote.ui.widgets import QT_TRANSLATE_NOOP, BigLabel

CONTEXT = "FirstLanguageDialog"  # lupdate reads the literal in each QT_TRANSLATE_NOOP below
HEADING = QT_TRANSLATE_NOOP("FirstLanguageDialog", "Choose a language")
EXPLANATION = QT_TRANSLATE_NOOP(
    "FirstLanguageDialog", "You can change this later from the menu: View ▸ Iaith / Language. Press C for Cymraeg or E for English.")
BUTTON_LABELS = {"cy": "&Cymraeg", "en": "&English"}
"""Each language's own name, the same in both languages, as in the menu."""
KEYS = {Qt.Key.Key_C: "cy", Qt.Key.Key_E: "en"}


def welsh_text(source: str) -> str:
    """The Welsh of one of this dialog's texts, whichever language the app is in now."""
    translator = QTranslator()
    if translator.load(str(I18N_DIR / "coopvote_cy.qm")):
        return translator.translate(CONTEXT, source) or source
    return source


class FirstLanguageDialog(QDialog):
    """Cymraeg or English, asked once: ``choice`` is "cy", "en", or None when it was closed unanswered."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstLanguageDialog")
        self.setModal(True)
        self.choice: str | None = None
        self.setWindowTitle(f"{welsh_text(HEADING)} / {HEADING}")
        layout = QGridLayout(self)
        layout.setHorizontalSpacing(32)
        self.buttons: dict[str, QPushButton] = {}
        for column, (language, heading, explanation) in enumerate((
                ("cy", welsh_text(HEADING), welsh_text(EXPLANATION)),
                ("en", HEADING, EXPLANATION))):
            title = BigLabel(1.3, True, self)
            title.setText(heading)
            title.setObjectName(f"heading_{language}")
            text = QLabel(explanation, self)
            text.setObjectName(f"explanation_{language}")
            text.setWordWrap(True)
            text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            button = QPushButton(BUTTON_LABELS[language], self)
            button.setObjectName(f"choose_{language}")
            button.setFont(scaled_font(button, 1.4, bold=True))
            button.setMinimumHeight(button.sizeHint().height() * 2)
            button.setAccessibleDescription(explanation)
            button.clicked.connect(lambda _checked=False, chosen=language: self.choose(chosen))
            self.buttons[language] = button
            layout.addWidget(title, 0, column)
            layout.addWidget(text, 1, column)
            layout.addWidget(button, 2, column)
            layout.setColumnStretch(column, 1)  # equal prominence: the two columns are the same width
        self.buttons["cy"].setDefault(True)
        self.buttons["cy"].setFocus()
        self.resize(640, 260)

    def choose(self, language: str) -> None:
        self.choice = language
        self.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        """C or E chooses at once; the arrow keys move between the two buttons and Enter takes the one in focus."""
        key = Qt.Key(event.key())
        if key in KEYS and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self.choose(KEYS[key])
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Up):
            self.buttons["cy"].setFocus()
        elif key in (Qt.Key.Key_Right, Qt.Key.Key_Down):
            self.buttons["en"].setFocus()
        else:
            super().keyPressEvent(event)


def ask_language_on_first_start(look: AppSettings, parent: QWidget | None = None) -> str | None:
    """If no language has been chosen yet, ask and switch to (and store) the answer; otherwise do nothing."""
    if language_chosen():
        return None
    dialog = FirstLanguageDialog(parent)
    try:
        dialog.exec()
        if dialog.choice is not None:
            look.set_language(dialog.choice)
        return dialog.choice
    finally:
        dialog.deleteLater()
