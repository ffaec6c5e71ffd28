"""The wizard offers the constitution presets, explains each in Welsh and English, and writes them."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from coopvote.meeting.presets import preset
from coopvote.ui.wizard_spec import build_spec
from tests.test_ui_wizard import _next, _type
from tests.ui_fixtures import look, shot, window  # noqa: F401 - fixtures


def to_classes_page(window: Any, qtbot: Any, tmp_path: Path) -> Any:  # noqa: F811
    wizard = window.new_meeting()
    qtbot.waitExposed(wizard)
    _type(qtbot, wizard.details.name_cy, "Cyfarfod")
    _type(qtbot, wizard.details.name_en, "Meeting")
    _type(qtbot, wizard.details.path, str(tmp_path / "m.coopvote"))
    _next(qtbot, wizard)
    assert wizard.currentPage() is wizard.classes
    return wizard


def test_a_weighting_preset_that_does_not_fit_is_refused_then_written(
    window: Any, qtbot: Any, tmp_path: Path, artifacts_dir: Path  # noqa: F811
) -> None:
    wizard = to_classes_page(window, qtbot, tmp_path)
    classes = wizard.classes
    classes.preset.setCurrentIndex(classes.preset.findData("class-share-60-40"))
    chosen = preset("class-share-60-40")
    help_text = classes.preset_help.text()
    assert help_text.index(chosen.explain_cy) < help_text.index(chosen.explain_en)  # Welsh first
    assert chosen.source in help_text
    assert not classes.scheme.isEnabled()
    _next(qtbot, wizard)  # three suggested classes: 60/40 shares two
    assert wizard.currentPage() is wizard.classes
    assert "exactly two classes" in classes.banner.text()
    classes.table.setCurrentCell(2, 0)
    qtbot.mouseClick(classes.remove_button, Qt.MouseButton.LeftButton)
    shot(wizard, artifacts_dir, "screen-wizard-preset")
    _next(qtbot, wizard)
    assert wizard.currentPage() is wizard.rules
    _next(qtbot, wizard)
    agenda = wizard.agenda
    qtbot.mouseClick(agenda.add_resolution, Qt.MouseButton.LeftButton)
    _type(qtbot, agenda.title_cy, "Newid y rheolau")
    _type(qtbot, agenda.title_en, "Change the rules")
    agenda.preset.setCurrentIndex(agenda.preset.findData("fairshares-special"))
    assert agenda.threshold.currentData() == ">= 3/4" and agenda.by_head.isChecked() and agenda.special.isChecked()
    assert not agenda.threshold.isEnabled()
    assert preset("fairshares-special").explain_cy in agenda.preset_help.text()
    shot(wizard, artifacts_dir, "screen-wizard-resolution-preset")
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    _text, spec = build_spec(wizard.collect())
    codes = [c.code for c in spec.classes]
    assert spec.weighting["scheme"] == "class-share"
    assert {code: Fraction(str(value)) for code, value in spec.weighting["shares"].items()} == {
        codes[0]: Fraction(3, 5), codes[1]: Fraction(2, 5)}
    item = spec.items[0]
    assert item.threshold == ">= 3/4" and item.by_head
    assert item.settings["weighting"]["class_consent"] is True
    agenda.preset.setCurrentIndex(agenda.preset.findData(""))
    assert agenda.threshold.isEnabled()
    assert agenda.items[0].preset == ""


def test_the_investor_cap_names_the_class_it_limits(window: Any, qtbot: Any, tmp_path: Path) -> None:  # noqa: F811
    wizard = to_classes_page(window, qtbot, tmp_path)
    classes = wizard.classes
    classes.preset.setCurrentIndex(classes.preset.findData("investor-cap-10"))
    assert classes.investors.isVisible()
    codes = [classes.investors.itemText(i) for i in range(classes.investors.count())]
    assert codes == [row.code for row in classes.rows()]
    classes.investors.setCurrentIndex(2)
    data = wizard.collect()
    assert data.investor_class == codes[2]
    from coopvote.ui.wizard_spec import ItemRow

    data.items = [ItemRow(title_cy="-", title_en="-")]
    _text, spec = build_spec(data)
    assert {code: Fraction(str(v)) for code, v in spec.weighting["cap"].items()} == {codes[2]: Fraction(1, 10)}


def test_a_section_111_confirmation_links_the_first_meeting_and_creates_the_meeting(
    window: Any, look: Any, qtbot: Any, tmp_path: Path, artifacts_dir: Path  # noqa: F811
) -> None:
    from datetime import date

    from PySide6.QtCore import QDate

    from tests.helpers import SMALL_REGISTER

    register = tmp_path / "members.csv"
    register.write_text(SMALL_REGISTER, encoding="utf-8")
    wizard = window.new_meeting()
    qtbot.waitExposed(wizard)
    details = wizard.details
    _type(qtbot, details.name_cy, "Cyfarfod Cyffredinol Arbennig")
    _type(qtbot, details.name_en, "Special General Meeting")
    details.held_on.setDate(QDate(2026, 12, 14))
    _type(qtbot, details.path, str(tmp_path / "second.coopvote"))
    _next(qtbot, wizard)
    _next(qtbot, wizard)
    _next(qtbot, wizard)
    agenda = wizard.agenda
    assert wizard.currentPage() is agenda
    qtbot.mouseClick(agenda.add_resolution, Qt.MouseButton.LeftButton)
    agenda.title_cy.setFocus()
    agenda.title_cy.insert("Trosglwyddo ymrwymiadau i Gydweithfa Fawr Cyf")
    _type(qtbot, agenda.title_en, "Transfer of engagements to Big Co-operative Ltd")
    assert not agenda.confirms.isVisible()
    agenda.preset.setCurrentIndex(agenda.preset.findData("section-111-confirm"))
    confirms = agenda.confirms
    assert confirms.isVisible()
    chosen = preset("section-111-confirm")
    words = agenda.preset_help.text()
    assert words.index(chosen.explain_cy) < words.index(chosen.explain_en)  # Welsh first, then English
    assert agenda.threshold.currentData() == "> 1/2" and agenda.by_head.isChecked() and not agenda.threshold.isEnabled()

    _next(qtbot, wizard)  # the first meeting is not named yet: refused, naming what is missing
    assert wizard.currentPage() is agenda
    assert "confirms" in agenda.banner.text()
    _type(qtbot, confirms.meeting, "r3lkgh")
    confirms.item.setValue(3)
    confirms.held_on.setDate(QDate(2026, 11, 10))  # 34 days before: too late for section 111
    _type(qtbot, confirms.verification, "9E60 DAE6 39BE 4C15")
    _type(qtbot, confirms.for_percent, "76.9%")
    _next(qtbot, wizard)
    assert wizard.currentPage() is agenda
    assert "too late" in agenda.banner.text() and "2026-11-10" in agenda.banner.text()
    confirms.held_on.setDate(QDate(2026, 11, 28))
    qtbot.mouseClick(agenda.banner.close_button, Qt.MouseButton.LeftButton)  # read, and put away
    shot(wizard, artifacts_dir, "screen-wizard-s111-confirm")
    look.set_language("cy")
    shot(wizard, artifacts_dir, "screen-wizard-s111-confirm-cy")
    assert confirms.title() == "Y penderfyniad y mae'r cyfarfod hwn yn ei gadarnhau"
    look.set_language("en")
    _next(qtbot, wizard)
    assert wizard.currentPage() is wizard.register
    _type(qtbot, wizard.register.path, str(register))
    qtbot.mouseClick(wizard.register.check, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.register.preview is not None and wizard.register.preview.ok, timeout=5000)
    _next(qtbot, wizard)
    assert wizard.currentPage() is wizard.summary
    assert 'confirms = { meeting = "R3LKGH", item = 3, held_on = 2026-11-28' in wizard.summary.text.toPlainText()
    shot(wizard, artifacts_dir, "screen-wizard-s111-summary")
    with qtbot.waitSignal(wizard.created, timeout=10000):
        qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.service is not None, timeout=5000)
    item = window.service.setup.meeting().item(1)
    assert item.special and item.by_head and item.threshold == "> 1/2"
    assert item.settings["confirms"] == {"meeting": "R3LKGH", "item": 3, "held_on": date(2026, 11, 28).isoformat(),
                                         "verification": "9E60 DAE6 39BE 4C15", "for_percent": "76.9%"}
