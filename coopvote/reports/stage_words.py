"""What each count stage did, the count's ties and notes, in Welsh and English, worded from the catalogue.

Every rule records a stage's description, a tie's how and a count's notes as keyed notes
(``coopvote.counting.notes``); the words are the catalogue's (``resources/messages/notes.toml``, through
``coopvote.messages.note_message``), so the Welsh half of a printed record is Welsh written for it. A count
declared by an older version may have only the English: then the Welsh is worded from the stage's structure
(its action, who was elected and excluded, and whose surplus moved, as the one total that went down), and
its notes are matched against the English those versions wrote, back to a key; a note no pattern knows is
printed as it was, under a Welsh mark saying it is English only, never dropped.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from fractions import Fraction
from typing import Any

from coopvote.messages import Message, message, note_message

ENGLISH_ONLY_CY = message("notes.plain", text="").render("cy").strip()
"""The Welsh mark after a note kept in English only: "(yn Saesneg yn unig)"."""

ACTIONS: dict[str, str] = {
    "first preferences": "notes.action.first_preferences",
    "round": "notes.action.round",
    "iteration": "notes.action.iteration",
    "surplus": "notes.action.surplus",
    "exclusion": "notes.action.exclusion",
    "constraint": "notes.action.constraint",
    "elected": "notes.action.elected",
    "excluded": "notes.action.excluded",
}
"""A stage's action in a word or two, for the head of a stage's column on screen."""

OLDER_STAGES: dict[str, str] = {
    "first preferences": "notes.first_preferences",
    "round": "notes.older_stage.round",
    "iteration": "notes.older_stage.surpluses",
    "constraint": "notes.older_stage.constraint",
    "elected": "notes.older_stage.elected",
    "excluded": "notes.older_stage.excluded",
}
"""What a stage stored without a keyed note did, from its action alone."""

TIE_PURPOSES: dict[str, str] = {
    "exclusion": "notes.tie_purpose.exclusion",
    "surplus order": "notes.tie_purpose.surplus_order",
    "election": "notes.tie_purpose.election",
    "order of election": "notes.tie_purpose.order_of_election",
}
OLDER_TIE_PURPOSES: dict[str, str] = {
    "exclusion": "notes.tie_older_purpose.exclusion",
    "election": "notes.tie_older_purpose.election",
    "order of election": "notes.tie_older_purpose.order_of_election",
    "surplus": "notes.tie_older_purpose.surplus",
}


def words(said: Message) -> tuple[str, str]:
    """(Welsh, English) of a message, for the printed records that set both."""
    return said.render("cy"), said.render("en")


def action_words(action: str) -> tuple[str, str]:
    key = ACTIONS.get(action)
    return words(message(key)) if key else (action, action)


def outcome_stage_words(outcome: Any, stage: Any) -> tuple[str, str]:
    """``stage_words`` for a stage of a count still in memory (the app's stage table), not yet in JSON."""
    from coopvote.counting.notes import keyed

    names = outcome.candidates
    return stage_words({"action": stage.action, "description": str(stage.description), "note": keyed(stage.description),
                        "elected": [names[c] for c in stage.elected], "excluded": [names[c] for c in stage.excluded]})


def _amount(value: Any) -> Fraction | None:
    try:
        return Fraction(str(value))
    except (ValueError, ZeroDivisionError):
        return None


def _surplus_of(stage: Mapping[str, Any], before: Mapping[str, Any] | None) -> str | None:
    """Whose surplus moved: the one candidate whose votes went down at a surplus stage."""
    changes = stage.get("transfers") or {}
    losers = [name for name, change in changes.items() if (_amount(change) or 0) < 0]
    if not losers and before is not None:
        now = stage.get("totals") or {}
        then = before.get("totals") or {}
        losers = [
            name for name in now
            if _amount(now[name]) is not None and _amount(then.get(name)) is not None
            and _amount(now[name]) < _amount(then.get(name))  # type: ignore[operator]
        ]
    return losers[0] if len(losers) == 1 else None


def _sentence(parts: list[str]) -> str:
    first = parts[0][:1].upper() + parts[0][1:]
    return ". ".join([first, *parts[1:]]) + "."


def stage_welsh(stage: Mapping[str, Any], before: Mapping[str, Any] | None = None) -> str:
    """One stage stored without a keyed note, in Welsh from its structure: what it did, who was elected and
    excluded. ``before`` is the previous stage: a rule that lists only the receiving candidates' transfers
    still shows whose surplus moved, as the one total that went down."""
    action = str(stage.get("action") or "")
    elected = list(stage.get("elected") or [])
    excluded = list(stage.get("excluded") or [])
    if action == "surplus":
        whose = _surplus_of(stage, before)  # Meek moves them all
        said = message("notes.surplus", candidate=whose) if whose else message("notes.older_stage.surpluses")
    elif action == "exclusion":
        said = message("notes.older_stage.exclusion", names=", ".join(excluded)) if excluded else message(
            "notes.action.exclusion")
        excluded = []
    elif action in OLDER_STAGES:
        said = message(OLDER_STAGES[action])
    else:
        said = Message.text(action)
    parts = [said.render("cy")]
    if elected:
        parts.append(message("notes.stage_elected", names=elected).render("cy"))
    if excluded:
        parts.append(message("notes.stage_excluded", names=excluded).render("cy"))
    return _sentence(parts)


def stage_words(stage: Mapping[str, Any], before: Mapping[str, Any] | None = None) -> tuple[str, str]:
    """What one stage did, in Welsh and English, worded from the same facts.

    A stage the rule described with a keyed note is worded from its key in both languages, followed in both
    by who was elected and excluded where the note does not already name them (an ERS97 note names whoever
    was deemed elected, an exclusion note whoever was excluded). A stage stored without one (a count declared
    by an older version) keeps the rule's English, beside a Welsh sentence built from the stage's structure.
    """
    english = str(stage.get("description") or stage.get("action") or "")
    note = stage.get("note")
    said = note_message(note, english) if isinstance(note, Mapping) else None
    if said is None or said.key == "notes.plain":
        return stage_welsh(stage, before), english
    parts: list[Message] = [said]
    if not said.key.startswith("notes.ers97_"):
        if stage.get("elected"):
            parts.append(message("notes.stage_elected", names=list(stage["elected"])))
        if stage.get("excluded") and stage.get("action") != "exclusion":
            parts.append(message("notes.stage_excluded", names=list(stage["excluded"])))
    cy, en = zip(*(words(part) for part in parts), strict=True)
    return _sentence(list(cy)), _sentence(list(en))


def _english_only(text: str) -> Message:
    return message("notes.plain", text=text)


OlderNote = tuple[re.Pattern[str], Callable[[re.Match[str]], Message]]

OLDER_NOTES: list[OlderNote] = [
    (re.compile(r"^stage (\d+): (.+) not elected: the seat limits per class leave no place$"),
     lambda m: message("notes.refused_by_seat_limits", stage=m[1], candidates=m[2])),
    (re.compile(r"^stage (\d+): (.+) reached the quota but is not elected: (.+)$"),
     lambda m: message("notes.quota_but_reserved_why", stage=m[1], candidate=m[2], why=_english_only(m[3]))),
    (re.compile(r"^stage (\d+): elected without the quota: the seats left are needed for the seat limits per class$"),
     lambda m: message("notes.elected_for_seat_limits", stage=m[1])),
    (re.compile(r"^there were fewer candidates than seats: some seats are left unfilled$"),
     lambda m: message("notes.unfilled_too_few")),
    (re.compile(r"^(\d+) seat\(s\) left unfilled: no eligible candidate remains$"),
     lambda m: message("notes.unfilled_no_eligible", seats=int(m[1]))),
    (re.compile(r"^no candidate is left: the seat is unfilled$"),
     lambda m: message("notes.unfilled_none_left")),
    (re.compile(r"^excluded before counting by the seat limits of their class: (.+)$"),
     lambda m: message("notes.excluded_before_count", candidates=m[1])),
    (re.compile(r"^(.+) passed over: (.+)$"),
     lambda m: message("notes.passed_over", candidate=m[1], why=_english_only(m[2]))),
]
"""The English that versions before keyed notes wrote, matched back to the key that words it now."""


def older_note(english: str) -> Message:
    """A note stored as English only: its key where the English is one an older version wrote, else as it is."""
    for pattern, keyed in OLDER_NOTES:
        match = pattern.match(english.strip())
        if match:
            return keyed(match)
    return _english_only(english)


def note_welsh(english: str) -> str:
    """The Welsh of a note stored as English only, as a clause (lower-case first letter)."""
    said = older_note(english).render("cy")
    return said[:1].lower() + said[1:]


def note_words(english: str, keyed: Mapping[str, Any] | None) -> tuple[str, str]:
    """(Welsh, English) of a note as results.json holds it: worded from its key, or, stored without one, its
    Welsh from the English an older version wrote and its English as stored."""
    if keyed:
        return words(note_message(keyed, english))
    return note_welsh(english), english


def tie_message(tie: Mapping[str, Any]) -> Message:
    """A tie record as one sentence: at which stage, for what, who was chosen, and how."""
    purpose = str(tie.get("purpose", ""))
    how = str(tie.get("how", ""))
    if tie.get("how_note"):
        key = TIE_PURPOSES.get(purpose)
        return message("notes.tie", stage=tie.get("stage"), purpose=message(key) if key else Message.text(purpose),
                       chosen=tie.get("chosen", ""), how=note_message(tie["how_note"], how))
    key = OLDER_TIE_PURPOSES.get(purpose)
    lot = re.fullmatch(r"lot \(seed (\d+)\)", how)
    return message("notes.tie_older", stage=tie.get("stage"), purpose=message(key) if key else Message.text(purpose),
                   chosen=tie.get("chosen", ""), how=message("notes.tie_lot", seed=lot[1]) if lot else _english_only(how))


def tie_words(tie: Mapping[str, Any]) -> tuple[str, str]:
    return words(tie_message(tie))
