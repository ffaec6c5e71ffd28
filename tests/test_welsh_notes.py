"""The counting rules' stage descriptions, tie records and notes reach the Welsh half of the printed records
in Welsh: worded from their keys, never the rule's English under a Welsh heading."""

from __future__ import annotations

import re
from typing import Any

import pytest

from coopvote.counting.blt import parse_blt
from coopvote.counting.irv import RULE as IRV
from coopvote.counting.model import CountOptions
from coopvote.counting.notes import Note, keyed
from coopvote.counting.privacy import small_class_warnings
from coopvote.counting.report import outcome_to_dict
from coopvote.counting.scottish_stv import RULE as SCOTTISH
from coopvote.counting.wigm import RULE as WIGM
from coopvote.messages import catalogue, note_message
from coopvote.reports.stage_words import note_words, stage_words, tie_words

ENGLISH = {"the", "of", "and", "stage", "transfer", "surplus", "exclusion", "excluded", "elected", "lot", "seed",
           "lowest", "vote", "votes", "quota", "counted", "first", "preferences", "class", "voters", "chosen",
           "differing", "recent", "earliest", "nobody", "chair", "seats", "candidate", "then", "by", "tie"}
WORD = re.compile(r"[A-Za-zÀ-ÿŵŷŴŶ']+")
NAMES = {"Mair", "Prŷs", "Aled", "Jones", "Carys", "Tudur", "Gareth", "Huws", "INV", "STAFF"}
BLT = ('4 2\n5 1 2 0\n4 2 1 0\n3 3 4 0\n3 4 3 0\n2 1 3 0\n0\n"Mair Prŷs"\n"Aled Jones"\n"Carys Tudur"\n'
       '"Gareth Huws"\n"Test"\n')


def english_in(welsh: str) -> list[str]:
    return [w for w in WORD.findall(welsh) if w.lower() in ENGLISH and w not in NAMES]


def welsh_halves(result: dict[str, Any]) -> list[str]:
    halves = [note_words(s["description"], s.get("note"))[0] for s in result["stages"]]
    halves += [tie_words(t)[0] for t in result["tie_breaks"]]
    halves += [note_words(n, k)[0] for n, k in zip(result["notes"], result["notes_keyed"], strict=True)]
    return halves


@pytest.mark.parametrize("rule", [SCOTTISH, WIGM, IRV], ids=lambda r: r.name)
@pytest.mark.parametrize("seed", [1, 42])
def test_every_stage_tie_and_note_of_a_count_is_welsh_in_the_welsh_half(rule: Any, seed: int) -> None:
    blt = BLT if rule is not IRV else BLT.replace("4 2\n", "4 1\n", 1)
    result = outcome_to_dict(rule.count(parse_blt(blt), CountOptions(seed=seed)))
    assert result["stages"] and all(s["note"] for s in result["stages"])  # every stage is keyed
    halves = welsh_halves(result)
    assert [(h, english_in(h)) for h in halves if english_in(h)] == []


def test_a_lot_is_worded_in_welsh_with_its_seed() -> None:
    tie = {"stage": 2, "purpose": "exclusion", "chosen": "Mair Prŷs", "how": "lot (seed 7)",
           "how_note": {"key": "tie_lot", "seed": 7}}
    assert tie_words(tie) == ("cam 2, eithrio: dewiswyd Mair Prŷs (coelbren (hedyn 7))",
                              "stage 2, exclusion: Mair Prŷs chosen (lot (seed 7))")


@pytest.mark.parametrize("voters", [1, 2, 3, 6, 20])
def test_privacy_warnings_are_welsh_with_the_singular_after_the_number(voters: int) -> None:
    warnings = small_class_warnings({"INV": voters, "STAFF": 40}, minimum=25)
    assert [w.class_code for w in warnings] == ["INV"]
    for warning in warnings:
        keyed = note_message({"key": warning.message().key, **warning.message().params})  # as results.json keeps it
        cy, en = keyed.render("cy"), keyed.render("en")
        assert f"{voters} pleidleisiwr" in cy and "pleidleiswyr" not in cy
        assert english_in(cy) == []
        assert en == warning.message()


def test_every_note_key_has_welsh_that_differs_from_its_english() -> None:
    same = [key for key, entry in catalogue().items() if key.startswith("notes.") and (not entry.cy.strip()
                                                                                      or entry.cy == entry.en)]
    assert same == []


def test_notes_of_an_older_results_json_are_still_worded() -> None:
    """results.json of earlier versions: short keys (no "notes." area), nested reasons and clauses as keyed
    dicts, a key no rule writes any more, a key the catalogue never had, and notes with no key at all."""
    surplus = {"key": "ers97_surplus", "candidate": "Mair Prŷs", "surplus": "3.00",
               "reason": {"key": "ers97_equal_surplus", "how": {"key": "tie_lot", "seed": 7}},
               "examined": "9.00", "transferable": "9.00", "how": {"key": "ers97_present_value", "value": "2.00"},
               "credited": "2.00", "lost": "1.00", "also": [{"key": "ers97_quota_recalculated", "quota": "4.50"}]}
    cy, en = note_words("Surplus of Mair Prŷs 3.00 (...)", surplus)
    assert "penderfynwyd drwy goelbren (hedyn 7)" in cy and cy.endswith("; ailgyfrifwyd y cwota i 4.50 heb y "
                                                                     "bleidlais anhrosglwyddadwy (§5.4.8)")
    assert "settled by lot (seed 7)" in en and en.endswith("; quota recalculated to 4.50 without the "
                                                           "non-transferable vote (§5.4.8)")
    assert english_in(cy) == []
    retired = {"key": "excluded_reserved", "candidate": "Aled Jones"}  # written before the reason was given
    assert note_words("exclusion of Aled Jones: cannot be elected", retired)[0].startswith("Eithrio Aled Jones: ")
    assert note_words("Meek STV, 6 decimal places", {"key": "meek_label_places", "label": "x", "places": 6}) == (
        "Meek STV, 6 lle degol", "Meek STV, 6 decimal places")
    unknown = note_words("something a rule once said", {"key": "never_in_the_catalogue", "x": 1})
    assert unknown == ("something a rule once said (yn Saesneg yn unig)", "something a rule once said")
    unkeyed = note_words("there were fewer candidates than seats: some seats are left unfilled", None)
    assert unkeyed == ("roedd llai o ymgeiswyr na seddi: mae rhai seddi heb eu llenwi",
                       "there were fewer candidates than seats: some seats are left unfilled")
    older_stage = {"number": 2, "action": "exclusion", "description": "exclusion of Aled Jones: lowest vote",
                   "elected": ["Mair Prŷs"], "excluded": ["Aled Jones"]}
    assert stage_words(older_stage) == ("Eithrio Aled Jones. Etholwyd: Mair Prŷs.",
                                        "exclusion of Aled Jones: lowest vote")
    older_tie = {"stage": 4, "purpose": "exclusion", "chosen": "Aled Jones", "how": "lot (seed 42)"}
    assert tie_words(older_tie) == ("cam 4, pwy i'w eithrio: Aled Jones (coelbren (hedyn 42))",
                                    "stage 4, exclusion: Aled Jones (lot (seed 42))")


def test_a_note_is_worded_the_same_from_the_rule_and_from_results_json() -> None:
    """One function words a note: the rule's Note in memory (the app) and its keyed form in results.json (the
    printed records) give the same message, nested reasons and all, in both languages."""
    result = WIGM.count(parse_blt(BLT), CountOptions(seed=1, candidate_groups={0: "PS", 1: "PS", 2: "EMP", 3: "EMP"},
                                                     max_seats={"PS": 1}))
    notes = [*(stage.description for stage in result.stages), *(tie.how for tie in result.tie_breaks), *result.notes]
    assert any(isinstance(note, Note) and any(isinstance(p, Note) for p in note.params.values()) for note in notes)
    for note in notes:
        assert isinstance(note, Note)
        in_memory, stored = note_message(note), note_message(keyed(note), str(note))
        for language in ("cy", "en"):
            assert in_memory.render(language) == stored.render(language)
        assert in_memory.key == f"notes.{note.key}" and english_in(in_memory.render("cy")) == []
