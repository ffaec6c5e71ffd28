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

A name holding a double quote has it doubled, as CSV does: ``"Dafydd ""Dai"" Jones"``. The BLT format
itself has no escape; a program that takes everything between a line's first and last quote reads such
a name with its quotes doubled, and any name without a quote is written exactly as every program expects.

Identical ballots are grouped on reading: the group's value is the exact sum of their weights.
Equal rankings (``1 2=3 0``) are refused: no rule coopvote implements gives them a meaning, and
silently reading them one way would change the count. As an extension a weight may be written as a
fraction ``p/q``, so that any weighted count coopvote makes can be written and read back unchanged.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from itertools import repeat
from operator import getitem, ne
from pathlib import Path
from typing import cast

from coopvote.counting.model import Ballot, Election
from coopvote.errors import InputError

_QUOTED = re.compile(r'"((?:[^"]|"")*)"')
"""A quoted name; a double quote inside a name is written twice (``"Dafydd ""Dai"" Jones"``), as in CSV."""


MAX_SEATS = 10_000
"""The most seats a count is asked to fill. A meeting may name more seats than candidates (every candidate
is then elected), so that is allowed; but Meek's work grows with the seats, and 99,999,999,999,999 of them
ran for hours. Checked where a number of seats comes in from outside: the BLT header, ``count --seats``
and an archive's item definition."""

MAX_WEIGHT_CHARS = 200
"""The longest ballot weight read (characters). coopvote's own weights, written exactly as p/q, take a
few dozen; a weight of thousands of digits is not a vote, and exact arithmetic on it would be slow."""

MAX_WEIGHT_EXPONENT = 100
"""A decimal weight's exponent is kept within ±100: ``1e999999999`` would otherwise become an integer of a
billion digits before anything could look at it."""


def _weight(token: str, source: str, line: int) -> Fraction:
    if len(token) > MAX_WEIGHT_CHARS:
        raise InputError("blt.weight_too_long", source=source, line=line, length=len(token), limit=MAX_WEIGHT_CHARS)
    try:
        if "/" in token:
            value = Fraction(token)
        else:
            decimal = Decimal(token)
            if decimal.is_finite() and decimal and abs(decimal.adjusted()) > MAX_WEIGHT_EXPONENT:
                raise InputError("blt.weight_exponent", source=source, line=line, token=token,
                                 limit=MAX_WEIGHT_EXPONENT)
            value = Fraction(decimal)
    except (ValueError, InvalidOperation, ZeroDivisionError, OverflowError):
        raise InputError("blt.weight_not_a_number", source=source, line=line, token=token) from None
    if value < 0:
        raise InputError("blt.weight_negative", source=source, line=line, token=token)
    return value


def _ints(tokens: list[str], source: str, line: int, not_whole: str) -> list[int]:
    """The tokens as integers; ``not_whole`` is the key of the message for a token that is not one."""
    out: list[int] = []
    for token in tokens:
        try:
            out.append(int(token))
        except ValueError:
            if "=" in token:
                raise InputError("blt.equal_rankings", source=source, line=line, token=token) from None
            raise InputError(not_whole, source=source, line=line, token=token) from None
    return out


Ranking = tuple[int, ...] | bytes
"""Candidate indices in order of preference; the bulk reader keeps them as bytes (one byte each)."""

_END = 255  # code of the "0" that ends a ballot line, in the bulk reader's byte strings
_BAD = 254  # code of any token that is not a candidate number
_SEP = 253  # code of the separator the bulk reader puts between lines
_LINE_END = bytes([_END, _SEP])


def _fast_groups(distinct: Counter[str], n_candidates: int) -> dict[Ranking, int] | None:
    """Whole-weight ballot lines, parsed in bulk; None when any line needs the careful path.

    Large files (100,000 papers) are almost all single-spaced lines of whole numbers. All distinct
    lines are joined and split at once, and every token is looked up in a table of candidate numbers,
    giving one byte per token; splitting those bytes at each line's closing 0 gives every ranking as a
    bytes object (hashable, its hash kept, cheap to slice as a count moves papers on). Every step runs
    at C speed except building one set per line to find a candidate ranked twice. If anything is
    unusual (a decimal weight, a tab, a comment, a bad number, a repeated candidate, more than 252
    candidates) the caller parses line by line and reports the exact line and fault. Pure Python:
    importing numpy would cost more than the whole read.
    """
    if not distinct or n_candidates > _SEP - 1:
        return None
    code = {str(number): number - 1 for number in range(1, n_candidates + 1)}
    code["0"] = _END
    code[";"] = _SEP
    keys = _unit_weight_keys(distinct, code)
    if keys is not None:
        if any(map(ne, map(len, map(frozenset, keys)), map(len, keys))):  # a candidate ranked twice
            return None
        return cast(dict[Ranking, int], dict(zip(keys, distinct.values(), strict=True)))
    tokens = (" ; ".join(distinct) + " ;").split(" ")  # a tab, double space or empty line: a bad token
    codes = bytes(map(code.get, tokens, repeat(_BAD)))
    if codes.count(_SEP) != len(distinct):  # a ';' of the file's own
        return None
    parts = codes.split(_LINE_END)  # weight, preferences; one part per line if every line ends with 0
    if len(parts) != len(distinct) + 1:
        return None
    parts.pop()
    keys = [part[1:] for part in parts]
    marks = b"".join(keys)
    if _BAD in marks or _END in marks:
        return None
    if any(map(ne, map(len, map(frozenset, keys)), map(len, keys))):  # a candidate ranked twice
        return None
    if bytes(map(getitem, parts, repeat(0))).count(0) == len(parts):  # every weight is "1": only "1" has code 0
        return cast(dict[Ranking, int], dict(zip(keys, distinct.values(), strict=True)))
    groups: dict[Ranking, int] = {}
    try:
        for key, line, repeats in zip(keys, distinct, distinct.values(), strict=True):
            weight = int(line.partition(" ")[0])
            if weight < 0:
                return None
            groups[key] = groups.get(key, 0) + weight * repeats
    except ValueError:  # a decimal weight: the careful path reads it
        return None
    return groups


def _unit_weight_keys(distinct: Counter[str], code: dict[str, int]) -> list[bytes] | None:
    """The rankings when every line is ``1 ... 0`` (the usual file), else None.

    Cutting each line's ``1`` and ``0`` off in one string replacement leaves only the preferences to
    split and look up, a third fewer tokens. A blank paper (``1 0``) does not fit the replacement,
    so such a file takes the general bulk path.
    """
    if "1 0" in distinct:
        return None
    text = "\n".join(distinct)
    if not (text.startswith("1 ") and text.endswith(" 0")) or ";" in text:
        return None
    core = text[2:-2].replace(" 0\n1 ", " ; ")
    if core.count(";") != len(distinct) - 1:  # some line does not start with 1 or end with 0
        return None
    try:
        codes = bytes(map(code.__getitem__, core.split(" ")))
    except KeyError:  # not a candidate number: the careful path says which and where
        return None
    if _END in codes:
        return None
    return codes.split(bytes([_SEP]))


@dataclass
class BltContents:
    """A BLT file as read, before its ballot groups become Ballot objects.

    ``groups`` maps each distinct ranking to the total weight of its papers: an int while every weight
    was whole, else a Fraction; in file order, zero totals left out. Building 40,000 Ballots (and
    their Fractions) costs more than a Scottish count of them, so ``coopvote count`` hands the groups
    to a rule that takes them (``count_groups``) and builds the Election's ballots only for the others.
    """

    candidates: tuple[str, ...]
    seats: int
    withdrawn: frozenset[int]
    title: str
    groups: dict[Ranking, int | Fraction]
    all_whole: bool

    def whole_and_fractional(self) -> tuple[dict[Ranking, int], list[tuple[Ranking, Fraction]]]:
        """The groups split as a rule counting whole papers needs them (see fixed_gregory.split_ballots)."""
        if self.all_whole:
            return self.groups, []  # type: ignore[return-value]  # all_whole: every value is an int
        whole: dict[Ranking, int] = {}
        fractional: list[tuple[Ranking, Fraction]] = []
        for ranking, value in self.groups.items():
            if isinstance(value, int) or value.denominator == 1:
                whole[ranking] = int(value)
            else:
                fractional.append((ranking, value))
        return whole, fractional

    def election(self, *, with_ballots: bool = True) -> Election:
        """The Election; without ballots when a rule takes ``groups`` directly."""
        ballots: tuple[Ballot, ...] = ()
        if with_ballots:
            shared: dict[int, Fraction] = {}  # Fractions are immutable: one object per distinct whole weight
            values = [
                v if isinstance(v, Fraction) else shared.get(v) or shared.setdefault(v, Fraction(v))
                for v in self.groups.values()
            ]
            rankings = [k if isinstance(k, tuple) else tuple(k) for k in self.groups]
            ballots = tuple(map(Ballot, rankings, values))
        return Election(
            candidates=self.candidates,
            seats=self.seats,
            ballots=ballots,
            withdrawn=self.withdrawn,
            title=self.title,
        )


def parse_blt(text: str, source: str = "BLT file") -> Election:
    """Read BLT text; every problem is an InputError naming the line and what is wrong."""
    return parse_blt_groups(text, source).election()


def parse_blt_groups(text: str, source: str = "BLT file") -> BltContents:
    """Read BLT text into ballot groups; every problem is an InputError naming the line and what is wrong."""
    lines = text.splitlines()
    index = 0

    def skip_blank() -> None:
        nonlocal index
        while index < len(lines) and (not lines[index].strip() or lines[index].lstrip().startswith("#")):
            index += 1

    skip_blank()
    if index >= len(lines):
        raise InputError("blt.empty", source=source)
    header = lines[index].split()
    header_line = index + 1
    if len(header) != 2:
        raise InputError("blt.bad_header", source=source, line=header_line, found=lines[index])
    n_candidates, seats = _ints(header, source, header_line, "blt.header_not_whole")
    if n_candidates < 1:
        raise InputError("blt.no_candidates", source=source, line=header_line)
    if seats < 1:
        raise InputError("blt.no_seats", source=source, line=header_line, seats=seats)
    if seats > MAX_SEATS:
        raise InputError("blt.too_many_seats", source=source, line=header_line, seats=seats, limit=MAX_SEATS)
    index += 1
    skip_blank()

    withdrawn: set[int] = set()
    if index < len(lines) and lines[index].split() and lines[index].split()[0].startswith("-"):
        withdrawn_line = index + 1
        for number in _ints(lines[index].split(), source, withdrawn_line, "blt.withdrawn_not_whole"):
            if number >= 0 or -number > n_candidates:
                raise InputError("blt.withdrawn_range", source=source, line=withdrawn_line, candidates=n_candidates,
                                 number=number)
            withdrawn.add(-number - 1)
        index += 1

    # Ballots. Identical lines are counted first (at C speed), then each distinct line is parsed once;
    # a line number is looked up only when a message needs it.
    stripped = list(map(str.strip, lines))
    try:
        end = stripped.index("0", index)
    except ValueError:
        raise InputError("blt.no_end_of_ballots", source=source) from None

    def line_of(text: str) -> int:
        return stripped.index(text, index) + 1

    distinct = Counter(stripped[index:end])
    fast = _fast_groups(distinct, n_candidates)
    int_groups: dict[Ranking, int] = fast if fast is not None else {}
    exact_groups: dict[Ranking, Fraction] = {}
    for text, repeats in ({} if fast is not None else distinct).items():
        line = text
        if not line or line.startswith("#"):
            continue
        if line.startswith('"'):
            raise InputError("blt.name_among_ballots", source=source, line=line_of(line))
        tokens = line.split()
        weight_text = tokens.pop(0)
        if not tokens or tokens[-1] != "0":
            _ints(tokens, source, line_of(line), "blt.preference_not_whole")
            raise InputError("blt.ballot_without_end", source=source, line=line_of(line))
        try:
            key = tuple([int(token) - 1 for token in tokens[:-1]])
        except ValueError:
            _ints(tokens, source, line_of(line), "blt.preference_not_whole")
            raise
        if key and (min(key) < 0 or max(key) >= n_candidates or len(set(key)) < len(key)):
            at = line_of(line)
            seen: set[int] = set()
            for number in (c + 1 for c in key):
                if not 1 <= number <= n_candidates:
                    raise InputError("blt.preference_not_candidate", source=source, line=at, number=number,
                                     candidates=n_candidates)
                if number in seen:
                    raise InputError("blt.ranked_twice", source=source, line=at, number=number)
                seen.add(number)
        if weight_text.isdigit() and len(weight_text) <= MAX_WEIGHT_CHARS:
            int_groups[key] = int_groups.get(key, 0) + int(weight_text) * repeats
        else:
            if weight_text.startswith("("):
                raise InputError("blt.ballot_identifiers", source=source, line=line_of(line))
            value = _weight(weight_text, source, line_of(line)) * repeats
            exact_groups[key] = exact_groups.get(key, Fraction(0)) + value
    index = end + 1
    groups = cast(dict[Ranking, int | Fraction], int_groups)
    if 0 in int_groups.values():
        groups = {key: value for key, value in int_groups.items() if value}
    for ranking, exact in exact_groups.items():
        total = groups.get(ranking, 0) + exact
        if total:
            groups[ranking] = total

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
            raise InputError("blt.name_not_quoted", source=source, line=index, text=text)
        for quoted in found:
            name = quoted.replace('""', '"')
            if len(names) < n_candidates:
                names.append(name)
            elif title is None:
                title = name
            else:
                raise InputError("blt.text_after_title", source=source, line=index, text=text)
    if len(names) < n_candidates:
        raise InputError("blt.names_missing", source=source, candidates=n_candidates, names=len(names))
    return BltContents(
        candidates=tuple(names),
        seats=seats,
        withdrawn=frozenset(withdrawn),
        title=title or "",
        groups=groups,
        all_whole=not exact_groups,
    )


def read_blt(path: str | Path) -> Election:
    return read_blt_groups(path).election()


def read_blt_groups(path: str | Path) -> BltContents:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError("file.missing", path=path) from None
    except UnicodeDecodeError as error:
        raise InputError("blt.not_utf8", path=path, reason=error.reason, start=error.start) from None
    except OSError as error:
        raise InputError("file.unreadable", path=path, detail=error.strerror) from None
    return parse_blt_groups(text, source=str(path))


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


def _quoted(name: str) -> str:
    """A name in double quotes, any quote inside it doubled so the file reads back to the same name."""
    doubled = name.replace('"', '""')
    return f'"{doubled}"'


def format_blt(election: Election) -> str:
    """BLT text for an election; reading it back gives an equal Election."""
    for name in (*election.candidates, election.title):
        if "".join(name.splitlines()) != name:  # every separator str.splitlines knows, as parse_blt splits
            raise InputError("blt.name_with_line_break", name=name)
    out = [f"{len(election.candidates)} {election.seats}"]
    if election.withdrawn:
        out.append(" ".join(f"-{c + 1}" for c in sorted(election.withdrawn)))
    for ballot in election.ballots:
        prefs = " ".join(str(c + 1) for c in ballot.ranking)
        out.append(f"{_format_weight(Fraction(ballot.value))} {prefs} 0" if prefs else f"{_format_weight(Fraction(ballot.value))} 0")
    out.append("0")
    out.extend(_quoted(name) for name in election.candidates)
    out.append(_quoted(election.title))
    return "\n".join(out) + "\n"


def write_blt(election: Election, path: str | Path) -> None:
    Path(path).write_text(format_blt(election), encoding="utf-8")
