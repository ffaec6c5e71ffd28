"""A meeting counted by members' own values (``per_member``) whose members vote by every road: advance
papers, directed proxies and the room. Each member's intended vote is kept beside it, so a test can tally
the weighted result itself, from register values and choices, independently of coopvote.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from fractions import Fraction
from pathlib import Path

from coopvote.meeting.spec import parse_spec
from coopvote.service import MeetingService

ON_TIME = datetime(2026, 12, 3, 12, 0, tzinfo=UTC)

SPEC = """
[meeting]
name_cy = "Cyfarfod Cyfranddalwyr"
name_en = "Shareholders' Meeting"
date = 2026-12-05

[[classes]]
code = "PS"
name_cy = "Pobl a gefnogir"
name_en = "People supported"
colour = "#1b7f5f"

[[classes]]
code = "EMP"
name_cy = "Gweithwyr"
name_en = "Employees"
colour = "#2f5fa8"

[weighting]
scheme = "fixed-value"
per_member = true
bands = [1, 2, 5]
privacy_minimum = 3

[[items]]
number = 1
kind = "resolution"
title_cy = "Derbyn y cyfrifon"
title_en = "Receive the accounts"
advance = { allowed = true, closes = 2026-12-04T17:00:00Z, if_amended = "against" }

[[items]]
number = 2
kind = "election"
title_cy = "Ethol y Cyngor"
title_en = "Elect the Council"
method = "scottish-stv"
seats = 2
candidates = ["Siân ap Gwŷn", "Rhodri Evans", "Aled Thomas"]
advance = { allowed = true, closes = 2026-12-04T17:00:00Z }
"""


@dataclass(frozen=True)
class Voter:
    number: str
    class_code: str
    value: int
    road: str
    """"advance", "directed" or "room"."""
    resolution: int
    """1 For, 2 Against, 3 Abstain."""
    ranking: tuple[int, ...]
    """Candidate numbers (1-based) in order of preference."""


VOTERS = (
    Voter("E01", "EMP", 1, "advance", 1, (1, 2)),
    Voter("E02", "EMP", 1, "directed", 1, (3, 1)),
    Voter("E03", "EMP", 1, "room", 2, (2,)),
    Voter("E04", "EMP", 1, "room", 1, (1, 3)),
    Voter("E05", "EMP", 2, "advance", 2, (2, 3)),
    Voter("E06", "EMP", 2, "directed", 2, (2,)),
    Voter("E07", "EMP", 5, "advance", 1, (3, 2, 1)),
    Voter("E08", "EMP", 5, "directed", 2, (1,)),
    Voter("P01", "PS", 1, "advance", 3, (1, 2)),
    Voter("P02", "PS", 1, "directed", 3, (1, 2)),
    Voter("P03", "PS", 1, "room", 1, (2, 1)),
    Voter("P04", "PS", 2, "advance", 1, (3,)),
    Voter("P05", "PS", 2, "directed", 1, (2, 3)),
    Voter("P06", "PS", 5, "advance", 2, (1, 3)),
)
REGISTER = "membership number,name,class,vote value\n" + "".join(
    f"{v.number},Member {v.number},{v.class_code},{v.value}\n" for v in VOTERS
)
WORDS = {1: "for", 2: "against", 3: "abstain"}


def new_meeting(folder: Path, register: str = REGISTER) -> MeetingService:
    service = MeetingService.create(folder / "shares.coopvote", parse_spec(SPEC, "shares.toml"), station="desk")
    service.setup.import_register(register.encode("utf-8"), "members.csv")
    return service


def weighted(voters: list[Voter], choice: int) -> Fraction:
    """The test's own tally: the register values of the members who chose ``choice``."""
    return sum((Fraction(v.value) for v in voters if v.resolution == choice), Fraction(0))


def by_road(road: str) -> list[Voter]:
    return [v for v in VOTERS if v.road == road]
