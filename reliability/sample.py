"""A meeting that has voted: the demo spec, a fictional register, papers issued, scanned and declared.

The exporter, the verifier, the declarations and the reliability report all need a realistic record to
work on. Building it through the service layer (check-in, packs, printed batches, scans of sealed QR
codes, closing, declaring) means every row and audit entry is one the real app would write.

Rejected papers: the teller adjudication screen is what records a paper as rejected; until a meeting
has one, ``reject_paper`` here writes the same row through an audited action so the reports and the
verifier see rejections by reason.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from coopvote.ballots.texts import REJECTION_REASONS
from coopvote.counting.rules import RANKED_METHODS
from coopvote.meeting.spec import load_spec
from coopvote.record.ledger import PAPER_KEY, PaperContent, paper_details
from coopvote.record.models import RecordedBallot
from coopvote.register.sample import sample_members
from coopvote.service import MeetingService
from coopvote.service.papers import PrintedBatch
from coopvote.service.queries import class_row, item_row
from coopvote.service.voting import IdentifiedPaper

DEMO_SPEC = Path(__file__).resolve().parent.parent / "coopvote" / "resources" / "demo" / "meeting.toml"

REJECT_REASONS = ("unmarked-or-uncertain", "too-many-votes", "identifies-voter")
assert set(REJECT_REASONS) <= set(REJECTION_REASONS)
"""The codes adjudication stores (not free words), so the sample's declarations print what a real meeting's do."""


@dataclass
class VotedMeeting:
    service: MeetingService
    path: Path
    batches: dict[tuple[int, str], list[PrintedBatch]] = field(default_factory=dict)
    recorded: dict[int, int] = field(default_factory=dict)


def register_csv(classes: Sequence[str], members: int, seed: int) -> bytes:
    lines = ["membership number,name,class,vote value,status"]
    for row in sample_members(classes, members, seed):
        lines.append(f"{row.membership_number},{row.name},{row.class_code},{row.vote_value},{row.status}")
    return ("\n".join(lines) + "\n").encode("utf-8")


def reject_paper(service: MeetingService, qr_text: str, reason: str) -> bool:
    """Record a returned paper as rejected with ``reason`` (what adjudication records)."""
    with service.record.action("paper rejected", reason=reason) as (session, act):
        found = service.tellers._identify(session, qr_text)
        if not isinstance(found, IdentifiedPaper):
            act.skip_audit = True
            return False
        item_id = item_row(session, service.record.meeting_id, found.item).id
        class_id = class_row(session, service.record.meeting_id, found.class_code).id
        session.add(
            RecordedBallot(
                item_id=item_id, class_id=class_id, serial=found.serial, source="adjudicated", marks=[],
                valid=False, reject_reason=reason, station=service.record.station,
            )
        )
        act.details.update(item=found.item, serial=found.serial, class_code=found.class_code)
        act.details[PAPER_KEY] = paper_details(found.item, found.serial, PaperContent(found.class_code, False, reason, ()))
    return True


def random_marks(rng: random.Random, kind: str, method: str, candidates: int, max_marks: int) -> list[int]:
    if kind == "resolution":
        return [rng.choices((1, 2, 3), (6, 3, 1))[0]]
    order = list(range(1, candidates + 1))
    # Candidates earlier in the list are a little more popular, so counts have a shape.
    order.sort(key=lambda c: rng.random() * (1 + c / candidates))
    if method in RANKED_METHODS:
        return order[: rng.randint(1, candidates)]
    return order[: rng.randint(1, max(1, max_marks))]


def build_voted_meeting(
    folder: Path,
    *,
    members: int = 60,
    seed: int = 2026,
    rejected_per_item: int = 2,
    declare: bool = True,
    spec_path: Path = DEMO_SPEC,
    name: str = "agm.coopvote",
) -> VotedMeeting:
    """Create ``folder/name`` from the demo spec and run every item to a declared result."""
    rng = random.Random(seed)
    spec = load_spec(spec_path)
    path = folder / name
    service = MeetingService.create(path, spec, actor="returning officer", station="desk-1")
    service.setup.import_register(register_csv([c.code for c in spec.classes], members, seed), "members.csv")
    voted = VotedMeeting(service, path)
    roll = [m for m in sample_members([c.code for c in spec.classes], members, seed) if m.status == "active"]
    present = [m for m in roll if rng.random() < 0.85]
    for member in present:
        service.desk.check_in(member.membership_number)
        service.desk.issue_pack(member.membership_number)
    per_class: dict[str, int] = {}
    for member in present:
        per_class[member.class_code] = per_class.get(member.class_code, 0) + 1
    meeting = service.setup.meeting()
    for item in meeting.items:
        for code, count in per_class.items():
            batch = service.papers.add_paper_batch(item.number, code, count + 3)
            voted.batches[(item.number, code)] = [batch]
        service.voting.open_vote(item.number, not_quorate_reason="test meeting: nobody checked in")
        recorded = 0
        for code, count in per_class.items():
            batch = voted.batches[(item.number, code)][0]
            serials = list(batch.serials)
            service.papers.spoil_paper(item.number, serials.pop(), "torn")
            returned = serials[: max(0, count - rng.randint(0, 2))]
            for index, serial in enumerate(returned):
                qr = batch.qr_text(serial)
                if index < rejected_per_item and code == meeting.classes[0].code:
                    reject_paper(service, qr, REJECT_REASONS[index % len(REJECT_REASONS)])
                    recorded += 1
                    continue
                marks = random_marks(rng, item.kind, item.method, len(item.candidates), item.max_marks)
                outcome = service.tellers.record_paper(qr, marks)
                if not outcome.accepted:
                    raise AssertionError(f"sample scan refused: {outcome.message_en}")
                recorded += 1
        service.voting.close_vote(item.number)
        voted.recorded[item.number] = recorded
        if declare:
            service.results.declare(item.number, "Gareth Morgan", reconciliation_reason="test meeting: papers recorded without packs")
    return voted
