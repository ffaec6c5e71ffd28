"""An Outcome as a returning officer (or a program) reads it: JSON-able dict and a stage table.

Figures are decimal strings, never floats, at the precision the rule counts in (Scottish STV 5
places, ERS97 2, PRF Meek 9); exact rules (WIGM, Meek) print 6 places truncated, which is what a
stage sheet can show; every stage also carries ``exact``: each amount (totals, transfers,
non-transferable, rounding loss, quota, transfer value, keep factors) as an exact fraction, and the
outcome its ``quota_exact``, so nothing is hidden.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from coopvote.counting.model import Outcome, Stage, Value, decimal_string
from coopvote.counting.notes import keyed
from coopvote.messages import Language, catalogue, message, note_message

PLACES: dict[str, int] = {"scottish-stv": 5, "ers97": 2, "meek-prf": 9}


def places_for(outcome: Outcome) -> int | None:
    """Decimal places to show: the rule's own precision, whole numbers for whole-vote counts."""
    if outcome.method in PLACES:
        return PLACES[outcome.method]
    for stage in outcome.stages:
        for value in (*stage.totals.values(), stage.non_transferable, stage.rounding_loss):
            if Fraction(value).denominator != 1:
                return 6
    return 0


def _fmt(value: Value | None, places: int | None) -> str | None:
    """A figure at ``places``; one that needs more (a transfer value in a whole-vote count) gets 6."""
    if value is None:
        return None
    exact = Fraction(value)
    if places is not None and places < 6 and (exact * 10**places).denominator != 1:
        places = 6
    return decimal_string(exact, places)


def _exact(value: Value) -> str:
    f = Fraction(value)
    return str(f.numerator) if f.denominator == 1 else f"{f.numerator}/{f.denominator}"


def _stage_dict(outcome: Outcome, stage: Stage, places: int | None) -> dict[str, Any]:
    names = outcome.candidates
    entry: dict[str, Any] = {
        "number": stage.number,
        "action": stage.action,
        "description": str(stage.description),
        "note": keyed(stage.description),
        "totals": {names[c]: _fmt(v, places) for c, v in stage.totals.items()},
        "transfers": {names[c]: _fmt(v, places) for c, v in stage.transfers.items()},
        "non_transferable": _fmt(stage.non_transferable, places),
        "exhausted": _fmt(stage.exhausted, places),
        "rounding_loss": _fmt(stage.rounding_loss, places),
        "quota": _fmt(stage.quota, places),
        "transfer_value": _fmt(stage.transfer_value, places),
        "subject": None if stage.subject is None else names[stage.subject],
        "elected": [names[c] for c in stage.elected],
        "excluded": [names[c] for c in stage.excluded],
    }
    if stage.keep_factors:
        entry["keep_factors"] = {names[c]: _fmt(v, places) for c, v in stage.keep_factors.items()}
    if any(Fraction(v).denominator != 1 and (Fraction(v) * 10 ** (places or 0)).denominator != 1 for v in stage.totals.values()):
        entry["exact_totals"] = {names[c]: _exact(v) for c, v in stage.totals.items()}
    entry["exact"] = stage_exact(outcome, stage)
    return entry


def stage_exact(outcome: Outcome, stage: Stage) -> dict[str, Any]:
    """Every amount of one stage as an exact fraction ("17/3"): the decimals beside them are for reading."""
    names = outcome.candidates
    exact: dict[str, Any] = {
        "totals": {names[c]: _exact(v) for c, v in stage.totals.items()},
        "transfers": {names[c]: _exact(v) for c, v in stage.transfers.items()},
        "non_transferable": _exact(stage.non_transferable),
        "exhausted": _exact(stage.exhausted),
        "rounding_loss": _exact(stage.rounding_loss),
        "quota": None if stage.quota is None else _exact(stage.quota),
        "transfer_value": None if stage.transfer_value is None else _exact(stage.transfer_value),
    }
    if stage.keep_factors:
        exact["keep_factors"] = {names[c]: _exact(v) for c, v in stage.keep_factors.items()}
    return exact


def outcome_to_dict(outcome: Outcome, places: int | None = None) -> dict[str, Any]:
    """One JSON-able object: method, seats, elected names in order of election, every stage."""
    places = places_for(outcome) if places is None else places
    names = outcome.candidates
    return {
        "method": outcome.method,
        "seats": outcome.seats,
        "candidates": list(names),
        "quota": _fmt(outcome.quota, places),
        "quota_exact": None if outcome.quota is None else _exact(outcome.quota),
        "elected": [names[c] for c in outcome.elected],
        "places": places,
        "stages": [_stage_dict(outcome, s, places) for s in outcome.stages],
        "tie_breaks": [
            {
                "stage": t.stage,
                "purpose": t.purpose,
                "tied": [names[c] for c in t.tied],
                "chosen": names[t.chosen],
                "how": str(t.how),
                "how_note": keyed(t.how),
            }
            for t in outcome.tie_breaks
        ],
        "notes": [str(note) for note in outcome.notes],
        "notes_keyed": [keyed(note) for note in outcome.notes],
    }


def stage_table(outcome: Outcome, places: int | None = None, language: str = "en") -> str:
    """A plain-text stage sheet: one column per stage, one row per candidate, worded in ``language``.

    "both" gives the Welsh sheet and then the English one: the figures are the same, the words around them
    differ, and a sheet half in each language would fit neither reader.
    """
    if language == "both":
        return stage_table(outcome, places, "cy") + "\n\n" + stage_table(outcome, places, "en")
    lang: Language = "cy" if language == "cy" else "en"

    def say(key: str, **params: Any) -> str:
        return message(key, **params).render(lang)

    places = places_for(outcome) if places is None else places
    names = outcome.candidates
    stages = outcome.stages
    shown = sorted({c for s in stages for c in s.totals})
    non_transferable, rounding_loss = say("stage_sheet.non_transferable"), say("stage_sheet.rounding_loss")
    label_width = max([len(names[c]) for c in shown] + [len(non_transferable), len(rounding_loss)])
    cells: list[list[str]] = []
    for s in stages:
        column = [_fmt(s.totals.get(c, 0), places) or "" for c in shown]
        column.append(_fmt(s.non_transferable, places) or "")
        column.append(_fmt(s.rounding_loss, places) or "")
        cells.append(column)
    headings = [say("stage_sheet.stage", number=s.number) for s in stages]
    width = max([len(x) for col in cells for x in col] + [len(h) for h in headings])
    lines = [say("stage_sheet.method_seats", method=outcome.method, seats=outcome.seats)]
    if outcome.quota is not None:
        lines.append(say("stage_sheet.quota", quota=_fmt(outcome.quota, places)))
    lines.append("")
    lines.append(" " * label_width + "  " + "  ".join(h.rjust(width) for h in headings))
    labels = [names[c] for c in shown] + [non_transferable, rounding_loss]
    for row, label in enumerate(labels):
        marks = []
        for col, s in enumerate(stages):
            text = cells[col][row]
            if row < len(shown):
                c = shown[row]
                if c in s.elected:
                    text += "*"
                elif c in s.excluded:
                    text += "x"
            marks.append(text.rjust(width + 1))
        lines.append(label.ljust(label_width) + " " + " ".join(marks))
    lines.append("")
    lines.append(say("stage_sheet.legend"))
    lines.append("")
    for s in stages:
        words = note_message(keyed(s.description), str(s.description)).render(lang)
        if s.transfer_value is not None:
            lines.append(say("stage_sheet.stage_line_value", number=s.number, words=words,
                             value=_fmt(s.transfer_value, places)))
        else:
            lines.append(say("stage_sheet.stage_line", number=s.number, words=words))
    for t in outcome.tie_breaks:
        how = note_message(keyed(t.how), str(t.how)).render(lang)
        purpose_key = "notes.tie_purpose." + t.purpose.replace(" ", "_")
        purpose = say(purpose_key) if purpose_key in catalogue() else t.purpose
        lines.append(say("stage_sheet.tie", stage=t.stage, purpose=purpose, tied=", ".join(names[c] for c in t.tied),
                         chosen=names[t.chosen], how=how))
    for note in outcome.notes:
        lines.append(say("stage_sheet.note", note=note_message(keyed(note), str(note)).render(lang)))
    lines.append("")
    if outcome.elected:
        lines.append(say("stage_sheet.elected", names=", ".join(names[c] for c in outcome.elected)))
    else:
        lines.append(say("stage_sheet.elected_none"))
    return "\n".join(lines)
