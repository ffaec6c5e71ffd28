"""Small classes: below the privacy minimum, per-class figures are merged in every public output.

Counted per class first, merged after: the totals, the quota and the outcome never change. The chair may
choose to publish every class; that choice is audited and kept with the item.
"""

from __future__ import annotations

import json
import zipfile
from fractions import Fraction
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select

from coopvote.cli import main as cli
from coopvote.counting.privacy import ALL_CLASSES, class_groups, merge_figures, merged_classes
from coopvote.errors import RuleError
from coopvote.export.archive import export_meeting
from coopvote.export.verify import verify_bytes
from coopvote.meeting.spec import parse_spec
from coopvote.record.models import AuditEntry
from coopvote.service import MeetingService

SPEC = """
[meeting]
name_cy = "Cyfarfod"
name_en = "Meeting"
date = 2026-11-28

[[classes]]
code = "A"
name_cy = "A"
name_en = "A"

[[classes]]
code = "B"
name_cy = "B"
name_en = "B"

[[classes]]
code = "INV"
name_cy = "Buddsoddwyr"
name_en = "Investors"

[weighting]
scheme = "one-member-one-vote"

[quorum]
absolute = 1

[[items]]
number = 1
kind = "resolution"
title_cy = "Cynnig"
title_en = "Motion"
"""


def test_no_small_class_means_nothing_merged() -> None:
    assert class_groups({"A": 6, "B": 5, "C": 0}, 5) == {"A": "A", "B": "B", "C": "C"}


def test_a_small_class_joins_the_smallest_other_until_the_group_is_big_enough() -> None:
    groups = class_groups({"A": 9, "B": 6, "INV": 1}, 5)
    assert groups == {"A": "A", "B": "B+INV", "INV": "B+INV"}
    assert merged_classes(groups) == {"B+INV": ["B", "INV"]}


def test_small_classes_together_big_enough_stand_as_one_group() -> None:
    assert class_groups({"A": 9, "B": 3, "C": 2}, 5) == {"A": "A", "B": "B+C", "C": "B+C"}


def test_two_classes_one_small_publish_totals_only() -> None:
    # Merging the small class with "the rest" alone would let the total minus the rest give it back.
    assert set(class_groups({"A": 30, "INV": 1}, 5).values()) == {ALL_CLASSES}


def test_the_chairs_choice_publishes_every_class() -> None:
    assert class_groups({"A": 30, "INV": 1}, 5, show_all=True) == {"A": "A", "INV": "INV"}


@given(st.dictionaries(st.sampled_from(["A", "B", "C", "D", "E"]), st.integers(0, 12), min_size=1), st.integers(1, 8))
def test_merging_keeps_every_total_and_leaves_no_small_group(voters: dict[str, int], minimum: int) -> None:
    groups = class_groups(voters, minimum)
    merged = merge_figures(voters, groups)
    assert sum(merged.values()) == sum(voters.values())
    assert all(count == 0 or count >= minimum for count in merged.values()) or set(merged) == {ALL_CLASSES}
    weighted = {code: Fraction(count, 3) for code, count in voters.items()}
    assert sum(merge_figures(weighted, groups).values()) == sum(weighted.values())


def build(folder: Path) -> MeetingService:
    """A and B have six voters each, INV one: the investor votes Against, everyone else For."""
    register = ["membership number,name,class,vote value,status"]
    register += [f"A{n},A {n},A,1,active" for n in range(6)] + [f"B{n},B {n},B,1,active" for n in range(6)]
    register += ["I0,Investor,INV,1,active"]
    service = MeetingService.create(folder / "small.coopvote", parse_spec(SPEC, "small.toml"), actor="ro", station="t")
    service.setup.import_register(("\n".join(register) + "\n").encode("utf-8"), "members.csv")
    batches = {code: service.papers.add_paper_batch(1, code, count) for code, count in (("A", 6), ("B", 6), ("INV", 1))}
    service.voting.open_vote(1, not_quorate_reason="test meeting: nobody checked in")
    for code, batch in batches.items():
        for serial in batch.serials:
            assert service.tellers.record_paper(batch.qr_text(serial), [2 if code == "INV" else 1]).accepted
    return service


def test_every_public_output_merges_the_investor(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    service = build(tmp_path)
    result = service.results.item_result(1)
    assert result.papers_by_option[1] == {"A+INV": 1, "B": 0}  # A and B tie at six: the first in order joins
    assert result.papers_by_class == {"A+INV": 7, "B": 6}
    assert any("A+INV" in warning for warning in result.privacy_warnings)
    assert result.resolution is not None and result.resolution.total.votes_against == 1  # counted unchanged
    service.voting.close_vote(1)
    service.results.declare(1, "Returning Officer", reconciliation_reason="test meeting: papers recorded without packs")
    service.close()
    assert cli(["results", str(tmp_path / "small.coopvote"), "--json"]) == 0
    printed = capsys.readouterr().out
    assert '"INV"' not in printed and "A+INV" in printed
    summary = export_meeting(tmp_path / "small.coopvote", tmp_path / "record.zip")
    report = verify_bytes(summary.path.read_bytes())  # the recount merges the same way
    assert report.items_recounted == 1
    with zipfile.ZipFile(summary.path) as archive:
        results = json.loads(archive.read("results.json"))
    item = results["items"][0]
    for figures in (item["result"], item["declaration"]["result"]):
        assert set(figures["papers_by_class"]) == {"A+INV", "B"}
        assert figures["options"][1]["papers"] == {"A+INV": 1, "B": 0}
    assert {row["class"] for row in item["reconciliation"]} == {"A+INV", "B"}


def test_the_chair_may_publish_small_classes_on_the_record(tmp_path: Path) -> None:
    service = build(tmp_path)
    merged = service.results.item_result(1)
    with pytest.raises(RuleError, match="who"):
        service.results.show_small_classes(1, "", "")
    service.results.show_small_classes(1, "Chair Jones", "the investors asked for their vote to be shown")
    shown = service.results.item_result(1)
    assert shown.papers_by_option[1] == {"A": 0, "B": 0, "INV": 1}
    assert shown.resolution is not None and merged.resolution is not None
    assert shown.resolution.carried == merged.resolution.carried
    assert sum(shown.weighted_by_option[0].values()) == sum(merged.weighted_by_option[0].values())
    with service.record.reading() as session:
        actions = [e.action for e in session.scalars(select(AuditEntry))]
    assert "small classes shown" in actions
    service.voting.close_vote(1)
    service.results.declare(1, "Returning Officer", reconciliation_reason="test meeting: papers recorded without packs")
    service.close()
    summary = export_meeting(tmp_path / "small.coopvote", tmp_path / "record.zip")
    assert verify_bytes(summary.path.read_bytes()).items_recounted == 1
    with zipfile.ZipFile(summary.path) as archive:
        declaration = archive.read("declarations/item-01.pdf")
    document = pdfium.PdfDocument(declaration)
    words = " ".join(document[i].get_textpage().get_text_range() for i in range(len(document)))
    assert "The chair chose to publish" in words and "Chair Jones" in words


def test_the_declaration_prints_the_merged_columns(tmp_path: Path) -> None:
    service = build(tmp_path)
    service.voting.close_vote(1)
    service.results.declare(1, "Returning Officer", reconciliation_reason="test meeting: papers recorded without packs")
    service.close()
    summary = export_meeting(tmp_path / "small.coopvote", tmp_path / "record.zip", private=False)
    with zipfile.ZipFile(summary.path) as archive:
        document = pdfium.PdfDocument(archive.read("declarations/item-01.pdf"))
    words = " ".join(document[i].get_textpage().get_text_range() for i in range(len(document)))
    document[0].render(scale=1.5).to_pil().save(tmp_path / "declaration-merged.png")
    assert "A+INV" in words and "INV\r\n" not in words.replace("A+INV", "")


def test_the_published_papers_carry_the_group_not_the_small_class(tmp_path: Path) -> None:
    """The attack on small classes: the investor's paper must not be findable by its class in any public file."""
    service = build(tmp_path)
    service.voting.close_vote(1)
    service.results.declare(1, "Returning Officer", reconciliation_reason="test meeting: papers recorded without packs")
    service.close()
    summary = export_meeting(tmp_path / "small.coopvote", tmp_path / "record.zip")
    with zipfile.ZipFile(summary.path) as archive:
        rows = archive.read("ballots/item-01.csv").decode("utf-8").splitlines()[1:]
        results = json.loads(archive.read("results.json"))
    published_classes = {row.split(",")[1] for row in rows}
    assert published_classes == {"A+INV", "B"}
    item = results["items"][0]
    for figures in (item["result"], item["declaration"]["result"]):
        assert "INV" not in figures["papers_by_class"] and "INV" not in figures["options"][1]["papers"]
    assert verify_bytes(summary.path.read_bytes()).ballots_recounted == 13
    assert summary.private_path is not None
    assert verify_bytes(summary.private_path.read_bytes()).ballots_recounted == 13  # the meeting copy agrees
