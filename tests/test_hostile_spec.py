"""Hostile meeting specs. coopvote/meeting/spec.py belongs to the spec-validation branch, so the two crashes
found here are recorded as strict expected failures for it to fix (strict: the mark must go once fixed)."""

from __future__ import annotations

import pytest

from coopvote.errors import InputError
from coopvote.meeting.spec import parse_spec

SPEC_OWNED_ELSEWHERE = "spec.py is branch spec's: parse_spec lets tomllib's RecursionError/ValueError through"


@pytest.mark.xfail(strict=True, raises=RecursionError, reason=SPEC_OWNED_ELSEWHERE)
def test_deeply_nested_toml_is_refused_with_a_reason() -> None:
    with pytest.raises(InputError, match="spec.toml"):
        parse_spec("a = " + "[" * 100_000 + "]" * 100_000, "spec.toml")


@pytest.mark.xfail(strict=True, raises=ValueError, reason=SPEC_OWNED_ELSEWHERE)
def test_an_integer_of_5000_digits_is_refused_with_a_reason() -> None:
    with pytest.raises(InputError, match="spec.toml"):
        parse_spec("x = 1" + "0" * 5000, "spec.toml")


def test_odd_encodings_and_large_text_are_refused_with_a_reason() -> None:
    for text in ("\ufeff[meeting]\nname_en = 1\n", "[meeting]\n" + "# padding\n" * 200_000, "\x00" * 1000):
        with pytest.raises(InputError):
            parse_spec(text, "spec.toml")
