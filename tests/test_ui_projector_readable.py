"""The projector with fifteen candidates at 1024x768 and larger: every name on screen, none overlapping;
live turnout while a vote is open; a resolution's text; never a class below the privacy minimum."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QApplication

from coopvote.meeting.spec import parse_spec
from coopvote.service import MeetingService
from coopvote.ui.projector_chart import SMALLEST_PIXELS
from tests.helpers import SMALL_REGISTER, SMALL_SPEC
from tests.ui_fixtures import look, shot, window  # noqa: F401 - fixtures

NAMES = ["Siân ap Gwŷn", "Rhodri Evans", "Aled Thomas", "Gwenllian Angharad ferch Rhys ap Gruffydd-Llywelyn",
         "Catrin Davies", "Tomos Prys", "Ieuan Bowen", "Eleri Prydderch-Huws", "Dafydd Llŵyd",
         "Mererid Hopwood-Williams", "Owain Glyndŵr Jones", "Bethan Rhiannon Morgan-Evans", "Huw Edwards",
         "Llinos Mai", "Iolo ap Dafydd ab Ieuan"]
CLASSES = """
[[classes]]
code = "PS"
name_cy = "Pobl a gefnogir"
name_en = "People supported"
colour = "#1b7f5f"

[[classes]]
code = "EMP"
name_cy = "Gweithwyr"
name_en = "Employees"
colour = "#2f5fa8"
"""


def _election(tmp_path: Path) -> MeetingService:
    candidates = ", ".join(f'"{name}"' for name in NAMES)
    spec = f"""
[meeting]
name_cy = "Cyfarfod Blynyddol"
name_en = "Annual Meeting"
date = 2026-11-28
{CLASSES}
[weighting]
scheme = "one-member-one-vote"

[[items]]
number = 1
kind = "election"
title_cy = "Ethol y Cyngor"
title_en = "Elect the Council"
method = "fptp"
seats = 1
candidates = [{candidates}]
"""
    service = MeetingService.create(tmp_path / "big.coopvote", parse_spec(spec, "big.toml"), station="projector")
    service.voting.open_vote(1, not_quorate_reason="test meeting: nobody checked in")
    for code, count in (("PS", 30), ("EMP", 45)):
        batch = service.papers.add_paper_batch(1, code, count)
        for index, serial in enumerate(batch.serials):
            choice = (index * index + (3 if code == "EMP" else 0)) % len(NAMES) + 1  # uneven, as in life
            assert service.tellers.record_paper(batch.qr_text(serial), [choice]).accepted
    service.voting.close_vote(1)
    service.results.declare(1, "Eleri Hughes", reconciliation_reason="test meeting: papers recorded without packs")
    return service


def _boxes_apart(boxes: list[QRectF]) -> bool:
    return all(not a.intersects(b) for i, a in enumerate(boxes) for b in boxes[i + 1:])


@pytest.mark.parametrize("size", [(1024, 768), (1280, 800), (1920, 1080)])
def test_fifteen_candidates_are_all_readable(window: Any, qtbot: Any, tmp_path: Path, artifacts_dir: Path,  # noqa: F811
                                             size: tuple[int, int]) -> None:
    service = _election(tmp_path)
    window.set_service(service, str(tmp_path / "big.coopvote"))
    projector = window.show_projector()
    projector.showNormal()
    projector.resize(*size)
    qtbot.waitUntil(projector.chart_view.isVisible, timeout=3000)
    QApplication.processEvents()
    assert projector.size().width() == size[0] and projector.size().height() == size[1]

    chart = projector.chart_view
    plan = chart.plan()
    assert len(plan.rows) == len(NAMES)  # no candidate is dropped
    assert [label.split("<br>")[0] for label in projector.category_labels()] == NAMES
    area = QRectF(chart.rect())
    for boxes in plan.rows:
        assert area.contains(boxes.name) and area.contains(boxes.total)
        assert boxes.bar.left() >= boxes.name.right() and boxes.total.left() >= boxes.bar.right()
    assert _boxes_apart([boxes.name for boxes in plan.rows])  # names never overlap
    assert not plan.title.intersects(plan.rows[0].name)
    assert plan.pixels >= SMALLEST_PIXELS
    metrics_height = chart.fontMetrics().height()
    assert chart.height() >= 0.45 * size[1], "the chart is a strip"
    assert chart.height() / len(NAMES) > metrics_height  # every row at least a line of ordinary text
    key = projector.key.geometry()
    assert projector.rect().contains(key) and key.bottom() < size[1]  # the class key is not cut off
    assert projector.key.isVisible() and key.height() >= projector.key.heightForWidth(key.width())  # all its lines
    name = f"screen-projector-15-candidates-{size[0]}x{size[1]}"
    shot(projector, artifacts_dir, name)


def _small_meeting_with_text(tmp_path: Path, *, privacy_minimum: int = 1) -> MeetingService:
    # tests/helpers.py's small meeting publishes every class (privacy minimum 1); the privacy test asks for 5.
    spec = SMALL_SPEC.replace("privacy_minimum = 1", f"privacy_minimum = {privacy_minimum}").replace('title_en = "Receive the accounts"',
                              'title_en = "Receive the accounts"\n'
                              'text_cy = "Bod y cyfrifon am 2025 yn cael eu derbyn."\n'
                              'text_en = "That the accounts for 2025 be received."', 1)
    service = MeetingService.create(tmp_path / "small.coopvote", parse_spec(spec, "small.toml"), station="projector")
    service.setup.import_register(SMALL_REGISTER.encode("utf-8"), "members.csv")
    return service


def test_live_turnout_and_the_resolution_text_while_the_vote_is_open(
    window: Any, qtbot: Any, tmp_path: Path, artifacts_dir: Path  # noqa: F811
) -> None:
    service = _small_meeting_with_text(tmp_path)
    window.set_service(service, str(tmp_path / "small.coopvote"))
    projector = window.show_projector()
    projector.timer.setInterval(50)
    assert projector.text_cy.text() == "Bod y cyfrifon am 2025 yn cael eu derbyn."
    assert projector.text_en.text() == "That the accounts for 2025 be received."
    assert not projector.turnout.isVisible()  # not open yet
    for number in ("P1", "E1", "E2", "E3"):
        service.desk.check_in(number)
        service.desk.issue_pack(number)
    service.voting.open_vote(1, not_quorate_reason="test meeting: nobody checked in")
    qtbot.waitUntil(lambda: projector.turnout.isVisible(), timeout=3000)
    assert projector.turnout.text() == ("Papurau wedi'u dychwelyd: 0 o 4 (0%) · Papers returned: 0 of 4 (0%)")
    slips = service.papers.add_paper_batch(1, "EMP", 3, kind="slips")
    service.tellers.record_paper(slips.qr_text(slips.serials[0], 1))
    qtbot.waitUntil(lambda: "Papers returned: 1 of 4 (25%)" in projector.turnout.text(), timeout=3000)
    assert not projector.chart_view.isVisible()  # how many came back, never how they voted
    shot(projector, artifacts_dir, "screen-projector-turnout")
    service.voting.close_vote(1)
    qtbot.waitUntil(lambda: not projector.turnout.isVisible(), timeout=3000)


def test_a_class_below_the_privacy_minimum_is_never_charted(
    window: Any, qtbot: Any, tmp_path: Path, artifacts_dir: Path  # noqa: F811
) -> None:
    service = _small_meeting_with_text(tmp_path, privacy_minimum=5)  # PS has 1 voter, EMP 3
    service.voting.open_vote(1, not_quorate_reason="test meeting: nobody checked in")
    slips = service.papers.add_paper_batch(1, "EMP", 3, kind="slips")
    for serial, option in zip(slips.serials, (1, 1, 2), strict=True):
        service.tellers.record_paper(slips.qr_text(serial, option))
    papers = service.papers.add_paper_batch(1, "PS", 1)
    service.tellers.record_paper(papers.qr_text(papers.serials[0]), [2])
    service.voting.close_vote(1)
    service.results.declare(1, "Eleri Hughes", reconciliation_reason="test meeting: papers recorded without packs")
    window.set_service(service, str(tmp_path / "small.coopvote"))
    projector = window.show_projector()
    qtbot.waitUntil(projector.chart_view.isVisible, timeout=3000)
    assert projector.bar_values() == {"Cyfanswm · Total": [2.0, 2.0, 0.0]}  # totals only
    assert not projector.key.isVisible()
    assert projector.chart_view.data.note == ("Dim fesul dosbarth: mae gan PS, EMP lai na 5 pleidleisiwr · "
                                              "Not by class: PS, EMP had fewer than 5 voters")
    shot(projector, artifacts_dir, "screen-projector-private")
