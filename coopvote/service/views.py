"""Plain read-only views the service hands to the CLI and the app, detached from any session."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from fractions import Fraction
from typing import Any

from coopvote.counting.model import Outcome
from coopvote.counting.resolutions import ResolutionResult
from coopvote.counting.value_bands import PublicBandRow
from coopvote.messages import Bilingual, Message, message
from coopvote.service.wording import numbers


@dataclass(frozen=True)
class ClassView:
    code: str
    name_en: str
    name_cy: str
    colour: str
    vote_value: Fraction
    members: int = 0
    eligible: int = 0


@dataclass(frozen=True)
class CandidateView:
    position: int
    name: str
    class_code: str | None
    withdrawn: bool


@dataclass(frozen=True)
class ItemView:
    number: int
    kind: str
    title_en: str
    title_cy: str
    text_en: str
    text_cy: str
    special: bool
    threshold: str
    by_head: bool
    method: str
    seats: int
    max_marks: int
    status: str
    candidates: tuple[CandidateView, ...]
    settings: dict[str, Any] = field(default_factory=dict)

    @property
    def is_open(self) -> bool:
        return self.status == "open"

    @property
    def options_en(self) -> tuple[str, ...]:
        if self.kind == "resolution":
            return ("For", "Against", "Abstain")
        return tuple(c.name for c in self.candidates)


@dataclass(frozen=True)
class MeetingView:
    code: str
    name_en: str
    name_cy: str
    society_en: str
    society_cy: str
    held_on: date | None
    place: str
    notice_given_on: date | None
    languages: tuple[str, ...]
    weighting: dict[str, Any]
    rules: dict[str, Any]
    classes: tuple[ClassView, ...]
    items: tuple[ItemView, ...]

    def item(self, number: int) -> ItemView:
        for item in self.items:
            if item.number == number:
                return item
        raise KeyError(number)


@dataclass(frozen=True)
class MemberView:
    number: str
    name: str
    class_code: str
    vote_value: Fraction
    status: str
    present: bool
    proxy_held_for: tuple[str, ...] = ()
    proxy_given_to: str | None = None


@dataclass(frozen=True)
class PackToHand:
    """What the desk hands over: one pack per line, in the class colour named."""

    class_code: str
    colour: str
    for_member: str
    as_proxy: bool
    items: tuple[int, ...]
    band: Fraction | None = None
    """The member's vote value, when some items count it: those items' papers come from this band's stock."""
    banded_items: tuple[int, ...] = ()
    band_note: Message | None = None
    """Said at the desk when the band is smaller than the privacy minimum."""

    @property
    def band_warning(self) -> str:
        """The band's privacy warning in the reading language, or "" when there is none."""
        return str(self.band_note) if self.band_note is not None else ""

    def in_words(self) -> str:
        """"1 EMP pack, band 5 votes (items 1, 2), for E3: items 1, 2": what the desk hands over."""
        return str(self.words())

    def words(self) -> Message:
        from coopvote.counting.value_bands import votes_words

        items = numbers(self.items)
        if self.band is None:
            key = "desk.pack_for_proxy" if self.as_proxy else "desk.pack_for"
            return message(key, code=self.class_code, member=self.for_member, items=items)
        key = "desk.pack_band_for_proxy" if self.as_proxy else "desk.pack_band_for"
        return message(key, code=self.class_code, member=self.for_member, items=items,
                       votes=Bilingual(*votes_words(self.band)), banded=numbers(self.banded_items))


@dataclass(frozen=True)
class ScanOutcome:
    accepted: bool
    message_en: str
    message_cy: str
    reason: str = ""
    item: int | None = None
    class_code: str | None = None
    serial: int | None = None
    marks: tuple[int, ...] = ()
    first_counted_at: datetime | None = None
    first_counted_station: str | None = None

    @classmethod
    def worded(cls, accepted: bool, words: Message, **fields: Any) -> ScanOutcome:
        """An outcome whose two texts are one catalogue message rendered in each language."""
        return cls(accepted, words.render("en"), words.render("cy"), **fields)


@dataclass(frozen=True)
class ReconciliationRow:
    """Papers for one item and class: what went out, what came back, and whether they add up."""

    class_code: str
    printed: int
    issued: int
    spoilt: int
    returned: int
    valid: int
    rejected: int
    not_returned: int
    problems: tuple[str, ...] = ()
    """In English, as the record keeps them (the declaration's decision names them)."""
    problem_words: tuple[Bilingual, ...] = ()
    """The same problems in Welsh and English, for the person reading them."""
    sources: dict[str, Any] = field(default_factory=dict)
    """Every road to the count: in_room, proxy_discretionary, proxy_directed (directed_votes), packs_issued,
    envelopes_accepted, envelopes_refused (refused: by reason), advance_voted, advance_papers."""


@dataclass
class ItemResult:
    """Everything a declaration, the chair's console and the exported results need for one item."""

    item: ItemView
    papers_by_class: dict[str, int]
    valid_by_class: dict[str, int]
    rejected_by_reason: dict[str, int]
    option_labels: list[tuple[str, str]]
    """(Welsh, English) label for each option or candidate, in ballot order."""
    papers_by_option: dict[int, dict[str, int]]
    """Option or candidate index (0-based) -> class -> papers marking it (first preference when ranked)."""
    weighted_by_option: dict[int, dict[str, Fraction]]
    weighting: dict[str, Any]
    resolution: ResolutionResult | None = None
    election: Outcome | None = None
    seed: int | None = None
    privacy_warnings: list[str] = field(default_factory=list)
    bands: list[PublicBandRow] = field(default_factory=list)
    """Per value band figures (``per_member``), bands below the privacy minimum merged."""
    show_of_hands: dict[str, Any] | None = None
    outcome_en: str = ""
    outcome_cy: str = ""
    class_groups: dict[str, str] = field(default_factory=dict)
    directed: dict[str, dict[str, int]] = field(default_factory=dict)
    """Directed proxy votes per class (as counted, never merged): marks as text -> how many (counted among
    the papers, with no serial). Published through ``export.content.published_directed``."""
    advance_serials: tuple[int, ...] = ()
    """Serials of the advance papers recorded: what the archive needs to apply an amendment rule again."""
    """Each class's published column (its own code, a merged group, or ``*``); see service/publishing.py."""

    @property
    def total_papers(self) -> int:
        return sum(self.papers_by_class.values())
