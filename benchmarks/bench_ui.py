"""Desktop app start-up: from launching a fresh Python process to a usable main window.

Each run starts a new interpreter (offscreen Qt, as in CI) that builds the app the way ``run_app``
does, opens a meeting, shows the window and processes pending events; the time is taken in this
process from launch until the child reports it is ready, so interpreter start-up and every import
count. Target: under 1.5 s.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = 5
TARGET = 1.5

CHILD = r"""
import sys, time
from coopvote.ui.look import application
from coopvote.ui.main_window import MainWindow
app, look = application()
window = MainWindow(look)
window.show()
if len(sys.argv) > 1:
    window.open_meeting_soon(sys.argv[1])  # as run_app does
app.processEvents()
assert window.isVisible()
print("READY", flush=True)
if len(sys.argv) > 1:
    deadline = time.monotonic() + 120
    while window.service is None and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.002)
    app.processEvents()
    assert window.pages.get("desk") is not None and window.pages["desk"].isVisible()
    print("OPEN", flush=True)
"""


def launch(meeting: str | None, settings: Path) -> tuple[float, float | None]:
    """Seconds from launch to a usable window, and to the meeting's desk page shown (None without one)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "COOPVOTE_SETTINGS": str(settings),
           "QT_LOGGING_RULES": "*.warning=false"}
    args = [sys.executable, "-c", CHILD, *([meeting] if meeting else [])]
    started = time.perf_counter()
    with subprocess.Popen(args, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as child:
        assert child.stdout is not None
        line = child.stdout.readline()
        usable = time.perf_counter() - started
        opened = None
        if meeting and "READY" in line:
            line = child.stdout.readline()
            opened = time.perf_counter() - started
            if "OPEN" not in line:
                raise RuntimeError(f"the meeting did not open: {child.stderr.read() if child.stderr else ''}")
        child.wait(timeout=60)
        if child.returncode:
            raise RuntimeError(f"the app failed: {child.stderr.read() if child.stderr else ''}")
    return usable, opened


def make_meeting(folder: Path, members: int) -> Path:
    from coopvote.meeting.spec import load_spec
    from coopvote.register.importer import write_sample_register
    from coopvote.service import MeetingService

    spec = load_spec(ROOT / "coopvote" / "resources" / "demo" / "meeting.toml")
    target = folder / f"bench-{members}.coopvote"
    register = write_sample_register(folder / f"members-{members}.csv", [c.code for c in spec.classes], members)
    service = MeetingService.create(target, spec)
    service.setup.import_register(register, register.name)
    service.close()
    return target


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        cases = [("no meeting (start screen)", None), ("demo meeting, 240 members", str(make_meeting(folder, 240))),
                 ("meeting with 50,000 members", str(make_meeting(folder, 50_000)))]
        launch(None, folder / "warm.ini")  # first run fills the OS file cache; not counted
        print(f"median of {RUNS} runs each; 'window' = main window shown and usable (target < {TARGET} s), "
              "'desk' = the meeting open on the desk page")
        print(f"{'case':30} {'window s':>9} {'(min-max)':>13} {'desk s':>8} {'(min-max)':>13}")
        for label, meeting in cases:
            runs = [launch(meeting, folder / "settings.ini") for _ in range(RUNS)]
            usable = [u for u, _ in runs]
            opened = [o for _, o in runs if o is not None]
            row = f"{label:30} {statistics.median(usable):9.3f} {min(usable):6.3f}-{max(usable):<6.3f}"
            if opened:
                row += f" {statistics.median(opened):8.3f} {min(opened):6.3f}-{max(opened):<6.3f}"
            verdict = "ok" if statistics.median(usable) < TARGET else "SLOW"
            print(f"{row}  {verdict}")


if __name__ == "__main__":
    main()
