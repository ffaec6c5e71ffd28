"""Bad input, generated and mutated: every reader must refuse it with a reason, never crash.

Six readers take what people and machines hand to coopvote: the QR payload reader (what a scanner
types), the BLT reader, the register import (CSV and XLSX), the meeting spec reader (TOML), the scan
reader (pictures and PDFs) and the archive verifier. Hostile whole files (bombs, giant pages, lying
zips, huge numbers) come from reliability.fuzz_hostile, and every input runs under its time and memory
limits. Each is
fed valid samples mutated at random (bytes flipped, cut, duplicated, spliced with awkward tokens) and
random text. An input may be accepted or refused with an ``InputError`` whose message says why; any
other exception is a crash and is counted with the input that caused it. The tests drive the same
targets with hypothesis; the reliability report uses this seeded fuzzer so its figures are repeatable.
"""

from __future__ import annotations

import contextlib
import io
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from coopvote.ballots.qrcodec import BallotCode, decode, encode
from coopvote.counting.blt import format_blt, parse_blt
from coopvote.counting.model import Ballot, Election
from coopvote.errors import InputError
from coopvote.meeting.spec import parse_spec
from coopvote.register.importer import read_register
from coopvote.register.sample import sample_members

SECRET = b"fuzzing-secret-0123456789abcdef"
MEETING = "FUZZ42"
TOKENS = [b"0", b"-1", b"\"", b"=", b"\n", b"\r\n", b",", b";", b"9999999999999999999", b"1/0", b"nan", b"inf",
          b"\x00", "ŵ".encode(), b"[[items]]", b"-", b"CV1-", b"CVM1-", b"\xff\xfe", b"'''", b"\t", b"#", b"1e999"]  # fmt: skip


class Refused(Exception):
    """A reader refused the input with a reason (the expected outcome for bad input)."""


def _qr(data: bytes) -> Any:
    return decode(data.decode("utf-8", errors="replace"), SECRET, MEETING)


def _blt(data: bytes) -> Any:
    return parse_blt(data.decode("utf-8", errors="replace"), "fuzz.blt")


def _register(data: bytes, filename: str) -> Any:
    preview = read_register(data, known_classes={"PS": "People supported", "EMP": "Employees"}, filename=filename)
    if not preview.ok:
        reasons = [str(problem) for problem in preview.errors]
        if not all(reasons):
            raise AssertionError("a register problem without a reason")
        raise Refused("; ".join(reasons[:3]))
    return preview


def _spec(data: bytes) -> Any:
    return parse_spec(data.decode("utf-8", errors="replace"), "fuzz.toml")


def sample_inputs() -> dict[str, tuple[Callable[[bytes], Any], list[bytes]]]:
    """Each target's reader and its valid seed inputs."""
    from reliability.crash import SMALL_SPEC
    from reliability.sample import DEMO_SPEC

    qr = [encode(BallotCode(MEETING, 3, "PS", 1234), SECRET).encode(),
          encode(BallotCode(MEETING, 12, "EMP", 77, option=1), SECRET).encode()]  # fmt: skip
    election = Election(("Siân", "Rhodri", "Aled"), 2, (Ballot((0, 1), Fraction(3)), Ballot((2,), Fraction(5, 2))), title="Cyngor")
    blt = [format_blt(election).encode(), b"3 1\n-2\n1 1 3 0\n2 3 0\n0\n\"A\"\n\"B\"\n\"C\"\n\"T\"\n"]
    members = sample_members(["PS", "EMP"], 12, seed=5)
    csv = "membership number,name,class,vote value,status\n" + "".join(
        f"{m.membership_number},{m.name},{m.class_code},1,{m.status}\n" for m in members
    )
    xlsx = io.BytesIO()
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Membership number", "Name", "Class"])
    for m in members:
        sheet.append([m.membership_number, m.name, m.class_code])
    book.save(xlsx)
    from reliability.fuzz_hostile import scan_and_archive_targets

    return {
        **scan_and_archive_targets(),
        "QR payload reader": (_qr, qr),
        "BLT reader": (_blt, blt),
        "register import (CSV)": (lambda d: _register(d, "members.csv"), [csv.encode("utf-8")]),
        "register import (XLSX)": (lambda d: _register(d, "members.xlsx"), [xlsx.getvalue()]),
        "meeting spec reader": (_spec, [SMALL_SPEC.encode(), DEMO_SPEC.read_bytes()]),
    }


def mutate(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        choice = rng.randrange(6)
        position = rng.randrange(len(out) + 1)
        if choice == 0 and out:
            out[min(position, len(out) - 1)] ^= 1 << rng.randrange(8)
        elif choice == 1:
            out[position:position] = rng.choice(TOKENS)
        elif choice == 2:
            del out[position : position + rng.randint(1, 16)]
        elif choice == 3 and out:
            start = rng.randrange(len(out))
            out[position:position] = out[start : start + rng.randint(1, 32)]
        elif choice == 4:
            out[position:position] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 8)))
        else:
            del out[position:]
    return bytes(out)


@dataclass
class FuzzStats:
    target: str
    tried: int = 0
    accepted: int = 0
    refused: int = 0
    hostile: int = 0
    """How many of the inputs tried were generated hostile files (see reliability.fuzz_hostile)."""
    crashes: list[str] = field(default_factory=list)


def run_one(reader: Callable[[bytes], Any], data: bytes, stats: FuzzStats, *, limited: bool = True) -> None:
    """Feed one input; with ``limited`` it runs under the time and memory limits of fuzz_hostile."""
    from reliability.fuzz_hostile import limits

    stats.tried += 1
    try:
        with limits() if limited else contextlib.nullcontext():
            reader(data)
    except (InputError, Refused) as error:
        if not str(error).strip():
            stats.crashes.append(f"refused without a reason: {data[:60]!r}")
        stats.refused += 1
    except Exception as error:  # any other exception is exactly what this looks for
        stats.crashes.append(f"{type(error).__name__}: {error} on {data[:60]!r}")
    else:
        stats.accepted += 1


def fuzz(per_target: int = 2000, seed: int = 2026) -> list[FuzzStats]:
    """Every reader fed mutated seeds and random bytes; a reader with a hostile generator (bombs, giant
    pages, lying zips, huge numbers) gets one of those in every ten inputs."""
    from reliability.fuzz_hostile import HOSTILE

    rng = random.Random(seed)
    results = []
    for name, (reader, seeds) in sample_inputs().items():
        stats = FuzzStats(name)
        hostile = HOSTILE.get(name)
        for index in range(per_target):
            if index % 10 == 9:
                data = bytes(rng.randrange(256) for _ in range(rng.randint(0, 200)))
            elif index % 10 == 4 and hostile is not None:
                data = hostile(rng)
                stats.hostile += 1
            else:
                data = mutate(rng.choice(seeds), rng)
            run_one(reader, data, stats)
        results.append(stats)
    return results
