"""Reading scanned ballot papers: time per sheet by kind of scan, and accuracy on the generated deck.

Target: a 150 dpi A4 sheet in under 25 ms median on one core (VotingWorks reports 65 ms median on a
laptop for its interpreter). The process is pinned to one CPU while timing. Accuracy counts, over a
deck of generated, marked and degraded sheets, how many were read clear and right, clear and WRONG
(must be 0), adjudicated, adjudicated needlessly, and read clear where a person was due.

Run: ``.venv/bin/python -m benchmarks ballots_read`` (environment: BENCH_DECK=<sheets> to change the
accuracy deck, default 132; BENCH_INK_DECK for the ink table, default 88).
"""

from __future__ import annotations

import os
import random
import statistics
import time
from collections import Counter
from collections.abc import Callable

from coopvote.ballots import testdeck as td
from coopvote.ballots.imaging import PageImage
from coopvote.ballots.omr import ReaderOptions, SheetReading, read_page

REPEATS = 5


def _pin_to_one_core() -> Callable[[], None]:
    if not hasattr(os, "sched_getaffinity"):
        return lambda: None
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else 0.0
    print(f"(pinned to one core; load average {load:.1f} on {os.cpu_count()} cores: other work inflates medians)")
    before = os.sched_getaffinity(0)
    os.sched_setaffinity(0, {min(before)})
    return lambda: os.sched_setaffinity(0, before)


def _kinds() -> list[tuple[str, int, dict[object, td.Pen], td.Degradation]]:
    cross = td.Pen.CROSS
    return [
        ("resolution, 150 dpi, straight", 0, {1: cross}, td.Degradation(dpi=150)),
        ("election, 150 dpi, skew 4, JPEG 30", 1, {0: cross, 3: td.Pen.TICK},
         td.Degradation(dpi=150, rotation=4.0, jpeg_quality=30)),
        ("ranking 5x5, 150 dpi, upside down", 2, {(1, 1): cross, (3, 2): cross, (0, 3): td.Pen.TICK},
         td.Degradation(dpi=150, upside_down=True, rotation=-2.0, blur=0.8)),
        ("ranking 5x5, 200 dpi, skew 7", 2, {(2, 1): cross}, td.Degradation(dpi=200, rotation=7.0)),
        ("election, 300 dpi, skew 3", 1, {5: cross}, td.Degradation(dpi=300, rotation=3.0, jpeg_quality=40)),
        ("large print, 150 dpi", 3, {2: td.Pen.FILLED}, td.Degradation(dpi=150, rotation=-1.0)),
        ("phone photo (perspective)", 1, {2: cross}, td.Degradation(dpi=200, photo=True, jpeg_quality=60)),
        ("doubtful -> adjudication + crop", 1, {2: cross, 4: td.Pen.HESITANT}, td.Degradation(dpi=150)),
        ("scanner streak -> adjudication + crop", 2, {(0, 2): cross},
         td.Degradation(dpi=150, streak_at_mm=(126.5, 150.0))),
    ]


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]


def timing() -> None:
    """Wall time is what a teller waits; CPU time (the whole process, pinned to one core) is what the reader itself costs
    when other programs share the core, as they did on the shared machine these figures came from."""
    lookup = td.deck_lookup()
    rng = random.Random(1)
    options = ReaderOptions()
    sheets = []
    for name, item, marks, degradation in _kinds():
        images = [td.render_sheet(td.deck_paper(item, 500 + k), marks, degradation, rng) for k in range(4)]
        sheets.append((name, images))
    # Warm caches (layout, sample plans) as a real batch would after its first sheet.
    for _, images in sheets:
        read_page(PageImage("warm", 0, images[0]), lookup, options)
    restore = _pin_to_one_core()
    try:
        print(f"{'kind of sheet':40s} {'pixels':>11s} {'wall ms: median':>15s} {'p95':>6s} "
              f"{'CPU ms: median':>15s} {'p95':>6s}  verdict")
        for name, images in sheets:
            wall: list[float] = []
            cpu: list[float] = []
            verdicts: Counter[str] = Counter()
            for _ in range(REPEATS):
                for index, image in enumerate(images):
                    started, started_cpu = time.perf_counter(), time.process_time()
                    reading = read_page(PageImage("bench", index, image), lookup, options)
                    cpu.append((time.process_time() - started_cpu) * 1000)
                    wall.append((time.perf_counter() - started) * 1000)
                    verdicts[reading.verdict.value] += 1
            shape = f"{images[0].shape[1]}x{images[0].shape[0]}"
            verdict = ", ".join(f"{k} {v}" for k, v in verdicts.items())
            print(f"{name:40s} {shape:>11s} {statistics.median(wall):15.1f} {_p95(wall):6.1f} "
                  f"{statistics.median(cpu):15.1f} {_p95(cpu):6.1f}  {verdict}")
    finally:
        restore()


COLUMNS = ("clear, right", "adjudicated", "CLEAR, WRONG", "needless adjudication", "missed adjudication",
           "unreadable")


def _outcome(sheet: td.DeckSheet, reading: object) -> str:
    if not isinstance(reading, SheetReading):
        return "unreadable"
    chosen = next(iter(reading.marks.values()))
    if reading.is_clear:
        if chosen != sheet.expected_choice:
            return "CLEAR, WRONG"
        return "missed adjudication" if sheet.expect_clear is False else "clear, right"
    return "needless adjudication" if sheet.expect_clear is True else "adjudicated"


def accuracy(count: int) -> None:
    """Deck sheets by scenario. "clear" sheets must be read clear and right; "two", "none", "beside",
    "hesitant", "duplicate", "skip" must be adjudicated; "faint", "half", "dot" may go either way but
    a clear reading must be right."""
    lookup = td.deck_lookup()
    table: dict[str, Counter[str]] = {}
    for harsh, size, seed in ((False, count, 21), (True, count // 3, 22)):
        for index, sheet in enumerate(td.make_deck(size, seed=seed, harsh=harsh)):
            reading = read_page(PageImage("deck", index, sheet.image), lookup)
            scenario = sheet.label.split()[2]
            table.setdefault(scenario, Counter())[_outcome(sheet, reading)] += 1
            table.setdefault("ALL", Counter())[_outcome(sheet, reading)] += 1
    total = sum(table["ALL"].values())
    print(f"\naccuracy on {total} generated sheets ({count} ordinary + {count // 3} harsh):")
    print(f"{'scenario':10s} {'sheets':>6s} " + " ".join(f"{c:>{max(6, len(c))}s}" for c in COLUMNS))
    for name in sorted(table, key=lambda n: (n == "ALL", n)):
        row = table[name]
        cells = " ".join(f"{row[c]:>{max(6, len(c))}d}" for c in COLUMNS)
        print(f"{name:10s} {sum(row.values()):6d} {cells}")


def ink_ranges(count: int) -> None:
    """Ink (mm2) measured per kind of pen mark, min-max over a deck, as docs/scanning.md tabulates."""
    lookup = td.deck_lookup()
    ink: dict[str, list[float]] = {}
    faint: dict[str, list[float]] = {}
    halo: dict[str, list[float]] = {}
    for harsh, size, seed in ((False, count, 61), (True, count // 2, 62)):
        for index, sheet in enumerate(td.make_deck(size, seed=seed, harsh=harsh)):
            reading = read_page(PageImage("deck", index, sheet.image), lookup)
            if not isinstance(reading, SheetReading):
                continue
            for box in reading.boxes:
                pen = sheet.marks.get(box.box_id)
                name = pen.value if pen is not None else "(nothing)"
                ink.setdefault(name, []).append(box.ink_mm2)
                faint.setdefault(name, []).append(box.faint_mm2)
                halo.setdefault(name, []).append(box.halo_mm2)
    print(f"\nink per box, mm2 ({count} ordinary + {count // 2} harsh sheets):")
    print(f"{'pen':22s} {'boxes':>5s} {'ink min-max':>14s} {'faint min-max':>14s} {'halo min-max':>13s}")
    for name in sorted(ink):
        print(f"{name:22s} {len(ink[name]):5d} {min(ink[name]):6.2f}-{max(ink[name]):<6.2f} "
              f"{min(faint[name]):6.2f}-{max(faint[name]):<6.2f} {min(halo[name]):5.2f}-{max(halo[name]):<5.2f}")


def main() -> None:
    timing()
    accuracy(int(os.environ.get("BENCH_DECK", "132")))
    ink_ranges(int(os.environ.get("BENCH_INK_DECK", "88")))


if __name__ == "__main__":
    main()
