"""The FairShares special resolution: 75% of *all members on the register*, one member one vote, plus a
majority of the votes cast in every class (FairShares Model rules, clause 25; docs/presets.md).

The numbers are chosen so that the old readings (75% of votes cast, by head or weighted by class) carry the
resolution and the rule as written does not, and the other way round where abstainers and absentees count.
"""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from coopvote.counting.resolutions import (
    ClassTally,
    ResolutionRules,
    ResolutionTally,
    Threshold,
    count_resolution,
)
from coopvote.counting.weighting import WeightingScheme
from coopvote.errors import InputError
from coopvote.export.archive import PUBLIC, build_archive, export_meeting
from coopvote.export.content import collect, item_digest
from coopvote.export.verify import Discrepancy, verify_archive, verify_bytes
from coopvote.meeting.presets import fragment_toml, item_fragment
from coopvote.meeting.spec import parse_spec
from coopvote.reports.declaration import render_declaration
from coopvote.service import MeetingService

SPEC = """
[meeting]
name_cy = "Cyfarfod Cyffredinol"
name_en = "General Meeting"
date = 2026-11-28

[[classes]]
code = "WRK"
name_cy = "Gweithwyr"
name_en = "Workers"

[[classes]]
code = "INV"
name_cy = "Buddsoddwyr"
name_en = "Investors"

[weighting]
scheme = "class-share"
shares = { WRK = "1/2", INV = "1/2" }
absent_class = "redistribute"
privacy_minimum = 1

[[items]]
number = 1
kind = "resolution"
title_cy = "Newid y rheolau"
title_en = "Change the rules"
""" + "\n".join(fragment_toml(item_fragment("fairshares-special"))) + "\n"

REGISTER = "membership number,name,class,vote value,status\n" + "".join(
    [f"W{n},Gweithiwr {n},WRK,1,active\n" for n in range(1, 9)]
    + [f"I{n},Buddsoddwr {n},INV,1,active\n" for n in range(1, 5)]
    + ["I9,Buddsoddwr Lapsed,INV,1,lapsed\n"]
)
"""8 workers and 4 investors entitled to vote (12 on the register); one lapsed investor who does not count."""


def rules(base: str) -> ResolutionRules:
    return ResolutionRules(threshold=Threshold.parse(">= 3/4"), base=base, by_head=True)  # type: ignore[arg-type]


CONSENT = WeightingScheme.from_mapping({"scheme": "class-share", "shares": {"WRK": "1/2", "INV": "1/2"}},
                                       {"class_consent": True, "consent_threshold": "> 1/2"})


def test_the_threshold_is_a_share_of_everyone_on_the_register_not_of_the_votes_cast() -> None:
    votes = {"WRK": ClassTally(14, 0), "INV": ClassTally(3, 2)}
    register = {"WRK": 20, "INV": 6}
    by_head_of_cast = count_resolution(rules("cast"), CONSENT, ResolutionTally(votes))
    assert by_head_of_cast.for_share == Fraction(17, 19) and by_head_of_cast.carried
    weighted = count_resolution(ResolutionRules(threshold=Threshold.parse(">= 3/4")), CONSENT, ResolutionTally(votes))
    assert weighted.for_share == Fraction(1, 2) + Fraction(3, 10) and weighted.carried  # 100% and 60%, half each
    of_register = count_resolution(rules("register"), CONSENT, ResolutionTally(votes, register=register))
    assert of_register.for_share == Fraction(17, 26) and not of_register.carried
    assert of_register.consent_failed == ()  # a majority of the votes cast in both classes: only the 75% fails
    assert of_register.register_members == 26 and of_register.register_by_class == register
    assert "17 of the 26 members on the register voted for" in of_register.reason("en")
    assert "of all members on the register" in of_register.reason("en")
    assert "pleidleisiodd 17 o'r 26 aelod ar y gofrestr o blaid" in of_register.reason("cy")
    assert "o'r holl aelodau ar y gofrestr" in of_register.reason("cy")


@pytest.mark.parametrize(("workers_for", "carried"), [(16, False), (17, True)])
def test_seventy_five_percent_of_the_register_is_met_exactly_at_the_edge(workers_for: int, carried: bool) -> None:
    # 24 on the register: 18 for is exactly 75%. Abstainers and absentees count in the whole, not as votes cast.
    votes = {"WRK": ClassTally(workers_for, 0, abstentions=2), "INV": ClassTally(1, 0)}
    result = count_resolution(rules("register"), CONSENT, ResolutionTally(votes, register={"WRK": 20, "INV": 4}))
    assert result.for_share == Fraction(workers_for + 1, 24)
    assert result.carried is carried


def test_a_class_without_a_majority_of_its_votes_cast_still_fails_the_rule() -> None:
    votes = {"WRK": ClassTally(20, 0), "INV": ClassTally(1, 2)}
    result = count_resolution(rules("register"), CONSENT, ResolutionTally(votes, register={"WRK": 20, "INV": 3}))
    assert result.for_share == Fraction(21, 23) and result.consent_failed == ("INV",) and not result.carried


def test_a_register_smaller_than_the_votes_or_missing_is_refused_naming_the_class() -> None:
    votes = {"WRK": ClassTally(5, 1), "INV": ClassTally(1, 0)}
    with pytest.raises(InputError, match="class WRK: 6 votes returned but only 5 members on the register"):
        count_resolution(rules("register"), CONSENT, ResolutionTally(votes, register={"WRK": 5, "INV": 4}))
    with pytest.raises(InputError, match="needs the number of members on the register"):
        count_resolution(rules("register"), CONSENT, ResolutionTally(votes))
    with pytest.raises(InputError, match="by_head"):
        ResolutionRules(threshold=Threshold.parse(">= 3/4"), base="register")


def test_the_preset_writes_the_register_base_and_a_hand_written_one_needs_by_head() -> None:
    item = parse_spec(SPEC, "fairshares.toml").items[0]
    assert item.settings["base"] == "register" and item.by_head
    with pytest.raises(InputError, match="by_head = true"):
        parse_spec(SPEC.replace("by_head = true", "by_head = false"), "bad.toml")


def pdf_text(data: bytes) -> str:
    pdf = pdfium.PdfDocument(data)
    return " ".join(" ".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf))).split())


def test_the_service_freezes_the_register_at_the_close_and_the_archive_recounts_with_it(
    tmp_path: Path, artifacts_dir: Path
) -> None:
    service = MeetingService.create(tmp_path / "fs.coopvote", parse_spec(SPEC, "fs.toml"))
    service.setup.import_register(REGISTER.encode("utf-8"), "members.csv")
    workers = service.papers.add_paper_batch(1, "WRK", 5)
    investors = service.papers.add_paper_batch(1, "INV", 3)
    service.voting.open_vote(1, not_quorate_reason="test meeting: nobody checked in")
    for serial in workers.serials:
        assert service.tellers.record_paper(workers.qr_text(serial), [1]).accepted
    for serial, mark in zip(investors.serials, [1, 1, 2], strict=True):
        assert service.tellers.record_paper(investors.qr_text(serial), [mark]).accepted
    service.voting.close_vote(1)
    # By head of the votes cast 7/8, weighted 50/50 of the votes cast 5/6: both would carry it.
    # Of the 12 members on the register (the lapsed investor not counted), 7 is 58.3%: not carried.
    result = service.results.item_result(1).resolution
    assert result is not None
    assert result.for_share == Fraction(7, 12) and not result.carried and result.register_members == 12
    assert service.results.item_result(1).item.settings["register_members"] == {"WRK": 8, "INV": 4}
    service.results.declare(1, "Eleri Prydderch", reconciliation_reason="test meeting: papers recorded without packs")
    record = collect(service, [1], audit=False)
    declared = record.item(1).declared_result["resolution"]
    assert declared["register_members"] == 12 and declared["for_share"] == "7/12"
    pdf = render_declaration(record, record.item(1))
    pdfium.PdfDocument(pdf)[0].render(scale=1.5).to_pil().save(artifacts_dir / "declaration-fairshares-register.png")
    words = pdf_text(pdf)
    for expected in ("of all members on the register", "o'r holl aelodau ar y gofrestr", "58.3",
                     "7 of the 12 members on the register voted for"):
        assert expected in words, expected
    service.close()
    export_meeting(tmp_path / "fs.coopvote", tmp_path / "fs.zip")
    for archive in ("fs.zip", "fs-PRIVATE.zip"):
        assert verify_archive(tmp_path / archive).items_recounted == 1


def test_a_register_rewritten_in_the_archive_is_not_the_one_sealed_at_the_close(tmp_path: Path) -> None:
    """A forger who enlarges the register only in the archive (so fewer members seem to have voted for) and
    recounts and reseals everything else is caught by the close entry, whose hash is the written close code."""
    service = MeetingService.create(tmp_path / "fs.coopvote", parse_spec(SPEC, "fs.toml"))
    service.setup.import_register(REGISTER.encode("utf-8"), "members.csv")
    workers = service.papers.add_paper_batch(1, "WRK", 8)
    service.voting.open_vote(1, not_quorate_reason="test meeting: nobody checked in")
    for serial in workers.serials:
        assert service.tellers.record_paper(workers.qr_text(serial), [1]).accepted
    service.voting.close_vote(1)  # 8 of 12 for: 66.7%, not carried
    service.results.declare(1, "Eleri Prydderch", reconciliation_reason="test meeting: papers recorded without packs")
    record = collect(service, [1], audit=False)
    service.close()
    item = record.item(1)
    assert item.close_entry is not None and item.close_entry["details"]["register_members"] == {"WRK": 8, "INV": 4}
    item.definition["settings"]["register_members"] = {"WRK": 8, "INV": 8}
    assert item.declaration is not None
    for resolution in (item.declaration["result"]["resolution"], item.result["resolution"]):
        resolution.update(for_share="1/2", for_percent="50.0", register_members=16,
                          register_by_class={"WRK": 8, "INV": 8})
    item.digest = item_digest(record.code, item.definition, item.declared_result, item.csv_bytes, item.close_hash)
    data, _digest = build_archive(record, None, "2026-12-05T20:00:00", PUBLIC)
    with pytest.raises(Discrepancy, match="is not the one frozen when the vote closed"):
        verify_bytes(data, meeting_file=False)
