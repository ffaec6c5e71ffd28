"""Sentences around names and numbers read right for any name (women's and men's, vowel or consonant first)
and any number (1, 2, 3, 6, 20: the numbers where Welsh numerals and their nouns go wrong)."""

from __future__ import annotations

import pytest

from coopvote.welsh import and_list, article, aspirate, count, elected, excluded, soft

WOMEN = ["Mair Prŷs", "Eirlys Owen", "Carys Tudur"]
MEN = ["Gareth Huws", "Aled Jones", "Dafydd ap Iwan"]
NUMBERS = [1, 2, 3, 6, 20]


@pytest.mark.parametrize("name", WOMEN + MEN)
def test_elected_and_excluded_agree_with_no_gender(name: str) -> None:
    assert elected([name]) == f"Etholwyd {name}"
    assert excluded([name]) == f"Eithriwyd {name}"
    for sentence in (elected([name]), excluded([name])):
        assert "wedi'i" not in sentence  # the form that forces a gender (ethol / hethol)


def test_lists_of_names_take_ac_before_a_vowel_and_keep_every_name_unmutated() -> None:
    assert and_list(["Mair Prŷs", "Gareth Huws"]) == "Mair Prŷs a Gareth Huws"
    assert and_list(["Gareth Huws", "Aled Jones"]) == "Gareth Huws ac Aled Jones"
    assert and_list(["Carys Tudur", "Dafydd ap Iwan", "Eirlys Owen"]) == "Carys Tudur, Dafydd ap Iwan ac Eirlys Owen"
    assert elected(["Carys Tudur", "Aled Jones"]) == "Etholwyd Carys Tudur ac Aled Jones"
    assert elected([]) == "Nid etholwyd neb"


@pytest.mark.parametrize("number", NUMBERS)
@pytest.mark.parametrize(("singular", "plural"), [("pleidlais", "pleidleisiau"), ("papur", "papurau"),
                                                  ("aelod", "aelodau"), ("cam", "camau")])
def test_a_numeral_takes_the_singular_noun(number: int, singular: str, plural: str) -> None:
    assert count(number, singular) == f"{number} {singular}"
    assert plural not in count(number, singular)


def test_large_numbers_are_grouped_as_the_rest_of_the_papers_are() -> None:
    assert count(1200, "aelod") == "1,200 aelod"


@pytest.mark.parametrize(("radical", "after_soft", "after_aspirate"), [
    ("coelbren", "goelbren", "choelbren"), ("pleidlais", "bleidlais", "phleidlais"), ("trefn", "drefn", "threfn"),
    ("gwerth", "werth", "gwerth"), ("bwrw", "fwrw", "bwrw"), ("dull", "ddull", "dull"), ("llaw", "law", "llaw"),
    ("rhif", "rif", "rhif"), ("mantais", "fantais", "mantais"), ("Cadeirydd", "Gadeirydd", "Chadeirydd"),
    ("aelod", "aelod", "aelod"),
])
def test_the_words_coopvote_inserts_are_mutated_after_their_trigger(radical: str, after_soft: str,
                                                                   after_aspirate: str) -> None:
    assert soft(radical) == after_soft
    assert aspirate(radical) == after_aspirate


@pytest.mark.parametrize(("word", "expected"), [("cadeirydd", "y"), ("aelod", "yr"), ("hedyn", "yr"),
                                                ("ymgeisydd", "yr"), ("papur", "y")])
def test_the_article_follows_the_first_letter(word: str, expected: str) -> None:
    assert article(word) == expected
