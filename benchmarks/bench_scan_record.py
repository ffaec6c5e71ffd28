"""Recording a scanned vote slip: decode the code, verify it against the meeting, commit with its audit entry.

Target (issue 4): under 10 ms median per slip. Every commit is durable (SQLite WAL, synchronous=FULL),
so the figure includes an fsync; a laptop's disk may be slower or faster than this machine's.
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

SLIPS = 500


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        spec = parse_spec(demo_spec_text(), "demo")
        register = write_sample_register(folder / "m.csv", ["PS", "EMP", "SUP"], 600, seed=1)
        service = MeetingService.create(folder / "bench.coopvote", spec, station="bench")
        service.setup.import_register(register, register.name)
        batch = service.papers.add_paper_batch(1, "EMP", SLIPS, kind="slips")
        service.voting.open_vote(1, not_quorate_reason="test meeting: quorum not under test")
        codes = [batch.qr_text(serial, option=1 + serial % 3) for serial in batch.serials]
        accepted = []
        for code in codes:
            started = time.perf_counter()
            outcome = service.tellers.record_paper(code)
            accepted.append(time.perf_counter() - started)
            assert outcome.accepted, outcome.message_en
        refused = []
        for code in codes[:100]:
            started = time.perf_counter()
            outcome = service.tellers.record_paper(code)
            refused.append(time.perf_counter() - started)
            assert outcome.reason == "already-counted"
        service.close()
    print(f"{'measure':<44}{'median ms':>10}{'p95 ms':>10}{'target':>10}")
    for name, values, target in (
        (f"record a new slip ({SLIPS}, durable commit)", accepted, "< 10"),
        ("refuse a slip already counted (100)", refused, ""),
    ):
        ordered = sorted(values)
        p95 = ordered[int(len(ordered) * 0.95) - 1]
        print(f"{name:<44}{statistics.median(values) * 1000:>10.2f}{p95 * 1000:>10.2f}{target:>10}")


if __name__ == "__main__":
    main()
