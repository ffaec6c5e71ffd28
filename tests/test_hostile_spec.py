"""Hostile meeting specs: deep nesting, huge integers, odd encodings and large text are refused with a reason."""

from __future__ import annotations

import pytest

from coopvote.errors import InputError
from coopvote.meeting.spec import parse_spec


def test_deeply_nested_toml_is_refused_with_a_reason() -> None:
    with pytest.raises(InputError, match="spec.toml"):
        parse_spec("a = " + "[" * 100_000 + "]" * 100_000, "spec.toml")


def test_an_integer_of_5000_digits_is_refused_with_a_reason() -> None:
    with pytest.raises(InputError, match="spec.toml"):
        parse_spec("x = 1" + "0" * 5000, "spec.toml")


def test_odd_encodings_and_large_text_are_refused_with_a_reason() -> None:
    for text in ("\ufeff[meeting]\nname_en = 1\n", "[meeting]\n" + "# padding\n" * 200_000, "\x00" * 1000):
        with pytest.raises(InputError):
            parse_spec(text, "spec.toml")
