"""The counting rules' notes in Welsh and English, from their keys (``coopvote.counting.notes.Note``).

The rules describe each stage, tie and warning as a key with its parameters; this table words them, so the
Welsh half of a declaration or stage sheet is Welsh written for it, not the rule's English under a Welsh
heading. A note stored without a key (a count declared by an older version) is printed as it was stored.
Sentences put names only after an impersonal verb or a noun ("Eithrio Aled Jones", "Etholwyd Mair"), so
no word has to agree with the gender of whoever is named.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from coopvote.reports.note_words_stv import ERS97_WORDS, MEEK_WORDS, PLURALITY_WORDS, PUBLISHING_WORDS
from coopvote.welsh import and_list, count

NOTE_WORDS: dict[str, tuple[str, str]] = {
    "first_preferences": ("Cyfrif y dewisiadau cyntaf", "First preferences counted"),
    "surplus": ("Trosglwyddo gwarged {candidate}", "Transfer of the surplus of {candidate}"),
    # The name ends its sentence, as the stage sheet's structural Welsh always had it ("Cam 5: Eithrio Aled.").
    "excluded_lowest": ("Eithrio {candidate}. Y bleidlais isaf", "Exclusion of {candidate}. Lowest vote"),
    "excluded_reserved": (
        "Eithrio {candidate}: ni ellir ethol yr ymgeisydd hwn oherwydd y seddi a gedwir i ddosbarthiadau",
        "Exclusion of {candidate}: cannot be elected because of the seats reserved per class",
    ),
    "quota_but_reserved": (
        "Cam {stage}: ni ellir ethol {candidate} er cyrraedd y cwota, oherwydd y seddi a gedwir i ddosbarthiadau",
        "Stage {stage}: {candidate} reached the quota but is not elected, because of the seats reserved per class",
    ),
    "refused_by_seat_limits": (
        "Cam {stage}: nid etholwyd {candidates}: nid oes lle o fewn terfynau seddi'r dosbarthiadau",
        "Stage {stage}: {candidates} not elected: the seat limits per class leave no place",
    ),
    "elected_for_seat_limits": (
        "Cam {stage}: etholwyd heb y cwota: mae angen y seddi sy'n weddill i gadw terfynau seddi'r dosbarthiadau",
        "Stage {stage}: elected without the quota: the seats left are needed for the seat limits per class",
    ),
    "continuing_equal_vacancies": (
        "Cam {stage}: mae nifer yr ymgeiswyr sy'n parhau yn hafal i nifer y seddi gwag, felly etholwyd pob un",
        "Stage {stage}: continuing candidates equal the vacancies, so all are elected",
    ),
    "unfilled_seat_limits": (
        "Mae rhai seddi heb eu llenwi: roedd rhy ychydig o ymgeiswyr, neu rhy ychydig y mae terfynau seddi'r "
        "dosbarthiadau yn eu caniatáu",
        "Some seats are left unfilled: there were too few candidates, or too few the seat limits per class allow",
    ),
    "unfilled_too_few": (
        "Roedd llai o ymgeiswyr na seddi: mae rhai seddi heb eu llenwi",
        "There were fewer candidates than seats: some seats are left unfilled",
    ),
    "unfilled_none_left": ("Nid oes ymgeisydd ar ôl: mae'r sedd heb ei llenwi",
                           "No candidate is left: the seat is unfilled"),
    "excluded_before_count": (
        "Eithriwyd cyn y cyfrif oherwydd terfynau seddi eu dosbarth: {candidates}",
        "Excluded before counting by the seat limits of their class: {candidates}",
    ),
    "excluded_reserved_why": (
        "Eithrio {candidate}: ni ellir ethol yr ymgeisydd hwn: {why} (seddi a gedwir i ddosbarthiadau)",
        "Exclusion of {candidate}: cannot be elected: {why} (seats reserved per class)",
    ),
    "quota_but_reserved_why": (
        "Cam {stage}: ni ellir ethol {candidate} er cyrraedd y cwota: {why} (seddi a gedwir i ddosbarthiadau)",
        "Stage {stage}: {candidate} reached the quota but is not elected: {why} (seats reserved per class)",
    ),
    "doomed_class_full": ("mae gan ddosbarth {class_code} eisoes ei uchafswm o {seats_cy}",
                          "class {class_code} already holds its maximum of {seats} seat(s)"),
    "doomed_minimums": ("mae angen y seddi sy'n weddill ar gyfer isafswm {needs}",
                        "the remaining seats are needed for the minimum of {needs}"),
    "doomed_impossible": (
        "byddai ethol yr ymgeisydd hwn yn ei gwneud yn amhosibl cadw'r seddi a gedwir i ddosbarthiadau",
        "electing them would leave the seats reserved per class impossible to meet",
    ),
    "tie_given_order": ("y drefn a roddwyd ymlaen llaw", "given tie order"),
    "tie_ballot_order": ("trefn y papurau yn y ffeil", "ballot file order"),
    "tie_lot": ("coelbren (hedyn {seed})", "lot (seed {seed})"),
    "tie_most_recent": ("y cam diwethaf lle'r oeddent yn wahanol, cam {stage}", "most recent differing stage {stage}"),
    "tie_earliest": ("y cam cynharaf lle'r oeddent yn wahanol, cam {stage}", "earliest differing stage {stage}"),
    "tie_stage_then_lot": ("cam {stage}, yna {then}", "stage {stage} then {then}"),
    "privacy_small_class": (
        "dosbarth {class_code}: dim ond {voters_cy}, llai na'r isafswm preifatrwydd o {minimum}; gall ffigurau'r "
        "dosbarth ddatgelu sut y pleidleisiodd unigolion",
        "class {class_code}: only {voters} voter(s), fewer than the privacy minimum of {minimum}; its per-class "
        "figures may reveal how individuals voted",
    ),
    "privacy_unanimous": (
        "dosbarth {class_code}: pleidleisiodd pob un o'r {voters_cy} yr un ffordd; mae ffigurau'r dosbarth yn "
        "datgelu sut y pleidleisiodd pob un",
        "class {class_code}: all {voters} voters voted the same way; its per-class figures reveal how each of "
        "them voted",
    ),
}

NOTE_WORDS.update(MEEK_WORDS)
NOTE_WORDS.update(ERS97_WORDS)
NOTE_WORDS.update(PUBLISHING_WORDS)
NOTE_WORDS.update(PLURALITY_WORDS)

TIE_PURPOSES: dict[str, tuple[str, str]] = {
    "exclusion": ("eithrio", "exclusion"),
    "surplus order": ("trefn y gwargedion", "surplus order"),
    "election": ("ethol", "election"),
    "order of election": ("trefn ethol", "order of election"),
}


COUNTED: dict[str, str] = {"voters": "pleidleisiwr", "seats": "sedd", "iterations": "ailadroddiad", "papers": "papur",
                          "members": "aelod"}
"""Whole-number parameters a Welsh sentence needs with their noun (``voters_cy``: "3 pleidleisiwr")."""


def _is_note(value: Any) -> bool:
    return isinstance(value, Mapping) and "key" in value


def _params(params: Mapping[str, Any], language: int) -> dict[str, Any]:
    """Parameters ready for a sentence: lists of names joined, nested notes worded, numbers counted."""
    ready: dict[str, Any] = {}
    for name, value in params.items():
        if _is_note(value):
            ready[name] = keyed_words(value)[language]
        elif isinstance(value, Sequence) and not isinstance(value, str):
            if all(_is_note(v) for v in value):
                ready[name] = "; ".join(keyed_words(v)[language] for v in value)
                continue
            names = [str(v) for v in value]
            ready[name] = and_list(names) if language == 0 else ", ".join(names)
        else:
            ready[name] = value
    for name, noun in COUNTED.items():
        if isinstance(params.get(name), int):
            ready[f"{name}_cy"] = count(int(params[name]), noun)
    return ready


def keyed_words(keyed: Mapping[str, Any]) -> tuple[str, str]:
    """(Welsh, English) of a note stored as ``{"key": ..., **params}``.

    Clauses that follow the sentence (``also``: who reached the quota at an ERS97 stage, a recalculated
    quota) are worded one by one and added after it, as the rule's English adds them.
    """
    cy, en = NOTE_WORDS[str(keyed["key"])]
    params = {k: v for k, v in keyed.items() if k not in ("key", "also")}
    words = [cy.format(**_params(params, 0)), en.format(**_params(params, 1))]
    for clause in keyed.get("also") or []:
        for language, said in enumerate(keyed_words(clause)):
            words[language] += "; " + said
    return words[0], words[1]


def note_words(english: str, keyed: Mapping[str, Any] | None) -> tuple[str, str]:
    """(Welsh, English) of a note as results.json holds it: its keyed form if it has one, else its text."""
    if keyed and str(keyed.get("key")) in NOTE_WORDS:
        return keyed_words(keyed)
    return english, english


def tie_words(tie: Mapping[str, Any]) -> tuple[str, str]:
    """A tie record as one Welsh and one English sentence: at which stage, for what, who, and how."""
    how_cy, how_en = note_words(str(tie.get("how", "")), tie.get("how_note"))
    purpose = str(tie.get("purpose", ""))
    purpose_cy, purpose_en = TIE_PURPOSES.get(purpose, (purpose, purpose))
    chosen = tie.get("chosen", "")
    return (f"cam {tie.get('stage')}, {purpose_cy}: dewiswyd {chosen} ({how_cy})",
            f"stage {tie.get('stage')}, {purpose_en}: {chosen} chosen ({how_en})")
