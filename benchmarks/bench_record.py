"""The meeting record at scale: import a 50,000-member register, then open that meeting.

Targets (issue 2): import under 3 s, open under 1 s, on these 2-core machines.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from coopvote.cli.demo import demo_spec_text
from coopvote.meeting.spec import parse_spec
from coopvote.register.sample import write_sample_register
from coopvote.service import MeetingService

MEMBERS = 50_000
RUNS = 3


def _one_run(folder: Path) -> tuple[float, float, float, float]:
    spec = parse_spec(demo_spec_text(), "demo")
    register = write_sample_register(folder / "members.csv", [c.code for c in spec.classes], MEMBERS, seed=1)
    path = folder / "big.coopvote"
    path.unlink(missing_ok=True)
    service = MeetingService.create(path, spec)
    started = time.perf_counter()
    result = service.setup.import_register(register, register.name)
    imported = time.perf_counter() - started
    assert result.imported == MEMBERS
    service.close()
    started = time.perf_counter()
    opened = MeetingService.open(path)
    meeting = opened.setup.meeting()
    open_time = time.perf_counter() - started
    assert sum(c.members for c in meeting.classes) == MEMBERS
    started = time.perf_counter()
    quorum = opened.desk.quorum()
    quorum_time = time.perf_counter() - started
    assert quorum.members > 0
    started = time.perf_counter()
    found = opened.setup.find_members("Jones")
    search_time = time.perf_counter() - started
    assert found
    opened.close()
    return imported, open_time, quorum_time, search_time


def main() -> None:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(RUNS):
            rows.append(_one_run(Path(tmp)))
    names = ("import 50,000-member register (s)", "open meeting + view (s)", "quorum (s)", "find member by name (s)")
    targets = ("< 3.0", "< 1.0", "", "")
    print(f"{'measure':<38}{'median':>10}{'worst':>10}{'target':>10}")
    for index, name in enumerate(names):
        values = [row[index] for row in rows]
        print(f"{name:<38}{statistics.median(values):>10.3f}{max(values):>10.3f}{targets[index]:>10}")


if __name__ == "__main__":
    main()
