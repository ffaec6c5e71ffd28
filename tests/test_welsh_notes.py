"""The counting rules' stage descriptions, tie records and notes reach the Welsh half of the printed records
in Welsh: worded from their keys, never the rule's English under a Welsh heading."""

from __future__ import annotations

import re
from typing import Any

import pytest

from coopvote.counting.blt import parse_blt
from coopvote.counting.irv import RULE as IRV
from coopvote.counting.model import CountOptions
from coopvote.counting.privacy import small_class_warnings
from coopvote.counting.report import outcome_to_dict
from coopvote.counting.scottish_stv import RULE as SCOTTISH
from coopvote.counting.wigm import RULE as WIGM
from coopvote.reports.note_wording import NOTE_WORDS, keyed_words, note_words, tie_words

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
        cy, en = keyed_words({"key": warning.message().key, **warning.message().params})
        assert f"{voters} pleidleisiwr" in cy and "pleidleiswyr" not in cy
        assert english_in(cy) == []
        assert en == warning.message()


def test_every_note_key_has_welsh_that_differs_from_its_english() -> None:
    same = [key for key, (cy, en) in NOTE_WORDS.items() if not cy.strip() or cy == en]
    assert same == []
