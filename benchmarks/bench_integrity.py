"""What the integrity checks cost: replaying the audit chain before a count, checkpointing after each scan.

Every results() call verifies the whole chain and replays its papers; every action checkpoints the
write-ahead log into the meeting file. Measured on a meeting of 2,000 members present and 2,000 papers
scanned (about 4,000 audit entries). No target is set by the issue; these figures say whether the
chair's console, which recounts on a timer, stays responsive.
"""

from __future__ import annotations

import csv
import statistics
import tempfile
import time
from pathlib import Path

from coopvote.cli.demo import demo_spec_text
from coopvote.meeting.spec import parse_spec
from coopvote.record.db import checkpoint_into_main_file
from coopvote.register.sample import write_sample_register
from coopvote.service import MeetingService
from coopvote.service.integrity import check_record

MEMBERS = 2_000
RUNS = 5


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        spec = parse_spec(demo_spec_text(), "demo")
        register = write_sample_register(folder / "members.csv", [c.code for c in spec.classes], MEMBERS, seed=1)
        service = MeetingService.create(folder / "big.coopvote", spec)
        service.setup.import_register(register, register.name)
        meeting = service.setup.meeting()
        with register.open(encoding="utf-8-sig", newline="") as handle:
            numbers = [row["Membership number"] for row in csv.DictReader(handle) if row["Status"] == "active"]
        for number in numbers:
            service.desk.check_in(number)
        item = meeting.items[0]
        code = meeting.classes[0].code
        batch = service.papers.add_paper_batch(item.number, code, MEMBERS)
        service.voting.open_vote(item.number, not_quorate_reason="test meeting: nobody checked in")
        scan_times = []
        for serial in batch.serials:
            started = time.perf_counter()
            service.tellers.record_paper(batch.qr_text(serial), [1])
            scan_times.append(time.perf_counter() - started)
        checkpoint_times = []
        for _ in range(RUNS):
            started = time.perf_counter()
            checkpoint_into_main_file(service.record.engine)
            checkpoint_times.append(time.perf_counter() - started)
        check_times, results_times = [], []
        for _ in range(RUNS):
            started = time.perf_counter()
            with service.record.reading() as session:
                entries = check_record(session, service.record.meeting_id, service.record.where)
            check_times.append(time.perf_counter() - started)
            started = time.perf_counter()
            service.results.item_result(item.number)
            results_times.append(time.perf_counter() - started)
        service.close()
    print(f"{len(numbers)} check-ins, {len(batch.serials)} papers, {len(entries)} audit entries")
    print(f"{'measure':<44}{'median':>10}{'worst':>10}")
    for name, values in (
        ("record one paper, checkpoint included (s)", scan_times),
        ("checkpoint with nothing new (s)", checkpoint_times),
        ("verify chain + replay papers (s)", check_times),
        ("results() of the item, check included (s)", results_times),
    ):
        print(f"{name:<44}{statistics.median(values):>10.4f}{max(values):>10.4f}")


if __name__ == "__main__":
    main()
