"""What each count stage did, and the count's notes, in Welsh and English.

Every rule now records a stage's description as a keyed note (``coopvote.counting.notes``), and
``stage_words`` words it in both languages from that key, adding who was elected and excluded from the
stage's structure. A count declared by an older version has only the English: then the Welsh sentence is
built from the stage's structure (its action, who was elected and excluded, and whose surplus moved, as the
one total that went down), and its notes and ties are matched against the common English patterns here; a
note no pattern knows is printed in English under a Welsh label saying so, never dropped.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from fractions import Fraction
from typing import Any

from coopvote.reports.note_wording import NOTE_WORDS, keyed_words
from coopvote.welsh import and_list

ACTIONS_CY: dict[str, str] = {
    "first preferences": "cyfrif y dewisiadau cyntaf",
    "round": "cyfrif y pleidleisiau",
    "iteration": "trosglwyddo'r gwargedion",
    "constraint": "seddi wedi'u cadw i ddosbarthiadau",
    "elected": "ethol yr ymgeiswyr sy'n weddill",
    "excluded": "pob sedd wedi'i llenwi: eithrio'r ymgeiswyr sy'n weddill",
}

ACTION_WORDS: dict[str, tuple[str, str]] = {
    "first preferences": ("dewisiadau cyntaf", "first preferences"),
    "round": ("cyfrif", "count"),
    "iteration": ("gwargedion", "surpluses"),
    "surplus": ("gwarged", "surplus"),
    "exclusion": ("eithrio", "exclusion"),
    "constraint": ("seddi a gedwir", "reserved seats"),
    "elected": ("ethol", "elected"),
    "excluded": ("eithrio'r gweddill", "rest excluded"),
}
"""A stage's action in a word or two, Welsh and English, for the head of a stage's column on screen."""


def outcome_stage_words(outcome: Any, stage: Any) -> tuple[str, str]:
    """``stage_words`` for a stage of a count still in memory (the app's stage table), not yet in JSON."""
    from coopvote.counting.notes import keyed

    names = outcome.candidates
    return stage_words({"action": stage.action, "description": str(stage.description), "note": keyed(stage.description),
                        "elected": [names[c] for c in stage.elected], "excluded": [names[c] for c in stage.excluded]})


TIE_PURPOSES_CY: dict[str, str] = {
    "exclusion": "pwy i'w eithrio",
    "election": "pwy i'w ethol",
    "order of election": "trefn ethol",
    "surplus": "pa warged yn gyntaf",
}

ENGLISH_ONLY_CY = "(yn Saesneg yn unig)"


def _names(names: list[str]) -> str:
    return ", ".join(names)


def _amount(value: Any) -> Fraction | None:
    try:
        return Fraction(str(value))
    except (ValueError, ZeroDivisionError):
        return None


def _surplus_of(stage: dict[str, Any], before: dict[str, Any] | None) -> str | None:
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


def stage_welsh(stage: dict[str, Any], before: dict[str, Any] | None = None) -> str:
    """One stage in Welsh, from its structure: what it did, then who was elected and excluded.

    ``before`` is the previous stage: a rule that lists only the receiving candidates' transfers still shows
    whose surplus moved, as the one total that went down.
    """
    action = str(stage.get("action") or "")
    elected = list(stage.get("elected") or [])
    excluded = list(stage.get("excluded") or [])
    if action == "surplus":
        whose = _surplus_of(stage, before)
        said = f"trosglwyddo gwarged {whose}" if whose else "trosglwyddo'r gwargedion"  # Meek moves them all
    elif action == "exclusion":
        said, excluded = (f"eithrio {_names(excluded)}", []) if excluded else ("eithrio", [])
    else:
        said = ACTIONS_CY.get(action, action)
    parts = [said[:1].upper() + said[1:]]
    if elected:
        parts.append(f"Etholwyd: {_names(elected)}")
    if excluded:
        parts.append(f"Eithriwyd: {_names(excluded)}")
    return ". ".join(parts) + "."


def stage_words(stage: dict[str, Any], before: dict[str, Any] | None = None) -> tuple[str, str]:
    """What one stage did, in Welsh and English, worded from the same facts.

    A stage the rule described with a keyed note (``coopvote.counting.notes``) is worded from its key in
    both languages, followed in both by who was elected and excluded where the note does not already
    name them (an ERS97 note names whoever was deemed elected, an exclusion note whoever was excluded). A
    stage stored without one (a count declared by an older version) keeps the rule's English, beside a
    Welsh sentence built from the stage's structure.
    """
    note = stage.get("note")
    key = str(note.get("key")) if isinstance(note, dict) else ""
    if key not in NOTE_WORDS:
        return stage_welsh(stage, before), str(stage.get("description") or stage.get("action") or "")
    cy, en = keyed_words(note)  # type: ignore[arg-type]
    said_cy, said_en = [cy[:1].upper() + cy[1:]], [en[:1].upper() + en[1:]]
    if not key.startswith("ers97_"):
        if stage.get("elected"):
            said_cy.append(f"Etholwyd: {and_list(list(stage['elected']))}")
            said_en.append(f"Elected: {_names(list(stage['elected']))}")
        if stage.get("excluded") and stage.get("action") != "exclusion":
            said_cy.append(f"Eithriwyd: {and_list(list(stage['excluded']))}")
            said_en.append(f"Excluded: {_names(list(stage['excluded']))}")
    return ". ".join(said_cy) + ".", ". ".join(said_en) + "."


NotePattern = tuple[re.Pattern[str], Callable[[re.Match[str]], str]]

NOTE_PATTERNS: list[NotePattern] = [
    (re.compile(r"^stage (\d+): (.+) not elected: the seat limits per class leave no place$"),
     lambda m: f"cam {m[1]}: nid etholwyd {m[2]}: nid yw'r terfynau seddi fesul dosbarth yn gadael lle"),
    (re.compile(r"^stage (\d+): (.+) reached the quota but is not elected: (.+)$"),
     lambda m: f"cam {m[1]}: cyrhaeddodd {m[2]} y cwota ond nid yw wedi'i ethol: {m[3]} {ENGLISH_ONLY_CY}"),
    (re.compile(r"^stage (\d+): elected without the quota: the seats left are needed for the seat limits per class$"),
     lambda m: f"cam {m[1]}: etholwyd heb y cwota: mae angen y seddi sy'n weddill ar gyfer y terfynau seddi fesul "
     "dosbarth"),
    (re.compile(r"^there were fewer candidates than seats: some seats are left unfilled$"),
     lambda m: "roedd llai o ymgeiswyr na seddi: mae rhai seddi heb eu llenwi"),
    (re.compile(r"^(\d+) seat\(s\) left unfilled: no eligible candidate remains$"),
     lambda m: f"{m[1]} sedd heb ei llenwi: nid oes ymgeisydd cymwys ar ôl"),
    (re.compile(r"^no candidate is left: the seat is unfilled$"),
     lambda m: "nid oes ymgeisydd ar ôl: mae'r sedd heb ei llenwi"),
    (re.compile(r"^excluded before counting by the seat limits of their class: (.+)$"),
     lambda m: f"eithriwyd cyn cyfrif oherwydd terfynau seddi eu dosbarth: {m[1]}"),
    (re.compile(r"^(.+) passed over: (.+)$"),
     lambda m: f"hepgorwyd {m[1]}: {m[2]} {ENGLISH_ONLY_CY}"),
]


def note_welsh(note: str) -> str:
    """A count note in Welsh where its pattern is known; otherwise the English, labelled as English only."""
    for pattern, words in NOTE_PATTERNS:
        match = pattern.match(note.strip())
        if match:
            return words(match)
    return f"{note} {ENGLISH_ONLY_CY}"


def tie_words(tie: dict[str, Any]) -> tuple[str, str]:
    """A tie record in Welsh and English: stage, what it decided, who was chosen, and how."""
    purpose = str(tie.get("purpose", ""))
    how = str(tie.get("how", ""))
    lot = re.fullmatch(r"lot \(seed (\d+)\)", how)
    how_cy = f"coelbren (hedyn {lot[1]})" if lot else f"{how} {ENGLISH_ONLY_CY}"
    welsh = f"cam {tie['stage']}, {TIE_PURPOSES_CY.get(purpose, purpose)}: {tie['chosen']} ({how_cy})"
    english = f"stage {tie['stage']}, {purpose}: {tie['chosen']} ({how})"
    return welsh, english
