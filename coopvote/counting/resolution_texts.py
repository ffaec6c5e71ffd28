"""Every sentence a resolution result can say, in English and Welsh, kept in one table.

The society works bilingually, so a declaration must be readable in either language. Holding all the
words here (not in f-strings scattered over the counting code) lets a translator check the whole set at
once and keeps the two languages saying the same thing.

The Welsh wording was written by the developers and wants checking by a Welsh speaker before use at a
meeting; the keys and placeholders are fixed, so a corrected text drops straight in.
"""

from __future__ import annotations

from typing import Literal

Language = Literal["en", "cy"]

UNNAMED_CHAIR = "the chair"
"""What the service passes as the chair when the meeting names none: worded as "the chair" / "y cadeirydd"."""
LANGUAGES: tuple[Language, ...] = ("en", "cy")

TEXTS: dict[Language, dict[str, str]] = {
    "en": {
        "carried": "carried",
        "not_carried": "not carried",
        "more_than": "more than {fraction}",
        "at_least": "at least {fraction}",
        "base_cast": "of votes cast",
        "base_valid": "of valid papers",
        "base_present": "of the voting strength present",
        "base_register": "of all members on the register",
        "register_count": "{votes_for} of the {members} members on the register voted for",
        "decided": "{outcome}: {percent}% for, {threshold} {base} needed",
        "no_votes": "{outcome}: no votes cast",
        "tie_lost": "{outcome}: a tie at exactly {percent}% for, {threshold} {base} needed; a tie is lost",
        "tie_casting": "{outcome}: a tie at exactly {percent}% for; the chair, {chair}, gave a casting vote {side}",
        "tie_casting_unnamed": "{outcome}: a tie at exactly {percent}% for; the chair gave a casting vote {side}",
        "tie_lot": "{outcome}: a tie at exactly {percent}% for, settled by lot (seed {seed})",
        "consent_failed": "{outcome}: {percent}% for, but no consent within class(es) {classes} ({consent} needed in each)",
        "by_head": "counted by head (one member, one vote)",
        "show_of_hands": "show of hands, counted by head",
        "poll_demanded": "a poll was demanded by {by}: the show of hands does not decide this item",
        "for": "for",
        "against": "against",
        "abstain": "abstaining",
    },
    "cy": {
        "carried": "Pasiwyd",
        "not_carried": "Heb ei basio",
        "more_than": "mwy na {fraction}",
        "at_least": "o leiaf {fraction}",
        "base_cast": "o'r pleidleisiau a fwriwyd",
        "base_valid": "o'r papurau dilys",
        "base_present": "o'r cryfder pleidleisio sy'n bresennol",
        "base_register": "o'r holl aelodau ar y gofrestr",
        "register_count": "pleidleisiodd {votes_for} o'r {members} aelod ar y gofrestr o blaid",
        "decided": "{outcome}: {percent}% o blaid, angen {threshold} {base}",
        "no_votes": "{outcome}: ni fwriwyd unrhyw bleidlais",
        "tie_lost": "{outcome}: pleidleisiau cyfartal ar union {percent}% o blaid, angen {threshold} {base}; "
        "pan fo'r pleidleisiau'n gyfartal, ni phasir y cynnig",
        "tie_casting": "{outcome}: pleidleisiau cyfartal ar union {percent}% o blaid; rhoddodd y cadeirydd, {chair}, "
        "bleidlais fwrw {side}",
        "tie_casting_unnamed": "{outcome}: pleidleisiau cyfartal ar union {percent}% o blaid; rhoddodd y cadeirydd "
        "bleidlais fwrw {side}",
        "tie_lot": "{outcome}: pleidleisiau cyfartal ar union {percent}% o blaid, penderfynwyd drwy "
        "goelbren (hedyn {seed})",
        "consent_failed": "{outcome}: {percent}% o blaid, ond dim cydsyniad o fewn dosbarth(iadau) {classes} "
        "(angen {consent} ym mhob un)",
        "by_head": "cyfrifwyd fesul pen (un aelod, un bleidlais)",
        "show_of_hands": "codi dwylo, cyfrifwyd fesul pen",
        "poll_demanded": "galwyd am bôl gan {by}: nid y codi dwylo sy'n penderfynu'r eitem hon",
        "for": "o blaid",
        "against": "yn erbyn",
        "abstain": "yn ymatal",
    },
}


def text(key: str, language: Language = "en", **params: object) -> str:
    """One sentence in the chosen language; an unknown language falls back to English."""
    table = TEXTS.get(language, TEXTS["en"])
    return table[key].format(**params)
