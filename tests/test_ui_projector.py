"""The projector window: the current item and whether voting is open, then the declared result as a chart."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from coopvote.meeting.spec import parse_spec
from coopvote.service import MeetingService
from tests.helpers import SMALL_REGISTER, SMALL_SPEC, small_meeting
from tests.ui_fixtures import look, shot, window  # noqa: F401 - fixtures


def _meeting_showing_every_class(path: Path, spec: str) -> MeetingService:
    """The small meeting with a privacy minimum of 1, so even its classes of one or two voters are charted
    (with the default of 5 the hall sees totals only: see test_ui_projector_readable.py)."""
    spec = spec.replace("[[items]]", "[rules]\nprivacy_minimum = 1\n\n[[items]]", 1)
    service = MeetingService.create(path, parse_spec(spec, path.name), station="projector")
    service.setup.import_register(SMALL_REGISTER.encode("utf-8"), "members.csv")
    return service


def test_the_projector_follows_the_meeting_and_charts_the_declared_result(
    window: Any, qtbot: Any, tmp_path: Path, artifacts_dir: Path  # noqa: F811
) -> None:
    service: MeetingService = _meeting_showing_every_class(tmp_path / "small.coopvote", SMALL_SPEC)
    window.set_service(service, str(tmp_path / "small.coopvote"))
    projector = window.show_projector()
    assert type(projector).__name__ == "ProjectorWindow"
    qtbot.waitExposed(projector)
    projector.timer.setInterval(50)
    assert projector.isWindow() and projector is not window
    assert projector.title_cy.text() == "1. Derbyn y cyfrifon"
    assert projector.title_en.text() == "Receive the accounts"
    assert projector.status.text() == "Heb agor eto · Not open yet"
    assert projector.title_cy.font().pointSize() >= 30  # readable from the back of the hall (and grows)

    service.voting.open_vote(1, not_quorate_reason="test meeting: quorum not under test")
    qtbot.waitUntil(lambda: projector.status.text() == "Pleidleisio ar agor · Voting is open", timeout=3000)
    slips = service.papers.add_paper_batch(1, "EMP", 3, kind="slips")
    papers = service.papers.add_paper_batch(1, "PS", 2)
    service.tellers.record_paper(slips.qr_text(slips.serials[0], 1))
    service.tellers.record_paper(slips.qr_text(slips.serials[1], 1))
    service.tellers.record_paper(slips.qr_text(slips.serials[2], 2))
    service.tellers.record_paper(papers.qr_text(papers.serials[0]), [2])
    qtbot.wait(150)
    assert not projector.chart_view.isVisible()  # no running figures while the vote is open
    shot(projector, artifacts_dir, "screen-projector-open")

    service.voting.close_vote(1)
    qtbot.waitUntil(lambda: projector.status.text().endswith("counting"), timeout=3000)
    assert not projector.chart_view.isVisible()
    service.results.declare(1, "Eleri Hughes", reconciliation_reason="test meeting: papers recorded without packs issued")
    qtbot.waitUntil(lambda: projector.chart_view.isVisible(), timeout=3000)
    assert projector.status.text() == "Canlyniad wedi'i ddatgan · Result declared"
    lines = projector.outcome.text().splitlines()
    assert lines[0].startswith("Derbyniwyd") or lines[0] != lines[-1]  # Welsh first, then English
    assert lines[-1].startswith("Not carried") or lines[-1].startswith("Carried")
    bars = projector.bar_values()
    assert bars["Pobl a gefnogir · People supported"] == [0.0, 1.0, 0.0]
    assert bars["Gweithwyr · Employees"] == [2.0, 1.0, 0.0]
    labels = projector.category_labels()
    assert labels[0] == "O blaid · For<br>2" and labels[1] == "Yn erbyn · Against<br>2"
    small = projector.title_cy.font().pointSize()
    projector.resize(1600, 900)
    qtbot.waitUntil(lambda: projector.title_cy.font().pointSize() > small, timeout=3000)  # grows with the window
    assert projector.category_labels()[0] == "O blaid · For<br>2"  # the chart was redrawn at the new size
    shot(projector, artifacts_dir, "screen-projector-result")


def test_the_projector_can_be_put_on_a_screen(window: Any, qtbot: Any, tmp_path: Path) -> None:  # noqa: F811
    from PySide6.QtGui import QGuiApplication

    window.set_service(small_meeting(tmp_path), str(tmp_path / "small.coopvote"))
    projector = window.show_projector()
    qtbot.waitExposed(projector)
    projector.show_on(0)
    qtbot.waitUntil(projector.isFullScreen, timeout=3000)
    assert projector.screen() is QGuiApplication.screens()[0]
    projector.showNormal()
    assert window.show_projector() is projector  # one projector window, raised again


def test_a_weighted_result_is_charted_in_weighted_votes(window: Any, qtbot: Any, tmp_path: Path,  # noqa: F811
                                                        artifacts_dir: Path) -> None:
    spec = SMALL_SPEC.replace('scheme = "one-member-one-vote"', 'scheme = "class-share"\nshares = { PS = "1/2", EMP = "1/2" }')
    service = _meeting_showing_every_class(tmp_path / "w.coopvote", spec)
    service.voting.open_vote(1, not_quorate_reason="test meeting: quorum not under test")
    for code, options in (("PS", (1, 2)), ("EMP", (1, 1, 1, 2))):
        slips = service.papers.add_paper_batch(1, code, len(options), kind="slips")
        for serial, option in zip(slips.serials, options, strict=True):
            assert service.tellers.record_paper(slips.qr_text(serial, option)).accepted
    service.voting.close_vote(1)
    service.results.declare(1, "Eleri Hughes", reconciliation_reason="test meeting: papers recorded without packs issued")
    window.set_service(service, str(tmp_path / "w.coopvote"))
    projector = window.show_projector()
    projector.resize(1920, 1080)
    qtbot.waitUntil(projector.chart_view.isVisible, timeout=3000)
    # each class has half the vote: PS 1/2 split 1:1, EMP 1/2 split 3:1
    assert projector.bar_values()["Pobl a gefnogir · People supported"] == [0.25, 0.25, 0.0]
    assert projector.bar_values()["Gweithwyr · Employees"] == [0.375, 0.125, 0.0]
    assert projector.category_labels()[:2] == ["O blaid · For<br>0.625", "Yn erbyn · Against<br>0.375"]
    assert projector.chart.title() == "Pleidleisiau wedi'u pwysoli fesul dosbarth · Weighted votes by class"
    assert "Pobl&nbsp;a&nbsp;gefnogir" in projector.key.text()
    qtbot.wait(100)
    shot(projector, artifacts_dir, "screen-projector-weighted")
