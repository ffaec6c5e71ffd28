"""An election declared unopposed at the close of nominations has no papers: its archive must still verify,
public and private, and the verifier must refuse a declaration the definition does not bear out."""

from __future__ import annotations

from pathlib import Path

import pytest

from coopvote.export.archive import PRIVATE, PUBLIC, build_archive
from coopvote.export.content import BallotRow, collect
from coopvote.export.unopposed import declared_unopposed, unopposed_problem
from coopvote.export.verify import verify_bytes
from tests.test_service_nominations import ON_TIME, meeting

DEFINITION = {"kind": "election", "seats": 1, "candidates": [{"name": "Rhodri Evans", "withdrawn": False}]}
DECLARED = {"election": {"elected": ["Rhodri Evans"], "uncontested": True, "seats": 1}}


@pytest.mark.parametrize("kind", [PUBLIC, PRIVATE])
def test_an_unopposed_election_exports_and_verifies(tmp_path: Path, kind: str) -> None:
    service = meeting(tmp_path, seats=1)
    service.nominations.nominate(1, "E1", "E2", "E3", received_on=ON_TIME)
    assert service.nominations.close(1, closed_by="Gareth Morgan").uncontested
    record = collect(service, audit=kind == PRIVATE)
    data, digest = build_archive(record, None, "2026-11-28T12:00:00+00:00", kind)
    report = verify_bytes(data, meeting_file=False)
    assert report.meeting_digest == digest
    assert report.items_recounted == 1 and report.ballots_recounted == 0
    service.close()


def test_a_true_unopposed_declaration_has_no_problem() -> None:
    assert declared_unopposed(DECLARED)
    assert not declared_unopposed({"election": {"elected": ["Rhodri Evans"]}})
    assert unopposed_problem(DECLARED, DEFINITION, []) == ""


def test_an_unopposed_declaration_with_papers_or_more_candidates_than_seats_is_refused() -> None:
    paper = BallotRow(item=1, class_code="EMP", serial=1, valid=True, reason="", marks=(1,))
    assert "holds 1 papers" in str(unopposed_problem(DECLARED, DEFINITION, [paper]))
    two = {**DEFINITION, "candidates": [{"name": "Rhodri Evans"}, {"name": "Aled Thomas"}]}
    assert "2 candidates stand for 1 seats" in str(unopposed_problem(DECLARED, two, []))
    other = {"election": {"elected": ["Aled Thomas"], "uncontested": True}}
    assert "standing candidates are ['Rhodri Evans']" in str(unopposed_problem(other, DEFINITION, []))
    assert "only an election" in str(unopposed_problem(DECLARED, {**DEFINITION, "kind": "resolution"}, []))
