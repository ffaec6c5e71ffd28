"""Welsh sentences around names and numbers, built so they read right for any name and any number.

A Welsh sentence with a gap in it goes wrong in three ways an English one does not: a word after the gap
may have to agree with the gender of whoever fills it (a name followed by "wedi'i ethol" is wrong for a
woman, who is "wedi'i hethol"); a word after a trigger changes its first letter (drwy + coelbren = "drwy goelbren"); and a
numeral takes the singular noun ("3 pleidlais", "20 papur", never "3 pleidleisiau"). The helpers here put
the gap where none of that can go wrong (after a verb in the impersonal, "Etholwyd %1", which agrees with
nobody), mutate the Welsh words that coopvote itself inserts, and count with the singular.

Personal names are never mutated: in official Welsh a person's name keeps its spelling ("gan Mair",
"Etholwyd Gareth"), which is also the only safe choice for names that are not Welsh.

This module imports nothing of coopvote, so every layer may use it (it sits beside ``coopvote.errors`` at
the bottom of the import contracts).
"""

from __future__ import annotations

from collections.abc import Sequence

SOFT = (("ll", "l"), ("rh", "r"), ("c", "g"), ("p", "b"), ("t", "d"), ("g", ""), ("b", "f"), ("d", "dd"),
        ("m", "f"))
"""Soft mutation (treiglad meddal) of a word's first letters, longest first so "ll" is not taken as "l"."""

ASPIRATE = (("c", "ch"), ("p", "ph"), ("t", "th"))
"""Aspirate mutation (treiglad llaes), as after "a" (and), "â" (with), "ei" (her)."""

VOWELS = frozenset("aeiouwyâêîôûŵŷáéíóúẃýàèìòùẁỳäëïöüẅÿ")


def _mutate(word: str, table: Sequence[tuple[str, str]]) -> str:
    lower = word.lower()
    for radical, mutated in table:
        if lower.startswith(radical):
            if mutated and word[:1].isupper():
                mutated = mutated[:1].upper() + mutated[1:]
            rest = word[len(radical):]
            if not mutated and word[:1].isupper():
                rest = rest[:1].upper() + rest[1:]
            return mutated + rest
    return word


def soft(word: str) -> str:
    """A Welsh common word after a soft-mutation trigger (drwy, gan, am, i, o, yn ...): coelbren -> goelbren."""
    return _mutate(word, SOFT)


def aspirate(word: str) -> str:
    """A Welsh common word after an aspirate-mutation trigger (a, â, ei 'her'): cadeirydd -> chadeirydd."""
    return _mutate(word, ASPIRATE)


def starts_with_vowel(word: str) -> bool:
    """Whether "a" must become "ac" and "y" "yr" before ``word`` (a vowel, or h for the article)."""
    return bool(word) and word[0].lower() in VOWELS


def article(word: str) -> str:
    """The definite article for ``word``: "yr" before a vowel or h, "y" before a consonant."""
    return "yr" if starts_with_vowel(word) or word[:1].lower() == "h" else "y"


def and_list(names: Sequence[str]) -> str:
    """Names joined as a Welsh list: "Aled", "Aled a Mair", "Mair ac Aled", "Aled, Mair ac Eirlys".

    "a" becomes "ac" before a vowel; the names themselves are never mutated (see the module's note).
    """
    if not names:
        return ""
    if len(names) == 1:
        return names[0]
    last = names[-1]
    joiner = "ac" if starts_with_vowel(last) else "a"
    return f"{', '.join(names[:-1])} {joiner} {last}"


def count(number: int, singular: str) -> str:
    """A number with its noun: Welsh takes the singular after a numeral ("1 papur", "3 pleidlais", "20 aelod").

    Written in digits the noun is not mutated, as on official papers ("2 pleidlais"), so one rule holds for
    every number.
    """
    return f"{number:,} {singular}"


def elected(names: Sequence[str]) -> str:
    """"Etholwyd X" for one name or many: the impersonal past agrees with no gender and no number."""
    return f"Etholwyd {and_list(names)}" if names else "Nid etholwyd neb"


def excluded(names: Sequence[str]) -> str:
    """"Eithriwyd X": as ``elected``, without the gender a "wedi'i eithrio" would force."""
    return f"Eithriwyd {and_list(names)}"
