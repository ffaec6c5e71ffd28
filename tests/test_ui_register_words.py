"""The register page (the wizard's and the register dialog's) shows each problem and note in the language on
screen: the reader's problems are catalogue messages (issue 17), re-read when the language changes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from coopvote.ui.wizard_pages import RegisterPage
from tests.ui_fixtures import look, shot  # noqa: F401 - fixtures


def test_register_problems_follow_the_language_on_screen(
    look: Any, qtbot: Any, tmp_path: Path, artifacts_dir: Path  # noqa: F811
) -> None:
    register = tmp_path / "members.csv"
    register.write_text("Rhestr aelodau\nnumber,name,class\nM1,Ann Lewis,PS\nM2,,PS\nM3,Bob Price,XX\n",
                        encoding="utf-8")
    page = RegisterPage(known={"PS": ["People supported", "Pobl a gefnogir"]})
    qtbot.addWidget(page)
    page.resize(900, 420)
    page.show()
    qtbot.waitExposed(page)
    assert look.set_language("cy")
    qtbot.keyClicks(page.path, str(register))
    qtbot.mouseClick(page.check, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.preview is not None, timeout=5000)
    shown = [page.errors.item(i).text() for i in range(page.errors.count())]
    assert "members.csv, llinell 4, colofn “name”: mae'r enw yn wag" in shown, shown
    assert any("dosbarth anhysbys “XX”; y dosbarthiadau yw: PS (Pobl a gefnogir)" in line for line in shown), shown
    assert any("Mae'r penawdau ar linell 2; hepgorwyd 1 llinell uwch eu pennau." in line for line in shown), shown
    assert not any("empty" in line or "line 4" in line for line in shown), shown
    shot(page, artifacts_dir, "screen-register-problems-welsh")

    assert look.set_language("en")
    shown = [page.errors.item(i).text() for i in range(page.errors.count())]
    assert "members.csv, line 4, column “name”: the name is empty" in shown, shown
    assert any("unknown class “XX”; the classes are: PS (People supported)" in line for line in shown), shown
    assert any("The headings are on line 2; 1 line above them skipped." in line for line in shown), shown
