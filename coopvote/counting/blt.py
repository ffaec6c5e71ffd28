"""BLT ballot files (the OpenSTV / OpaVote / droop / eSTV format), read and written exactly.

A BLT file is the common currency of STV counting programs, so a returning officer can check a
coopvote count with another program, or count another program's file with coopvote::

    4 2            candidates, seats
    -3             optional: withdrawn candidates, as negative numbers
    3 1 2 0        weight, preferences..., 0
    2.5 2 0        weights may be decimal (weighted voting)
    0              end of ballots
    "Ann"          one quoted name per candidate
    ...
    "Title"

Identical ballots are grouped on reading: the group's value is the exact sum of their weights.
Equal rankings (``1 2=3 0``) are refused: no rule coopvote implements gives them a meaning, and
silently reading them one way would change the count. As an extension a weight may be written as a
fraction ``p/q``, so that any weighted count coopvote makes can be written and read back unchanged.
"""

from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from itertools import starmap
from pathlib import Path

import numpy as np

from coopvote.counting.model import Ballot, Election
from coopvote.errors import InputError

_QUOTED = re.compile(r'"([^"]*)"')


def _weight(token: str, where: str) -> Fraction:
    try:
        value = Fraction(token) if "/" in token else Fraction(Decimal(token))
    except (ValueError, InvalidOperation, ZeroDivisionError):
        raise InputError(f"{where}: the ballot weight {token!r} is not a number") from None
    if value < 0:
        raise InputError(f"{where}: the ballot weight {token!r} is negative")
    return value


def _ints(tokens: list[str], where: str, what: str) -> list[int]:
    out: list[int] = []
    for token in tokens:
        try:
            out.append(int(token))
        except ValueError:
            if "=" in token:
                raise InputError(
                    f"{where}: equal rankings ({token!r}) are not supported; each preference must be "
                    "a single candidate number"
                ) from None
            raise InputError(f"{where}: {what} {token!r} is not a whole number") from None
    return out


def _fast_groups(distinct: Counter[str], n_candidates: int) -> dict[tuple[int, ...], int] | None:
    """Whole-weight ballot lines, parsed in bulk; None when any line needs the careful path.

    Large files (100,000 papers) are almost all single-spaced lines of whole numbers. Their tokens are
    converted in one pass and checked with numpy; if anything is unusual (a decimal weight, a tab, a
    comment, a bad number, a repeated candidate) the caller parses line by line and reports the exact
    line and fault.
    """
    lines = list(distinct)
    if not lines or any(not line or line[0] in '#"' for line in lines):
        return None
    tokens = " ".join(lines).split()
    counts = [line.count(" ") + 1 for line in lines]
    if sum(counts) != len(tokens) or min(counts) < 2:
        return None
    try:
        numbers = list(map(int, tokens))
    except ValueError:
        return None
    values = np.array(numbers, dtype=np.int64)
    ends = np.cumsum(np.array(counts, dtype=np.int64))
    starts = ends - np.array(counts, dtype=np.int64)
    is_pref = np.ones(values.size, dtype=bool)
    is_pref[starts] = False
    is_pref[ends - 1] = False
    prefs = values[is_pref]
    if (values[ends - 1] != 0).any() or (values[starts] < 0).any():
        return None
    if prefs.size and (int(prefs.min()) < 1 or int(prefs.max()) > n_candidates):
        return None
    width = int(max(counts)) - 2
    if width > 1:  # a candidate ranked twice on a line: sort each row and compare neighbours
        lengths = np.array(counts, dtype=np.int64) - 2
        rows = np.repeat(np.arange(len(lines)), lengths)
        cols = np.arange(prefs.size) - np.repeat(np.cumsum(lengths) - lengths, lengths)
        grid = np.zeros((len(lines), width), dtype=np.int64)
        grid[rows, cols] = prefs
        grid.sort(axis=1)
        if ((grid[:, 1:] == grid[:, :-1]) & (grid[:, 1:] != 0)).any():
            return None
    indices = (values - 1).tolist()  # candidate numbers from 0, sliced straight into tuples below
    groups: dict[tuple[int, ...], int] = {}
    start = 0
    for count, repeats in zip(counts, distinct.values(), strict=True):
        stop = start + count
        key = tuple(indices[start + 1 : stop - 1])
        groups[key] = groups.get(key, 0) + numbers[start] * repeats
        start = stop
    return groups


def parse_blt(text: str, source: str = "BLT file") -> Election:
    """Read BLT text; every problem is an InputError naming the line and what is wrong."""
    lines = text.splitlines()
    index = 0

    def skip_blank() -> None:
        nonlocal index
        while index < len(lines) and (not lines[index].strip() or lines[index].lstrip().startswith("#")):
            index += 1

    skip_blank()
    if index >= len(lines):
        raise InputError(f"{source}: the file is empty")
    header = lines[index].split()
    where = f"{source}, line {index + 1}"
    if len(header) != 2:
        raise InputError(f"{where}: the first line must be 'number-of-candidates number-of-seats', found {lines[index]!r}")
    n_candidates, seats = _ints(header, where, "header value")
    if n_candidates < 1:
        raise InputError(f"{where}: there must be at least one candidate")
    if seats < 1:
        raise InputError(f"{where}: the number of seats must be at least 1, not {seats}")
    index += 1
    skip_blank()

    withdrawn: set[int] = set()
    if index < len(lines) and lines[index].split() and lines[index].split()[0].startswith("-"):
        where = f"{source}, line {index + 1}"
        for number in _ints(lines[index].split(), where, "withdrawn candidate"):
            if number >= 0 or -number > n_candidates:
                raise InputError(f"{where}: withdrawn candidates are written -1 to -{n_candidates}, found {number}")
            withdrawn.add(-number - 1)
        index += 1

    # Ballots. Identical lines are counted first (at C speed), then each distinct line is parsed once;
    # a line number is looked up only when a message needs it.
    stripped = [line.strip() for line in lines]
    try:
        end = stripped.index("0", index)
    except ValueError:
        raise InputError(f"{source}: the ballots are not ended by a line holding only 0") from None

    def line_of(text: str) -> int:
        return stripped.index(text, index) + 1

    distinct = Counter(stripped[index:end])
    fast = _fast_groups(distinct, n_candidates)
    int_groups: dict[tuple[int, ...], int] = fast if fast is not None else {}
    exact_groups: dict[tuple[int, ...], Fraction] = {}
    for text, repeats in ({} if fast is not None else distinct).items():
        line = text
        if not line or line.startswith("#"):
            continue
        if line.startswith('"'):
            raise InputError(f"{source}, line {line_of(line)}: a candidate name came before the '0' line that ends the ballots")
        tokens = line.split()
        weight_text = tokens.pop(0)
        if not tokens or tokens[-1] != "0":
            _ints(tokens, f"{source}, line {line_of(line)}", "preference")
            raise InputError(f"{source}, line {line_of(line)}: a ballot line must end with 0")
        try:
            key = tuple([int(token) - 1 for token in tokens[:-1]])
        except ValueError:
            _ints(tokens, f"{source}, line {line_of(line)}", "preference")
            raise
        if key and (min(key) < 0 or max(key) >= n_candidates or len(set(key)) < len(key)):
            where = f"{source}, line {line_of(line)}"
            seen: set[int] = set()
            for number in (c + 1 for c in key):
                if not 1 <= number <= n_candidates:
                    raise InputError(f"{where}: preference {number} is not a candidate number (1 to {n_candidates})")
                if number in seen:
                    raise InputError(f"{where}: candidate {number} is ranked more than once")
                seen.add(number)
        if weight_text.isdigit():
            int_groups[key] = int_groups.get(key, 0) + int(weight_text) * repeats
        else:
            if weight_text.startswith("("):
                raise InputError(f"{source}, line {line_of(line)}: ballot identifiers '(id)' are not supported")
            value = _weight(weight_text, f"{source}, line {line_of(line)}") * repeats
            exact_groups[key] = exact_groups.get(key, Fraction(0)) + value
    index = end + 1
    shared: dict[int, Fraction] = {}  # Fractions are immutable: one object per distinct whole weight
    groups: dict[tuple[int, ...], Fraction] = {
        key: shared.get(value) or shared.setdefault(value, Fraction(value)) for key, value in int_groups.items() if value
    }
    for key, value in exact_groups.items():
        total = groups.get(key, Fraction(0)) + value
        if total:
            groups[key] = total

    names: list[str] = []
    title: str | None = None
    while index < len(lines):
        text = stripped[index]
        index += 1
        if not text or text.startswith("#"):
            continue
        found = _QUOTED.findall(text)
        leftover = _QUOTED.sub("", text).strip()
        if not found or leftover:
            raise InputError(f"{source}, line {index}: expected a name in double quotes, found {text!r}")
        for name in found:
            if len(names) < n_candidates:
                names.append(name)
            elif title is None:
                title = name
            else:
                raise InputError(f"{source}, line {index}: unexpected text after the title: {text!r}")
    if len(names) < n_candidates:
        raise InputError(f"{source}: the header says {n_candidates} candidates but {len(names)} names follow the ballots")

    ballots = tuple(starmap(Ballot, groups.items()))
    return Election(
        candidates=tuple(names),
        seats=seats,
        ballots=ballots,
        withdrawn=frozenset(withdrawn),
        title=title or "",
    )


def read_blt(path: str | Path) -> Election:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except UnicodeDecodeError as error:
        raise InputError(f"{path}: not a UTF-8 text file ({error.reason} at byte {error.start})") from None
    except OSError as error:
        raise InputError(f"{path}: cannot be read ({error.strerror})") from None
    return parse_blt(text, source=str(path))


def _format_weight(value: Fraction) -> str:
    if value.denominator == 1:
        return str(value.numerator)
    denominator = value.denominator
    twos = fives = 0
    while denominator % 2 == 0:
        denominator //= 2
        twos += 1
    while denominator % 5 == 0:
        denominator //= 5
        fives += 1
    if denominator != 1:
        return f"{value.numerator}/{value.denominator}"  # not a finite decimal: the p/q extension
    places = max(twos, fives)
    scaled = value * 10**places
    digits = str(scaled.numerator).rjust(places + 1, "0")
    return f"{digits[:-places]}.{digits[-places:]}"


def format_blt(election: Election) -> str:
    """BLT text for an election; reading it back gives an equal Election."""
    for name in (*election.candidates, election.title):
        if '"' in name or "\n" in name:
            raise InputError(f"the name {name!r} cannot be written to a BLT file (it holds a quote or line break)")
    out = [f"{len(election.candidates)} {election.seats}"]
    if election.withdrawn:
        out.append(" ".join(f"-{c + 1}" for c in sorted(election.withdrawn)))
    for ballot in election.ballots:
        prefs = " ".join(str(c + 1) for c in ballot.ranking)
        out.append(f"{_format_weight(Fraction(ballot.value))} {prefs} 0" if prefs else f"{_format_weight(Fraction(ballot.value))} 0")
    out.append("0")
    out.extend(f'"{name}"' for name in election.candidates)
    out.append(f'"{election.title}"')
    return "\n".join(out) + "\n"


def write_blt(election: Election, path: str | Path) -> None:
    Path(path).write_text(format_blt(election), encoding="utf-8")
