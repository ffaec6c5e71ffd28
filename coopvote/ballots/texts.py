"""Every printed and shown ballot sentence, in Welsh and English.

Kept in one place so a Welsh speaker can check all of them at once. Each entry is a pair: Welsh
first, as it is printed first. Placeholders use ``str.format`` names.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from coopvote.messages import LANGUAGES, Message, catalogue, message

REJECTION_REASONS: dict[str, tuple[str, str]] = {
    "no-valid-code": ("Dim cod dilys", "No valid code"),
    "too-many-votes": ("Gormod o bleidleisiau", "Votes for more options than allowed"),
    "identifies-voter": (
        "Ysgrifen neu farc y gellir adnabod y pleidleisiwr drwyddo",
        "Writing or mark by which the voter can be identified",
    ),
    "unmarked-or-uncertain": (
        "Heb ei farcio neu'n ddi-rym oherwydd ansicrwydd", "Paper unmarked or void for uncertainty"
    ),
}
"""The grounds on which a teller may reject a paper (after the UK rules for counting votes), keyed by the code
the record stores: the adjudication screen offers them, the service checks them, the declaration prints them."""

UNSTATED_REJECTION: tuple[str, str] = ("Gwrthodwyd (dim rheswm wedi'i gofnodi)", "Rejected (no reason recorded)")


def rejection_reason_words(code: str) -> tuple[str, str]:
    """A stored rejection code in Welsh and English; an unknown code is shown as stored, never hidden."""
    if not code or code == "rejected":
        return UNSTATED_REJECTION
    return REJECTION_REASONS.get(code, (code, code))


REASON_KEYS: dict[str, str] = {
    "not-coopvote": "reading.not_coopvote",
    "membership-card": "reading.membership_card",
    "ballot-not-card": "reading.ballot_not_card",
    "other-meeting": "reading.other_meeting",
    "forged-or-damaged": "reading.forged_or_damaged",
    "unsupported-version": "reading.unsupported_version",
    "vote-not-open": "reading.vote_not_open",
    "vote-closed": "reading.vote_closed",
    "wrong-item": "reading.wrong_item",
    "serial-not-issued": "reading.serial_not_issued",
    "spoilt": "reading.spoilt",
    "voided": "reading.voided",
    "already-counted": "reading.already_counted",
    "unknown-member": "reading.unknown_member",
}
"""Each refusal reason (``coopvote.ballots.qrcodec.Reason``) -> its catalogue key (resources/messages/reading.toml)."""



class Refusal(Protocol):
    """What a refusal carries: a reason (``coopvote.ballots.qrcodec.Reason``) and the details to word it."""

    @property
    def reason(self) -> str: ...

    @property
    def fields(self) -> Mapping[str, Any]: ...


def reason_words(reason: str, **fields: Any) -> Message:
    """A refusal ``reason`` as a catalogue message, with its details as fields.

    ``reason`` is a ``coopvote.ballots.qrcodec.Reason`` (a string enum) or its value. A detail the words use
    but nobody gave shows as ``?`` rather than failing, so a refusal can always be shown.
    """
    key = REASON_KEYS[str(reason)]
    given = {name: "?" for name in catalogue()[key].fields()} | dict(fields)
    return message(key, **given)


def reason_message(reason: str, lang: str = "en", **fields: Any) -> str:
    """The plain-words message for a refusal ``reason`` in English (``en``), Welsh (``cy``) or both."""
    return reason_words(reason, **fields).render(lang if lang in LANGUAGES else "en")  # type: ignore[arg-type]


def rejection_message(refusal: Refusal, lang: str = "en") -> str:
    """A refused code (``QrRejected``) in words for the person holding it, in ``lang``."""
    return reason_message(refusal.reason, lang, **refusal.fields)


@dataclass(frozen=True)
class Pair:
    """One sentence in both languages."""

    cy: str
    en: str


RESOLUTION_OPTIONS = (Pair("O blaid", "For"), Pair("Yn erbyn", "Against"), Pair("Ymatal", "Abstain"))
EASY_OPTIONS = (
    Pair("O blaid: rwy'n cytuno", "For: I agree"),
    Pair("Yn erbyn: dydw i ddim yn cytuno", "Against: I do not agree"),
    Pair("Ymatal: dydw i ddim eisiau dewis", "Abstain: I do not want to choose"),
)

ITEM = Pair("Eitem {number}", "Item {number}")
SERIAL = Pair("Rhif", "No.")
PREFERENCE = Pair("Dewis", "Preference")
DO_NOT_FOLD = Pair("Peidiwch ag ysgrifennu dim byd arall ar y papur hwn.",
                   "Do not write anything else on this paper.")
SLIP_HINT = Pair(
    "Defnyddiwch un slip yn unig: rhwygwch y slip hwn i ffwrdd a'i roi yn y blwch pleidleisio i bleidleisio "
    "(gwrthodir dau slip gwahanol o'r un ddalen):",
    "Use one slip only: tear off this slip and put it in the ballot box to vote "
    "(two different slips from one sheet are both rejected):",
)
SLIP_HINT_SHORT = Pair("Rhowch un slip yn unig yn y blwch.", "Put only one slip in the box.")
"""On every slip: slips from one sheet share its serial, so two different ones in the box reject both."""
EXAMPLE = Pair("Fel hyn:", "Like this:")
CUT_HERE = Pair("Rhwygwch yma", "Tear here")


def instructions(kind: str, max_marks: int, options: int, columns: int, easy: bool) -> Pair:
    """What the voter must do, saying how many marks or preferences are allowed."""
    if kind == "resolution":
        if easy:
            return Pair("Dewiswch un. Rhowch X mewn un blwch yn unig.", "Choose one. Put X in one box only.")
        return Pair(
            "Pleidleisiwch unwaith yn unig. Rhowch groes (X) yn y blwch wrth ymyl eich dewis.",
            "Vote once only. Put a cross (X) in the box next to your choice.",
        )
    if kind == "ranking":
        if easy:
            return Pair(
                "Rhowch X yng ngholofn 1 i'r person rydych chi eisiau fwyaf. Gallwch stopio yno, "
                "neu roi X yng ngholofn 2 i'ch dewis nesaf.",
                "Put X in column 1 next to the person you want most. You can stop there, or put X in "
                "column 2 for your next choice.",
            )
        return Pair(
            "Rhowch yr ymgeiswyr yn nhrefn eich dewis. Rhowch groes (X) yng ngholofn 1 wrth ymyl eich "
            "dewis cyntaf, yng ngholofn 2 wrth ymyl eich ail ddewis, ac ati. Un groes yn unig ym mhob rhes "
            f"ac ym mhob colofn. Gallwch roi hyd at {columns} dewis.",
            "Rank the candidates in order of choice. Put a cross (X) in column 1 next to your first "
            "choice, in column 2 next to your second choice, and so on. Only one cross in each row and "
            f"each column. You may give up to {columns} preferences.",
        )
    if max_marks <= 0 or max_marks >= options:
        if easy:
            return Pair("Rhowch X wrth ymyl pob un rydych chi'n ei hoffi.", "Put X next to each one you like.")
        return Pair(
            "Pleidleisiwch dros gynifer o ymgeiswyr ag y mynnwch. Rhowch groes (X) yn y blwch wrth ymyl "
            "pob un o'ch dewisiadau.",
            "Vote for as many candidates as you wish. Put a cross (X) in the box next to each of your "
            "choices.",
        )
    if max_marks == 1:
        if easy:
            return Pair("Dewiswch un person. Rhowch X mewn un blwch yn unig.",
                        "Choose one person. Put X in one box only.")
        return Pair(
            "Pleidleisiwch dros un ymgeisydd yn unig. Rhowch groes (X) yn y blwch wrth ymyl eich dewis.",
            "Vote for one candidate only. Put a cross (X) in the box next to your choice.",
        )
    if easy:
        return Pair(
            f"Dewiswch hyd at {max_marks} o bobl. Rhowch X mewn hyd at {max_marks} blwch.",
            f"Choose up to {max_marks} people. Put X in up to {max_marks} boxes.",
        )
    return Pair(
        f"Pleidleisiwch dros hyd at {max_marks} ymgeisydd. Rhowch groes (X) yn y blwch wrth ymyl pob un o'ch "
        f"dewisiadau. Peidiwch â rhoi mwy na {max_marks} croes.",
        f"Vote for up to {max_marks} candidates. Put a cross (X) in the box next to each of your choices. "
        f"Do not put more than {max_marks} crosses.",
    )
