"""Advance papers and directed proxies on items counted by members' own values (``per_member``, issue 13).

A directed vote has no paper, so it carries the member's value band itself (the band the desk would have
printed on the member's paper); an advance pack holds papers of the member's band. The whole flow (packs,
envelopes, directed forms, the room, an amendment, count, declare, export, verify) must give the weighted
totals a tally made here, from register values and choices, gives.
"""

from __future__ import annotations

import json
import random
import sqlite3
import zipfile
from collections import Counter
from fractions import Fraction
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from coopvote.ballots.qrcodec import decode
from coopvote.counting.model import Ballot, CountOptions, Election
from coopvote.counting.rules import get_rule
from coopvote.errors import InputError, RuleError
from coopvote.export.archive import export_meeting
from coopvote.export.content import read_ballots_csv
from coopvote.export.recount import first_difference, recount
from coopvote.export.verify import verify_archive, verify_bytes
from coopvote.service import MeetingService
from tests.per_member_advance import ON_TIME, REGISTER, VOTERS, WORDS, Voter, by_road, new_meeting, weighted
from tests.test_export_archive import members_of

CANDIDATES = ("Siân ap Gwŷn", "Rhodri Evans", "Aled Thomas")


def _pdf_text(path: Path) -> list[str]:
    document = pdfium.PdfDocument(str(path))
    try:
        return [document[i].get_textpage().get_text_range() for i in range(len(document))]
    finally:
        document.close()


def _hold_meeting(folder: Path) -> tuple[MeetingService, dict[int, str]]:
    """Every road, then the amendment, then both votes closed; returns the service and the close codes."""
    service = new_meeting(folder)
    advance = by_road("advance")
    issue = service.advance.issue_packs([v.number for v in advance])
    assert issue.bands == {v.number: Fraction(v.value) for v in advance}
    stacks = {(b.item, b.class_code, b.band): list(b.serials) for b in issue.batches}
    batch_of = {(b.item, b.class_code, b.band): b for b in issue.batches}
    for voter in advance:
        assert service.advance.receive_envelope(issue.envelope_codes[voter.number], at=ON_TIME).accepted
    assert service.advance.open_envelopes() == len(advance)
    chance = random.Random(5)
    pile = [(voter, item) for voter in advance for item in (1, 2)]
    chance.shuffle(pile)  # the opened papers are mixed before they are read
    for voter, item in pile:
        key = (item, voter.class_code, Fraction(voter.value))
        marks = [voter.resolution] if item == 1 else list(voter.ranking)
        outcome = service.advance.record_paper(batch_of[key].qr_text(stacks[key].pop()), marks)
        assert outcome.accepted, outcome.message_en

    for voter in by_road("directed"):
        assert service.advance.enter_directed_proxy(voter.number, None, {1: WORDS[voter.resolution], 2: list(voter.ranking)}) == []

    service.voting.open_vote(1, not_quorate_reason="test meeting: quorum not under test")
    service.voting.open_vote(2, not_quorate_reason="test meeting: quorum not under test")
    for voter in by_road("room"):
        service.desk.check_in(voter.number)
        (pack,) = service.desk.issue_pack(voter.number)
        assert pack.band == voter.value
        for item, marks in ((1, [voter.resolution]), (2, list(voter.ranking))):
            batch = service.papers.add_paper_batch(item, voter.class_code, 1, band=Fraction(voter.value))
            assert service.tellers.record_paper(batch.qr_text(batch.serials[0]), marks).accepted
    assert service.advance.mark_amended(1, "the chair") == "against"
    codes = {item: service.voting.close_vote(item) for item in (1, 2)}
    return service, codes


def _counted_as(voter: Voter) -> int:
    """What the member's vote on item 1 counts as: an advance vote on the amended resolution is against."""
    return 2 if voter.road == "advance" else voter.resolution


def test_per_member_meeting_with_directed_and_advance_votes_counts_declares_exports_and_verifies(tmp_path: Path) -> None:
    service, codes = _hold_meeting(tmp_path)

    # The resolution, tallied here from register values and choices (after the amendment rule).
    counted = [Voter(v.number, v.class_code, v.value, v.road, _counted_as(v), v.ranking) for v in VOTERS]
    result = service.results.item_result(1)
    assert result.resolution is not None
    total = result.resolution.total
    assert (total.weighted_for, total.weighted_against, total.weighted_abstentions) == (
        weighted(counted, 1), weighted(counted, 2), weighted(counted, 3)
    ) == (Fraction(5), Fraction(24), Fraction(1))
    assert result.directed == {"EMP": {"1 @1": 1, "2 @2": 1, "2 @5": 1}, "PS": {"1 @2": 1, "3 @1": 1}}
    # Every vote, directed ones included, is in the per-band figures (small bands merged).
    assert sum(row.papers for row in result.bands) == len(VOTERS)
    assert all(row.papers >= 3 for row in result.bands)

    # The election: weighted first preferences and the elected, from the test's own STV count.
    election = service.results.item_result(2)
    assert election.election is not None
    for candidate in range(3):
        expected = sum(Fraction(v.value) for v in VOTERS if v.ranking[0] == candidate + 1)
        assert Fraction(election.election.stages[0].totals[candidate]) == expected
    grouped: Counter[tuple[int, ...]] = Counter()
    for voter in VOTERS:
        grouped[tuple(m - 1 for m in voter.ranking)] += voter.value
    own = get_rule("scottish-stv").count(
        Election(candidates=CANDIDATES, seats=2, ballots=tuple(Ballot(r, Fraction(n)) for r, n in sorted(grouped.items())),
                 title="x"),
        CountOptions(seed=election.seed or 0),
    )  # fmt: skip
    assert election.election.elected_names == own.elected_names

    rows = {row.class_code: row.sources for row in service.results.reconciliation(1)}
    for code in ("EMP", "PS"):
        voters = [v for v in VOTERS if v.class_code == code]
        assert rows[code]["directed_votes"] == rows[code]["proxy_directed"] == sum(v.road == "directed" for v in voters)
        assert rows[code]["advance_papers"] == rows[code]["envelopes_accepted"] == sum(v.road == "advance" for v in voters)

    for item in (1, 2):
        service.results.declare(item, "Returning officer", reconciliation_reason="test meeting: room papers printed one by one")
    service.close()

    export_meeting(tmp_path / "shares.coopvote", tmp_path / "record.zip", tmp_path / "record-PRIVATE.zip")
    public = (tmp_path / "record.zip").read_bytes()
    report = verify_bytes(public)
    assert report.items_recounted == 2
    for code in codes.values():
        verify_bytes(public, code=code)
        verify_archive(tmp_path / "record-PRIVATE.zip", code=code)

    # The public archive alone: the directed tally with its bands, and the recount's weighted totals.
    with zipfile.ZipFile(tmp_path / "record.zip") as opened:
        results = json.loads(opened.read("results.json"))
        ballots = read_ballots_csv(opened.read("ballots/item-01.csv"), "item-01.csv")
    entry = next(e for e in results["items"] if e["number"] == 1)
    assert entry["definition"]["directed"] == {"EMP": {"1 @1": 1, "2 @2": 1, "2 @5": 1}, "PS": {"1 @2": 1, "3 @1": 1}}
    recounted = recount(entry["definition"], ballots)
    assert first_difference(entry["declaration"]["result"], recounted) is None
    assert [recounted["options"][i]["weighted"] for i in range(3)] == [
        {"EMP": "2.000000", "PS": "3.000000"}, {"EMP": "16.000000", "PS": "8.000000"}, {"EMP": "0.000000", "PS": "1.000000"},
    ]  # fmt: skip
    assert sum(row["papers"] for row in recounted["bands"]) == len(VOTERS)


def test_a_directed_vote_moved_to_another_band_in_the_archive_is_caught_by_the_recount(tmp_path: Path) -> None:
    service, _codes = _hold_meeting(tmp_path)
    service.results.declare(1, "Returning officer", reconciliation_reason="test meeting: room papers printed one by one")
    service.close()
    export_meeting(tmp_path / "shares.coopvote", tmp_path / "record.zip", private=False)
    members = members_of((tmp_path / "record.zip").read_bytes())
    results = json.loads(dict(members)["results.json"])
    entry = next(e for e in results["items"] if e["number"] == 1)
    ballots = read_ballots_csv(dict(members)["ballots/item-01.csv"], "item-01.csv")
    heavier = json.loads(json.dumps(entry["definition"]))
    heavier["directed"]["EMP"] = {"1 @5": 1, "2 @2": 1, "2 @5": 1}  # E02's vote for, now worth 5
    assert "weighted" in str(first_difference(entry["declaration"]["result"], recount(heavier, ballots)) or "")
    unbanded = json.loads(json.dumps(entry["definition"]))
    unbanded["directed"]["EMP"] = {"1": 1, "2 @2": 1, "2 @5": 1}
    with pytest.raises(InputError, match=r"item 1, class EMP: a directed proxy vote \(marks 1\) carries no value band"):
        recount(unbanded, ballots)


def test_a_directed_vote_weighs_the_members_value_band(tmp_path: Path) -> None:
    service = new_meeting(tmp_path)
    service.advance.enter_directed_proxy("E08", None, {1: "against", 2: "discretion"})
    service.advance.enter_directed_proxy("P02", None, {1: "for"})
    result = service.results.item_result(1)
    assert result.resolution is not None
    assert (result.resolution.total.weighted_for, result.resolution.total.weighted_against) == (1, 5)
    assert result.directed == {"EMP": {"2 @5": 1}, "PS": {"1 @1": 1}}


def test_a_member_of_value_0_is_refused_a_directed_vote_and_an_advance_pack_by_name(tmp_path: Path) -> None:
    service = new_meeting(tmp_path, REGISTER + "Z01,Member Z01,EMP,0\n")
    with pytest.raises(RuleError, match=r"member Z01 \(Member Z01\) has the vote value 0 and item 1 .*a directed proxy vote cannot be counted"):
        service.advance.enter_directed_proxy("Z01", None, {1: "for"})
    with pytest.raises(RuleError, match=r"member Z01 \(Member Z01\) has the vote value 0 and item 1 .*no advance pack can hold"):
        service.advance.issue_packs(["E01", "Z01"])
    assert service.advance.standing("Z01").directed_items == ()
    assert service.advance.envelope_counts()["packs"] == 0  # refused before anything was recorded


def test_advance_packs_are_printed_per_value_band_and_the_envelope_names_the_band(tmp_path: Path) -> None:
    service = new_meeting(tmp_path)
    issue = service.advance.issue_packs(["E01", "E02", "E07", "P06"])
    assert sorted((b.item, b.class_code, b.band, len(b.serials)) for b in issue.batches) == [
        (1, "EMP", 1, 2), (1, "EMP", 5, 1), (1, "PS", 5, 1), (2, "EMP", 1, 2), (2, "EMP", 5, 1), (2, "PS", 5, 1),
    ]  # fmt: skip
    for batch in issue.batches:
        assert decode(batch.qr_text(batch.serials[0]), batch.secret, batch.meeting_code).band == batch.band
    written = service.advance.print_issue(issue, tmp_path / "packs")
    assert sorted(p.name for p in written) == [
        "advance-envelopes.pdf", "advance-papers-EMP-W1.pdf", "advance-papers-EMP-W5.pdf", "advance-papers-PS-W5.pdf",
    ]  # fmt: skip
    envelopes = _pdf_text(tmp_path / "packs" / "advance-envelopes.pdf")
    assert "1 pleidlais / 1 vote" in envelopes[0] and "E01" in envelopes[0]
    assert "5 o bleidleisiau / 5 votes" in envelopes[2] and "E07" in envelopes[2]
    papers = _pdf_text(tmp_path / "packs" / "advance-papers-EMP-W5.pdf")
    assert len(papers) == 2 and all("5 votes" in page for page in papers)


def test_a_paper_of_another_band_cannot_stand_in_for_an_opened_envelope(tmp_path: Path) -> None:
    service = new_meeting(tmp_path)
    issue = service.advance.issue_packs(["E01", "E07"])
    assert service.advance.receive_envelope(issue.envelope_codes["E01"], at=ON_TIME).accepted
    service.advance.open_envelopes()  # E07's envelope never came back: its band-5 papers are not votes
    band = {(b.item, b.band): b for b in issue.batches}
    five, one = band[(1, Fraction(5))], band[(1, Fraction(1))]
    refused = service.advance.record_paper(five.qr_text(five.serials[0]), [1])
    assert not refused.accepted and refused.reason == "no-opened-envelope"
    assert "papers of 5 votes" in refused.message_en
    assert service.advance.record_paper(one.qr_text(one.serials[0]), [1]).accepted


def test_a_directed_vote_without_its_band_in_the_meeting_file_is_not_counted_at_weight_1(tmp_path: Path) -> None:
    """A tally key stripped of its band (the shape before directed votes carried one) keeps the vote count, so
    the chain's replay cannot tell; the count refuses it rather than weigh the member's vote as 1."""
    service = new_meeting(tmp_path)
    service.advance.enter_directed_proxy("E08", None, {1: "against"})
    service.close()
    with sqlite3.connect(tmp_path / "shares.coopvote") as connection:
        connection.execute("UPDATE directed_tally SET tally = ?", (json.dumps({"2": 1}),))
    reopened = MeetingService.open(tmp_path / "shares.coopvote", backups=False)
    try:
        with pytest.raises(RuleError, match=r"item 1, class EMP: a directed proxy vote \(marks 2\) carries no value band"):
            reopened.results.item_result(1)
    finally:
        reopened.close()
