"""The projector shows a small class only inside its merged group, named by its classes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.test_secrecy_small_classes import build
from tests.ui_fixtures import look, shot, window  # noqa: F401 - fixtures


def test_the_projector_charts_the_investor_only_inside_a_group(
    window: Any, qtbot: Any, tmp_path: Path, artifacts_dir: Path  # noqa: F811
) -> None:
    service = build(tmp_path)
    window.set_service(service, str(tmp_path / "small.coopvote"))
    projector = window.show_projector()
    qtbot.waitExposed(projector)
    projector.timer.setInterval(50)
    service.voting.close_vote(1)
    service.results.declare(1, "Returning Officer", reconciliation_reason="test meeting: papers recorded without packs")
    qtbot.waitUntil(lambda: projector.chart_view.isVisible(), timeout=3000)
    bars = projector.bar_values()
    assert bars == {"A · A + Buddsoddwyr · Investors": [6.0, 1.0, 0.0], "B · B": [6.0, 0.0, 0.0]}
    shot(projector, artifacts_dir, "screen-projector-small-class-merged")
