"""A ranked election of one or two candidates still gets its whole rehearsal deck (faint and over-voted
papers drawn for a grid that small), and the deck's reading passes; a resolution whose slips cannot be
tested says so naming the item, not with a library's error."""

from __future__ import annotations

import random
from pathlib import Path
from types import SimpleNamespace

import pytest

from coopvote.errors import RuleError
from coopvote.meeting.spec import parse_spec
from coopvote.service import MeetingService
from coopvote.service.rehearsal import KEY_NAME
from coopvote.service.rehearsal_deck import TWO_SLIPS_SCENARIO, DeckPlan, plan_slips
from tests.helpers import SMALL_REGISTER, SMALL_SPEC

THREE_CANDIDATES = (
    'candidates = [{ name = "Siân ap Gwŷn", class = "PS" }, { name = "Rhodri Evans", class = "EMP" }, "Aled Thomas"]'
)


def _meeting(folder: Path, candidates: str) -> MeetingService:
    spec = SMALL_SPEC.replace(THREE_CANDIDATES, f"candidates = [{candidates}]").replace("seats = 2", "seats = 1")
    service = MeetingService.create(folder / "few.coopvote", parse_spec(spec, "few.toml"), station="test")
    service.setup.import_register(SMALL_REGISTER.encode("utf-8"), "members.csv")
    return service


@pytest.mark.parametrize("candidates", ['"Aled Thomas"', '"Aled Thomas", "Nia Huws"'], ids=["one", "two"])
def test_a_ranked_election_of_few_candidates_is_rehearsed_whole(tmp_path: Path, candidates: str) -> None:
    service = _meeting(tmp_path, candidates)
    try:
        prepared = service.rehearsal.prepare(tmp_path / "deck")
        plan = DeckPlan.load(prepared.folder / KEY_NAME)
        scenarios = {sheet.scenario for sheet in plan.sheets if sheet.item == 2}
        assert {"clear", "faint", "over-voted", "blank", "spoilt"} <= scenarios
        report = service.rehearsal.check(prepared.folder, [prepared.deck])
        assert report.problems == []
        assert report.passed
    finally:
        service.close()


def test_slips_of_a_one_option_item_are_refused_naming_the_item() -> None:
    sheet = SimpleNamespace(item=SimpleNamespace(number=4, choices=("For",)))
    with pytest.raises(RuleError, match="item 4 has one option") as refused:
        plan_slips(sheet, TWO_SLIPS_SCENARIO, random.Random(1))
    assert "eitem 4" in refused.value.render("cy")
