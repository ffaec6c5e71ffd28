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

from coopvote.errors import CoopvoteError
from coopvote.meeting.spec import parse_spec
from coopvote.messages import Bilingual, Message, message
from coopvote.register.sample import write_sample_register
from coopvote.service import MeetingService
from coopvote.service.papers import PrintRun

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

    def tell(self, words: Message) -> None:
        """Say one step in the reading language (``--lang``; both, Welsh first, by default)."""
        self.say(str(words))

    @property
    def meeting_path(self) -> Path:
        return self.out / "meeting.coopvote"


def _fresh_output(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for name in ("meeting.coopvote", "meeting.coopvote-wal", "meeting.coopvote-shm"):
        (out / name).unlink(missing_ok=True)
    for folder in ("papers", "scans", "declarations", "backups", "rehearsal"):
        shutil.rmtree(out / folder, ignore_errors=True)


def set_up(run: DemoRun) -> MeetingService:
    spec_path = run.out / "meeting.toml"
    spec_path.write_text(demo_spec_text(), encoding="utf-8")
    spec = parse_spec(spec_path.read_text(encoding="utf-8"), str(spec_path))
    register = write_sample_register(run.out / "members.csv", [c.code for c in spec.classes], MEMBERS, seed=DEMO_SEED)
    run.written += [spec_path, register]
    service = MeetingService.create(run.meeting_path, spec, actor="demo", station="desk-1")
    result = service.setup.import_register(register, register.name)
    shares = ", ".join(f"{code} {count}" for code, count in result.by_class.items())
    run.tell(message("demo.created", count=result.imported, shares=shares))
    return service


def rehearse(run: DemoRun, service: MeetingService) -> None:
    """The rehearsal before the doors open: a marked test deck of every item, class and paper variant,
    with vote slips for the resolutions, read and counted as the vote will be, then discarded (the demo reads the printed deck as its scan)."""
    folder = run.out / "rehearsal"
    prepared = service.rehearsal.prepare(folder)
    report = service.rehearsal.check(folder, [prepared.deck], by="demo tellers")
    run.written += [prepared.deck, folder / "report.txt"]
    if report.passed:
        run.tell(message("demo.rehearsal_passed", sheets=report.sheets, slips=prepared.slip_pages,
                         counted=report.counted, to_person=report.to_person, refused=report.refused))
    else:
        run.tell(message("demo.rehearsal_failed", problems=len(report.problems), first=report.problems[0],
                         sheets=report.sheets))


def registration(run: DemoRun, service: MeetingService) -> None:
    rng = run.rng
    everyone = service.setup.members()
    active = [m for m in everyone if m.status == "active"]
    lapsed = [m for m in everyone if m.status != "active"]
    rng.shuffle(active)
    attending = active[:120]
    quorum_before = service.desk.quorum()
    run.tell(message("demo.before_doors_open",
                     explanation=Bilingual(quorum_before.explanation_cy, quorum_before.explanation_en)))
    for member in attending:
        service.desk.check_in(member.number)
    if lapsed:
        try:
            service.desk.check_in(lapsed[0].number)
        except Exception as refused:  # the desk sees the refusal; the demo shows it
            words = refused.message if isinstance(refused, CoopvoteError) else Message.text(str(refused))
            run.tell(message("demo.desk_refusal", refusal=words))
    # proxies: absent members appoint members who are present (at most the limit each)
    absent = active[120:150]
    holders = attending[:15]
    for index, member in enumerate(absent):
        service.desk.appoint_proxy(member.number, holders[index % len(holders)].number, directed=index % 3 == 0)
    quorum = service.desk.quorum()
    run.tell(message("demo.quorum_now", explanation=Bilingual(quorum.explanation_cy, quorum.explanation_en)))


def print_papers(run: DemoRun, service: MeetingService) -> dict[tuple[int, str], PrintRun]:
    """Print every item's papers per class, in shuffled serial order: slips for item 1, papers for the rest."""
    meeting = service.setup.meeting()
    _eligible, present, proxies = service.desk.attendance_by_class()
    folder = run.out / "papers"
    folder.mkdir(parents=True, exist_ok=True)
    runs: dict[tuple[int, str], PrintRun] = {}
    for item in meeting.items:
        for cls in meeting.classes:
            needed = present.get(cls.code, 0) + proxies.get(cls.code, 0)
            count = needed + max(5, needed // 10)  # spares for spoilt papers
            kind = "slips" if item.number == 1 else "paper"
            out = folder / f"item{item.number}-{cls.code}-{kind}.pdf"
            runs[(item.number, cls.code)] = service.papers.print_papers(item.number, cls.code, count, out, kind=kind)
            run.written.append(out)
    easy = folder / "item3-PS-easy-read-sample.pdf"
    service.papers.print_papers(3, "PS", 2, easy, variant="easy-read")
    large = folder / "item2-SUP-large-print-sample.pdf"
    service.papers.print_papers(2, "SUP", 2, large, variant="large-print")
    run.written += [easy, large]
    total = sum(len(r.batch.serials) for r in runs.values())
    run.tell(message("demo.papers_printed", papers=total, files=len(runs), folder=folder))
    return runs


def issue_packs(run: DemoRun, service: MeetingService) -> None:
    handed = 0
    proxies = 0
    for member in service.setup.members():
        if member.present:
            packs = service.desk.issue_pack(member.number)
            handed += len(packs)
            proxies += sum(1 for p in packs if p.as_proxy)
    run.tell(message("demo.packs_handed_out", packs=handed, proxies=proxies))


def _take(stock: dict[tuple[int, str], list[int]], item: int, code: str) -> int:
    return stock[(item, code)].pop()


def vote(run: DemoRun, service: MeetingService, printed: dict[tuple[int, str], PrintRun]) -> None:
    """Members mark their papers; tellers record them by slip, by keyed marks, by ranking, and by scanning.

    The people supported's papers for item 3 are marked with a pen drawn in code, scanned (skewed,
    blurred, JPEG) into one PDF, and read back by the mark reader, as a sheet-feeding scanner would.
    """
    rng = run.rng
    meeting = service.setup.meeting()
    _eligible, present, proxies = service.desk.attendance_by_class()
    voters = {code: present.get(code, 0) + proxies.get(code, 0) for code in present}
    batches = {key: r.batch for key, r in printed.items()}
    stock = {key: list(reversed(batch.serials)) for key, batch in batches.items()}
    leanings = {  # chance of For / Against per class, per resolution
        1: {"PS": (0.85, 0.10), "EMP": (0.80, 0.12), "SUP": (0.75, 0.15)},
        2: {"PS": (0.55, 0.35), "EMP": (0.30, 0.65), "SUP": (0.50, 0.45)},
        3: {"PS": (0.80, 0.15), "EMP": (0.78, 0.20), "SUP": (0.70, 0.25)},
    }
    spoilt_serial = _take(stock, 2, "SUP")
    service.papers.spoil_paper(2, spoilt_serial, "spoilt: member marked the wrong box and asked for a new paper")
    for item in meeting.items:
        service.voting.open_vote(item.number)
        recorded = 0
        refused = 0
        last_code: str = ""
        last_marks: list[int] | None = None
        if item.number == 3:
            recorded += scan_marked_sheets(run, service, printed[(3, "PS")], voters["PS"], leanings[3]["PS"])
        for code, count in voters.items():
            batch = batches[(item.number, code)]
            if item.number == 3 and code == "PS":
                continue
            for _ in range(count - (1 if item.number == 2 and code == "PS" else 0)):  # one PS paper not returned
                serial = _take(stock, item.number, code)
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
                outcome = service.tellers.record_paper(last_code, last_marks)
                recorded += outcome.accepted
                refused += not outcome.accepted
        # a teller scans the last paper recorded a second time: refused, nothing changes
        again = service.tellers.record_paper(last_code, last_marks)
        service.voting.close_vote(item.number)
        run.tell(message("demo.item_recorded", item=item.number, title=Bilingual(item.title_cy, item.title_en),
                         papers=recorded, refusal=Bilingual(again.message_cy, again.message_en)))


def scan_marked_sheets(
    run: DemoRun, service: MeetingService, printed: PrintRun, count: int, leaning: tuple[float, float]
) -> int:
    """Mark the first ``count`` printed papers, 'scan' them into one PDF, read it, adjudicate the doubtful."""
    from PIL import Image

    from coopvote.ballots.qrcodec import decode
    from coopvote.ballots.testdeck import DeckPaper, Degradation, Pen, degrade, mark_page, rasterise_page

    rng = run.rng
    pdf = printed.path.read_bytes()
    meeting = service.setup.meeting()
    pages = []
    for index in range(count):
        gray = rasterise_page(pdf, index, 150)
        code = decode(printed.batch.qr_text(printed.batch.serials[index]), printed.batch.secret, meeting.code)
        paper = DeckPaper(spec=None, question=service.tellers._paper_question(code))  # type: ignore[arg-type]
        roll = rng.random()
        option = 0 if roll < leaning[0] else 1 if roll < leaning[0] + leaning[1] else 2
        marks = {option: rng.choice([Pen.CROSS, Pen.TICK, Pen.FILLED])}
        if index == 3:
            marks = {0: Pen.CROSS, 1: Pen.CROSS}  # two marks: the teller must decide
        image = Image.fromarray(gray, mode="L")
        mark_page(image, 150, paper, marks, rng)  # type: ignore[arg-type]
        degradation = Degradation(dpi=150, rotation=rng.uniform(-5, 5), blur=0.5, jpeg_quality=45,
                                  upside_down=index % 7 == 0)
        pages.append(Image.fromarray(degrade(image, degradation, rng), mode="L"))
    scans = run.out / "scans"
    scans.mkdir(parents=True, exist_ok=True)
    scanned = scans / "item3-PS-scanned.pdf"
    pages[0].save(scanned, format="PDF", save_all=True, append_images=pages[1:], resolution=150, quality=60)
    run.written.append(scanned)
    summary = service.tellers.read_sheets([scanned])
    for sheet in service.tellers.pending_sheets():
        service.tellers.adjudicate(sheet.id, reject_reason="too-many-votes", by="Gareth Morgan (returning officer)")
    run.tell(message("demo.sheets_scanned", pages=summary.pages, accepted=summary.accepted, queued=summary.queued))
    return summary.accepted + summary.queued


def _ranking(rng: random.Random, item: Any, voter_class: str) -> list[int]:
    """A plausible ranking: members favour candidates from their own class, then others."""
    positions = [c.position for c in item.candidates]
    weights = {c.position: (3.0 if c.class_code == voter_class else 1.0) * (1 + rng.random()) for c in item.candidates}
    order = sorted(positions, key=lambda p: -weights[p] * rng.random())
    return order[: rng.randint(2, len(order))]


def results(run: DemoRun, service: MeetingService) -> dict[str, Any]:
    meeting = service.setup.meeting()
    summaries = []
    chair = str(meeting.rules.get("rules", {}).get("chair", "the chair"))  # type: ignore[union-attr]
    for item in meeting.items:
        result = service.results.item_result(item.number)
        run.tell(message("demo.item_outcome", item=item.number, outcome=Bilingual(result.outcome_cy, result.outcome_en)))
        summaries.append(service.results.declare(item.number, chair))
    data = {"meeting": meeting.name_en, "items": summaries}
    path = run.out / "results.json"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    run.written.append(path)
    return data


def declare_and_export(run: DemoRun) -> None:
    """What the secretary does afterwards, with the same commands anyone would type."""
    from coopvote.cli import main

    meeting = str(run.meeting_path)
    declarations = run.out / "declarations.pdf"
    minutes = run.out / "minutes.pdf"
    archive = run.out / "record.zip"
    private = run.out / "record-PRIVATE.zip"
    archive.unlink(missing_ok=True)
    private.unlink(missing_ok=True)
    steps = [
        ["declare", meeting, "--out", str(declarations)],
        ["declare", meeting, "--minutes", "--out", str(minutes)],
        ["export", meeting, "--out", str(archive), "--private-out", str(private)],
        ["verify", str(archive)],
        ["verify", str(private)],
    ]
    for number, argv in enumerate(steps, start=1):
        run.say(f"7.{number} coopvote {' '.join(argv)}")
        code = main(argv)
        if code != 0:
            raise RuntimeError(f"the demo's step 'coopvote {' '.join(argv)}' failed with exit code {code}")
    run.written += [declarations, minutes, archive, private]


def run_demo(out: Path, say: Callable[[str], None] = print) -> DemoRun:
    run = DemoRun(out=out, say=say)
    _fresh_output(out)
    service = set_up(run)
    try:
        rehearse(run, service)
        registration(run, service)
        printed = print_papers(run, service)
        issue_packs(run, service)
        vote(run, service, printed)
        results(run, service)
    finally:
        service.close()
    declare_and_export(run)
    run.written.insert(0, run.meeting_path)
    say(str(message("demo.outputs")))
    for path in run.written:
        say(f"  {path}")
    return run
