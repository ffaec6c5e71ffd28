"""Constitution presets: the voting rules co-operatives' own rule books commonly set, as spec fragments.

A preset is a fragment of a meeting definition (docs/meeting-spec.md): a ``[weighting]`` table for the
whole meeting, or the keys of one ``[[items]]`` table. The wizard offers them with their explanation in
Welsh and English, and docs/presets.md names where each comes from. A preset never invents a rule the
counting does not already apply: each fragment goes through the same checks as a hand-written one.

Presets that name classes take the meeting's class codes (shares for the first two classes, a cap on the
class named as investors), so the fragment always matches the meeting it is applied to.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Literal

from coopvote.errors import InputError
from coopvote.messages import Message, message

Target = Literal["weighting", "item"]


@dataclass(frozen=True)
class Preset:
    key: str
    target: Target
    """``weighting``: the meeting's ``[weighting]`` table; ``item``: keys merged into one resolution."""
    name_cy: str
    name_en: str
    explain_cy: str
    explain_en: str
    source: str
    """Where the rule comes from, in words (docs/presets.md gives more)."""
    classes_needed: int = 0
    """How many classes the preset names (shares: 2; a cap: 1, the investors' class)."""


PRESETS: tuple[Preset, ...] = (
    Preset(
        "one-member-one-vote", "weighting",
        "Un aelod, un bleidlais",
        "One member, one vote",
        "Mae gan bob aelod un bleidlais, pa bynnag ddosbarth y mae ynddo a faint o gyfranddaliadau sydd ganddo.",
        "Every member has one vote, whatever their class and however many shares they hold.",
        "ICA Statement on the Co-operative Identity, 2nd principle (democratic member control); the model "
        "rules of co-operative societies registered under the Co-operative and Community Benefit Societies Act 2014",
    ),
    Preset(
        "class-share-50-50", "weighting",
        "Dau ddosbarth, hanner y bleidlais yr un",
        "Two classes, half the vote each",
        "Mae gan bob un o'r ddau ddosbarth cyntaf hanner cryfder y bleidlais, wedi'i rannu'n gyfartal rhwng "
        "papurau'r dosbarth hwnnw, faint bynnag o aelodau sy'n pleidleisio ym mhob dosbarth.",
        "Each of the first two classes holds half the voting strength, shared equally among that class's "
        "papers, however many members of each class vote.",
        "Somerset Rules (multi-stakeholder co-operative model rules): weighted voting between member classes",
        classes_needed=2,
    ),
    Preset(
        "class-share-60-40", "weighting",
        "Dau ddosbarth, 60% a 40% o'r bleidlais",
        "Two classes, 60% and 40% of the vote",
        "Mae gan y dosbarth cyntaf 60% o gryfder y bleidlais a'r ail 40%, pob un wedi'i rannu'n gyfartal rhwng "
        "papurau'r dosbarth.",
        "The first class holds 60% of the voting strength and the second 40%, each shared equally among that "
        "class's papers.",
        "Somerset Rules (multi-stakeholder co-operative model rules): weighted voting between member classes",
        classes_needed=2,
    ),
    Preset(
        "investor-cap-10", "weighting",
        "Dim mwy na 10% o'r bleidlais i aelodau buddsoddi",
        "Investor members no more than 10% of the vote",
        "Un aelod, un bleidlais, ond ni all papurau'r aelodau buddsoddi gyda'i gilydd gyfrif am fwy na 10% o'r "
        "holl bleidleisiau; os ydynt dros hynny, cânt eu lleihau i 10% yn union.",
        "One member, one vote, but the investor members' papers together can count for no more than 10% of all "
        "votes; above that they are scaled down to exactly 10%.",
        "Community shares practice (Community Shares Handbook) and multi-stakeholder rules such as the Somerset "
        "Rules, which limit the votes of investor members",
        classes_needed=1,
    ),
    Preset(
        "fairshares-special", "item",
        "Penderfyniad arbennig FairShares",
        "FairShares special resolution",
        "Wedi'i basio dim ond os yw o leiaf 75% o holl aelodau'r gofrestr, pleidleisio neu beidio, yn pleidleisio "
        "o'i blaid (un aelod, un bleidlais, ym mhob dosbarth gyda'i gilydd) a mwy na hanner y pleidleisiau a "
        "fwriwyd ym mhob dosbarth o'i blaid.",
        "Carried only if at least 75% of all members on the register, voting or not, vote for it (one member, one "
        "vote, all classes together) and more than half the votes cast in every class are for it.",
        "FairShares Model rules, clause 25 (FairShares Association): a majority of votes cast in each class plus "
        "at least 75% of all members in favour, one member one vote",
    ),
    Preset(
        "section-111-first", "item",
        "Penderfyniad arbennig adran 111: y cyfarfod cyntaf",
        "Section 111 special resolution: the first meeting",
        "Rhaid i o leiaf ddwy ran o dair o'r aelodau sy'n pleidleisio (un aelod, un bleidlais) fod o'i blaid. "
        "Nid yw'n benderfyniad arbennig nes i gyfarfod diweddarach, 14 diwrnod i fis yn ddiweddarach, ei "
        "gadarnhau.",
        "At least two thirds of the members voting (one member, one vote) must be for it. It is not a special "
        "resolution until a later meeting, 14 days to one month later, confirms it.",
        "Co-operative and Community Benefit Societies Act 2014, section 111",
    ),
    Preset(
        "section-111-confirm", "item",
        "Penderfyniad arbennig adran 111: cadarnhau",
        "Section 111 special resolution: confirmation",
        "Yn cadarnhau penderfyniad a basiwyd gan ddwy ran o dair mewn cyfarfod cynharach: mae angen mwy na "
        "hanner yr aelodau sy'n pleidleisio (un aelod, un bleidlais). Mae'r diffiniad yn enwi'r cyfarfod "
        "cyntaf, ei benderfyniad a'i god dilysu.",
        "Confirms a resolution passed by two thirds at an earlier meeting: more than half of the members voting "
        "(one member, one vote) is needed. The definition names the first meeting, its resolution and its "
        "verification code.",
        "Co-operative and Community Benefit Societies Act 2014, section 111",
    ),
)

SECTION_111_MIN_DAYS = 14
"""Section 111(2)(e): the second meeting is held at least 14 days, and no more than one month, from the day of
the first (docs/presets.md cites the text); both ends of the window are allowed days."""


def preset(key: str) -> Preset:
    for candidate in PRESETS:
        if candidate.key == key:
            return candidate
    raise InputError("presets.unknown", preset=key, known=", ".join(p.key for p in PRESETS))


def weighting_fragment(key: str, class_codes: Sequence[str], investor_class: str | None = None) -> dict[str, Any]:
    """The ``[weighting]`` table a weighting preset gives for a meeting with these classes."""
    chosen = preset(key)
    if chosen.target != "weighting":
        raise InputError("presets.for_one_resolution", preset=key)
    codes = [code.upper() for code in class_codes]
    if len(codes) < chosen.classes_needed:
        raise InputError("presets.too_few_classes", preset=key, needed=chosen.classes_needed, count=len(codes))
    if key == "one-member-one-vote":
        return {"scheme": "one-member-one-vote"}
    if key in ("class-share-50-50", "class-share-60-40"):
        if len(codes) != 2:
            raise InputError("presets.two_classes_only", preset=key, count=len(codes), codes=", ".join(codes))
        first, second = ("1/2", "1/2") if key == "class-share-50-50" else ("3/5", "2/5")
        return {"scheme": "class-share", "shares": {codes[0]: first, codes[1]: second}, "absent_class": "redistribute"}
    investors = (investor_class or "").upper()
    if investors not in codes:
        raise InputError("presets.investor_class", preset=key, codes=", ".join(codes))
    if len(codes) < 2:
        raise InputError("presets.cap_on_only_class", preset=key)
    return {"scheme": "one-member-one-vote", "cap": {investors: "1/10"}}


def item_fragment(key: str, *, confirms: dict[str, Any] | None = None) -> dict[str, Any]:
    """The keys a resolution preset sets on an ``[[items]]`` table (``confirms`` for a section 111 confirmation)."""
    chosen = preset(key)
    if chosen.target != "item":
        raise InputError("presets.for_the_meeting", preset=key)
    if key == "fairshares-special":
        return {"special": True, "threshold": ">= 3/4", "by_head": True, "base": "register",
                "weighting": {"class_consent": True, "consent_threshold": "> 1/2"}}
    if key == "section-111-first":
        return {"special": True, "threshold": ">= 2/3", "by_head": True}
    if confirms is None:
        raise InputError("presets.confirmation_needs_first", example="{ meeting, item, held_on, verification }")
    return {"special": True, "threshold": "> 1/2", "by_head": True, "confirms": dict(confirms)}


def confirmation_window(first: date) -> tuple[date, date]:
    """The days a section 111 confirming meeting may be held: 14 days to one (calendar) month after the first."""
    month, year = first.month % 12 + 1, first.year + (first.month == 12)
    for day in (first.day, 30, 29, 28):
        try:
            latest = first.replace(year=year, month=month, day=min(day, first.day))
            break
        except ValueError:
            continue
    return first + timedelta(days=SECTION_111_MIN_DAYS), latest


def confirmation_problem(first: date, second: date | None, notice_given: date | None = None) -> Message | None:
    """Why a confirming meeting on ``second`` cannot confirm a resolution first passed on ``first``, or None.

    Section 111(2)(d) makes notice of the second meeting a condition of the special resolution, so the
    confirming meeting's definition must say when notice was given; how long before is the society's rules'
    to say (the Act fixes no period), so only a notice given after the meeting itself is refused here.
    """
    if second is None:
        return message("presets.s111.no_date")
    if notice_given is None:
        return message("presets.s111.no_notice")
    if notice_given > second:
        return message("presets.s111.notice_after", notice=notice_given.isoformat(), meeting=second.isoformat())
    earliest, latest = confirmation_window(first)
    if second < earliest:
        return message("presets.s111.too_soon", meeting=second.isoformat(), first=first.isoformat(),
                       earliest=earliest.isoformat())
    if second > latest:
        return message("presets.s111.too_late", meeting=second.isoformat(), first=first.isoformat(),
                       latest=latest.isoformat())
    return None


def toml_value(value: Any) -> str:
    """One value as TOML: text quoted (JSON's escapes are TOML's), tables inline, dates bare."""
    import json

    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{k} = {toml_value(v)}" for k, v in value.items()) + " }"
    return json.dumps(str(value), ensure_ascii=False)


def fragment_toml(fragment: dict[str, Any]) -> list[str]:
    """The fragment's keys as TOML lines, for the wizard to write into the definition it saves."""
    return [f"{key} = {toml_value(value)}" for key, value in fragment.items()]
