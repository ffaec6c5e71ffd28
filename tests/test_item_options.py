"""Every option an item's definition sets reaches the count, the declaration and the verifier's recount.

Each test builds a real meeting from a TOML definition, records papers through the service, declares,
exports and verifies, so an option read in one place and ignored in another fails here.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from coopvote.errors import InputError, RuleError
from coopvote.export.archive import export_meeting
from coopvote.export.verify import verify_bytes
from coopvote.meeting.spec import parse_spec
from coopvote.service import MeetingService
from tests.helpers import SMALL_SPEC

CLASSES = """
[meeting]
name_cy = "Cyfarfod Prawf"
name_en = "Test Meeting"

[[classes]]
code = "PS"
name_cy = "Pobl a gefnogir"
name_en = "People supported"

[[classes]]
code = "EMP"
name_cy = "Gweithwyr"
name_en = "Employees"

[rules]
chair = "Gwen Morgan"
"""


def resolution_meeting(folder: Path, item_options: str, general: str = "") -> MeetingService:
    spec = CLASSES.replace("[rules]\n", f"[rules]\n{general}\n") + f"""
[[items]]
number = 1
kind = "resolution"
title_cy = "Penderfyniad"
title_en = "Resolution"
{item_options}
"""
    return MeetingService.create(folder / "m.coopvote", parse_spec(spec, "m.toml"), station="test")


def vote(service: MeetingService, item: int, marks_by_class: dict[str, list[int]]) -> None:
    """Record one paper per mark (1 for, 2 against, 3 abstain) in each class, then close the vote."""
    service.voting.open_vote(item, not_quorate_reason="test meeting: quorum not under test")
    for code, marks in marks_by_class.items():
        batch = service.papers.add_paper_batch(item, code, len(marks))
        for serial, mark in zip(batch.serials, marks, strict=True):
            assert service.tellers.record_paper(batch.qr_text(serial), [mark]).accepted
    service.voting.close_vote(item)


def export_and_verify(service: MeetingService, folder: Path) -> dict[str, object]:
    """Export the meeting, verify the archive, and return item 1's entry from results.json."""
    service.close()
    out = folder / "record.zip"
    export_meeting(folder / "m.coopvote", out)
    report = verify_bytes(out.read_bytes())
    assert report.items_recounted >= 1
    with zipfile.ZipFile(out) as archive:
        results = json.loads(archive.read("results.json"))
    return dict(results["items"][0])


def test_item_base_valid_reaches_the_count_and_the_recount(tmp_path: Path) -> None:
    # 6 for, 3 against, 2 abstaining at ">= 2/3": 66.7% of votes cast, but 54.5% of valid papers.
    service = resolution_meeting(tmp_path, 'threshold = ">= 2/3"\nbase = "valid"')
    vote(service, 1, {"PS": [1] * 6 + [2] * 3, "EMP": [3, 3]})
    result = service.results.item_result(1)
    assert result.resolution is not None
    assert result.resolution.base == "valid"
    assert not result.resolution.carried
    assert result.resolution.for_percent == "54.5"
    assert "valid papers" in result.outcome_en
    service.results.declare(1, "Returning Officer", reconciliation_reason="test meeting: papers recorded without packs issued")
    entry = export_and_verify(service, tmp_path)
    assert entry["declaration"]["result"]["resolution"]["carried"] is False  # type: ignore[index]


def test_item_base_cast_is_the_default(tmp_path: Path) -> None:
    service = resolution_meeting(tmp_path, 'threshold = ">= 2/3"')
    vote(service, 1, {"PS": [1] * 6 + [2] * 3, "EMP": [3, 3]})
    result = service.results.item_result(1)
    assert result.resolution is not None and result.resolution.carried
    assert result.resolution.for_percent == "66.7"
    service.close()


def test_item_tie_casting_vote_asks_for_and_uses_the_chairs_vote(tmp_path: Path) -> None:
    service = resolution_meeting(tmp_path, 'tie = "casting-vote"', general='tie = "lost"')
    vote(service, 1, {"PS": [1, 2], "EMP": [1, 2]})
    with pytest.raises(InputError, match="casting vote"):
        service.results.item_result(1)
    service.results.set_casting_vote(1, "for", "Gwen Morgan")
    result = service.results.item_result(1)
    assert result.resolution is not None and result.resolution.carried
    assert result.resolution.tie is not None and result.resolution.tie.how == "casting-vote"
    assert "Gwen Morgan" in result.outcome_en
    service.results.declare(1, "Returning Officer", reconciliation_reason="test meeting: papers recorded without packs issued")
    entry = export_and_verify(service, tmp_path)
    assert entry["declaration"]["result"]["resolution"]["carried"] is True  # type: ignore[index]


def test_item_tie_overrides_the_meetings_and_the_meetings_is_the_default(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    service = resolution_meeting(tmp_path / "a", 'tie = "lost"', general='tie = "casting-vote"')
    vote(service, 1, {"PS": [1, 2], "EMP": [1, 2]})
    result = service.results.item_result(1)  # the item says lost: no casting vote is asked for
    assert result.resolution is not None and not result.resolution.carried
    assert result.resolution.tie is not None and result.resolution.tie.how == "lost"
    service.close()
    (tmp_path / "b").mkdir()
    inherited = resolution_meeting(tmp_path / "b", "", general='tie = "casting-vote"')
    vote(inherited, 1, {"PS": [1, 2], "EMP": [1, 2]})
    with pytest.raises(InputError, match="casting vote"):
        inherited.results.item_result(1)
    inherited.close()


def test_item_tie_by_lot_replays_in_the_recount(tmp_path: Path) -> None:
    service = resolution_meeting(tmp_path, 'tie = "lot"\nseed = 2026')
    vote(service, 1, {"PS": [1, 2], "EMP": [1, 2]})
    result = service.results.item_result(1)
    assert result.resolution is not None and result.resolution.tie is not None
    assert result.resolution.tie.how == "lot" and result.resolution.tie.seed == 2026
    service.results.declare(1, "Returning Officer", reconciliation_reason="test meeting: papers recorded without packs issued")
    entry = export_and_verify(service, tmp_path)
    declared = entry["declaration"]["result"]["resolution"]  # type: ignore[index]
    assert declared["carried"] is result.resolution.carried


def test_item_by_head_reaches_the_count_and_the_recount(tmp_path: Path) -> None:
    weighting = '[weighting]\nscheme = "fixed-value"\nvalues = { PS = 5, EMP = 1 }\n'
    spec_tail = 'threshold = "> 1/2"\nby_head = true'
    spec = CLASSES + weighting + """
[[items]]
number = 1
kind = "resolution"
title_cy = "Penderfyniad"
title_en = "Resolution"
""" + spec_tail
    service = MeetingService.create(tmp_path / "m.coopvote", parse_spec(spec, "m.toml"), station="test")
    # Weighted, PS's one paper for (5) beats EMP's three against (3); by head it is 1 for, 3 against.
    vote(service, 1, {"PS": [1], "EMP": [2, 2, 2]})
    result = service.results.item_result(1)
    assert result.resolution is not None and result.resolution.by_head
    assert not result.resolution.carried
    service.results.declare(1, "Returning Officer", reconciliation_reason="test meeting: papers recorded without packs issued")
    entry = export_and_verify(service, tmp_path)
    assert entry["declaration"]["result"]["resolution"]["by_head"] is True  # type: ignore[index]


def test_unknown_tie_or_base_is_refused_naming_the_item() -> None:
    for option, words in (('tie = "coin"', r"items\[1\]\.tie: 'coin'"), ('base = "present"', r"items\[1\]\.base: agenda item 1: base 'present'")):
        spec = SMALL_SPEC.replace('title_en = "Receive the accounts"', f'title_en = "Receive the accounts"\n{option}')
        with pytest.raises(InputError, match=words):
            parse_spec(spec, "small.toml")


# -- polls -----------------------------------------------------------------------------------------


def test_a_poll_demanded_and_not_yet_held_cannot_be_declared(tmp_path: Path) -> None:
    service = resolution_meeting(tmp_path, "")
    service.results.record_show_of_hands(1, {"PS": (3, 1, 0), "EMP": (2, 2, 0)})
    service.results.demand_poll(1, "Rhys Jones")
    result = service.results.item_result(1)
    assert result.resolution is not None and not result.resolution.stands
    assert "poll was demanded by Rhys Jones" in result.outcome_en
    assert "counted on a poll" not in result.outcome_en
    with pytest.raises(RuleError, match="poll was demanded on item 1 by Rhys Jones"):
        service.results.declare(1, "Returning Officer", reconciliation_reason="test meeting: papers recorded without packs issued")
    service.voting.open_vote(1, not_quorate_reason="test meeting: quorum not under test")
    batch = service.papers.add_paper_batch(1, "PS", 1)
    assert service.tellers.record_paper(batch.qr_text(batch.serials[0]), [1]).accepted
    with pytest.raises(RuleError, match="must be closed"):
        service.results.declare(1, "Returning Officer", reconciliation_reason="test meeting: papers recorded without packs issued")  # the poll is still open
    service.close()


def test_an_item_decided_by_a_poll_after_a_show_of_hands_verifies(tmp_path: Path) -> None:
    service = resolution_meeting(tmp_path, "")
    service.results.record_show_of_hands(1, {"PS": (3, 1, 0), "EMP": (2, 2, 0)})
    service.results.demand_poll(1, "Rhys Jones")
    vote(service, 1, {"PS": [2, 2, 1], "EMP": [2, 1]})
    result = service.results.item_result(1)
    assert result.resolution is not None and result.resolution.stands and result.resolution.mode == "poll"
    assert not result.resolution.carried
    assert "counted on a poll demanded by Rhys Jones" in result.outcome_en
    service.results.declare(1, "Returning Officer", reconciliation_reason="test meeting: papers recorded without packs issued")
    entry = export_and_verify(service, tmp_path)
    assert entry["declaration"]["result"]["resolution"]["mode"] == "poll"  # type: ignore[index]


def test_a_show_of_hands_with_no_poll_declares_and_verifies(tmp_path: Path) -> None:
    service = resolution_meeting(tmp_path, "")
    service.results.record_show_of_hands(1, {"*": (5, 2, 1)})
    result = service.results.item_result(1)
    assert result.resolution is not None and result.resolution.stands and result.resolution.carried
    service.results.declare(1, "Returning Officer", reconciliation_reason="test meeting: papers recorded without packs issued")
    entry = export_and_verify(service, tmp_path)
    assert entry["declaration"]["result"]["resolution"]["mode"] == "show-of-hands"  # type: ignore[index]


# -- the other per-item options --------------------------------------------------------------------


def test_item_weighting_override_reaches_the_count_and_the_recount(tmp_path: Path) -> None:
    spec = CLASSES + """
[weighting]
scheme = "fixed-value"
values = { PS = 5, EMP = 1 }

[[items]]
number = 1
kind = "resolution"
title_cy = "Penderfyniad"
title_en = "Resolution"
weighting = { scheme = "one-member-one-vote" }
"""
    service = MeetingService.create(tmp_path / "m.coopvote", parse_spec(spec, "m.toml"), station="test")
    # Under the meeting's values PS's one paper for (5) would beat three against (3); the item says omov.
    vote(service, 1, {"PS": [1], "EMP": [2, 2, 2]})
    result = service.results.item_result(1)
    assert result.resolution is not None and result.resolution.scheme == "one-member-one-vote"
    assert not result.resolution.carried and result.resolution.for_percent == "25.0"
    service.results.declare(1, "Returning Officer", reconciliation_reason="test meeting: papers recorded without packs issued")
    entry = export_and_verify(service, tmp_path)
    assert entry["declaration"]["result"]["resolution"]["for_share"] == "1/4"  # type: ignore[index]


def test_item_reserved_seats_and_seed_reach_the_count_and_the_recount(tmp_path: Path) -> None:
    spec = CLASSES + """
[[items]]
number = 1
kind = "election"
title_cy = "Ethol"
title_en = "Elect"
method = "block"
seats = 2
seed = 7
candidates = [{ name = "Aled", class = "EMP" }, { name = "Bethan", class = "EMP" }, { name = "Carys", class = "PS" }]
reserved = { PS = { min = 1 } }
"""
    service = MeetingService.create(tmp_path / "m.coopvote", parse_spec(spec, "m.toml"), station="test")
    service.voting.open_vote(1, not_quorate_reason="test meeting: quorum not under test")
    batch = service.papers.add_paper_batch(1, "EMP", 4)
    for serial, marks in zip(batch.serials, ([1, 2], [1, 2], [1, 2], [1, 3]), strict=True):
        assert service.tellers.record_paper(batch.qr_text(serial), marks).accepted
    service.voting.close_vote(1)
    result = service.results.item_result(1)
    assert result.seed == 7
    assert result.election is not None and result.election.elected_names == ["Aled", "Carys"]  # Bethan passed over
    service.results.declare(1, "Returning Officer", reconciliation_reason="test meeting: papers recorded without packs issued")
    entry = export_and_verify(service, tmp_path)
    assert entry["declaration"]["result"]["election"]["elected"] == ["Aled", "Carys"]  # type: ignore[index]
