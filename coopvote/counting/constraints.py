"""Seats reserved per membership class within one contest: constrained STV, shared by every rule.

A society's rules may say "at least one seat for the people we support, at most four for employees".
Every rule honours this the same way, so the construction lives here once. It is I. D. Hill's
constrained STV ("STV with constraints", Voting matters 9, May 1998), for one set of classes that do not
overlap, where Hill's list of every way the limits could be met collapses to an interval test: at every
decision the count asks whether the limits can still be met, given

* the seats already filled, per class,
* the continuing candidates, per class,
* the seats left,

and a class's share of the seats left must lie between ``lo = max(0, min - held)`` and
``hi = min(continuing, max - held)``. Classes are disjoint, so the limits can be met exactly when every
``lo <= hi`` and the ``lo`` add up to no more than the seats left; the most seats that can then be filled
(``fill``) is the smaller of the seats left and the sum of the ``hi``. Candidates with no class form one
more class with no limits. Then:

* a continuing candidate is **doomed** when electing them would lower what can still be filled (or make
  a minimum impossible): a doomed candidate who reaches the quota is not elected, and doomed
  candidates are excluded before any surplus is moved or the lowest is excluded;
* a continuing candidate is **guarded** when excluding them would do so: a guarded candidate is never
  chosen for exclusion, alone or in a group (a group is checked as a whole);
* when the guarded candidates are as many as the seats that can still be filled, they are all elected
  (every other candidate is then doomed);
* when the continuing candidates who are not doomed are no more than the seats left, they are all
  elected.

Electing a candidate who is not doomed, or excluding one who is not guarded, keeps the limits
possible; no candidate is both doomed and guarded. So a count that starts from a possible table
fills every seat the table allows and meets every minimum and maximum.

A table no count could meet (a minimum above the seats or above the class's candidates, a minimum
above the maximum, a negative figure) is refused before counting, by ``check_seat_table``, with the
class and the reason.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from coopvote.counting.model import CountOptions, Election
from coopvote.counting.notes import Note
from coopvote.errors import InputError
from coopvote.messages import Bilingual, Message, message


class SeatTableError(InputError):
    """A table of seats reserved per class that no count could meet."""


def seat_table_problems(
    seats: int,
    candidate_classes: Sequence[str | None],
    min_seats: Mapping[str, int],
    max_seats: Mapping[str, int],
) -> list[Message]:
    """Every reason the table cannot be met, each a message naming the class; [] when it can.

    ``candidate_classes`` holds each standing candidate's class code (None for no class), in any order.
    A maximum that leaves seats unfilled (three seats, every candidate in a class allowed one) is not a
    problem: the count fills what the maximums allow and says so.
    """
    standing = Counter(c for c in candidate_classes if c is not None)
    problems: list[Message] = []
    for code in sorted(set(min_seats) | set(max_seats)):
        low = min_seats.get(code)
        high = max_seats.get(code)
        for key, value in (("counting.seats.not_whole_minimum", low), ("counting.seats.not_whole_maximum", high)):
            if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
                problems.append(message(key, code=code, value=value))
        if low is not None and isinstance(low, int) and low < 0:
            problems.append(message("counting.seats.negative_minimum", code=code, low=low))
        if high is not None and isinstance(high, int) and high < 0:
            problems.append(message("counting.seats.negative_maximum", code=code, high=high))
        if not (isinstance(low, int) and low > 0):
            continue
        if isinstance(high, int) and high >= 0 and low > high:
            problems.append(message("counting.seats.minimum_above_maximum", code=code, low=low, high=high))
        if low > seats:
            problems.append(message("counting.seats.minimum_above_seats", code=code, low=low, seats=seats))
        if low > standing[code]:
            problems.append(message("counting.seats.minimum_above_candidates", code=code, low=low,
                                    have=standing[code]))
    total = sum(v for v in min_seats.values() if isinstance(v, int) and v > 0)
    if total > seats and len([v for v in min_seats.values() if isinstance(v, int) and v > 0]) > 1:
        problems.append(message("counting.seats.minimums_above_seats", total=total, seats=seats))
    return problems


def check_seat_table(
    seats: int,
    candidate_classes: Sequence[str | None],
    min_seats: Mapping[str, int],
    max_seats: Mapping[str, int],
    *,
    where: str = "",
) -> None:
    """Raise ``SeatTableError`` naming each class whose limits no count could meet.

    For the meeting-definition validator and for every counting rule before it counts. ``where``
    prefixes the message (e.g. the agenda item).
    """
    problems = seat_table_problems(seats, candidate_classes, min_seats, max_seats)
    if problems:
        listed = Bilingual(*("; ".join(problem.render(language) for problem in problems) for language in ("cy", "en")))
        if where:
            raise SeatTableError("counting.seats.cannot_be_met_at", where=where, problems=listed)
        raise SeatTableError("counting.seats.cannot_be_met", problems=listed)


@dataclass(frozen=True)
class SeatConstraints:
    groups: Mapping[int, str] = field(default_factory=dict)
    min_seats: Mapping[str, int] = field(default_factory=dict)
    max_seats: Mapping[str, int] = field(default_factory=dict)

    @classmethod
    def from_options(cls, options: CountOptions) -> SeatConstraints:
        return cls(dict(options.candidate_groups), dict(options.min_seats), dict(options.max_seats))

    @classmethod
    def for_count(cls, election: Election, options: CountOptions) -> SeatConstraints:
        """The limits of one count, refused (``SeatTableError``) if the standing candidates cannot meet them."""
        constraints = cls.from_options(options)
        if constraints.active:
            standing = [
                constraints.groups.get(c) for c in range(len(election.candidates)) if c not in election.withdrawn
            ]
            check_seat_table(
                election.seats, standing, constraints.min_seats, constraints.max_seats, where=election.title
            )
        return constraints

    @property
    def active(self) -> bool:
        return bool(self.min_seats or self.max_seats)

    # -- the feasibility check ---------------------------------------------------------------------

    def _per_class(self, candidates: Iterable[int]) -> Counter[str | None]:
        return Counter(self.groups.get(c) for c in candidates)

    def _fill(self, held: Mapping[str | None, int], standing: Mapping[str | None, int], seats_left: int) -> int | None:
        """The most seats that can still be filled within the limits, or None if a minimum cannot be met."""
        low_total = 0
        high_total = 0
        for code in set(held) | set(standing) | set(self.min_seats) | set(self.max_seats):
            have = held.get(code, 0)
            available = standing.get(code, 0)
            low = 0 if code is None else max(0, self.min_seats.get(code, 0) - have)
            high = available
            if code is not None and code in self.max_seats:
                high = min(high, self.max_seats[code] - have)
            if high < low:
                return None
            low_total += low
            high_total += high
        if low_total > seats_left:
            return None
        return min(seats_left, high_total)

    def fill(self, elected: Iterable[int], continuing: Iterable[int], seats_left: int) -> int | None:
        """The most seats that can still be filled within the limits; None if they cannot be met."""
        return self._fill(self._per_class(elected), self._per_class(continuing), seats_left)

    def _effects(
        self, elected: Iterable[int], continuing: Iterable[int], seats_left: int
    ) -> tuple[set[str | None], set[str | None], int | None]:
        """(classes whose candidates are doomed, classes whose candidates are guarded, fill now)."""
        held = self._per_class(elected)
        standing = self._per_class(continuing)
        now = self._fill(held, standing, seats_left)
        doomed: set[str | None] = set()
        guarded: set[str | None] = set()
        if now is None:
            return doomed, guarded, None  # not reachable from a checked table; change nothing
        for code, available in standing.items():
            if available <= 0:
                continue
            fewer = Counter(standing)
            fewer[code] -= 1
            more = Counter(held)
            more[code] += 1
            after_election = self._fill(more, fewer, seats_left - 1)
            if after_election is None or after_election + 1 < now:
                doomed.add(code)
            after_exclusion = self._fill(held, fewer, seats_left)
            if after_exclusion is None or after_exclusion < now:
                guarded.add(code)
        return doomed, guarded, now

    def doomed(self, elected: Iterable[int], continuing: Iterable[int], seats_left: int) -> set[int]:
        """Continuing candidates whose election would make the limits impossible to meet."""
        continuing = list(continuing)
        codes = self._effects(elected, continuing, seats_left)[0]
        return {c for c in continuing if self.groups.get(c) in codes}

    def guarded(self, elected: Iterable[int], continuing: Iterable[int], seats_left: int) -> set[int]:
        """Continuing candidates whose exclusion would make the limits impossible to meet."""
        continuing = list(continuing)
        codes = self._effects(elected, continuing, seats_left)[1]
        return {c for c in continuing if self.groups.get(c) in codes}

    def can_elect(self, candidate: int, elected: Iterable[int], continuing: Iterable[int], seats_left: int) -> bool:
        """Whether electing ``candidate`` (one of ``continuing``) keeps the limits possible."""
        continuing = list(continuing)
        if candidate not in continuing:
            continuing.append(candidate)
        return candidate not in self.doomed(elected, continuing, seats_left)

    def can_exclude(
        self, group: Iterable[int], elected: Iterable[int], continuing: Iterable[int], seats_left: int
    ) -> bool:
        """Whether excluding every candidate of ``group`` together keeps the limits possible."""
        group = set(group)
        continuing = list(continuing)
        held = self._per_class(elected)
        now = self._fill(held, self._per_class(continuing), seats_left)
        if now is None:
            return True
        after = self._fill(held, self._per_class(c for c in continuing if c not in group), seats_left)
        return after is not None and after >= now

    def must_elect(self, elected: Iterable[int], continuing: Iterable[int], seats_left: int) -> set[int]:
        """The guarded candidates, when they are as many as the seats that can still be filled."""
        elected = list(elected)
        continuing = list(continuing)
        codes = self._effects(elected, continuing, seats_left)
        guarded = {c for c in continuing if self.groups.get(c) in codes[1]}
        if guarded and codes[2] is not None and len(guarded) >= codes[2]:
            return guarded
        return set()

    def why_doomed(self, candidate: int, elected: Iterable[int]) -> Note:
        """Words for a stage sheet: why ``candidate`` may not take a seat (a keyed note, worded in both languages)."""
        elected = list(elected)
        code = self.groups.get(candidate)
        held = self._per_class(elected)
        if code is not None and code in self.max_seats and held.get(code, 0) >= self.max_seats[code]:
            return Note(f"class {code} already holds its maximum of {self.max_seats[code]} seat(s)",
                        "notes.doomed_class_full", class_code=code, seats=self.max_seats[code])
        unmet = {
            g: m - held.get(g, 0) for g, m in sorted(self.min_seats.items()) if g != code and m > held.get(g, 0)
        }
        if unmet:
            needs = [f"{g} ({n})" for g, n in unmet.items()]
            return Note("the remaining seats are needed for the minimum of " + ", ".join(needs),
                        "notes.doomed_minimums", needs=needs)
        return Note("electing them would leave the seats reserved per class impossible to meet", "notes.doomed_impossible")

    def unmet_minimums(self, elected: Iterable[int]) -> dict[str, int]:
        held = self._per_class(elected)
        return {g: m - held.get(g, 0) for g, m in self.min_seats.items() if m - held.get(g, 0) > 0}
