"""A 300-member meeting with advance votes, directed proxies and the room, built for the advance tests.

Every member's *intended* vote is drawn first and kept here, beside the meeting, so a test can tally
them independently of coopvote and compare with its count.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from coopvote.meeting.spec import parse_spec
from coopvote.service import MeetingService

CLOSES = datetime(2026, 11, 27, 17, 0, tzinfo=UTC)
ON_TIME = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)
LATE = datetime(2026, 11, 27, 17, 0, 1, tzinfo=UTC)

ADVANCE_SPEC = """
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
scheme = "one-member-one-vote"

[proxies]
limit_per_holder = 3

[[items]]
number = 1
kind = "resolution"
title_cy = "Derbyn y cyfrifon"
title_en = "Receive the accounts"
advance = { allowed = true, closes = 2026-11-27T17:00:00Z, if_amended = "against", declaration = true }

[[items]]
number = 2
kind = "election"
title_cy = "Ethol y Cyngor"
title_en = "Elect the Council"
method = "scottish-stv"
seats = 2
candidates = ["Siân", "Rhodri", "Aled", "Nia"]
advance = { allowed = true, closes = 2026-11-27T17:00:00Z }
"""

RESOLUTION_WORDS = {1: "for", 2: "against", 3: "abstain"}


def number_of(index: int) -> str:
    return f"M{index:03d}"


def register_csv(size: int, lapsed: tuple[str, ...] = ()) -> bytes:
    lines = ["membership number,name,class,vote value,status"]
    for index in range(1, size + 1):
        status = "lapsed" if number_of(index) in lapsed else "active"
        lines.append(f"{number_of(index)},Member {index},{'PS' if index <= size // 2 else 'EMP'},1,{status}")
    return ("\n".join(lines) + "\n").encode("utf-8")


@dataclass
class Intentions:
    """What each member means to vote: item 1 an option 1-3, item 2 a ranking of candidate positions."""

    resolution: dict[str, int] = field(default_factory=dict)
    ranking: dict[str, list[int]] = field(default_factory=dict)

    @classmethod
    def draw(cls, size: int, seed: int) -> Intentions:
        chance = random.Random(seed)
        made = cls()
        for index in range(1, size + 1):
            number = number_of(index)
            made.resolution[number] = chance.choice((1, 1, 1, 2, 2, 3))
            order = [1, 2, 3, 4]
            chance.shuffle(order)
            made.ranking[number] = order[: chance.randint(1, 4)]
        return made


def new_meeting(
    folder: Path, size: int = 300, closes: str = "2026-11-27T17:00:00Z", lapsed: tuple[str, ...] = ()
) -> MeetingService:
    """``closes`` moves both items' advance window (a screen test receives envelopes *now*)."""
    spec = ADVANCE_SPEC.replace("closes = 2026-11-27T17:00:00Z", f"closes = {closes}")
    service = MeetingService.create(folder / "advance.coopvote", parse_spec(spec, "advance.toml"), station="desk")
    service.setup.import_register(register_csv(size, lapsed), "members.csv")
    return service
