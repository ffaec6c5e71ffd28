"""How quickly the teller's scanning screen answers: from the Enter key to the green (or red) label.

The target is a scan shown as counted in under 50 ms. A real meeting file is made in benchmarks/_out,
a vote opened, slips and papers printed (allocated), and the scanning panel driven offscreen: the code
is put in the box as a scanner would type it, then the Enter key event is sent and timed until the
answer label has been set. The service's ``record_paper`` alone is timed too, to show the UI's share.
"""

from __future__ import annotations

import os
import shutil
import statistics
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia.*=false")

OUT = Path(__file__).parent / "_out" / "ui_scan"
SCANS = 200


def summary(name: str, times: list[float]) -> str:
    ms = sorted(t * 1000 for t in times)
    p95 = ms[min(len(ms) - 1, int(len(ms) * 0.95))]
    return f"{name:<44} {len(ms):>6} {statistics.median(ms):>9.2f} {p95:>9.2f} {ms[-1]:>9.2f}"


def main() -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from coopvote.meeting.spec import parse_spec
    from coopvote.service import MeetingService
    from coopvote.ui.teller_scan import ScanPanel
    from tests.helpers import SMALL_REGISTER, SMALL_SPEC

    app = QApplication.instance() or QApplication([])
    shutil.rmtree(OUT, ignore_errors=True)
    OUT.mkdir(parents=True)
    service = MeetingService.create(OUT / "bench.coopvote", parse_spec(SMALL_SPEC, "bench.toml"), station="bench")
    service.setup.import_register(SMALL_REGISTER.encode("utf-8"), "members.csv")
    service.voting.open_vote(1, not_quorate_reason="test meeting: quorum not under test")
    service.voting.open_vote(2, not_quorate_reason="test meeting: quorum not under test")
    slips = service.papers.add_paper_batch(1, "EMP", SCANS, kind="slips")
    papers = service.papers.add_paper_batch(2, "PS", SCANS)
    direct = service.papers.add_paper_batch(1, "PS", SCANS, kind="slips")

    panel = ScanPanel(service.tellers, service.setup, service.results)
    panel.sounds.enabled = False  # the sound is asynchronous anyway; keep the figure about the screen
    panel.resize(1000, 700)
    panel.show()
    app.processEvents()

    def enter(code: str) -> float:
        panel.input.setText(code)  # what the scanner typed
        started = time.perf_counter()
        QTest.keyClick(panel.input, Qt.Key.Key_Return)
        return panel.last_shown_at - started

    def timed(codes: list[str], expect: str, then: Callable[[], float] | None = None) -> list[float]:
        times = []
        for code in codes:
            took = enter(code)
            if then is not None:
                took = then()
            assert panel.answer.state == expect, panel.answer.text()
            times.append(took)
            app.processEvents()
        return times

    counted = timed([slips.qr_text(s, 1 + s % 3) for s in slips.serials], "ok")
    duplicate = timed([slips.qr_text(s, 1) for s in slips.serials[:50]], "refused")
    forged = timed([slips.qr_text(s, 1)[:-2] + "ZZ" for s in slips.serials[:50]], "refused")

    def keyed_ranks() -> float:
        panel.input.setText("2 1 3")
        started = time.perf_counter()
        QTest.keyClick(panel.input, Qt.Key.Key_Return)
        return panel.last_shown_at - started

    scan_paper = []
    keyed = []
    for serial in papers.serials:
        scan_paper.append(enter(papers.qr_text(serial)))
        assert panel.answer.state == "waiting", panel.answer.text()
        keyed.append(keyed_ranks())
        assert panel.answer.state == "ok", panel.answer.text()
        app.processEvents()

    service_only = []
    for serial in direct.serials:
        started = time.perf_counter()
        outcome = service.tellers.record_paper(direct.qr_text(serial, 1), None, source="slip")
        service_only.append(time.perf_counter() - started)
        assert outcome.accepted

    print(f"{'what (Enter key to answer shown)':<44} {'scans':>6} {'median ms':>9} {'p95 ms':>9} {'max ms':>9}")
    print(summary("vote slip counted (green)", counted))
    print(summary("same slip again (red: already counted)", duplicate))
    print(summary("forged code (red)", forged))
    print(summary("ballot paper scanned (amber: marks?)", scan_paper))
    print(summary("ranks keyed '2 1 3' + Enter (green)", keyed))
    print(summary("tellers.record_paper alone (no UI)", service_only))
    target = statistics.median(counted) * 1000
    print(f"target: counted scan shown in under 50 ms (median) -> {'met' if target < 50 else 'NOT met'} ({target:.2f} ms)")
    panel.close()
    panel.deleteLater()
    app.processEvents()
    service.close()


if __name__ == "__main__":
    main()
