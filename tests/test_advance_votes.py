"""Advance votes and directed proxies merged with the room: one reconciled count, one vote per member.

The 300-member meeting: 100 members are sent packs (90 return in time, 5 late, one sends a second
envelope, one does not sign the declaration, 4 never return), 20 give directed proxies, the rest vote
in the room, and members who voted in advance or by directed proxy try to vote again at the desk. The
count must equal an independent tally of the votes members meant to cast, and the archive must verify.
"""

from __future__ import annotations

import copy
import json
import random
import zipfile
from collections import Counter
from fractions import Fraction
from pathlib import Path

import pytest
from sqlalchemy import func, select

from coopvote.counting.model import Ballot, CountOptions, Election
from coopvote.counting.rules import get_rule
from coopvote.errors import RuleError
from coopvote.export.archive import export_meeting
from coopvote.export.content import read_ballots_csv
from coopvote.export.recount import first_difference, recount, sources_problem
from coopvote.export.verify import verify_archive
from coopvote.record.models import PaperIssue
from coopvote.service import MeetingService
from tests.advance_meeting import LATE, ON_TIME, RESOLUTION_WORDS, Intentions, new_meeting, number_of

SIZE = 300


def class_of(index: int) -> str:
    return "PS" if index <= SIZE // 2 else "EMP"


def run_meeting(folder: Path) -> tuple[MeetingService, Intentions, dict[str, set[int]]]:
    """Hold the whole meeting; returns it, what members meant, and which items each member's vote counts on."""
    service = new_meeting(folder, SIZE)
    intended = Intentions.draw(SIZE, seed=13)
    counted_for: dict[str, set[int]] = {}
    chance = random.Random(7)

    # Before the meeting: packs to members 1-50 (PS) and 151-200 (EMP).
    advance_members = [number_of(i) for i in list(range(1, 51)) + list(range(151, 201))]
    issue = service.advance.issue_packs(advance_members)
    assert len(issue.members) == 100 and set(issue.envelope_codes) == set(advance_members)
    stacks: dict[tuple[int, str], list[int]] = {}
    for batch in issue.batches:
        stacks[(batch.item, batch.class_code)] = list(batch.serials)
    qr_of = {(batch.item, batch.class_code): batch for batch in issue.batches}

    returned_in_time = advance_members[:45] + advance_members[50:95]  # 90 envelopes
    late = advance_members[45:48] + advance_members[95:97]  # 5 late
    unsigned = advance_members[48]
    never = advance_members[49:50] + advance_members[97:]  # 4 never come back
    assert len(returned_in_time) == 90 and len(late) == 5 and len(never) == 4

    opened_papers: list[tuple[int, str, list[int]]] = []  # (item, class, marks): the mixed pile
    for number in returned_in_time:
        outcome = service.advance.receive_envelope(issue.envelope_codes[number], at=ON_TIME)
        assert outcome.accepted, outcome.message_en
        counted_for[number] = {1, 2}
        index = int(number[1:])
        opened_papers.append((1, class_of(index), [intended.resolution[number]]))
        opened_papers.append((2, class_of(index), intended.ranking[number]))
    duplicate = service.advance.receive_envelope(issue.envelope_codes[returned_in_time[3]], at=ON_TIME)
    assert not duplicate.accepted and duplicate.reason == "duplicate"
    for number in late:
        outcome = service.advance.receive_envelope(issue.envelope_codes[number], at=LATE)
        assert not outcome.accepted and outcome.reason == "late"
    refused = service.advance.receive_envelope(issue.envelope_codes[unsigned], signed=False, at=ON_TIME)
    assert not refused.accepted and refused.reason == "unsigned"
    stranger = service.advance.receive_envelope("CVM1-NOTHERE-ZZ-1234567890", at=ON_TIME)
    assert not stranger.accepted and stranger.reason == "unknown"

    # Opening is its own step; the papers are mixed, then read in an order unrelated to the envelopes.
    assert service.advance.open_envelopes() == 90
    chance.shuffle(opened_papers)
    for item, code, marks in opened_papers:
        serial = stacks[(item, code)].pop()
        outcome = service.advance.record_paper(qr_of[(item, code)].qr_text(serial), marks)
        assert outcome.accepted, outcome.message_en
    # A paper from an envelope refused or never opened is not counted: there is no opened envelope left for it.
    spare = stacks[(1, "PS")].pop()
    extra = service.advance.record_paper(qr_of[(1, "PS")].qr_text(spare), [1])
    assert not extra.accepted and extra.reason == "no-opened-envelope"

    # At the meeting: 20 directed proxies (members 51-60 and 201-210), entered from their signed forms.
    service.voting.open_vote(1, not_quorate_reason="test meeting: nobody checked in")
    service.voting.open_vote(2, not_quorate_reason="test meeting: nobody checked in")
    holders = [number_of(i) for i in (100, 101, 102, 250, 251, 252)]
    directed = [number_of(i) for i in list(range(51, 61)) + list(range(201, 211))]
    discretion_on_2 = set(directed[::5])  # 4 of them leave the election to their holder
    for position, number in enumerate(directed):
        holder = None if position % 2 == 0 else holders[(position // 2) % len(holders)]
        directions: dict[int, str | list[int]] = {1: RESOLUTION_WORDS[intended.resolution[number]]}
        directions[2] = "discretion" if number in discretion_on_2 else intended.ranking[number]
        assert service.advance.enter_directed_proxy(number, holder, directions) == []
        counted_for[number] = {1} if number in discretion_on_2 else {1, 2}
    service.desk.appoint_proxy(number_of(62), holders[0])  # holders[0] now holds 3: the limit
    with pytest.raises(RuleError, match="already holds 3 proxies"):
        service.advance.enter_directed_proxy(number_of(61), holders[0], {1: "for"})
    standing = service.advance.standing(directed[1])
    assert standing.directed_items == (1, 2) and standing.advance_items == ()
    assert service.advance.standing(returned_in_time[0]).advance_items == (1, 2)

    # Room papers: enough for everyone who may still need one.
    room: dict[tuple[int, str], list[int]] = {}
    room_batches = {}
    for item in (1, 2):
        for code in ("PS", "EMP"):
            batch = service.papers.add_paper_batch(item, code, SIZE // 2)
            room[(item, code)] = list(batch.serials)
            room_batches[(item, code)] = batch
    ballot_box: list[tuple[int, str, list[int]]] = []

    def vote_in_room(number: str, items: tuple[int, ...], voter_class: str) -> None:
        for item in items:
            marks = [intended.resolution[number]] if item == 1 else intended.ranking[number]
            ballot_box.append((item, voter_class, marks))
            counted_for.setdefault(number, set()).add(item)

    # Everyone not yet voted and not a proxy giver comes to the room, as do the late and the never-returned.
    in_room = [
        number_of(i)
        for i in range(1, SIZE + 1)
        if number_of(i) not in counted_for and number_of(i) not in directed and number_of(i) != unsigned
    ]
    in_room.append(unsigned)  # refused envelope: they may vote in the room instead
    for number in in_room:
        service.desk.check_in(number)
        packs = service.desk.issue_pack(number)
        for pack in packs:
            vote_in_room(pack.for_member, pack.items, pack.class_code)
    # Members who voted in advance try again at the desk: checked in, but no paper for what they voted on.
    for number in returned_in_time[:6]:
        service.desk.check_in(number)
        with pytest.raises(RuleError, match="already"):
            service.desk.issue_pack(number)
    # A directed appointer who turns up cancels the proxy; votes already entered stand, and they get no paper
    # for an item they directed; one with discretion on item 2 gets that paper only.
    came = sorted(discretion_on_2)[0]
    service.desk.check_in(came)
    packs = service.desk.issue_pack(came)
    assert [(p.for_member, p.items) for p in packs] == [(came, (2,))]
    vote_in_room(came, (2,), packs[0].class_code)
    # The holders' papers for discretionary election votes of the other three: they vote as they see fit,
    # which here is as the appointer would have.
    for number in sorted(discretion_on_2 - {came}):
        assert number in directed
    for holder in holders:
        for pack in service.desk.issue_pack(holder) if holder not in in_room else []:
            vote_in_room(pack.for_member, pack.items, pack.class_code)

    chance.shuffle(ballot_box)
    for item, code, marks in ballot_box:
        serial = room[(item, code)].pop()
        outcome = service.tellers.record_paper(room_batches[(item, code)].qr_text(serial), marks)
        assert outcome.accepted, outcome.message_en
    service.voting.close_vote(1)
    service.voting.close_vote(2)
    return service, intended, counted_for


@pytest.fixture(scope="module")
def held(tmp_path_factory: pytest.TempPathFactory) -> tuple[MeetingService, Intentions, dict[str, set[int]], Path]:
    folder = tmp_path_factory.mktemp("advance")
    service, intended, counted_for = run_meeting(folder)
    return service, intended, counted_for, folder


def test_count_equals_an_independent_tally_of_intended_votes(
    held: tuple[MeetingService, Intentions, dict[str, set[int]], Path],
) -> None:
    service, intended, counted_for, _folder = held
    expected: dict[str, Counter[int]] = {"PS": Counter(), "EMP": Counter()}
    rankings: dict[str, Counter[tuple[int, ...]]] = {"PS": Counter(), "EMP": Counter()}
    for number, items in counted_for.items():
        code = class_of(int(number[1:]))
        if 1 in items:
            expected[code][intended.resolution[number]] += 1
        if 2 in items:
            rankings[code][tuple(m - 1 for m in intended.ranking[number])] += 1
    result = service.results.item_result(1)
    assert result.resolution is not None
    for code in ("PS", "EMP"):
        found = tuple(result.papers_by_option[option - 1][code] for option in (1, 2, 3))
        assert found == (expected[code][1], expected[code][2], expected[code][3]), code
    election = service.results.item_result(2)
    assert election.election is not None
    ballots = [Ballot(r, Fraction(n)) for code in ("PS", "EMP") for r, n in sorted(rankings[code].items())]
    own = get_rule("scottish-stv").count(
        Election(candidates=("Siân", "Rhodri", "Aled", "Nia"), seats=2, ballots=tuple(ballots), title="x"),
        CountOptions(seed=election.seed or 0),
    )
    assert election.election.elected_names == own.elected_names
    assert sum(election.papers_by_class.values()) == sum(rankings[c].total() for c in rankings)


def test_no_member_votes_twice_and_every_source_is_reconciled(
    held: tuple[MeetingService, Intentions, dict[str, set[int]], Path],
) -> None:
    service, _intended, counted_for, _folder = held
    with service.record.reading() as session:
        votes_per_member_item = [
            n for _member, _item, n in session.execute(
                select(PaperIssue.member_id, PaperIssue.item_id, func.count()).group_by(PaperIssue.member_id, PaperIssue.item_id)
            )
        ]  # fmt: skip
    assert votes_per_member_item and max(votes_per_member_item) == 1
    voters_on_1 = sum(1 for items in counted_for.values() if 1 in items)
    assert service.results.item_result(1).total_papers == voters_on_1
    rows = {row.class_code: row for row in service.results.reconciliation(1)}
    ps, emp = rows["PS"].sources, rows["EMP"].sources
    assert ps["packs_issued"] == 50 and emp["packs_issued"] == 50
    assert ps["envelopes_accepted"] + emp["envelopes_accepted"] == 90
    assert ps["advance_papers"] + emp["advance_papers"] == 90
    assert ps["proxy_directed"] + emp["proxy_directed"] == 20
    assert ps["directed_votes"] + emp["directed_votes"] == 20
    refused = Counter(ps["refused"]) + Counter(emp["refused"])
    assert refused == Counter({"duplicate": 1, "late": 5, "unsigned": 1})
    for row in rows.values():
        assert not row.problems, row


@pytest.fixture(scope="module")
def archive(held: tuple[MeetingService, Intentions, dict[str, set[int]], Path]) -> Path:
    service, _intended, _counted, folder = held
    for item in (1, 2):
        service.results.declare(item, "the chair", reconciliation_reason="test meeting: papers recorded without packs")
    return export_meeting(folder / "advance.coopvote", folder / "advance.zip").path


def test_archive_recounts_advance_and_directed_votes(archive: Path) -> None:
    report = verify_archive(archive)  # raises Discrepancy, naming it, on any difference
    assert report.items_recounted == 2
    assert any(str(check).startswith("item 1: recounted") for check in report.checks), report.checks


def test_a_changed_directed_tally_or_advance_list_in_the_archive_is_caught(archive: Path) -> None:
    with zipfile.ZipFile(archive) as opened:
        results = json.loads(opened.read("results.json"))
        ballots = read_ballots_csv(opened.read("ballots/item-01.csv"), "item-01.csv")
    entry = next(e for e in results["items"] if e["number"] == 1)
    definition, declared = entry["definition"], entry["declaration"]["result"]
    assert first_difference(declared, recount(definition, ballots)) is None
    assert sources_problem(definition, entry["reconciliation"], ballots) is None
    moved = copy.deepcopy(definition)
    key = next(iter(moved["directed"]["PS"]))
    moved["directed"]["PS"][key] += 1
    assert first_difference(declared, recount(moved, ballots)) is not None
    assert "directed votes" in str(sources_problem(moved, entry["reconciliation"], ballots) or "")
    fewer = copy.deepcopy(definition)
    fewer["advance_serials"] = fewer["advance_serials"][1:]
    assert "advance papers" in str(sources_problem(fewer, entry["reconciliation"], ballots) or "")
