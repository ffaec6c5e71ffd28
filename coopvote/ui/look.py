"""The look of the running app: one QApplication, its translations, palette and text size.

A leaf of the ui package: every screen imports its settings and language helpers from here, and this
module imports no screen, so only the main window composes the screens and nothing imports upward.

Everything a person can change about the look (language, high contrast, text size) is held by
``AppSettings`` and applied to the whole application at once, so a page never styles itself: a page
only uses ``scaled_font`` for its big labels and reacts to LanguageChange / FontChange events.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QObject, QSettings, QTranslator, Signal
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from coopvote import messages

I18N_DIR = Path(__file__).resolve().parent / "i18n"
LANGUAGES = ("cy", "en")
TEXT_SCALES = (0.85, 1.0, 1.15, 1.3, 1.5, 1.75, 2.0)
ORGANISATION = "coopvote"
APPLICATION = "coopvote"


def settings() -> QSettings:
    """The user's settings; ``COOPVOTE_SETTINGS`` points them at an INI file (tests, kiosks, USB sticks)."""
    override = os.environ.get("COOPVOTE_SETTINGS")
    if override:
        return QSettings(override, QSettings.Format.IniFormat)
    return QSettings(ORGANISATION, APPLICATION)


def high_contrast_palette() -> QPalette:
    """White on black with yellow focus and selection: readable for low vision, in any style."""
    palette = QPalette()
    black, white, yellow, cyan = QColor("#000000"), QColor("#ffffff"), QColor("#ffff00"), QColor("#00ffff")
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        palette.setColor(group, QPalette.ColorRole.Window, black)
        palette.setColor(group, QPalette.ColorRole.WindowText, white)
        palette.setColor(group, QPalette.ColorRole.Base, black)
        palette.setColor(group, QPalette.ColorRole.AlternateBase, QColor("#1a1a1a"))
        palette.setColor(group, QPalette.ColorRole.Text, white)
        palette.setColor(group, QPalette.ColorRole.Button, black)
        palette.setColor(group, QPalette.ColorRole.ButtonText, white)
        palette.setColor(group, QPalette.ColorRole.BrightText, yellow)
        palette.setColor(group, QPalette.ColorRole.Highlight, yellow)
        palette.setColor(group, QPalette.ColorRole.HighlightedText, black)
        palette.setColor(group, QPalette.ColorRole.ToolTipBase, black)
        palette.setColor(group, QPalette.ColorRole.ToolTipText, white)
        palette.setColor(group, QPalette.ColorRole.Link, cyan)
        palette.setColor(group, QPalette.ColorRole.PlaceholderText, QColor("#c0c0c0"))
        palette.setColor(group, QPalette.ColorRole.Light, white)
        palette.setColor(group, QPalette.ColorRole.Mid, QColor("#808080"))
        palette.setColor(group, QPalette.ColorRole.Dark, white)
    disabled = QPalette.ColorGroup.Disabled
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        palette.setColor(disabled, role, QColor("#9a9a9a"))
    palette.setColor(disabled, QPalette.ColorRole.Window, black)
    palette.setColor(disabled, QPalette.ColorRole.Base, black)
    palette.setColor(disabled, QPalette.ColorRole.Button, black)
    return palette


HIGH_CONTRAST_STYLE = """
QLineEdit, QTextEdit, QPlainTextEdit { border: 2px solid #ffffff; background: #000000; color: #ffffff; padding: 2px; }
QLineEdit:focus, QTextEdit:focus, QPlainTextEdit:focus { border: 3px solid #ffff00; }
QLineEdit:disabled, QTextEdit:disabled, QPlainTextEdit:disabled { border: 2px dashed #9a9a9a; color: #9a9a9a; }
QAbstractSpinBox > QLineEdit, QComboBox > QLineEdit { border: none; padding: 0; }
QCheckBox::indicator, QRadioButton::indicator, QGroupBox::indicator {
    width: 0.9em; height: 0.9em; border: 2px solid #ffffff; background: #000000; }
QRadioButton::indicator { border-radius: 0.55em; }
QCheckBox::indicator:checked, QRadioButton::indicator:checked, QGroupBox::indicator:checked {
    background: #ffff00; border: 2px solid #ffffff; }
QCheckBox::indicator:indeterminate { background: #808080; }
QCheckBox::indicator:focus, QRadioButton::indicator:focus { border: 3px solid #ffff00; }
QCheckBox::indicator:disabled, QRadioButton::indicator:disabled { border: 2px dashed #9a9a9a; }
QCheckBox::indicator:checked:disabled, QRadioButton::indicator:checked:disabled { background: #9a9a9a; }
"""
"""What the palette alone cannot do: the Fusion style draws a text field's frame and a check box's square in
shades of the window colour, which on black are black. A white frame and a white-edged square (filled yellow
when ticked, so the state shows by fill, not colour alone) keep every control findable."""


def scaled_font(widget: QWidget | None, factor: float, *, bold: bool = False) -> QFont:
    """A font ``factor`` times the application's, so big labels follow the system and the user's text size."""
    font = QFont(QApplication.font())
    size = font.pointSizeF()
    if size <= 0:  # the platform gave a pixel size; keep it relative all the same
        font.setPixelSize(max(1, round(font.pixelSize() * factor)))
    else:
        font.setPointSizeF(size * factor)
    font.setBold(bold)
    return font


class AppSettings(QObject):
    """The look of the running application: language, contrast and text size, kept in QSettings."""

    languageChanged = Signal(str)
    appearanceChanged = Signal()

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.app = app
        self._translator: QTranslator | None = None
        self._qt_translator: QTranslator | None = None
        self.language = "en"
        self.high_contrast = False
        self.text_scale = 1.0
        self.system_font = QFont(app.font())
        self.normal_palette = QPalette(app.palette())

    def load(self) -> None:
        stored = settings()
        language = str(stored.value("language", "") or "")
        if language not in LANGUAGES:
            language = "cy" if QLocale.system().language() == QLocale.Language.Welsh else "en"
            self.set_language(language, remember=False)  # a guess from the system, not a choice: ask at start
        else:
            self.set_language(language)
        self.set_high_contrast(_as_bool(stored.value("high_contrast", False)))
        try:
            scale = float(str(stored.value("text_scale", 1.0)))
        except ValueError:
            scale = 1.0
        self.set_text_scale(scale)

    def set_language(self, language: str, *, remember: bool = True) -> bool:
        """Swap the translator at run time; every widget gets a LanguageChange event and retranslates.

        ``remember`` stores it as the person's choice; only a stored choice stops the first-start question.
        """
        if language not in LANGUAGES:
            return False
        translator = QTranslator(self)
        if not translator.load(str(I18N_DIR / f"coopvote_{language}.qm")) and language != "en":
            return False
        if self._translator is not None:
            self.app.removeTranslator(self._translator)
        self._install_qt_words(language)
        self.app.installTranslator(translator)
        self._translator = translator
        self.language = language
        messages.set_language(language)  # the service's refusals are worded in the language on screen
        # Qt posts LanguageChange to each window; deliver now so the switch is complete when this returns.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
        if remember:
            settings().setValue("language", language)
        self.languageChanged.emit(language)
        return True

    def _install_qt_words(self, language: str) -> None:
        """Qt's own words (OK, Cancel, a text field's Copy and Paste, the file chooser) in the app's language.

        Qt ships no Welsh, so coopvote carries it (``qtbase_cy.qm``, from ``i18n/welsh_qt.py``); in English
        Qt's built-in words are the English ones, so no translator is needed.
        """
        if self._qt_translator is not None:
            self.app.removeTranslator(self._qt_translator)
            self._qt_translator = None
        if language == "en":
            return
        qt_words = QTranslator(self)
        if qt_words.load(str(I18N_DIR / f"qtbase_{language}.qm")):
            self.app.installTranslator(qt_words)
            self._qt_translator = qt_words

    def set_high_contrast(self, on: bool) -> None:
        self.high_contrast = bool(on)
        self.app.setPalette(high_contrast_palette() if on else self.normal_palette)
        self.app.setStyleSheet(HIGH_CONTRAST_STYLE if on else "")
        self._restyle_all()
        settings().setValue("high_contrast", self.high_contrast)
        self.appearanceChanged.emit()

    def set_text_scale(self, scale: float) -> None:
        """Scale every text relative to the system font (which already follows the desktop's setting)."""
        scale = min(TEXT_SCALES, key=lambda s: abs(s - scale))
        self.text_scale = scale
        font = QFont(self.system_font)
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * scale)
        else:
            font.setPixelSize(max(1, round(font.pixelSize() * scale)))
        # With a style sheet in force Qt keeps the fonts it resolved when it last polished each widget, so
        # the high-contrast sheet is taken off while the new size spreads, then put back.
        self.app.setStyleSheet("")
        self.app.setFont(font)
        if self.high_contrast:
            self.app.setStyleSheet(HIGH_CONTRAST_STYLE)
        self._restyle_all()
        settings().setValue("text_scale", scale)
        self.appearanceChanged.emit()

    def _restyle_all(self) -> None:
        """Widgets with their own scaled font or colours redo them (Qt tells them only once exec() runs)."""
        QCoreApplication.sendPostedEvents()
        for widget in QApplication.allWidgets():
            restyle = getattr(widget, "restyle", None)
            if callable(restyle):
                restyle()

    def bigger(self) -> None:
        index = TEXT_SCALES.index(self.text_scale)
        self.set_text_scale(TEXT_SCALES[min(index + 1, len(TEXT_SCALES) - 1)])

    def smaller(self) -> None:
        index = TEXT_SCALES.index(self.text_scale)
        self.set_text_scale(TEXT_SCALES[max(index - 1, 0)])


def language_chosen() -> bool:
    """Whether someone has picked the app's language (first-start dialog or the menu), so it is not asked again."""
    return str(settings().value("language", "") or "") in LANGUAGES


def _as_bool(value: object) -> bool:
    return value is True or str(value).lower() in {"1", "true", "yes"}


def application(argv: list[str] | None = None) -> tuple[QApplication, AppSettings]:
    """The one QApplication (made if needed) with coopvote's look applied."""
    app = QApplication.instance()
    if app is None:
        QCoreApplication.setOrganizationName(ORGANISATION)
        QCoreApplication.setApplicationName(APPLICATION)
        app = QApplication(argv if argv is not None else sys.argv[:1])
    assert isinstance(app, QApplication)
    existing = app.findChild(AppSettings)
    if isinstance(existing, AppSettings):
        return app, existing
    look = AppSettings(app)
    look.load()
    return app, look


def current_language() -> str:
    """"cy" or "en": which of the service's two message texts a page should show."""
    app = QApplication.instance()
    look = app.findChild(AppSettings) if app is not None else None
    return look.language if isinstance(look, AppSettings) else "en"


def pick(language_texts: tuple[str, str] | None = None, *, cy: str = "", en: str = "") -> str:
    """The Welsh or English one of a pair of texts the service gave, by the language in use."""
    if language_texts is not None:
        cy, en = language_texts
    return (cy or en) if current_language() == "cy" else (en or cy)


def arg(text: str, *values: object) -> str:
    """Qt's ``QString.arg`` for Python strings: ``%1``..``%9`` become the values, in one pass.

    Translations move the placeholders freely ("%2 holds %1's vote"), so a sentence is always one
    translated string with its parts put in, never translated fragments glued together.
    """
    import re

    return re.sub(r"%([1-9])", lambda m: str(values[int(m.group(1)) - 1]) if int(m.group(1)) <= len(values)
                  else m.group(0), text)
