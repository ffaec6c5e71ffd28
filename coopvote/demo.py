"""A whole sample meeting, end to end, headless: what ``make demo`` and ``coopvote demo`` run.

The Teifi Valley Care Co-operative's AGM: about 600 members in three classes, three resolutions (one
special) and a Council of Members election with seats reserved per class. Every step goes through
the same service layer the app uses, so the demo is also a smoke test of the whole product. Votes are
drawn from a seeded random generator, so two runs give the same result.
"""

from __future__ import annotations

import json
import random
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from coopvote.register_sample import write_sample_register
from coopvote.service import MeetingService
from coopvote.service.papers import PrintedBatch
from coopvote.spec import parse_spec

DEMO_SEED = 2026
MEMBERS = 600


def demo_spec_text() -> str:
    return resources.files("coopvote.resources.demo").joinpath("meeting.toml").read_text(encoding="utf-8")


@dataclass
class DemoRun:
    out: Path
    say: Callable[[str], None] = print
    rng: random.Random = field(default_factory=lambda: random.Random(DEMO_SEED))
    written: list[Path] = field(default_factory=list)

    @property
    def meeting_path(self) -> Path:
        return self.out / "meeting.coopvote"


def _fresh_output(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for name in ("meeting.coopvote", "meeting.coopvote-wal", "meeting.coopvote-shm"):
        (out / name).unlink(missing_ok=True)
    for folder in ("papers", "scans", "declarations", "backups"):
        shutil.rmtree(out / folder, ignore_errors=True)


def set_up(run: DemoRun) -> MeetingService:
    spec_path = run.out / "meeting.toml"
    spec_path.write_text(demo_spec_text(), encoding="utf-8")
    spec = parse_spec(spec_path.read_text(encoding="utf-8"), str(spec_path))
    register = write_sample_register(run.out / "members.csv", [c.code for c in spec.classes], MEMBERS, seed=DEMO_SEED)
    run.written += [spec_path, register]
    service = MeetingService.create(run.meeting_path, spec, actor="demo", station="desk-1")
    result = service.import_register(register, register.name)
    run.say(f"1. Meeting created; register imported: {result.imported} members {result.by_class}")
    return service


def registration(run: DemoRun, service: MeetingService) -> None:
    rng = run.rng
    everyone = service.members()
    active = [m for m in everyone if m.status == "active"]
    lapsed = [m for m in everyone if m.status != "active"]
    rng.shuffle(active)
    attending = active[:120]
    quorum_before = service.quorum()
    run.say(f"2. Before the doors open: {quorum_before.explanation_en}")
    for member in attending:
        service.check_in(member.number)
    if lapsed:
        try:
            service.check_in(lapsed[0].number)
        except Exception as refused:  # the desk sees the refusal; the demo shows it
            run.say(f"   desk refusal shown: {refused}")
    # proxies: absent members appoint members who are present (at most the limit each)
    absent = active[120:150]
    holders = attending[:15]
    for index, member in enumerate(absent):
        service.appoint_proxy(member.number, holders[index % len(holders)].number, directed=index % 3 == 0)
    quorum = service.quorum()
    run.say(f"   {quorum.explanation_en}")
    run.say(f"   {quorum.explanation_cy}")


def print_papers(run: DemoRun, service: MeetingService) -> dict[tuple[int, str], PrintedBatch]:
    meeting = service.meeting()
    eligible, present, proxies = service.attendance_by_class()
    batches: dict[tuple[int, str], PrintedBatch] = {}
    for item in meeting.items:
        for cls in meeting.classes:
            needed = present.get(cls.code, 0) + proxies.get(cls.code, 0)
            count = needed + max(5, needed // 10)  # spares for spoilt papers
            kind = "slips" if item.number == 1 else "paper"
            batches[(item.number, cls.code)] = service.add_paper_batch(item.number, cls.code, count, kind=kind)
    total = sum(len(b.serials) for b in batches.values())
    run.say(f"3. Papers allocated: {total} serials across {len(meeting.items)} items and {len(meeting.classes)} classes")
    return batches


def issue_packs(run: DemoRun, service: MeetingService) -> None:
    handed = 0
    proxies = 0
    for member in service.members():
        if member.present:
            packs = service.issue_pack(member.number)
            handed += len(packs)
            proxies += sum(1 for p in packs if p.as_proxy)
    run.say(f"4. Packs handed out: {handed} ({proxies} for proxies); the desk recorded who, never which serial")


def _take(stock: dict[tuple[int, str], list[int]], item: int, code: str) -> int:
    return stock[(item, code)].pop()


def vote(run: DemoRun, service: MeetingService, batches: dict[tuple[int, str], PrintedBatch]) -> None:
    """Members mark their papers; tellers record them by slip, by keyed marks and by ranking."""
    rng = run.rng
    meeting = service.meeting()
    _eligible, present, proxies = service.attendance_by_class()
    voters = {code: present.get(code, 0) + proxies.get(code, 0) for code in present}
    stock = {key: list(batch.serials) for key, batch in batches.items()}
    leanings = {  # chance of For / Against per class, per resolution
        1: {"PS": (0.85, 0.10), "EMP": (0.80, 0.12), "SUP": (0.75, 0.15)},
        2: {"PS": (0.55, 0.35), "EMP": (0.30, 0.65), "SUP": (0.50, 0.45)},
        3: {"PS": (0.80, 0.15), "EMP": (0.78, 0.20), "SUP": (0.70, 0.25)},
    }
    spoilt_serial = _take(stock, 2, "SUP")
    service.spoil_paper(2, spoilt_serial, "spoilt: member marked the wrong box and asked for a new paper")
    for item in meeting.items:
        service.open_vote(item.number)
        recorded = 0
        refused = 0
        for code, count in voters.items():
            batch = batches[(item.number, code)]
            for _ in range(count - (1 if item.number == 2 and code == "PS" else 0)):  # one PS paper not returned
                serial = _take(stock, item.number, code)
                last_marks: list[int] | None
                if item.kind == "resolution":
                    p_for, p_against = leanings[item.number][code]
                    roll = rng.random()
                    option = 1 if roll < p_for else 2 if roll < p_for + p_against else 3
                    if item.number == 1:  # vote slips: the code carries the choice
                        last_code, last_marks = batch.qr_text(serial, option=option), None
                    else:
                        last_code, last_marks = batch.qr_text(serial), [option]
                else:
                    last_code, last_marks = batch.qr_text(serial), _ranking(rng, item, code)
                outcome = service.record_paper(last_code, last_marks)
                recorded += outcome.accepted
                refused += not outcome.accepted
        # a teller scans the last paper recorded a second time: refused, nothing changes
        again = service.record_paper(last_code, last_marks)
        service.close_vote(item.number)
        run.say(
            f"5.{item.number} Item {item.number} ({item.title_en}): {recorded} papers recorded; "
            f"double scan refused: {again.message_en}"
        )


def _ranking(rng: random.Random, item: Any, voter_class: str) -> list[int]:
    """A plausible ranking: members favour candidates from their own class, then others."""
    positions = [c.position for c in item.candidates]
    weights = {c.position: (3.0 if c.class_code == voter_class else 1.0) * (1 + rng.random()) for c in item.candidates}
    order = sorted(positions, key=lambda p: -weights[p] * rng.random())
    return order[: rng.randint(2, len(order))]


def results(run: DemoRun, service: MeetingService) -> dict[str, Any]:
    meeting = service.meeting()
    summaries = []
    chair = str(meeting.rules.get("rules", {}).get("chair", "the chair"))  # type: ignore[union-attr]
    for item in meeting.items:
        result = service.results(item.number)
        run.say(f"6.{item.number} {result.outcome_en}")
        summaries.append(service.declare(item.number, chair))
    data = {"meeting": meeting.name_en, "items": summaries}
    path = run.out / "results.json"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    run.written.append(path)
    return data


def run_demo(out: Path, say: Callable[[str], None] = print) -> DemoRun:
    run = DemoRun(out=out, say=say)
    _fresh_output(out)
    service = set_up(run)
    try:
        registration(run, service)
        batches = print_papers(run, service)
        issue_packs(run, service)
        vote(run, service, batches)
        results(run, service)
    finally:
        service.close()
    run.written.insert(0, run.meeting_path)
    say("Outputs:")
    for path in run.written:
        say(f"  {path}")
    return run
