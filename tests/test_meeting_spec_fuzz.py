"""Fuzzing the meeting definition reader: hostile values either pass every check or are an InputError.

No other exception and no hang: each example has a deadline, so a value that makes the reader expand a
huge number (``1e100000000``) fails the run instead of stalling it.
"""

from __future__ import annotations

import json
import tomllib
from datetime import timedelta
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coopvote.cli.demo import demo_spec_text
from coopvote.counting.resolutions import Threshold
from coopvote.counting.weighting import WeightingScheme
from coopvote.errors import InputError
from coopvote.meeting.quorum import QuorumRule
from coopvote.meeting.spec import parse_spec

DEMO = tomllib.loads(demo_spec_text())

HOSTILE_TEXT = st.sampled_from(
    ["", " ", "1e999999", "1e100000000", "-0", "NaN", "inf", "1/0", "0x10", "10%", "1/3", "0.1", "three", "bogus",
     'Dafydd "Dai" Jones', "a\nb", "\u202eevil", "\x00", "PS", "ps", "> 1/2", ">= 1e99999", "x" * 400]
) | st.text(max_size=30)
HOSTILE_SCALAR = st.one_of(
    HOSTILE_TEXT,
    st.integers(min_value=-(10**30), max_value=10**30),
    st.sampled_from([0, 1, 10000, 99999999999999999999, -1]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
)
HOSTILE = st.recursive(
    HOSTILE_SCALAR,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(HOSTILE_TEXT, inner, max_size=3),
    max_leaves=8,
)

PLACES: list[tuple[str, ...]] = [
    ("meeting", "name_en"), ("meeting", "date"), ("meeting", "languages"), ("meeting", "place"),
    ("classes", "0", "code"), ("classes", "1", "vote_value"), ("classes", "2", "colour"), ("classes", "0", "name_cy"),
    ("weighting", "scheme"), ("weighting", "shares", "EMP"), ("weighting", "absent_class"), ("weighting", "cap"),
    ("weighting", "cap", "PS"), ("weighting", "values"), ("weighting", "privacy_minimum"),
    ("weighting", "consent_threshold"), ("quorum", "percent"), ("quorum", "absolute"),
    ("quorum", "per_class_minimum", "PS"), ("proxies", "limit_per_holder"), ("rules", "privacy_minimum"),
    ("rules", "tie"), ("rules", "chair"), ("items", "0", "number"), ("items", "0", "threshold"),
    ("items", "0", "weighting"), ("items", "3", "seats"), ("items", "3", "method"), ("items", "3", "candidates"),
    ("items", "3", "candidates", "1", "name"), ("items", "3", "reserved", "PS", "min"), ("items", "3", "reserved"),
    ("items", "3", "max_marks"), ("items", "2", "kind"), ("items",), ("classes",), ("weighting",),
]


def put(document: Any, place: tuple[str, ...], value: Any) -> None:
    *route, last = place
    for step in route:
        document = document[int(step)] if isinstance(document, list) else document[step]
    if isinstance(document, list):
        document[int(last)] = value
    else:
        document[last] = value


def toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)  # TOML integers are 64-bit; a larger one is not valid TOML, which is also tested
    if isinstance(value, float):
        return {"nan": "nan", "inf": "inf", "-inf": "-inf"}.get(repr(value), repr(value))
    if isinstance(value, str):
        return json.dumps(value)
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{json.dumps(str(k))} = {toml_value(v)}" for k, v in value.items()) + " }"
    return json.dumps(str(value))


def dump(document: dict[str, Any]) -> str:
    """A small TOML writer: inline tables for everything but the top level and the arrays of tables."""
    lines: list[str] = []
    for name, table in document.items():
        if isinstance(table, list) and all(isinstance(t, dict) for t in table) and table:
            for entry in table:
                lines.append(f"[[{json.dumps(name)}]]")
                lines += [f"{json.dumps(k)} = {toml_value(v)}" for k, v in entry.items()]
        elif isinstance(table, dict):
            lines.append(f"[{json.dumps(name)}]")
            lines += [f"{json.dumps(k)} = {toml_value(v)}" for k, v in table.items()]
        else:
            lines.insert(0, f"{json.dumps(name)} = {toml_value(table)}")
    return "\n".join(lines) + "\n"


def copy_of_demo() -> dict[str, Any]:
    return json.loads(json.dumps(DEMO, default=str))


@settings(max_examples=300, deadline=timedelta(seconds=2), suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(PLACES), HOSTILE), min_size=1, max_size=4))
def test_hostile_values_are_accepted_whole_or_refused_as_input_errors(changes: list[tuple[tuple[str, ...], Any]]) -> None:
    document = copy_of_demo()
    for place, value in changes:
        try:
            put(document, place, value)
        except (KeyError, IndexError, TypeError, ValueError):
            continue  # an earlier change replaced the table this place is in
    try:
        spec = parse_spec(dump(document), "fuzz.toml")
    except InputError as error:
        assert str(error).startswith("fuzz.toml: ")
        return
    accepted_spec_counts(spec)


def accepted_spec_counts(spec: Any) -> None:
    """What was accepted must be readable by the parts that run during the meeting."""
    scheme = WeightingScheme.from_mapping(spec.weighting)
    QuorumRule.from_mapping(dict(spec.rules.get("quorum", {})))
    for item in spec.items:
        assert 1 <= item.number <= 999
        if item.kind == "resolution":
            Threshold.parse(item.threshold)
        else:
            assert 1 <= item.seats <= len(item.candidates)
        override = item.settings.get("weighting")
        if isinstance(override, dict):
            WeightingScheme.from_mapping(spec.weighting, override)
    assert scheme is not None


@settings(max_examples=200, deadline=timedelta(seconds=2))
@given(st.text(max_size=300))
def test_arbitrary_text_is_a_spec_or_an_input_error(text: str) -> None:
    try:
        spec = parse_spec(text, "fuzz.toml")
    except InputError as error:
        assert str(error).startswith("fuzz.toml: ")
        return
    accepted_spec_counts(spec)


def test_the_demo_passes_unchanged() -> None:
    accepted_spec_counts(parse_spec(dump(copy_of_demo()), "demo.toml"))
