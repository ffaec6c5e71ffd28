"""The new-meeting wizard driven like a person would: typing, clicking Next and Finish."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from coopvote.ui.wizard_spec import ItemRow
from tests.helpers import SMALL_REGISTER
from tests.ui_fixtures import look, shot, window  # noqa: F401 - fixtures

BAD_ROW = "E5,,EMP,1,active\n"  # line 9: no name


def _type(qtbot: Any, widget: Any, text: str) -> None:
    widget.setFocus()
    widget.clear()
    qtbot.keyClicks(widget, text)


def _next(qtbot: Any, wizard: QWizard) -> None:
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)


def test_wizard_creates_a_meeting_after_a_bad_register_row_is_fixed(
    window: Any, qtbot: Any, tmp_path: Path, artifacts_dir: Path  # noqa: F811
) -> None:
    register = tmp_path / "members.csv"
    register.write_text(SMALL_REGISTER + BAD_ROW, encoding="utf-8")
    target = tmp_path / "agm.coopvote"

    wizard = window.new_meeting()
    qtbot.waitExposed(wizard)
    details = wizard.details
    _type(qtbot, details.name_cy, "Cyfarfod Cyffredinol 2026")
    _type(qtbot, details.name_en, "General Meeting 2026")
    _type(qtbot, details.place, "Neuadd Goffa, Llandysul")
    _type(qtbot, details.path, str(target))
    shot(wizard, artifacts_dir, "screen-wizard-details")
    _next(qtbot, wizard)
    assert wizard.currentPage() is wizard.classes

    # keep two of the three suggested classes, equal shares
    classes = wizard.classes
    classes.table.setCurrentCell(2, 0)
    qtbot.mouseClick(classes.remove_button, Qt.MouseButton.LeftButton)
    classes.scheme.setCurrentIndex(classes.scheme.findData("class-share"))
    for row in range(2):
        classes.table.item(row, 4).setText("1/2")
    shot(wizard, artifacts_dir, "screen-wizard-classes")
    _next(qtbot, wizard)
    assert wizard.currentPage() is wizard.rules

    rules = wizard.rules
    _type(qtbot, rules.percent, "10")
    rules.proxy_limit.setValue(2)
    rules.minimums.item(0, 1).setText("1")
    _type(qtbot, rules.chair, "Eleri Prydderch")
    _next(qtbot, wizard)
    assert wizard.currentPage() is wizard.agenda

    agenda = wizard.agenda
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()  # an agenda needs an item
    qtbot.mouseClick(agenda.add_resolution, Qt.MouseButton.LeftButton)
    _type(qtbot, agenda.title_cy, "Derbyn y cyfrifon")
    _type(qtbot, agenda.title_en, "Receive the accounts")
    qtbot.mouseClick(agenda.add_election, Qt.MouseButton.LeftButton)
    _type(qtbot, agenda.title_cy, "Ethol y Cyngor")
    _type(qtbot, agenda.title_en, "Elect the Council")
    agenda.seats.setValue(2)
    agenda.candidates.setFocus()
    agenda.candidates.insertPlainText("Siân ap Gwŷn | PS")  # QTest cannot type ŵ/ŷ; paste them
    qtbot.keyClick(agenda.candidates, Qt.Key.Key_Return)
    qtbot.keyClicks(agenda.candidates, "Rhodri Evans | EMP")
    qtbot.keyClick(agenda.candidates, Qt.Key.Key_Return)
    qtbot.keyClicks(agenda.candidates, "Aled Thomas")
    agenda.reserved.item(0, 1).setText("1")
    assert [i.title_en for i in agenda.items] == ["Receive the accounts", "Elect the Council"]
    assert agenda.items[1].candidates == [("Siân ap Gwŷn", "PS"), ("Rhodri Evans", "EMP"), ("Aled Thomas", "")]
    shot(wizard, artifacts_dir, "screen-wizard-agenda")
    _next(qtbot, wizard)
    assert wizard.currentPage() is wizard.register

    page = wizard.register
    _type(qtbot, page.path, str(register))
    qtbot.mouseClick(page.check, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.preview is not None, timeout=5000)
    problems = [page.errors.item(i).text() for i in range(page.errors.count())]
    assert any("line 9" in p and "name is empty" in p for p in problems), problems
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    shot(wizard, artifacts_dir, "screen-wizard-register-error")

    register.write_text(SMALL_REGISTER + "E5,Gwenllian Hughes,EMP,1,active\n", encoding="utf-8")
    qtbot.mouseClick(page.check, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.preview is not None and page.preview.ok, timeout=5000)
    assert page.table.rowCount() == 8
    assert "8 members" in page.summary.text()
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    _next(qtbot, wizard)
    assert wizard.currentPage() is wizard.summary
    assert 'per_class_minimum = { PS = 1 }' in wizard.summary.text.toPlainText()
    shot(wizard, artifacts_dir, "screen-wizard-summary")

    with qtbot.waitSignal(wizard.created, timeout=10000):
        qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.service is not None, timeout=5000)
    meeting = window.service.setup.meeting()
    assert meeting.name_cy == "Cyfarfod Cyffredinol 2026"
    assert [c.members for c in meeting.classes] == [3, 5]
    assert meeting.item(2).seats == 2 and meeting.item(2).settings["reserved"] == {"PS": {"min": 1}}
    assert window.service.desk.proxy_limit() == 2
    assert target.exists() and target.with_suffix(".toml").exists()
    assert window.stack.currentWidget() is window.pages["desk"]


def test_wizard_shows_the_spec_error_and_stays(window: Any, qtbot: Any, tmp_path: Path) -> None:  # noqa: F811
    wizard = window.new_meeting()
    _type(qtbot, wizard.details.name_cy, "Prawf")
    _type(qtbot, wizard.details.name_en, "Test")
    _type(qtbot, wizard.details.path, str(tmp_path / "t.coopvote"))
    _next(qtbot, wizard)
    wizard.classes.table.item(1, 0).setText("PS")  # the same code twice
    _next(qtbot, wizard)
    assert wizard.currentPage() is wizard.classes
    assert "used twice" in wizard.classes.banner.text()
    assert wizard.classes.banner.isVisible()


def test_cancelling_a_register_check_drops_its_result(window: Any, qtbot: Any, tmp_path: Path) -> None:  # noqa: F811
    from coopvote.register.importer import write_sample_register

    big = write_sample_register(tmp_path / "big.csv", ["PS", "EMP", "SUP"], 50_000, seed=1)
    wizard = window.new_meeting()
    page = wizard.register
    page.path.setText(str(big))
    page.check_register()
    assert page.job is not None and page.job.running  # reading goes on off the UI thread
    assert not page.check.isEnabled()
    page.cancel()
    assert page.check.isEnabled() and "Stopped" in page.summary.text()
    qtbot.wait(1500)  # the abandoned read finishes in the background; its result must not land
    assert page.preview is None
    page.check_register()
    qtbot.waitUntil(lambda: page.preview is not None, timeout=20000)
    assert len(page.preview.rows) + len(page.preview.errors) >= 49_000
    assert page.table.rowCount() == 200  # the preview shows a screenful, not 50,000 rows


def test_stopping_the_creation_leaves_no_meeting_file(window: Any, qtbot: Any, tmp_path: Path) -> None:  # noqa: F811
    from coopvote.register.importer import write_sample_register
    from coopvote.ui.widgets import job_pool

    big = write_sample_register(tmp_path / "big.csv", ["PS", "EMP", "SUP"], 50_000, seed=2)
    target = tmp_path / "stopped.coopvote"
    wizard = window.new_meeting()
    wizard.details.name_cy.setText("Prawf")
    wizard.details.name_en.setText("Test")
    wizard.details.path.setText(str(target))
    for _ in range(3):
        _next(qtbot, wizard)
    wizard.agenda.add_item(ItemRow(kind="resolution", title_cy="Derbyn", title_en="Receive"))
    _next(qtbot, wizard)
    assert wizard.currentPage() is wizard.register
    wizard.register.path.setText(str(big))
    wizard.register.check_register()
    qtbot.waitUntil(lambda: wizard.register.preview is not None, timeout=30000)
    assert wizard.register.preview.ok, wizard.register.preview.errors[:3]
    _next(qtbot, wizard)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    assert wizard.summary.job is not None and wizard.summary.job.running
    assert wizard.summary.progress.isVisible() and wizard.summary.cancel_button.isVisible()
    qtbot.mouseClick(wizard.summary.cancel_button, Qt.MouseButton.LeftButton)
    assert "Stopped" in wizard.summary.stage.text()
    assert job_pool().waitForDone(60000)  # the import in progress finishes, then its file is removed
    qtbot.wait(50)
    assert not target.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("stopped")] == []
    assert window.service is None and wizard.isVisible() and wizard.summary.result is None


def test_the_first_page_needs_names_and_a_file(window: Any) -> None:  # noqa: F811
    wizard = window.new_meeting()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    assert not wizard.details.validatePage()
    assert "name in Welsh and in English" in wizard.details.banner.text()


def test_wizard_lists_every_bad_share_naming_the_field(
    window: Any, qtbot: Any, tmp_path: Path, artifacts_dir: Path  # noqa: F811
) -> None:
    wizard = window.new_meeting()
    _type(qtbot, wizard.details.name_cy, "Prawf")
    _type(qtbot, wizard.details.name_en, "Test")
    _type(qtbot, wizard.details.path, str(tmp_path / "shares.coopvote"))
    _next(qtbot, wizard)
    page = wizard.classes
    page.scheme.setCurrentIndex(page.scheme.findData("class-share"))
    for row in range(page.table.rowCount()):
        page.table.item(row, 4).setText("0" if row == 0 else "1e100000000")
    _next(qtbot, wizard)
    assert wizard.currentPage() is page
    banner = page.banner.text()
    first_code = page.table.item(0, 0).text()
    assert f"[weighting].shares.{first_code}:" in banner and "more than 0" in banner
    assert banner.count("[weighting].shares.") == page.table.rowCount()
    assert page.banner.isVisible()
    shot(wizard, artifacts_dir, "screen-wizard-bad-shares")
