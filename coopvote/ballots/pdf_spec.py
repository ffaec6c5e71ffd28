"""Plain data a ballot paper or vote-slip sheet is printed from.

The service layer fills these from the meeting record; printing needs nothing else, so it can be
tested and benchmarked without a database. ``papers_for`` and ``slips_for`` seal one QR code per
serial; ``collate_packs`` orders a class's papers so each voter's pack comes off the printer together.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Literal

from coopvote.ballots.layout import PaperForm, normalise_page_size
from coopvote.ballots.paper import Kind, PageSize, Variant
from coopvote.ballots.qrcodec import BallotCode, encode
from coopvote.ballots.texts import RESOLUTION_OPTIONS
from coopvote.errors import InputError

Stance = Literal["for", "against", "abstain"]


@dataclass(frozen=True)
class MeetingInfo:
    """The meeting's QR code (A-Z, 0-9) and its title in both languages."""

    code: str
    title_cy: str
    title_en: str


@dataclass(frozen=True)
class VotingClass:
    """A membership class as printed: code, names and band colour (``#rrggbb``)."""

    code: str
    name_cy: str
    name_en: str
    colour: str = "#777777"
    band: Fraction | None = None
    """The vote value of every paper printed for this class's value band (``per_member``), or None."""


@dataclass(frozen=True)
class Choice:
    """One option or candidate. A candidate's name is usually the same in both languages.

    ``stance`` marks a resolution's for/against/abstain option so the Easy Read paper can show its
    picture; it is None for candidates.
    """

    label_cy: str
    label_en: str
    stance: Stance | None = None
    photo: bytes | None = None
    """A candidate's photo (PNG or JPEG bytes) for the Easy Read paper; None draws their initials."""


@dataclass(frozen=True)
class BallotItem:
    """An agenda item as printed.

    ``max_marks`` is how many boxes a voter may mark on an election (0 = as many as they like, for
    approval voting); ``ranks`` is how many preferences a ranking grid offers (0 = one per candidate).
    """

    number: int
    title_cy: str
    title_en: str
    kind: Kind
    choices: tuple[Choice, ...]
    max_marks: int = 1
    ranks: int = 0
    text_cy: str = ""
    text_en: str = ""
    """The question in plain words (the definition's ``text_cy``/``text_en``): an Easy Read paper prints it
    in place of the formal title, which a person with a learning disability may not follow."""

    def question(self, easy: bool) -> tuple[str, str]:
        """What the paper asks, Welsh and English: the plain words on Easy Read when both are given."""
        if easy and self.text_cy.strip() and self.text_en.strip():
            return self.text_cy.strip(), self.text_en.strip()
        return self.title_cy, self.title_en


def resolution_item(
    number: int, title_cy: str, title_en: str, abstain: bool = True, text_cy: str = "", text_en: str = ""
) -> BallotItem:
    """A resolution with the usual O blaid / Yn erbyn / Ymatal (For / Against / Abstain) options."""
    stances: tuple[Stance, ...] = ("for", "against", "abstain") if abstain else ("for", "against")
    choices = tuple(
        Choice(pair.cy, pair.en, stance) for pair, stance in zip(RESOLUTION_OPTIONS, stances, strict=False)
    )
    return BallotItem(number=number, title_cy=title_cy, title_en=title_en, kind="resolution",
                      choices=choices, max_marks=1, text_cy=text_cy, text_en=text_en)


@dataclass(frozen=True)
class PaperSpec:
    """One ballot paper: what it says, whose class it is, its serial and its sealed QR text."""

    meeting: MeetingInfo
    item: BallotItem
    voting_class: VotingClass
    serial: int
    qr_text: str
    variant: Variant = "standard"
    page_size: PageSize = "A4"

    @property
    def form(self) -> PaperForm:
        return PaperForm(kind=self.item.kind, options=len(self.item.choices), ranks=self.item.ranks,
                         variant=self.variant, page_size=self.page_size)


@dataclass(frozen=True)
class SlipSheetSpec:
    """One voter's sheet of vote slips for a resolution: one slip (and QR text) per option."""

    meeting: MeetingInfo
    item: BallotItem
    voting_class: VotingClass
    serial: int
    qr_texts: tuple[str, ...]
    variant: Variant = "standard"
    page_size: PageSize = "A4"


def _checked(variant: str, page_size: str) -> tuple[Variant, PageSize]:
    if variant not in ("standard", "easy-read", "large-print"):
        raise InputError("paper.print_variant_unknown", variant=variant)
    return variant, normalise_page_size(page_size)  # type: ignore[return-value]


def papers_for(
    meeting: MeetingInfo, item: BallotItem, voting_class: VotingClass, serials: Sequence[int],
    secret: bytes, variant: str = "standard", page_size: str = "A4",
) -> list[PaperSpec]:
    """One sealed paper per serial, in the order given (pass ``shuffled_serials`` for print order)."""
    checked_variant, checked_page = _checked(variant, page_size)
    papers = []
    for serial in serials:
        code = BallotCode(meeting=meeting.code, item=item.number, class_code=voting_class.code, serial=serial,
                          option=None, variant=checked_variant, page_size=checked_page, band=voting_class.band)
        papers.append(PaperSpec(meeting=meeting, item=item, voting_class=voting_class, serial=serial,
                                qr_text=encode(code, secret), variant=checked_variant,
                                page_size=checked_page))
    return papers


def slips_for(
    meeting: MeetingInfo, item: BallotItem, voting_class: VotingClass, serials: Sequence[int],
    secret: bytes, variant: str = "standard", page_size: str = "A4",
) -> list[SlipSheetSpec]:
    """One sheet of slips per serial; every slip on a sheet shares the serial and names its option."""
    checked_variant, checked_page = _checked(variant, page_size)
    sheets = []
    for serial in serials:
        texts = tuple(
            encode(BallotCode(meeting=meeting.code, item=item.number, class_code=voting_class.code,
                              serial=serial, option=index, band=voting_class.band), secret)
            for index in range(len(item.choices))
        )
        sheets.append(SlipSheetSpec(meeting=meeting, item=item, voting_class=voting_class, serial=serial,
                                    qr_texts=texts, variant=checked_variant, page_size=checked_page))
    return sheets


def collate_packs(batches: Sequence[Sequence[PaperSpec]]) -> list[PaperSpec]:
    """Interleave one batch per item so the printer delivers pack after pack.

    Pack k holds the k-th paper of every batch, items in the order given; each batch keeps its own
    (shuffled) serial order. All batches must be the same length: one paper per item per voter.
    """
    if not batches:
        return []
    size = len(batches[0])
    for batch in batches:
        if len(batch) != size:
            raise InputError("paper.packs_uneven", first=size, other=len(batch))

    return [batch[k] for k in range(size) for batch in batches]
