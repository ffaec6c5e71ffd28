"""The words of the printed records, Welsh first, English beside it.

Held in one table so a Welsh speaker can check the whole set at once (the Welsh was written by the
developers and wants that check before a real meeting). ``weighting_in_words`` turns the meeting's
weighting table into the sentence a member reads on the declaration, so the rule printed is the rule
the count used.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from coopvote.ballots.texts import rejection_reason_words
from coopvote.counting.resolution_texts import text
from coopvote.counting.resolutions import Threshold

LABELS: dict[str, tuple[str, str]] = {
    "declaration": ("Datganiad o ganlyniad y bleidlais", "Declaration of the result of the vote"),
    "provisional": (
        "DROS DRO: nid yw'r canlyniad hwn wedi'i ddatgan eto",
        "PROVISIONAL: this result has not been declared yet",
    ),
    "item": ("Eitem", "Item"),
    "special": ("Penderfyniad arbennig", "Special resolution"),
    "papers": ("Papurau pleidleisio", "Ballot papers"),
    "class": ("Dosbarth", "Class"),
    "printed": ("Argraffwyd", "Printed"),
    "issued": ("Rhoddwyd", "Issued"),
    "spoilt": ("Difethwyd", "Spoilt"),
    "returned": ("Dychwelwyd", "Returned"),
    "valid": ("Dilys", "Valid"),
    "rejected": ("Gwrthodwyd", "Rejected"),
    "not_returned": ("Heb ddychwelyd", "Not returned"),
    "total": ("Cyfanswm", "Total"),
    "rejected_by_reason": ("Papurau a wrthodwyd, fesul rheswm", "Rejected papers, by reason"),
    "none_rejected": ("Ni wrthodwyd unrhyw bapur.", "No paper was rejected."),
    "votes": ("Y pleidleisiau", "The votes"),
    "weighted": ("pwysol", "weighted"),
    "papers_short": ("papurau", "papers"),
    "for": ("O blaid", "For"),
    "against": ("Yn erbyn", "Against"),
    "abstain": ("Ymatal", "Abstain"),
    "weighting_rule": ("Rheol pwysoli", "Weighting rule"),
    "threshold": ("Trothwy", "Threshold"),
    "outcome": ("Canlyniad", "Outcome"),
    "carried": ("PASIWYD", "CARRIED"),
    "not_carried": ("HEB EI BASIO", "NOT CARRIED"),
    "elected": ("Etholwyd", "Elected"),
    "nobody_elected": ("Nid etholwyd neb", "Nobody was elected"),
    "no_votes": ("Ni chofnodwyd unrhyw bleidlais ddilys.", "No valid vote was recorded."),
    "candidate": ("Ymgeisydd", "Candidate"),
    "first_prefs": ("Dewisiadau cyntaf", "First preferences"),
    "method": ("Dull", "Method"),
    "seats": ("Seddi", "Seats"),
    "quota": ("Cwota", "Quota"),
    "reserved": ("Seddi wedi'u cadw i ddosbarthiadau", "Seats reserved for classes"),
    "class_after_name": (
        "Mae cod dosbarth pob ymgeisydd mewn cromfachau ar ôl ei enw, er mwyn gwirio'r seddi a gadwyd.",
        "Each candidate's class code follows their name in brackets, so the reserved seats can be checked.",
    ),
    "stages": ("Taflen y camau cyfrif", "Stage sheet"),
    "stage": ("Cam", "Stage"),
    "non_transferable": ("Anhrosglwyddadwy", "Non-transferable"),
    "rounding_loss": ("Colled dalgrynnu", "Rounding loss"),
    "valid_vote": ("Cyfanswm y bleidlais ddilys", "Total valid vote"),
    "stage_adds_up": (
        "Ym mhob cam, mae'r ymgeiswyr, yr anhrosglwyddadwy a'r golled dalgrynnu yn adio i'r bleidlais ddilys.",
        "At every stage the candidates, non-transferable and rounding loss add up to the valid vote.",
    ),
    "ties": ("Pleidleisiau cyfartal", "Ties"),
    "notes": ("Nodiadau", "Notes"),
    "privacy": ("Rhybudd preifatrwydd", "Privacy warning"),
    "small_classes_shown": (
        "Dewisodd y cadeirydd gyhoeddi ffigurau dosbarthiadau bach",
        "The chair chose to publish the figures of classes below the privacy minimum",
    ),
    "chair": ("Cadeirydd", "Chair"),
    "returning_officer": ("Swyddog Canlyniadau", "Returning officer"),
    "signature": ("Llofnod", "Signature"),
    "date": ("Dyddiad", "Date"),
    "declared_by": ("Datganwyd gan", "Declared by"),
    "verification": ("Cod dilysu", "Verification code"),
    "verification_help": (
        "Mae'r cod yn crynhoi diffiniad yr eitem, y canlyniad a phob papur a gyfrifwyd. "
        "Gwiriwch gyda: coopvote verify ARCHIF.zip --code {code}",
        "The code summarises the item's definition, the result and every paper counted. "
        "Check with: coopvote verify ARCHIVE.zip --code {code}",
    ),
    "minutes": ("Detholiad o'r cofnodion", "Minutes extract"),
    "minutes_intro": (
        "Canlyniad pob eitem ar yr agenda, fel y'i cofnodwyd gan coopvote.",
        "The outcome of every item on the agenda, as recorded by coopvote.",
    ),
    "attendance": ("Presenoldeb, dirprwyon a chworwm", "Attendance, proxies and quorum"),
    "not_declared": ("Heb ei ddatgan", "Not declared"),
    "record_code": ("Cod dilysu'r cofnod cyfan", "Verification code of the whole record"),
    "page": ("Tudalen", "Page"),
    "close_code": ("Cod cau'r bleidlais", "Close code of the vote"),
    "close_code_help": (
        "Dangoswyd y cod hwn pan gaeodd y bleidlais; mae'n crynhoi'r log archwilio cyfan hyd hynny "
        "(presenoldeb, dirprwyon, pob papur). Copïwch ef â llaw i'r cofnodion. "
        "Gwiriwch gyda: coopvote verify ARCHIF.zip --code {code}",
        "Shown when voting closed, this code sums up the whole audit log up to then (attendance, "
        "proxies, every paper). Copy it into the minutes by hand. "
        "Check with: coopvote verify ARCHIVE.zip --code {code}",
    ),
    "unopposed": ("Etholwyd yn ddiwrthwynebiad, heb bleidlais", "Elected unopposed, without a vote"),
    "rehearsal_passed": (
        "Cynhaliwyd ymarfer (prawf rhesymeg a chywirdeb) cyn y bleidlais, a llwyddodd: {sheets} o ddalennau prawf, {at}.",
        "A rehearsal (logic and accuracy test) was run before the vote and passed: {sheets} test sheets, {at}.",
    ),
    "rehearsal_failed": (
        "Cynhaliwyd ymarfer (prawf rhesymeg a chywirdeb) cyn y bleidlais, a methodd: {problems} o broblemau, {at}.",
        "A rehearsal (logic and accuracy test) was run before the vote and failed: {problems} problems, {at}.",
    ),
}

METHODS: dict[str, tuple[str, str]] = {
    "scottish-stv": ("Pleidlais sengl drosglwyddadwy (rheolau'r Alban 2007)", "Single transferable vote (Scottish rules 2007)"),
    "meek": ("Pleidlais sengl drosglwyddadwy (dull Meek)", "Single transferable vote (Meek method)"),
    "meek-prf": ("Pleidlais sengl drosglwyddadwy (Meek, fersiwn PRF)", "Single transferable vote (Meek, PRF version)"),
    "wigm": ("Pleidlais sengl drosglwyddadwy (Gregory cynhwysol pwysol)", "Single transferable vote (weighted inclusive Gregory)"),
    "ers97": ("Pleidlais sengl drosglwyddadwy (ERS97)", "Single transferable vote (ERS97)"),
    "irv": ("Pleidlais amgen", "Alternative vote (instant run-off)"),
    "fptp": ("Y cyntaf i'r felin", "First past the post"),
    "block": ("Pleidlais floc", "Block vote"),
    "approval": ("Pleidlais gymeradwyo", "Approval vote"),
}


def label(key: str) -> tuple[str, str]:
    return LABELS[key]


def both(key: str, sep: str = " / ") -> str:
    cy, en = LABELS[key]
    return f"{cy}{sep}{en}"


def reason_words(reason: str) -> tuple[str, str]:
    """The stored rejection code in words; the one table is ``coopvote.ballots.texts.REJECTION_REASONS``."""
    return rejection_reason_words(reason.strip())


def _table(values: Mapping[str, Any]) -> str:
    return ", ".join(f"{code} {value}" for code, value in values.items())


def threshold_words(threshold: str, base: str | None = None) -> tuple[str, str]:
    """"at least 2/3", or with the item's base "at least 2/3 of valid papers", in Welsh and English."""
    try:
        parsed = Threshold.parse(threshold)
    except Exception:
        return threshold, threshold
    if base not in ("cast", "valid", "present", "register"):
        return parsed.describe("cy"), parsed.describe("en")
    return tuple(  # type: ignore[return-value]
        f"{parsed.describe(language)} {text(f'base_{base}', language)}" for language in ("cy", "en")
    )


SHARE_AMONG: dict[str, tuple[str, str]] = {
    "cast": (
        "rhwng papurau'r dosbarth hwnnw sydd o blaid neu yn erbyn (dangosir papur sy'n ymatal ar yr un gwerth, "
        "ond nid yw'n cyfrif)",
        "among that class's papers for or against (an abstaining paper is shown at the same value, but does "
        "not count)",
    ),
    "valid": (
        "rhwng papurau dilys y dosbarth hwnnw, gan gynnwys y rhai sy'n ymatal",
        "among that class's valid papers, abstaining papers included",
    ),
    "present": (
        "rhwng aelodau'r dosbarth hwnnw sy'n bresennol",
        "among that class's members present",
    ),
    "election": (
        "rhwng papurau dilys y dosbarth hwnnw yn yr etholiad hwn",
        "among that class's valid papers in this contest",
    ),
}
"""Which papers divide a class's share: the item's base for a resolution (as the count divides it)."""

ROUNDING_RULE: tuple[str, str] = (
    "Ffigurau pwysol: y gwerth union wedi'i dalgrynnu i {places} lle degol drwy ddull y gweddill mwyaf "
    "(talgrynnu pob ffigur i lawr, yna codi'r rhai â'r gweddill mwyaf fesul uned nes bod y golofn yn adio "
    "i'w chyfanswm wedi'i dalgrynnu), felly mae pob colofn yn adio. Mae'r ffracsiynau union yn results.json.",
    "Weighted figures: the exact value rounded to {places} decimal places by the largest-remainder rule "
    "(each figure rounded down, then those with the largest remainders raised one unit each until the "
    "column adds up to its rounded total), so every column adds up. The exact fractions are in results.json.",
)


def weighting_in_words(
    weighting: Mapping[str, Any], override: Any = None, by_head: bool = False, base: str = "cast"
) -> tuple[str, str]:
    """The weighting rule a count used, as one Welsh and one English paragraph.

    ``base`` is the resolution's base ("cast", "valid", "present"), or "election": it decides which
    papers a class's share is divided among, so the sentence says what the arithmetic did.
    """
    if by_head:
        return (
            "Cyfrifir yr eitem hon fesul pen: un aelod, un bleidlais, beth bynnag yw'r pwysoli arferol.",
            "This item is counted by head: one member, one vote, whatever the usual weighting.",
        )
    table = dict(weighting)
    if isinstance(override, Mapping):
        table = dict(override) if "scheme" in override else {**table, **override}
    scheme = str(table.get("scheme", "one-member-one-vote")).lower()
    cy: list[str] = []
    en: list[str] = []
    if scheme in {"class-share", "share", "class-shares"}:
        shares = _table(table.get("shares", {}))
        among_cy, among_en = SHARE_AMONG.get(base, SHARE_AMONG["cast"])
        cy.append(
            f"Mae gan bob dosbarth gyfran sefydlog o'r cryfder pleidleisio ({shares}), wedi'i rhannu'n gyfartal "
            f"{among_cy}."
        )
        en.append(f"Each class holds a fixed share of the voting strength ({shares}), divided equally {among_en}.")
        if table.get("absent_class", "redistribute") == "forfeit":
            cy.append("Os na fydd dosbarth yn bwrw papur, collir ei gyfran.")
            en.append("A class that casts no paper forfeits its share.")
        else:
            cy.append("Os na fydd dosbarth yn bwrw papur, rhennir ei gyfran rhwng y dosbarthiadau eraill.")
            en.append("A class that casts no paper has its share divided among the other classes.")
    elif scheme in {"fixed-value", "fixed"}:
        if table.get("per_member"):
            cy.append("Mae pob papur yn cyfrif gwerth pleidlais ei aelod ar y gofrestr.")
            en.append("Each paper counts its member's vote value on the register.")
        else:
            values = _table(table.get("values", {}))
            cy.append(f"Mae papur pob dosbarth yn cyfrif gwerth sefydlog: {values}.")
            en.append(f"Each class's paper counts a fixed value: {values}.")
    else:
        cy.append("Un aelod, un bleidlais: mae pob papur dilys yn cyfrif 1.")
        en.append("One member, one vote: every valid paper counts 1.")
    if table.get("cap"):
        caps = _table(table["cap"])
        cy.append(f"Ni chaiff unrhyw ddosbarth fwy na'r gyfran hon o'r cyfanswm: {caps}.")
        en.append(f"No class may hold more than this share of the total: {caps}.")
    if table.get("class_consent"):
        need_cy, need_en = threshold_words(str(table.get("consent_threshold", "> 1/2")))
        cy.append(f"Rhaid i bob dosbarth gydsynio hefyd ({need_cy} o'i bleidleisiau o blaid).")
        en.append(f"Every class must also consent ({need_en} of its votes for).")
    return " ".join(cy), " ".join(en)
