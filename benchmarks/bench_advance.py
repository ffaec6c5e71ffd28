"""Advance votes: receiving 1,000 returned envelopes and recording 1,000 advance papers, on one core.

Each envelope and each paper is its own durable transaction with its audit entry (SQLite WAL,
synchronous=FULL), as at a real count, so the figures include an fsync each. Papers are recorded from
their codes and marks, as ``advance record`` and the scanner's clear sheets do; reading the marks off a
scanned image is measured on its own in ``bench_ballots_read``.
"""

from __future__ import annotations

import random
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from coopvote.meeting.spec import parse_spec
from coopvote.service import MeetingService

MEMBERS = 1_000
SPEC = """
[meeting]
name_cy = "Cyfarfod Meincnodi"
name_en = "Benchmark Meeting"
date = 2026-11-28

[[classes]]
code = "PS"
name_cy = "Pobl a gefnogir"
name_en = "People supported"

[weighting]
scheme = "one-member-one-vote"

[[items]]
number = 1
kind = "resolution"
title_cy = "Derbyn y cyfrifon"
title_en = "Receive the accounts"
advance = { allowed = true, closes = 2026-11-27T17:00:00Z, if_amended = "not-counted" }
"""


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        service = MeetingService.create(folder / "bench.coopvote", parse_spec(SPEC, "bench"), station="bench")
        register = "membership number,name,class,vote value,status\n" + "".join(
            f"M{i:05d},Member {i},PS,1,active\n" for i in range(1, MEMBERS + 1)
        )
        service.setup.import_register(register.encode("utf-8"), "members.csv")
        started = time.perf_counter()
        issue = service.advance.issue_packs(class_code="PS")
        packs = time.perf_counter() - started
        at = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)
        codes = list(issue.envelope_codes.values())
        started, started_cpu = time.perf_counter(), time.process_time()
        for code in codes:
            assert service.advance.receive_envelope(code, at=at).accepted
        receive, receive_cpu = time.perf_counter() - started, time.process_time() - started_cpu
        service.advance.open_envelopes()
        batch = issue.batches[0]
        chance = random.Random(1)
        papers = [(batch.qr_text(serial), [chance.choice((1, 2, 3))]) for serial in batch.serials]
        started, started_cpu = time.perf_counter(), time.process_time()
        for text, marks in papers:
            assert service.advance.record_paper(text, marks).accepted
        record, record_cpu = time.perf_counter() - started, time.process_time() - started_cpu
        started = time.perf_counter()
        result = service.results.item_result(1)
        count = time.perf_counter() - started
        assert result.total_papers == MEMBERS
        service.close()
    print(f"{'what':<46}{'wall s':>9}{'cpu s':>9}{'per item ms':>13}")
    print(f"{'issue 1,000 packs (record + allocate papers)':<46}{packs:>9.2f}{'':>9}{packs / MEMBERS * 1000:>13.2f}")
    print(f"{'receive 1,000 envelopes (durable each)':<46}{receive:>9.2f}{receive_cpu:>9.2f}{receive / MEMBERS * 1000:>13.2f}")
    print(f"{'record 1,000 advance papers (durable each)':<46}{record:>9.2f}{record_cpu:>9.2f}{record / MEMBERS * 1000:>13.2f}")
    print(f"{'count the item (1,000 advance papers)':<46}{count:>9.2f}{'':>9}{'':>13}")


if __name__ == "__main__":
    main()
