"""The linking attack on advance votes: envelope receipt times, pack print order and papers must not tie
a member to a paper, and a directed proxy's choices must not be readable against the member."""

from __future__ import annotations

import json
import random
from dataclasses import fields

import pytest
from sqlalchemy import select

from coopvote.ballots.qrcodec import BallotCode, QrRejected, decode, decode_card
from coopvote.record.audit import BALLOT_CHAIN, DESK_CHAIN
from coopvote.record.models import AuditEntry, Meeting
from coopvote.service import MeetingService
from tests.advance_meeting import ON_TIME, Intentions, new_meeting, number_of

SIZE = 40


@pytest.fixture(scope="module")
def voted(tmp_path_factory: pytest.TempPathFactory) -> tuple[MeetingService, list[str], list[int]]:
    service = new_meeting(tmp_path_factory.mktemp("advance-secrecy"), SIZE)
    intended = Intentions.draw(SIZE, seed=3)
    senders = [number_of(i) for i in range(1, 11)] + [number_of(i) for i in range(21, 31)]
    issue = service.advance.issue_packs(senders)
    batches = {(b.item, b.class_code): b for b in issue.batches}
    stacks = {key: list(b.serials) for key, b in batches.items()}
    first = service.advance.receive_envelope(issue.envelope_codes[senders[0]], at=ON_TIME)
    assert first.accepted
    # Before opening, no advance paper can be read, so none can follow its envelope in time.
    serial = stacks[(1, "PS")][0]
    early = service.advance.record_paper(batches[(1, "PS")].qr_text(serial), [1])
    assert not early.accepted and early.reason == "no-opened-envelope"
    for number in senders[1:]:
        assert service.advance.receive_envelope(issue.envelope_codes[number], at=ON_TIME).accepted
    service.advance.open_envelopes()
    pile = [(item, "PS" if int(n[1:]) <= SIZE // 2 else "EMP", n) for n in senders for item in (1, 2)]
    random.Random(11).shuffle(pile)
    for item, code, number in pile:
        marks = [intended.resolution[number]] if item == 1 else intended.ranking[number]
        assert service.advance.record_paper(batches[(item, code)].qr_text(stacks[(item, code)].pop()), marks).accepted
    service.voting.open_vote(1, not_quorate_reason="test meeting: nobody checked in")
    service.advance.enter_directed_proxy(number_of(15), None, {1: "against", 2: [2, 1]})
    serials = [s for b in issue.batches for s in b.serials]
    return service, senders, serials


def test_no_paper_is_read_before_every_envelope_is_received_and_opened(
    voted: tuple[MeetingService, list[str], list[int]],
) -> None:
    """Receipt order and times cannot be paired with paper order: every paper was read after all were opened."""
    service, _senders, _serials = voted
    with service.record.reading() as session:
        sequence = {
            action: sorted(session.execute(select(AuditEntry.chain, AuditEntry.sequence).where(AuditEntry.action == action)).tuples())
            for action in ("advance envelope received", "advance envelopes opened", "advance paper recorded")
        }
    received, opened, papers = ([s for _c, s in rows] for rows in sequence.values())
    assert len(received) == 20 and len(opened) == 1 and len(papers) == 40
    # Two chains (docs/records.md): receipts and the opening are timed desk entries; the papers are on the
    # untimed ballot chain, whose sequence shares no order with the desk's, so nothing pairs the two.
    assert {c for c, _s in sequence["advance envelope received"] + sequence["advance envelopes opened"]} == {DESK_CHAIN}
    assert {c for c, _s in sequence["advance paper recorded"]} == {BALLOT_CHAIN}
    assert max(received) < opened[0]


def test_envelope_codes_name_the_member_only_and_papers_the_paper_only(
    voted: tuple[MeetingService, list[str], list[int]],
) -> None:
    """What is printed: the envelope's code reads as a member and nothing else; a paper's code holds no member."""
    service, senders, serials = voted
    with service.record.reading() as session:
        meeting = session.get(Meeting, service.record.meeting_id)
        assert meeting is not None
        secret, code = bytes(meeting.secret), meeting.code
    codes = service.advance.envelope_codes_for(senders[:3])
    for number, text in codes.items():
        card = decode_card(text, secret, code)
        assert card.member == number and {f.name for f in fields(card)} == {"meeting", "member"}
        with pytest.raises(QrRejected):
            decode(text, secret, code)  # an envelope code is never read as a ballot paper
    assert not {"member", "number"} & set(BallotCode.__dataclass_fields__)
    # Each batch was shuffled: the papers' print order does not follow the register order of the packs.
    assert serials != sorted(serials)


def test_no_audit_entry_or_envelope_row_links_a_member_to_a_serial_or_a_choice(
    voted: tuple[MeetingService, list[str], list[int]],
) -> None:
    service, senders, _serials = voted
    with service.record.reading() as session:
        entries = [(e.action, dict(e.details)) for e in session.scalars(select(AuditEntry).order_by(AuditEntry.sequence))]
    member_keys = {"member", "appointer", "holder", "members"}
    for action, details in entries:
        if member_keys & details.keys():
            assert "serial" not in details and "first_serial" not in details, (action, details)
        if action == "directed proxy entered":
            text = json.dumps(details)
            assert "against" not in text and "marks" not in text, details  # which items, never the choices
        if action == "advance packs issued":
            assert not any(number in json.dumps(details) for number in senders), details


def test_directed_tally_holds_counts_only(voted: tuple[MeetingService, list[str], list[int]]) -> None:
    service, _senders, _serials = voted
    result = service.results.item_result(1)
    assert result.directed == {"PS": {"2": 1}}
