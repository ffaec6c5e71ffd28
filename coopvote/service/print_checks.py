"""How many papers to print for a class, checked against the register before anything is allocated.

Printing allocates serials in the record at once, so a slip of the keyboard (0, or 20,000 for a class of
200) would leave a batch that the reconciliation then has to explain. Too few papers is worse: members
of the class who turn up would have none. The desk sees a warning for too few and a refusal for an
absurd count, each in Welsh and English, before it presses Prepare.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from coopvote.messages import Bilingual, Message, message

SPARE_SHARE = 10  # per cent over the members who may vote, as the command line's default
MINIMUM_SPARE = 5
ABSURD_FACTOR = 5  # more than five papers a member who may vote is refused
ABSURD_FLOOR = 200  # ... unless the class is tiny: up to 200 papers are always allowed
SERVICE_LIMIT = 100_000  # what one batch may hold (PapersRole.add_paper_batch)


@dataclass(frozen=True)
class CountCheck:
    """The outcome: a refusal (nothing may be printed) and/or warnings, each as (Welsh, English)."""

    suggested: int
    refusal: tuple[str, str] | None = None
    warnings: list[tuple[str, str]] = field(default_factory=list)

    @property
    def allowed(self) -> bool:
        return self.refusal is None


def suggested_count(eligible: int) -> int:
    """Members who may vote in the class and 10% more (at least five spare), never fewer than one."""
    return max(1, eligible + max(MINIMUM_SPARE, eligible // SPARE_SHARE))


def largest_sensible(eligible: int) -> int:
    return min(SERVICE_LIMIT, max(ABSURD_FLOOR, eligible * ABSURD_FACTOR))


def check_count(class_code: str, eligible: int, count: int, what_en: str = "papers",
                what_cy: str = "papur") -> CountCheck:
    """Check ``count`` copies (papers, packs or sets of slips) for a class with ``eligible`` voters."""
    suggested = suggested_count(eligible)
    what = Bilingual(cy=what_cy, en=what_en)
    if count < 1:
        return CountCheck(suggested, both(message("papers.print_at_least_one", what=what, code=class_code)))
    limit = largest_sensible(eligible)
    if count > limit:
        return CountCheck(suggested, both(message("papers.too_many_copies", count=count, what=what, code=class_code,
                                                  eligible=eligible, limit=limit)))
    warnings = []
    if eligible == 0:
        warnings.append(both(message("papers.nobody_may_vote", code=class_code)))
    elif count < eligible:
        warnings.append(both(message("papers.too_few_copies", count=count, what=what, eligible=eligible,
                                     code=class_code, short=eligible - count)))
    return CountCheck(suggested, None, warnings)


def both(words: Message) -> tuple[str, str]:
    """(Welsh, English): how the print dialog takes a check's words."""
    return words.render("cy"), words.render("en")
