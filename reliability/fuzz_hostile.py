"""Hostile whole files for the fuzzer: bombs, giant pages, lying zips, numbers of thousands of digits.

Byte mutation rarely builds a decompression bomb or a weight of 5,000 digits, so each reader also gets
generated files of the kinds that broke it before (``hostile_inputs``), and the two new readers, the scan
reader (pictures and PDFs) and the archive verifier, get valid seeds to mutate (``scan_and_archive_targets``).
Every input runs under a time limit and, on POSIX, an address-space limit (``limits``): a hang or a
runaway allocation is counted as a crash with the input that caused it, instead of stopping the run.
"""

from __future__ import annotations

import contextlib
import io
import random
import resource
import signal
import tempfile
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

from coopvote.errors import InputError
from reliability.hostile import giant_pdf_page, png_bomb, xlsx_bomb, zip_bomb, zip_of_many, zip_that_lies

SECONDS_PER_INPUT = 20.0
"""An input that takes longer than this is a hang (the slowest valid seed takes well under a second)."""

EXTRA_MEMORY = 1536 << 20
"""Address space an input may take beyond what the process already has before it counts as a crash."""


class Exceeded(Exception):
    """An input ran past the time limit."""


@contextlib.contextmanager
def limits(seconds: float = SECONDS_PER_INPUT, extra_memory: int = EXTRA_MEMORY) -> Iterator[None]:
    """Run the body under a wall-clock alarm and a raised-but-bounded soft address-space limit."""
    def alarm(_signum: int, _frame: Any) -> None:
        raise Exceeded(f"took more than {seconds:g} s")

    previous_handler = signal.signal(signal.SIGALRM, alarm)
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    with open("/proc/self/statm") as statm:
        in_use = int(statm.read().split()[0]) * resource.getpagesize()
    bound = in_use + extra_memory if hard == resource.RLIM_INFINITY else min(hard, in_use + extra_memory)
    resource.setrlimit(resource.RLIMIT_AS, (bound, hard))
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous_handler)
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def _scan(data: bytes) -> Any:
    """The scan reader on one file's bytes: every page read, or a reason per file or page."""
    from coopvote.ballots.imaging import scan_paths
    from reliability.fuzzing import Refused

    problems: list[InputError] = []
    with tempfile.TemporaryDirectory(prefix="coopvote-fuzz-") as folder:
        suffix = ".pdf" if data[:5] == b"%PDF-" else ".png"
        path = Path(folder) / f"scan{suffix}"
        path.write_bytes(data)
        pages = list(scan_paths([path], on_unreadable=problems.append))
    if problems:
        if not all(str(problem).strip() for problem in problems):
            raise AssertionError("a scan refused without a reason")
        raise Refused("; ".join(map(str, problems[:3])))
    return pages


def _verify(data: bytes) -> Any:
    from coopvote.export.verify import Discrepancy, verify_bytes
    from reliability.fuzzing import Refused

    try:
        return verify_bytes(data, "fuzz.zip", meeting_file=False)
    except Discrepancy as problem:
        raise Refused(str(problem)) from None


@cache
def _archive_seed() -> bytes:
    """A real exported archive of a small meeting with no votes (about a second to make, once)."""
    from coopvote.export.archive import export_meeting
    from coopvote.meeting.spec import parse_spec
    from coopvote.service import MeetingService
    from reliability.crash import SMALL_SPEC

    with tempfile.TemporaryDirectory(prefix="coopvote-fuzz-") as folder:
        meeting = Path(folder) / "seed.coopvote"
        MeetingService.create(meeting, parse_spec(SMALL_SPEC, "seed.toml")).close()
        export_meeting(meeting, Path(folder) / "seed.zip")
        return (Path(folder) / "seed.zip").read_bytes()


def _picture_seeds() -> list[bytes]:
    from PIL import Image

    seeds = []
    for kind in ("PNG", "TIFF", "JPEG"):
        buffer = io.BytesIO()
        Image.new("L", (64, 90), 255).save(buffer, format=kind)
        seeds.append(buffer.getvalue())
    return [*seeds, giant_pdf_page(595)]


def scan_and_archive_targets() -> dict[str, tuple[Callable[[bytes], Any], list[bytes]]]:
    return {
        "scan reader (pictures and PDFs)": (_scan, _picture_seeds()),
        "archive verifier": (_verify, [_archive_seed()]),
    }


def _huge_number(rng: random.Random) -> str:
    return rng.choice(["9" * rng.randint(4300, 6000), f"1e{rng.randint(200, 10**9)}", f"1e-{rng.randint(200, 10**9)}",
                       f"1/{'7' * rng.randint(300, 5000)}", f"1.{'5' * rng.randint(300, 5000)}", "Infinity", "NaN",
                       str(rng.randint(10**4, 10**15))])  # fmt: skip


def _hostile_blt(rng: random.Random) -> bytes:
    field = rng.randrange(4)
    weight = _huge_number(rng) if field == 0 else "1"
    seats = _huge_number(rng) if field == 1 else "1"
    preference = _huge_number(rng) if field == 2 else "1"
    candidates = _huge_number(rng) if field == 3 else "2"
    return f'{candidates} {seats}\n{weight} {preference} 2 0\n1 2 0\n0\n"A"\n"B"\n"T"\n'.encode()


def _hostile_picture(rng: random.Random) -> bytes:
    choice = rng.randrange(3)
    if choice == 0:  # a header that claims far more than it holds
        return png_bomb(rng.randint(11_000, 60_000), rng.randint(11_000, 60_000), rows=rng.randint(1, 50))
    if choice == 1:
        return giant_pdf_page(rng.uniform(15_000, 200_000))
    return png_bomb(rng.randint(1, 3000), rng.randint(1, 3000), rows=rng.randint(0, 3))


def _hostile_archive(rng: random.Random) -> bytes:
    choice = rng.randrange(3)
    if choice == 0:
        return zip_that_lies(rng.randint(1 << 30, 0xFFFFFFFE))
    if choice == 1:
        return zip_bomb(rng.randint(1025, 1400) << 20)
    return zip_of_many(rng.randint(10_001, 12_000))


def _hostile_csv(rng: random.Random) -> bytes:
    cell = rng.choice(["x" * rng.randint(10_000, 3_000_000), "=1+1", "A 1", "@SUM(A1)", "\x00" * 100, "Ŵ" * 500,
                       '"' * rng.randint(1, 5000), "\r" * 1000])  # fmt: skip
    text = f"membership number,name,class\nP1,{cell},PS\n{cell},Siân,PS\n"
    encoding = rng.choice(["utf-8", "utf-16", "utf-32", "cp1252", "utf-8-sig"])
    return text.encode(encoding, errors="replace")


def _hostile_xlsx(rng: random.Random) -> bytes:
    return xlsx_bomb(rng.randint(257, 600) << 20)


HOSTILE: dict[str, Callable[[random.Random], bytes]] = {
    "BLT reader": _hostile_blt,
    "register import (CSV)": _hostile_csv,
    "register import (XLSX)": _hostile_xlsx,
    "scan reader (pictures and PDFs)": _hostile_picture,
    "archive verifier": _hostile_archive,
}
"""Readers that also get generated hostile files, and the generator for each."""


HOSTILE_TESTS: list[tuple[str, str, str]] = [
    ("PNG bomb, 30,000 x 30,000 1-bit (150 KB)", "tests/test_hostile_scans.py::test_a_png_bomb_is_refused_from_its_header_within_a_memory_limit",
     "refused from its header, naming the file, under a 1 GiB address-space limit"),
    ("real 3,000 x 3,000 bomb with the pixel budget lowered to 1 million", "tests/test_hostile_scans.py::test_a_real_bomb_under_a_low_limit_is_refused_before_decoding",
     "refused before decoding"),
    ("PDF page of 60,000 points (21 m)", "tests/test_hostile_scans.py::test_a_giant_pdf_page_is_refused_and_a_large_one_rendered_within_the_budget",
     "refused naming file and page; an A0 page is rendered at a lower dpi within 120 million pixels"),
    ("`scan --dpi` 0, -5, nan, inf, abc, 1e9", "tests/test_hostile_scans.py::test_a_nonsense_dpi_is_refused_by_the_command_line",
     "argparse refuses it (exit 2), no traceback"),
    ("a batch of bomb, giant PDF, junk, then a good sheet", "tests/test_hostile_scans.py::test_a_batch_goes_on_past_every_bad_file",
     "each bad file refused with its reason; the sheet after them still read"),
    ("zip bomb: 4 MB inflating to 4 GiB", "tests/test_hostile_archives.py::test_a_zip_bomb_is_refused_from_its_directory_within_a_memory_limit",
     "`verify` exits 2 naming it, under a 1 GiB address-space limit"),
    ("zip whose directory claims 4 GiB", "tests/test_hostile_archives.py::test_a_directory_that_lies_about_sizes_is_caught_while_reading_in_chunks",
     "refused from the directory; bytes counted while reading in 1 MiB chunks"),
    ("zip of 10,001 entries (200,000 crashed before)", "tests/test_hostile_archives.py::test_a_zip_of_too_many_entries_is_refused_before_reading_them",
     "refused before any member is read, exit 2"),
    ("junk, empty file, a folder given to `verify`", "tests/test_hostile_archives.py::test_unreadable_archives_exit_2_and_altered_ones_exit_1",
     "exit 2 (cannot be read), altered archives still exit 1"),
    ("member numbers `A 1`, `=1+1`, `-1`, `@SUM(A1)`, `Ŵ7`, 17 characters", "tests/test_hostile_register.py::test_a_member_number_cards_cannot_print_is_refused_at_import_naming_the_line",
     "refused at import naming the line"),
    ("XLSX whose sheet unpacks to 2 GiB", "tests/test_hostile_register.py::test_an_xlsx_bomb_is_refused_within_a_memory_limit",
     "refused from the zip directory under a 1 GiB limit"),
    ("CSV cell of 2 MB; names of 400 characters; UTF-16/32/cp1252", "tests/test_hostile_register.py::test_a_huge_cell_and_an_odd_encoding_are_refused_or_read_never_a_crash",
     "refused naming the line, or read"),
    ("ballots CSV cells beginning = + - @", "tests/test_hostile_register.py::test_no_ballots_csv_cell_can_begin_a_spreadsheet_formula",
     "cannot be written (every cell comes from a closed alphabet)"),
    ("BLT weights of 4,400-5,000 digits, 1e999999999, Infinity; 99,999,999,999,999 seats", "tests/test_hostile_blt.py::test_hostile_numbers_are_refused_naming_the_line",
     "refused naming the line"),
    ("`count --method meek` with a trillion seats", "tests/test_hostile_blt.py::test_meek_with_a_trillion_seats_is_refused_at_the_count_command",
     "exit 2 naming the line (it ran for hours before)"),
    ("a 1 MB meeting name (refused at creation); the longest accepted name and item texts", "tests/test_hostile_export.py::test_the_longest_accepted_texts_export_and_verify",
     "exported in page-sized paragraphs; the archive verifies"),
    ("register replaced after a proxy", "tests/test_hostile_record.py::test_replacing_the_register_after_a_proxy_is_refused_in_words_not_sql",
     "refused in words, no SQL"),
    ("`info`/`results` on a read-only copy", "tests/test_hostile_record.py::test_info_and_results_read_a_read_only_copy",
     "read; commands that write still refuse it (exit 3)"),
    ("TOML nested 100,000 deep; an integer of 5,000 digits", "tests/test_hostile_spec.py",
     "refused with a reason (InputError naming the file)"),
]
"""What the hostile-file tests try and what held, for the reliability report."""
