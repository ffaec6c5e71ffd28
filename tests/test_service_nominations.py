"""Nominations: proposer and seconder checked against the register, closing date, statements, ballot
order, uncontested seats, and a withdrawal after the papers are printed."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from coopvote.errors import InputError, RuleError
from coopvote.meeting.spec import parse_spec
from coopvote.record.models import MEMBER_TABLES
from coopvote.service import MeetingService

SPEC = """
[meeting]
name_cy = "Cyfarfod Cyffredinol"
name_en = "General Meeting"
date = 2026-11-28

[[classes]]
code = "PS"
name_cy = "Pobl a gefnogir"
name_en = "People supported"

[[classes]]
code = "EMP"
name_cy = "Gweithwyr"
name_en = "Employees"

[weighting]
privacy_minimum = 1

[[items]]
number = 1
kind = "election"
title_cy = "Ethol y Cyngor"
title_en = "Elect the Council"
method = "{method}"
seats = {seats}
nominations = {{ closes = 2026-11-01, word_limit = 12, order = "{order}" }}
"""

REGISTER = (
    "membership number,name,class,vote value,status\n"
    "P1,Siân ap Gwŷn,PS,1,active\n"
    "P2,Dafydd Llwyd,PS,1,active\n"
    "P3,Mair Jones,PS,1,lapsed\n"
    "P4,Aled Thomas,PS,1,active\n"
    "E1,Rhodri Evans,EMP,1,active\n"
    "E2,Catrin Davies,EMP,1,active\n"
    "E3,Tomos Prys,EMP,1,active\n"
    "E4,Ieuan Bowen,EMP,1,active\n"
)
ON_TIME = date(2026, 10, 20)


def meeting(tmp_path: Path, *, method: str = "fptp", seats: int = 1, order: str = "surname") -> MeetingService:
    spec = parse_spec(SPEC.format(method=method, seats=seats, order=order), "nominations.toml")
    service = MeetingService.create(tmp_path / "m.coopvote", spec)
    service.setup.import_register(REGISTER.encode("utf-8"), "members.csv")
    return service


def test_the_nomination_table_knows_members_and_is_classified() -> None:
    assert "nomination" in MEMBER_TABLES


def test_refusals_name_the_reason(tmp_path: Path) -> None:
    service = meeting(tmp_path)
    nominations = service.nominations
    with pytest.raises(RuleError, match="after nominations for item 1 closed on 2026-11-01"):
        nominations.nominate(1, "E1", "E2", "E3", received_on=date(2026, 11, 2))
    with pytest.raises(RuleError, match="the seconder, Mair Jones \\(P3\\), is not a current member"):
        nominations.nominate(1, "P1", "P2", "P3", received_on=ON_TIME)
    with pytest.raises(RuleError, match="the proposer, Siân ap Gwŷn \\(P1\\), is in class PS, not in the "
                                        "candidate's class EMP"):
        nominations.nominate(1, "E1", "P1", "E3", received_on=ON_TIME)
    with pytest.raises(RuleError, match="the proposer, membership number 'X9', is not on the register"):
        nominations.nominate(1, "E1", "X9", "E3", received_on=ON_TIME)
    with pytest.raises(RuleError, match="three different members"):
        nominations.nominate(1, "E1", "E1", "E3", received_on=ON_TIME)
    with pytest.raises(RuleError, match="the statement in English has 13 words; the limit is 12"):
        nominations.nominate(1, "E1", "E2", "E3", received_on=ON_TIME, statement_en=" ".join(["word"] * 13))
    nominations.nominate(1, "E1", "E2", "E3", received_on=ON_TIME)
    with pytest.raises(RuleError, match="already nominated"):
        nominations.nominate(1, "E1", "E2", "E4", received_on=ON_TIME)
    assert [n.name for n in nominations.nominations(1)] == ["Rhodri Evans"]


def test_the_ballot_is_alphabetical_by_surname_and_one_seat_one_candidate_is_unopposed(tmp_path: Path) -> None:
    service = meeting(tmp_path, seats=1)
    service.nominations.nominate(1, "E1", "E2", "E3", received_on=ON_TIME, statement_cy="Rwy'n sefyll.",
                                 statement_en="I am standing.")
    closed = service.nominations.close(1, closed_by="Gareth Morgan")
    assert closed.uncontested and closed.elected == ("Rhodri Evans",)
    item = service.setup.meeting().item(1)
    assert item.status == "declared" and [c.name for c in item.candidates] == ["Rhodri Evans"]
    from coopvote.export.content import collect
    from coopvote.reports.declaration import render_declaration

    record = collect(service)
    import pypdfium2 as pdfium

    page = pdfium.PdfDocument(render_declaration(record, record.item(1)))[0]
    words = " ".join(page.get_textpage().get_text_range().split())
    assert "Elected unopposed, without a vote" in words and "Rhodri Evans" in words
    with pytest.raises(RuleError, match="already closed"):
        service.nominations.close(1)
    with pytest.raises(RuleError, match="have closed"):
        service.nominations.nominate(1, "E4", "E2", "E3", received_on=ON_TIME)


def test_a_contested_ballot_in_surname_order_then_a_withdrawal_after_printing(tmp_path: Path) -> None:
    service = meeting(tmp_path, method="block", seats=2)
    for candidate, proposer, seconder in (("E1", "E2", "E3"), ("P4", "P1", "P2"), ("E4", "E2", "E3")):
        service.nominations.nominate(1, candidate, proposer, seconder, received_on=ON_TIME)
    closed = service.nominations.close(1)
    assert not closed.uncontested
    # Bowen, Evans, Thomas
    assert closed.order == ("Ieuan Bowen", "Rhodri Evans", "Aled Thomas")
    item = service.setup.meeting().item(1)
    assert [(c.name, c.class_code) for c in item.candidates] == [
        ("Ieuan Bowen", "EMP"), ("Rhodri Evans", "EMP"), ("Aled Thomas", "PS")]
    batch = service.papers.add_paper_batch(1, "EMP", 4)
    service.nominations.withdraw(1, "E4", "written notice received 27 November")
    assert service.setup.meeting().item(1).candidates[0].withdrawn
    service.voting.open_vote(1, not_quorate_reason="test meeting: nobody checked in")
    serials = list(batch.serials)
    for marks in ([1], [1, 2], [2, 3], [2]):  # the first paper marks only the withdrawn candidate
        assert service.tellers.record_paper(batch.qr_text(serials.pop()), marks).accepted
    service.voting.close_vote(1)
    result = service.results.item_result(1)
    assert result.election is not None
    elected = [result.option_labels[i][1] for i in result.election.elected]
    assert elected == ["Rhodri Evans", "Aled Thomas"]
    assert "Ieuan Bowen" not in elected


def test_ballot_order_by_lot_keeps_its_seed_in_the_audit(tmp_path: Path) -> None:
    service = meeting(tmp_path, method="block", seats=2, order="lot")
    for candidate, proposer, seconder in (("E1", "E2", "E3"), ("P4", "P1", "P2"), ("E4", "E2", "E3")):
        service.nominations.nominate(1, candidate, proposer, seconder, received_on=ON_TIME)
    closed = service.nominations.close(1)
    assert closed.rule == "lot" and closed.seed is not None
    import random

    from coopvote.service.nominations import surname_key

    replay = sorted(["Rhodri Evans", "Aled Thomas", "Ieuan Bowen"], key=surname_key)
    random.Random(closed.seed).shuffle(replay)
    assert tuple(replay) == closed.order


def test_an_election_needs_candidates_or_nominations() -> None:
    text = SPEC.format(method="fptp", seats=1, order="surname").replace(
        'nominations = { closes = 2026-11-01, word_limit = 12, order = "surname" }',
        'nominations = { closes = "soon", order = "by shoe size" }')
    with pytest.raises(InputError) as refused:
        parse_spec(text, "bad.toml")
    assert "nominations.closes" in str(refused.value) and "nominations.order" in str(refused.value)
