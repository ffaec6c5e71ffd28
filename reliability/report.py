"""Write docs/reliability.md: crash trials, injected faults, fuzzing, tamper detection and secrecy, measured.

One command produces every figure, so the document is never edited by hand::

    python -m reliability.report [--kills 100] [--spawn-kills 10] [--fuzz 5000] [--flips 2000]

The tests run the same trials at a smaller size; this runs them larger and writes what it saw.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import platform
import random
import sqlite3
import sys
import tempfile
import time
import zipfile
from datetime import UTC, datetime
from pathlib import Path

from coopvote.export.archive import export_meeting
from coopvote.export.container import structure_positions
from coopvote.export.verify import Discrepancy, UnreadableArchive, verify_bytes
from reliability.crash import kill_trials
from reliability.faults import all_fault_trials
from reliability.fuzzing import fuzz
from reliability.sample import build_voted_meeting

ROOT = Path(__file__).resolve().parents[1]


def flip_trials(
    archive: bytes, count: int, seed: int, positions: list[int] | None = None
) -> tuple[int, int, dict[str, int], list[str]]:
    """Flip one byte at ``count`` random positions (or at each of ``positions``); return
    (tried, detected, detections by kind, misses)."""
    rng = random.Random(seed)
    detected = 0
    kinds: dict[str, int] = {}
    misses: list[str] = []
    chosen = positions if positions is not None else [rng.randrange(len(archive)) for _ in range(count)]
    for position in chosen:
        changed = bytearray(archive)
        changed[position] ^= rng.randint(1, 255)
        try:
            verify_bytes(bytes(changed), meeting_file=False)
        except Discrepancy as problem:
            detected += 1
            text = str(problem)
            kind = ("zip structure" if "zip" in text and "container" in text else
                    "CRC / unreadable zip" if isinstance(problem, UnreadableArchive) or "checksum" in text
                    or "readable zip" in text or "altered or damaged" in text else
                    "manifest / hashes" if "SHA-256" in text or "manifest" in text else "other check")  # fmt: skip
            kinds[kind] = kinds.get(kind, 0) + 1
        else:
            misses.append(f"byte {position}")
    return len(chosen), detected, kinds, misses


def secrecy_figures(archive: bytes) -> dict[str, int]:
    with zipfile.ZipFile(io.BytesIO(archive)) as z:
        audit = [json.loads(line) for line in z.read("audit.jsonl").decode().splitlines()]
        with tempfile.TemporaryDirectory() as work:
            copy = Path(work) / "m.coopvote"
            copy.write_bytes(z.read("meeting.coopvote"))
            connection = sqlite3.connect(copy)
            numbers = {row[0] for row in connection.execute("SELECT number FROM member")}
            connection.close()
        csv_cells = [cell for name in z.namelist() if name.startswith("ballots/")
                     for line in z.read(name).decode().splitlines() for cell in line.split(",")]  # fmt: skip
    member_keys = {"member", "appointer", "holder", "packs_for"}
    serial_lines = sum(1 for e in audit if "serial" in e["details"])
    member_lines = sum(1 for e in audit if member_keys & set(e["details"]))
    both = sum(1 for e in audit if "serial" in e["details"] and (member_keys & set(e["details"])
               or any(n in json.dumps(e["details"]) for n in numbers)))  # fmt: skip
    return {
        "audit lines": len(audit),
        "lines naming a serial": serial_lines,
        "lines naming a member": member_lines,
        "lines naming both": both,
        "ballot CSV cells": len(csv_cells),
        "CSV cells holding a member number": sum(1 for c in csv_cells if c in numbers),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("--kills", type=int, default=100, help="SIGKILL trials with a forked scanner")
    parser.add_argument("--spawn-kills", type=int, default=10, help="SIGKILL trials with a fresh interpreter")
    parser.add_argument("--fuzz", type=int, default=5000, help="inputs per fuzzed reader")
    parser.add_argument("--flips", type=int, default=2000, help="random single-byte flips of an archive")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "reliability.md")
    args = parser.parse_args(argv)
    started = time.monotonic()
    lines: list[str] = []
    with tempfile.TemporaryDirectory(prefix="coopvote-reliability-") as work_dir:
        work = Path(work_dir)
        print("crash trials...", file=sys.stderr)
        (work / "fork").mkdir()
        (work / "spawn").mkdir()
        forked = kill_trials(work / "fork", args.kills, seed=101, papers=max(400, args.kills * 30), max_delay=0.8)
        spawned = kill_trials(work / "spawn", args.spawn_kills, seed=202, papers=max(400, args.spawn_kills * 40), max_delay=2.0, fork=False)
        print("fault trials...", file=sys.stderr)
        faults = all_fault_trials(work / "faults")
        print("fuzzing...", file=sys.stderr)
        fuzzed = fuzz(args.fuzz, seed=2026)
        print("archive flips...", file=sys.stderr)
        voted = build_voted_meeting(work, members=30)
        voted.service.close()
        exported = export_meeting(voted.path, work / "record.zip")
        assert exported.private_path is not None
        # The private archive: the fullest one to flip bytes in, and the one with the audit log and meeting copy.
        archive = exported.private_path.read_bytes()
        verify_bytes(archive)
        flips = flip_trials(archive, args.flips, seed=303)
        structural = flip_trials(archive, 0, seed=304, positions=structure_positions(archive))
        secrecy = secrecy_figures(archive)
    seconds = time.monotonic() - started
    now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    command = "python -m reliability.report " + " ".join(
        f"--{k.replace('_', '-')} {v}" for k, v in vars(args).items() if k != "out"
    )
    lines += [
        "# Reliability: measured",
        "",
        f"Produced by `{command}` on {now} ({seconds:.0f} s; Python {platform.python_version()}, "
        f"SQLite {sqlite3.sqlite_version}, {os.cpu_count()} CPUs, {platform.system()}). Do not edit by hand: run the "
        "command again. The test suite runs the same trials at a smaller size (tests/test_reliability_*.py, "
        "tests/test_export_archive.py).",
        "",
        "## Crash safety: the scanning process killed at random moments",
        "",
        "A child process records papers through the service as fast as it can and prints each serial after "
        "`record_paper` returns (after the commit). The parent kills it with SIGKILL after a random delay, then "
        "checks the file with SQLite alone: integrity check, the audit hash chain, every serial shown as accepted "
        "is recorded, none twice, and every recorded paper has exactly one `paper recorded` audit entry. The next "
        "trial scans on into the same file. SIGKILL stops the process, not the machine; a pulled plug relies on "
        "SQLite's WAL with `synchronous=FULL`, which this cannot simulate.",
        "",
        "| scanner | trials | kills | scans shown accepted | papers recorded | committed, not yet shown, when killed "
        "| lost | counted twice | other problems |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for label, stats in (("forked from the test process", forked), ("fresh interpreter (`python -m`)", spawned)):
        lines.append(f"| {label} | {stats.trials} | {stats.kills} | {stats.shown_accepted} | {stats.recorded} | "
                     f"{stats.recorded - stats.shown_accepted} | {stats.lost} | {stats.doubled} | {len(stats.problems)} |")  # fmt: skip
    lines += ["", "Papers recorded may exceed scans shown: a paper committed just before the kill, whose line "
              "was never printed, is kept (and a rescan of it is refused as already counted).", ""]  # fmt: skip
    for stats in (forked, spawned):
        lines += [f"- problem: {p}" for p in stats.problems[:10]]
    lines += [
        "## Injected faults",
        "",
        "Five papers are scanned, the fault is injected, scanning is tried again, the fault is lifted, the file "
        "is reopened and one more paper scanned.",
        "",
        "| fault | how it was injected | message the teller sees | accepted scans | lost | scanning resumed |",
        "|---|---|---|---:|---:|---|",
    ]
    for fault in faults:
        message = fault.message.replace("|", "/").replace(str(work), "…")
        lines.append(f"| {fault.fault} | {fault.method} | {message} | {fault.accepted_before} | {fault.lost} | "
                     f"{'yes' if fault.resumed else 'NO'} |")  # fmt: skip
    lines += [
        "",
        "## Fuzzing the readers of outside input",
        "",
        "Valid samples mutated at random (bits flipped, bytes cut, duplicated, spliced with awkward tokens) and, "
        "one input in ten, random bytes. Readers that met hostile files before also get, one input in ten, a "
        "generated one (`reliability/fuzz_hostile.py`): PNG headers claiming 11,000-60,000 pixels a side, PDF "
        "pages of 15,000-200,000 points, zips whose directory lies, zip bombs past 1 GiB, zips of over 10,000 "
        "entries, workbooks whose sheet unpacks past 256 MiB, CSV cells of megabytes in UTF-16/32, BLT weights, "
        "seats and preferences of thousands of digits or exponents of a billion. Every input runs under a "
        "20 s alarm and an address-space limit of 1.5 GiB beyond what the process holds. An input must be "
        "accepted or refused with an `InputError` (or, for the register, a preview listing its problems; for "
        "the verifier, a `Discrepancy`) whose message says why; anything else, a hang or running out of "
        "memory is a crash.",
        "",
        "| reader | inputs tried | of them hostile files | accepted | refused with a reason | crashes |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for fuzzed_reader in fuzzed:
        lines.append(f"| {fuzzed_reader.target} | {fuzzed_reader.tried} | {fuzzed_reader.hostile} | "
                     f"{fuzzed_reader.accepted} | {fuzzed_reader.refused} | {len(fuzzed_reader.crashes)} |")  # fmt: skip
    for fuzzed_reader in fuzzed:
        lines += [f"- crash in {fuzzed_reader.target}: {c}" for c in fuzzed_reader.crashes[:5]]
    from reliability.fuzz_hostile import HOSTILE_TESTS

    lines += [
        "",
        "## Hostile files in the test suite",
        "",
        "Made in the test itself (`reliability/hostile.py`), cheap to build, run in a child interpreter with an "
        "address-space limit where a regression could eat the machine.",
        "",
        "| tried | test | what held |",
        "|---|---|---|",
        *[f"| {tried} | `{test}` | {held} |" for tried, test, held in HOSTILE_TESTS],
    ]
    lines += [
        "",
        "## Tampering with an exported archive",
        "",
        f"An archive of a {len(archive):,}-byte demo meeting record; one byte flipped (xor a random 1-255), then "
        "`verify`. Random positions fall mostly inside members, where the CRC catches them; the structural "
        "positions are every byte of every local header and of the first central-directory entry, the end record, "
        "and the edges of each member's data, where only the rebuild of the container can notice.",
        "",
        "| positions | flips | detected | missed | check that caught it |",
        "|---|---:|---:|---:|---|",
    ]
    misses = []
    for label, (tried, detected, kinds, missed) in (("random", flips), ("zip structure", structural)):
        caught = ", ".join(f"{k}: {v}" for k, v in sorted(kinds.items(), key=lambda kv: -kv[1]))
        lines.append(f"| {label} | {tried} | {detected} | {tried - detected} | {caught} |")
        misses += missed
    lines += [f"- missed: {m}" for m in misses[:10]]
    lines += [
        "",
        "## Secrecy of the exported record",
        "",
        "| what was inspected | count |",
        "|---|---:|",
        *[f"| {k} | {v} |" for k, v in secrecy.items()],
        "",
        "Lines naming both a member and a serial, and CSV cells holding a member number, must both be 0.",
        "",
    ]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(lines), encoding="utf-8")
    print(f"wrote {args.out} in {seconds:.0f} s", file=sys.stderr)
    failed = forked.problems or spawned.problems or any(not f.ok for f in faults) or any(s.crashes for s in fuzzed) or misses
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
