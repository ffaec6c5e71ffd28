"""Class weighting: the five schemes, the meeting spec's [weighting] table, and their invariants."""

from __future__ import annotations

import tomllib
from fractions import Fraction

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from coopvote.counting.privacy import small_class_warnings, unanimity_warnings
from coopvote.counting.weighting import (
    WeightingScheme,
    apply_cap,
    class_strengths,
    paper_weights,
    parse_fraction,
)
from coopvote.errors import InputError

THIRDS = WeightingScheme.from_mapping(
    {"scheme": "class-share", "shares": {"PS": "1/3", "EMP": "1/3", "SUP": "1/3"}}
)
# The worked check: (for, against) per class.
CHECK = {"PS": (12, 3), "EMP": (40, 60), "SUP": (10, 10)}


def weighted_for_share(scheme: WeightingScheme, figures: dict[str, tuple[int, int]]) -> Fraction:
    weights = paper_weights(scheme, {c: f + a for c, (f, a) in figures.items()})
    votes_for = sum(weights[c] * f for c, (f, _a) in figures.items())
    cast = sum(weights[c] * (f + a) for c, (f, a) in figures.items())
    return votes_for / cast


def test_worked_check_one_member_one_vote_and_thirds() -> None:
    omov = weighted_for_share(WeightingScheme(), CHECK)
    thirds = weighted_for_share(THIRDS, CHECK)
    assert omov == Fraction(62, 135)  # 45.9%
    assert thirds == Fraction(17, 30)  # 56.7%
    assert paper_weights(THIRDS, {"PS": 15, "EMP": 100, "SUP": 20}) == {
        "PS": Fraction(1, 45),
        "EMP": Fraction(1, 300),
        "SUP": Fraction(1, 60),
    }


def test_fixed_value_per_class_and_per_member() -> None:
    scheme = WeightingScheme.from_mapping({"scheme": "fixed-value", "values": {"PS": 2, "EMP": 1, "SUP": 1}})
    assert weighted_for_share(scheme, CHECK) == Fraction(74, 150)
    assert paper_weights(scheme, {"PS": 15, "EMP": 100}) == {"PS": 2, "EMP": 1}
    with pytest.raises(InputError, match="no vote value for class INV"):
        paper_weights(scheme, {"INV": 3})
    per_member = WeightingScheme.from_mapping({"scheme": "fixed-value", "per_member": True})
    # Raw strength is the sum of the members' register values; each unit of it carries 1.
    result = class_strengths(per_member, {"PS": Fraction(7, 2), "EMP": 3})
    assert result.multipliers == {"PS": 1, "EMP": 1} and result.total_strength == Fraction(13, 2)


def test_absent_class_redistribute_or_forfeit() -> None:
    papers = {"PS": 15, "EMP": 100, "SUP": 0}
    shared = class_strengths(THIRDS, papers)
    assert shared.strength == {"PS": Fraction(1, 2), "EMP": Fraction(1, 2), "SUP": 0}
    assert shared.total_strength == 1 and shared.forfeited == 0
    assert "shared out" in shared.notes[0]
    forfeit = WeightingScheme.from_mapping({**_thirds_table(), "absent_class": "forfeit"})
    lost = class_strengths(forfeit, {"PS": 15, "EMP": 100})  # SUP missing altogether: cast nothing
    assert lost.strength == {"PS": Fraction(1, 3), "EMP": Fraction(1, 3), "SUP": 0}
    assert lost.forfeited == Fraction(1, 3) and "forfeited" in lost.notes[0]
    # Either way the for-share of votes cast is the same: all papers are scaled alike.
    figures = {"PS": (12, 3), "EMP": (40, 60), "SUP": (0, 0)}
    no_sup = {"PS": (12, 3), "EMP": (40, 60)}
    assert weighted_for_share(THIRDS, figures) == weighted_for_share(forfeit, no_sup) == Fraction(3, 5)


def _thirds_table() -> dict[str, object]:
    return {"scheme": "class-share", "shares": {"PS": "1/3", "EMP": "1/3", "SUP": "1/3"}}


def test_cap_scales_the_class_down_and_others_keep_their_strength() -> None:
    capped = WeightingScheme.from_mapping({"scheme": "capped", "cap": {"INV": "10%"}})
    result = class_strengths(capped, {"EMP": 60, "SUP": 30, "INV": 40})
    assert result.strength == {"EMP": 60, "SUP": 30, "INV": 10}
    assert result.multipliers == {"EMP": 1, "SUP": 1, "INV": Fraction(1, 4)}
    assert result.capped == ("INV",)
    figures = {"EMP": (30, 30), "SUP": (20, 10), "INV": (40, 0)}
    assert weighted_for_share(WeightingScheme(), figures) == Fraction(90, 130)
    assert weighted_for_share(capped, figures) == Fraction(60, 100)
    # Under the cap already: nothing changes.
    assert class_strengths(capped, {"EMP": 60, "SUP": 30, "INV": 5}).multipliers["INV"] == 1


def test_cap_that_pushes_another_class_over_its_cap_repeats() -> None:
    strength, capped = apply_cap(
        {"A": Fraction(50), "B": Fraction(30), "C": Fraction(20)}, {"A": Fraction(1, 5), "B": Fraction(2, 5)}
    )
    # Capping A alone leaves B at 30/62.5 = 48% > 40%, so both end at their caps and C keeps 20.
    assert capped == ("A", "B") and strength["C"] == 20
    total = sum(strength.values())
    assert strength["A"] / total == Fraction(1, 5) and strength["B"] / total == Fraction(2, 5)


def test_cap_with_only_capped_class_voting_is_left_alone_with_note() -> None:
    capped = WeightingScheme.from_mapping({"scheme": "one-member-one-vote", "cap": {"INV": "1/10"}})
    result = class_strengths(capped, {"INV": 40, "EMP": 0})
    assert result.multipliers["INV"] == 1 and "cap not applied" in result.notes[0]


def test_from_toml_with_item_override() -> None:
    meeting = tomllib.loads(
        """
        [weighting]
        scheme = "class-share"
        shares = { PS = "1/3", EMP = "1/3", SUP = "1/3" }
        absent_class = "forfeit"
        cap = { SUP = 0.3 }
        class_consent = true
        privacy_minimum = 7
        """
    )["weighting"]
    scheme = WeightingScheme.from_mapping(meeting)
    assert scheme.shares["PS"] == Fraction(1, 3) and scheme.cap == {"SUP": Fraction(3, 10)}
    assert scheme.consent and scheme.privacy_minimum == 7 and scheme.absent_class == "forfeit"
    # An item keeping the scheme but changing one key; an item naming its own scheme replaces the table.
    assert WeightingScheme.from_mapping(meeting, {"class_consent": False}).shares == scheme.shares
    by_head = WeightingScheme.from_mapping(meeting, {"scheme": "one-member-one-vote"})
    assert by_head.kind == "one-member-one-vote" and not by_head.cap and not by_head.consent


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"scheme": "class-share", "shares": {"PS": "1/2", "EMP": "1/3"}}, "add up to 5/6"),
        ({"scheme": "class-share"}, "needs shares"),
        ({"scheme": "lottery"}, "unknown scheme 'lottery'"),
        ({"scheme": "fixed-value"}, "needs values"),
        ({"shares": {"PS": 1}}, 'only the "class-share" scheme'),
        ({"cap": {"INV": "3/2"}}, "between 0 and 1"),
        ({"cap": {"INV": "one tenth"}}, "weighting.cap.INV: 'one tenth' is not a number"),
        ({"absent_class": "keep"}, "absent_class"),
        ({"scheme": "fixed-value", "values": {"PS": -1}}, "weighting.values.PS: must be more than 0"),
        ({"weights": {}}, "unknown key"),
        ({"privacy_minimum": "5"}, "whole number"),
    ],
)
def test_spec_errors_name_the_key(table: dict[str, object], message: str) -> None:
    with pytest.raises(InputError, match=message.replace("(", r"\(").replace(")", r"\)")):
        WeightingScheme.from_mapping(table)


def test_parse_fraction_never_goes_through_binary_float() -> None:
    assert parse_fraction(0.1, "x") == Fraction(1, 10)
    assert parse_fraction("33.3%", "x") == Fraction(333, 1000)
    assert parse_fraction(" 2 / 3 ", "x") == Fraction(2, 3)
    with pytest.raises(InputError):
        parse_fraction(True, "x")


def test_privacy_warnings_for_small_and_unanimous_classes() -> None:
    warnings = small_class_warnings({"PS": 3, "EMP": 40, "INV": 0, "SUP": 5}, minimum=5)
    assert [(w.class_code, w.voters) for w in warnings] == [("PS", 3)]
    assert "fewer than the privacy minimum of 5" in warnings[0].message()
    unanimous = unanimity_warnings({"EMP": (12, 0), "SUP": (2, 0), "PS": (3, 4)})
    assert [w.class_code for w in unanimous] == ["EMP"]


# -- properties -------------------------------------------------------------------------------------------

CODES = ("PS", "EMP", "SUP", "INV")


@st.composite
def share_schemes(draw: st.DrawFn) -> WeightingScheme:
    parts = draw(st.lists(st.integers(1, 9), min_size=2, max_size=4))
    total = sum(parts)
    shares = {CODES[i]: Fraction(p, total) for i, p in enumerate(parts)}
    absent = draw(st.sampled_from(["redistribute", "forfeit"]))
    return WeightingScheme(kind="class-share", shares=shares, absent_class=absent)


paper_counts = st.dictionaries(st.sampled_from(CODES), st.integers(0, 500), min_size=1)


@settings(max_examples=200, deadline=None)
@given(share_schemes(), paper_counts)
def test_each_voting_class_carries_its_share(scheme: WeightingScheme, counts: dict[str, int]) -> None:
    counts = {c: n for c, n in counts.items() if c in scheme.shares}
    weights = paper_weights(scheme, counts)
    assert all(w >= 0 for w in weights.values())
    voting = [c for c in scheme.shares if counts.get(c, 0) > 0]
    assume(voting)
    carried = {c: weights[c] * counts[c] for c in voting}
    present_share = sum(scheme.shares[c] for c in voting)
    for code in voting:
        if scheme.absent_class == "forfeit" or len(voting) == len(scheme.shares):
            assert carried[code] == scheme.shares[code]
        else:
            assert carried[code] == scheme.shares[code] / present_share
    if scheme.absent_class == "redistribute":
        assert sum(carried.values()) == 1  # total voting strength conserved
    else:
        assert sum(carried.values()) == present_share


@settings(max_examples=200, deadline=None)
@given(
    st.dictionaries(st.sampled_from(CODES), st.integers(0, 300), min_size=2),
    st.dictionaries(st.sampled_from(CODES), st.integers(1, 40), max_size=2),
)
def test_cap_holds_exactly_and_others_keep_proportions(
    counts: dict[str, int], caps_pct: dict[str, int]
) -> None:
    cap = {c: Fraction(p, 100) for c, p in caps_pct.items()}
    scheme = WeightingScheme(cap=cap)
    result = class_strengths(scheme, counts)
    assert all(m >= 0 for m in result.multipliers.values())
    assume(any(counts.get(c, 0) > 0 for c in counts if c not in cap))
    total = result.total_strength
    for code, strength in result.strength.items():
        if code in cap:
            assert strength <= cap[code] * total
            assert (code in result.capped) == (strength == cap[code] * total and counts[code] > strength)
        else:
            assert strength == counts[code]  # uncapped classes keep their strength, hence proportions


def test_register_class_values_stand_in_for_fixed_values() -> None:
    register = {"PS": "2", "EMP": 1, "SUP": 1}
    scheme = WeightingScheme.from_mapping({"scheme": "fixed-value"}, class_values=register)
    assert scheme.values == {"PS": 2, "EMP": 1, "SUP": 1}
    # Values written in the table win over the register's.
    table = WeightingScheme.from_mapping(
        {"scheme": "fixed-value", "values": {"PS": 3}}, class_values=register
    )
    assert table.values == {"PS": 3}
    # Other schemes ignore the register values.
    assert WeightingScheme.from_mapping({}, class_values=register).values == {}
