"""Builders shared by the service, CLI and UI tests: a small real meeting on disk."""

from __future__ import annotations

from pathlib import Path

from coopvote.meeting.spec import parse_spec
from coopvote.service import MeetingService

SMALL_SPEC = """
[meeting]
name_cy = "Cyfarfod Prawf"
name_en = "Test Meeting"
date = 2026-11-28

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
scheme = "one-member-one-vote"
# A handful of voters per class, so the counting tests can check per-class figures; the privacy minimum's
# merging of small classes is tested on its own (tests/test_secrecy_small_classes.py).
privacy_minimum = 1

[quorum]
absolute = 3
percent = "10"
proxies_count = true

[proxies]
limit_per_holder = 2

[[items]]
number = 1
kind = "resolution"
title_cy = "Derbyn y cyfrifon"
title_en = "Receive the accounts"

[[items]]
number = 2
kind = "election"
title_cy = "Ethol y Cyngor"
title_en = "Elect the Council"
method = "scottish-stv"
seats = 2
candidates = [{ name = "Siân ap Gwŷn", class = "PS" }, { name = "Rhodri Evans", class = "EMP" }, "Aled Thomas"]
"""

SMALL_REGISTER = (
    "membership number,name,class,vote value,status\n"
    "P1,Siân ap Gwŷn,PS,1,active\n"
    "P2,Dafydd Llŵyd,PS,1,active\n"
    "P3,Mair Jones,PS,1,lapsed\n"
    "E1,Rhodri Evans,EMP,1,active\n"
    "E2,Catrin Davies,EMP,1,active\n"
    "E3,Tomos Prys,EMP,1,active\n"
    "E4,Ieuan Bowen,EMP,1,active\n"
)


def small_meeting(folder: Path, *, register: bool = True, station: str = "test") -> MeetingService:
    service = MeetingService.create(folder / "small.coopvote", parse_spec(SMALL_SPEC, "small.toml"), station=station)
    if register:
        service.setup.import_register(SMALL_REGISTER.encode("utf-8"), "members.csv")
    return service
