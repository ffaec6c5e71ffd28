"""Nominations from the chair's console, through the dialog's widgets: refusals, close, booklets."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pytest
from PIL import Image
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QFileDialog

from coopvote.export.content import collect
from tests.mnemonics import clashes, window_mnemonics
from tests.test_nomination_photos import portrait
from tests.test_service_nominations import meeting
from tests.test_ui_chair import chair_page
from tests.ui_fixtures import look, shot, window  # noqa: F401 - fixtures

FACE = (0xE0, 0xC0, 0xA0)
"""The face colour of the photo given in the dialog: found on a rendered page, the photo is printed there."""


def fill(qtbot: Any, dialog: Any, candidate: str, proposer: str, seconder: str) -> None:
    for line, text in ((dialog.candidate, candidate), (dialog.proposer, proposer), (dialog.seconder, seconder)):
        line.clear()
        qtbot.keyClicks(line, text)


def test_nominate_refuse_close_and_print_the_booklets(
    window: Any, qtbot: Any, tmp_path: Path, artifacts_dir: Path  # noqa: F811
) -> None:
    service = meeting(tmp_path, method="fptp", seats=1)
    page = chair_page(window, qtbot, service, tmp_path / "m.coopvote")
    assert page.nominations_button.isVisible()
    qtbot.mouseClick(page.nominations_button, Qt.MouseButton.LeftButton)
    dialog = page.nominations_dialog
    assert dialog is not None and dialog.item.count() == 1
    dialog.received.setDate(QDate(2026, 10, 20))

    fill(qtbot, dialog, "E1", "P1", "E3")
    qtbot.mouseClick(dialog.nominate_button, Qt.MouseButton.LeftButton)
    assert dialog.banner.kind == "error"
    assert "is in class PS, not in the candidate's class EMP" in dialog.banner.text()
    assert dialog.table.rowCount() == 0
    shot(dialog, artifacts_dir, "nominations-refused")

    fill(qtbot, dialog, "E1", "E2", "E3")
    qtbot.keyClicks(dialog.statement_cy, "Gwell shifftiau")
    qtbot.keyClicks(dialog.statement_en, "Better shifts")
    qtbot.mouseClick(dialog.nominate_button, Qt.MouseButton.LeftButton)
    assert dialog.banner.kind == "ok", dialog.banner.text()
    for candidate, proposer, seconder in (("P4", "P1", "P2"), ("E4", "E2", "E3")):
        fill(qtbot, dialog, candidate, proposer, seconder)
        qtbot.mouseClick(dialog.nominate_button, Qt.MouseButton.LeftButton)
        assert dialog.banner.kind == "ok", dialog.banner.text()
    assert dialog.table.rowCount() == 3

    dialog.table.setCurrentCell(0, 0)  # Ieuan Bowen, first by surname
    qtbot.keyClicks(dialog.reason, "written notice")
    qtbot.mouseClick(dialog.withdraw_button, Qt.MouseButton.LeftButton)
    assert dialog.banner.kind == "ok" and "Ieuan Bowen" in dialog.banner.text()

    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert "Ballot order: Rhodri Evans, Aled Thomas" in dialog.banner.text()
    shot(dialog, artifacts_dir, "nominations-closed")
    qtbot.mouseClick(dialog.booklet_button, Qt.MouseButton.LeftButton)
    booklet = tmp_path / "item1-booklet.pdf"
    assert booklet.stat().st_size > 0 and str(booklet) in dialog.banner.text()
    qtbot.mouseClick(dialog.easy_button, Qt.MouseButton.LeftButton)
    assert (tmp_path / "item1-booklet-easy-read.pdf").stat().st_size > 0
    dialog.close()
    assert [c.name for c in service.setup.meeting().item(1).candidates] == ["Rhodri Evans", "Aled Thomas"]


def open_dialog(window: Any, qtbot: Any, tmp_path: Path, seats: int = 1) -> tuple[Any, Any]:  # noqa: F811
    service = meeting(tmp_path, method="fptp", seats=seats)
    page = chair_page(window, qtbot, service, tmp_path / "m.coopvote")
    qtbot.mouseClick(page.nominations_button, Qt.MouseButton.LeftButton)
    dialog = page.nominations_dialog
    dialog.received.setDate(QDate(2026, 10, 20))
    return service, dialog


def pixels_of(image: Image.Image, colour: tuple[int, int, int], tolerance: int = 12) -> int:
    rgb = image.convert("RGB")
    counted = rgb.getcolors(rgb.width * rgb.height) or []
    return sum(count for count, pixel in counted
               if all(abs(a - b) <= tolerance for a, b in zip(pixel, colour, strict=True)))


def test_a_photo_chosen_in_the_dialog_is_on_the_easy_read_booklet_and_papers(
    window: Any, qtbot: Any, tmp_path: Path, artifacts_dir: Path, monkeypatch: pytest.MonkeyPatch  # noqa: F811
) -> None:
    service, dialog = open_dialog(window, qtbot, tmp_path)
    files = {"not a photo": tmp_path / "notes.png", "rhodri": tmp_path / "rhodri.png", "ieuan": tmp_path / "ieuan.jpg",
             "rhodri again": tmp_path / "rhodri-2.png"}
    files["not a photo"].write_text("minutes of the last meeting", encoding="utf-8")
    files["rhodri"].write_bytes(portrait("#202020", "#e0c0a0"))
    Image.new("RGB", (200, 250), "#1b3f7f").save(files["ieuan"], "JPEG")
    files["rhodri again"].write_bytes(portrait("#3a3a3a", "#e0c0a0"))
    answer: list[Path] = [files["not a photo"]]
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(answer[0]), ""))

    qtbot.mouseClick(dialog.photo_button, Qt.MouseButton.LeftButton)
    assert dialog.banner.kind == "error" and "notes.png: is not a PNG or JPEG image" in dialog.banner.text()
    assert dialog.photo is None and not dialog.give_photo_button.isEnabled()

    answer[0] = files["rhodri"]
    qtbot.mouseClick(dialog.photo_button, Qt.MouseButton.LeftButton)
    assert dialog.banner.kind == "ok" and "rhodri.png" in dialog.banner.text()
    assert dialog.photo == files["rhodri"].read_bytes() and not dialog.photo_view.pixmap().isNull()
    qtbot.mouseClick(dialog.remove_photo_button, Qt.MouseButton.LeftButton)
    assert dialog.photo is None and dialog.photo_view.pixmap().isNull() and dialog.photo_view.text() == "No photo"
    qtbot.mouseClick(dialog.photo_button, Qt.MouseButton.LeftButton)
    shot(dialog, artifacts_dir, "nominations-photo-chosen")
    fill(qtbot, dialog, "E1", "E2", "E3")
    qtbot.mouseClick(dialog.nominate_button, Qt.MouseButton.LeftButton)
    assert dialog.banner.kind == "ok", dialog.banner.text()
    assert dialog.photo is None  # given with Rhodri Evans's nomination, not carried on to the next one
    fill(qtbot, dialog, "E4", "E2", "E3")
    qtbot.mouseClick(dialog.nominate_button, Qt.MouseButton.LeftButton)
    assert dialog.banner.kind == "ok", dialog.banner.text()
    rows = {row.member_number: index for index, row in enumerate(dialog.rows)}
    assert dialog.table.item(rows["E1"], 5).text() == "given" and not dialog.table.item(rows["E1"], 5).icon().isNull()
    assert dialog.table.item(rows["E4"], 5).text() == "none"

    # a photo for a candidate already nominated, then a replacement: through the service's own call
    answer[0] = files["ieuan"]
    qtbot.mouseClick(dialog.photo_button, Qt.MouseButton.LeftButton)
    dialog.table.clearSelection()
    dialog.table.setCurrentCell(-1, -1)
    qtbot.mouseClick(dialog.give_photo_button, Qt.MouseButton.LeftButton)
    assert dialog.banner.kind == "error" and "Choose the candidate in the table" in dialog.banner.text()
    dialog.table.setCurrentCell(rows["E4"], 0)
    qtbot.mouseClick(dialog.give_photo_button, Qt.MouseButton.LeftButton)
    assert dialog.banner.kind == "ok" and "Photo saved for Ieuan Bowen." in dialog.banner.text()
    answer[0] = files["rhodri again"]
    qtbot.mouseClick(dialog.photo_button, Qt.MouseButton.LeftButton)
    dialog.table.setCurrentCell(rows["E1"], 0)
    qtbot.mouseClick(dialog.give_photo_button, Qt.MouseButton.LeftButton)
    assert dialog.banner.kind == "ok", dialog.banner.text()
    held = {n.member_number: n.photo_png for n in service.nominations.nominations(1)}
    assert held == {"E1": files["rhodri again"].read_bytes(), "E4": files["ieuan"].read_bytes()}
    assert not dialog.table.item(rows["E4"], 5).icon().isNull()

    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert "Ballot order: Ieuan Bowen, Rhodri Evans" in dialog.banner.text()
    shot(dialog, artifacts_dir, "screen-chair-nominations")  # docs/images: the dialog after the close
    qtbot.mouseClick(dialog.easy_button, Qt.MouseButton.LeftButton)
    booklet = tmp_path / "item1-booklet-easy-read.pdf"
    assert str(booklet) in dialog.banner.text()
    document = pdfium.PdfDocument(booklet.read_bytes())
    picture = document[0].render(scale=1.5).to_pil()
    picture.save(artifacts_dir / "nominations-easy-read-booklet-photo.png")
    assert pixels_of(picture, FACE) > 2000  # Rhodri Evans's face, as given in the dialog
    assert pixels_of(picture, (0x1B, 0x3F, 0x7F)) > 2000  # Ieuan Bowen's photo
    document.close()
    dialog.close()

    from coopvote.ui.printing import PrintingDialog

    desk = window.show_role("desk")
    printing = desk.open_printing("papers")
    assert isinstance(printing, PrintingDialog)
    qtbot.waitExposed(printing)
    for combo, data in ((printing.kind, "papers"), (printing.item, 1), (printing.klass, "EMP"),
                        (printing.variant, "easy-read")):
        combo.setCurrentIndex(combo.findData(data))
    printing.count.setValue(2)
    qtbot.mouseClick(printing.prepare_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: printing.result_file is not None or printing.banner.kind == "error", timeout=60_000)
    assert printing.result_file is not None, printing.banner.text()
    document = pdfium.PdfDocument(printing.result_file.path.read_bytes())
    paper = document[0].render(scale=1.5).to_pil()
    paper.save(artifacts_dir / "nominations-easy-read-paper-photo.png")
    assert pixels_of(paper, FACE) > 1000
    assert pixels_of(paper, (0x1B, 0x3F, 0x7F)) > 1000
    document.close()
    printing.close()
    service.close()


def test_seats_filled_unopposed_show_the_close_code_to_write_in_the_minutes(
    window: Any, qtbot: Any, tmp_path: Path, artifacts_dir: Path  # noqa: F811
) -> None:
    service, dialog = open_dialog(window, qtbot, tmp_path)
    fill(qtbot, dialog, "E1", "E2", "E3")
    qtbot.mouseClick(dialog.nominate_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    shown = dialog.banner.text()
    assert dialog.banner.kind == "ok"
    assert "Elected unopposed, without a vote: Rhodri Evans. Close code: " in shown
    assert "Write it into the minutes by hand" in shown
    code = shown.split("Close code: ", 1)[1].split(".", 1)[0]
    assert len(code.replace(" ", "")) == 16
    assert collect(service, [1], audit=False).item(1).close_hash.startswith(code.replace(" ", "").lower())
    shot(dialog, artifacts_dir, "nominations-unopposed-close-code")
    dialog.close()
    service.close()


@pytest.mark.parametrize("language", ["cy", "en"])
def test_the_dialog_has_no_two_controls_on_one_alt_letter(
    window: Any, qtbot: Any, look: Any, tmp_path: Path, artifacts_dir: Path, language: str  # noqa: F811
) -> None:
    assert look.set_language(language) or language == "en"
    service, dialog = open_dialog(window, qtbot, tmp_path)
    qtbot.waitExposed(dialog)
    shot(dialog, artifacts_dir, f"nominations-dialog-{language}")
    assert clashes(window_mnemonics(dialog), f"nominations dialog ({language})") == []
    dialog.close()
    service.close()
