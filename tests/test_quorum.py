"""Quorum: exact figures, the sentences the chair reads out, the TOML spec, and monotonicity."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coopvote.errors import InputError
from coopvote.meeting.quorum import QuorumRule, assess, format_fraction

MEMBERS = {"PS": 300, "EMP": 200, "COM": 100}


def test_the_example_from_the_issue() -> None:
    status = assess(QuorumRule(percent=Fraction(10)), MEMBERS, {"PS": 40, "EMP": 15, "COM": 5}, {"PS": 4})
    assert (status.met, status.required, status.present, status.members) == (True, 60, 64, 600)
    assert (status.in_person, status.by_proxy) == (60, 4)
    assert status.explanation_en == "Quorum is 60: 10% of 600 members; 64 present (including 4 by proxy). Quorate."
    assert status.explanation_cy == ("Y cworwm yw 60: 10% o 600 aelod; 64 yn bresennol (gan gynnwys 4 drwy ddirprwy). "
                                     "Mae cworwm.")


@pytest.mark.parametrize(
    ("members", "rounding", "required"),
    [(601, "up", 61), (601, "down", 60), (600, "up", 60), (600, "down", 60), (9, "up", 1), (9, "down", 0), (0, "up", 0)],
)
def test_percent_rounding(members: int, rounding: str, required: int) -> None:
    rule = QuorumRule(percent=Fraction(10), rounding=rounding)  # type: ignore[arg-type]
    status = assess(rule, {"PS": members}, {"PS": required})
    assert status.required == required and status.met
    if required:
        assert not assess(rule, {"PS": members}, {"PS": required - 1}).met


def test_rounding_is_explained() -> None:
    status = assess(QuorumRule(percent=Fraction(10)), {"PS": 601}, {"PS": 58}, {"PS": 2})
    assert status.explanation_en == ("Quorum is 61: 10% of 601 members (60.1, rounded up to 61); 60 present "
                                     "(including 2 by proxy). Not quorate: 1 more needed.")
    assert "wedi'i dalgrynnu i fyny i 61" in status.explanation_cy and "Nid oes cworwm: mae angen 1 arall" in (
        status.explanation_cy)
    assert status.shortfall == 1


def test_exactness_with_a_third_of_a_percent() -> None:
    rule = QuorumRule(percent=Fraction(100, 3))  # a third of the members
    assert assess(rule, {"A": 300}, {}).required == 100
    assert assess(rule, {"A": 301}, {}).required == 101  # 100.33... rounds up
    assert "33 1/3% of 301 members (100 1/3, rounded up to 101)" in assess(rule, {"A": 301}, {}).explanation_en


@pytest.mark.parametrize(("combine", "members", "required"),
                         [("greater", 100, 20), ("greater", 600, 60), ("lesser", 100, 10), ("lesser", 600, 20)])
def test_absolute_and_percent_combined(combine: str, members: int, required: int) -> None:
    rule = QuorumRule(absolute=20, percent=Fraction(10), combine=combine)  # type: ignore[arg-type]
    status = assess(rule, {"PS": members}, {"PS": 0})
    assert status.required == required
    assert status.explanation_en.startswith(f"Quorum is {required}: the {combine} of 20 members and 10% of "
                                            f"{members} members ({members // 10})")
    which = "y mwyaf" if combine == "greater" else "y lleiaf"
    assert f"{which} o'r ddau, 20 aelod neu 10% o {members} aelod" in status.explanation_cy


def test_absolute_only_and_no_overall_quorum() -> None:
    fixed = assess(QuorumRule(absolute=1), {"PS": 5}, {"PS": 1})
    assert fixed.explanation_en == "Quorum is 1 (a fixed number); 1 present. Quorate."
    none = assess(QuorumRule(), {"PS": 5}, {})
    assert none.met and none.required == 0
    assert none.explanation_en == "There is no overall quorum; 0 present. Quorate."


def test_per_class_minimums_with_names_and_case_insensitive_codes() -> None:
    rule = QuorumRule(absolute=10, per_class_minimum={"emp": 5, "ps": 2})
    names = {"EMP": "Employees", "PS": "People supported"}
    names_cy = {"EMP": "Gweithwyr", "PS": "Pobl a gefnogir"}
    status = assess(rule, MEMBERS, {"PS": 20, "EMP": 3}, {"EMP": 1}, class_names=names, class_names_cy=names_cy)
    assert not status.met and status.present == 24 and status.required == 10
    by_code = {c.code: c for c in status.per_class}
    assert [c.code for c in status.per_class] == ["PS", "EMP", "COM"]
    assert (by_code["EMP"].required, by_code["EMP"].present, by_code["EMP"].met) == (5, 4, False)
    assert (by_code["PS"].required, by_code["PS"].met) == (2, True)
    assert (by_code["COM"].required, by_code["COM"].met) == (0, True)
    assert status.explanation_en.splitlines() == [
        "Quorum is 10 (a fixed number); 24 present (including 1 by proxy). Not quorate: 1 more needed from "
        "Employees.",
        "People supported: at least 2 needed; 20 present. Met.",
        "Employees: at least 5 needed; 4 present (including 1 by proxy). Not met: 1 more needed.",
    ]
    assert "mae angen 1 arall o'r dosbarth Gweithwyr" in status.explanation_cy
    assert "Gweithwyr: angen o leiaf 5; 4 yn bresennol (gan gynnwys 1 drwy ddirprwy). Heb ei gyrraedd" in (
        status.explanation_cy)
    fixed = assess(rule, MEMBERS, {"PS": 20, "EMP": 4}, {"EMP": 1})
    assert fixed.met


def test_minimum_larger_than_the_class_is_flagged() -> None:
    status = assess(QuorumRule(per_class_minimum={"COM": 3}), {"COM": 2}, {"COM": 2})
    assert not status.met
    assert "The class has only 2 members, so this minimum cannot be met." in status.explanation_en
    assert "Dim ond 2 aelod sydd yn y dosbarth" in status.explanation_cy


def test_proxies_can_be_excluded() -> None:
    rule = QuorumRule(percent=Fraction(10), proxies_count=False, per_class_minimum={"EMP": 2})
    status = assess(rule, MEMBERS, {"PS": 50, "EMP": 1}, {"PS": 8, "EMP": 3})
    assert (status.present, status.in_person, status.by_proxy) == (51, 51, 11)
    assert not status.met
    assert "51 present in person (11 members represented by proxy do not count towards quorum)" in (
        status.explanation_en)
    assert "9 more needed" in status.explanation_en and "1 more needed from EMP" in status.explanation_en
    assert "nid yw'r 11 aelod a gynrychiolir drwy ddirprwy yn cyfrif" in status.explanation_cy
    assert assess(QuorumRule(percent=Fraction(10)), MEMBERS, {"PS": 50, "EMP": 1}, {"PS": 8, "EMP": 3}).met


def test_large_numbers_are_grouped() -> None:
    status = assess(QuorumRule(percent=Fraction(5)), {"PS": 50_000}, {"PS": 2_600})
    assert status.explanation_en == "Quorum is 2,500: 5% of 50,000 members; 2,600 present. Quorate."


def test_counts_must_be_whole_and_not_negative() -> None:
    with pytest.raises(ValueError, match="present for class PS"):
        assess(QuorumRule(), {"PS": 1}, {"PS": -1})
    with pytest.raises(ValueError):
        assess(QuorumRule(), {"PS": 1.5}, {})  # type: ignore[dict-item]


# --- the TOML spec --------------------------------------------------------------------------------------


@pytest.mark.parametrize(("given_percent", "expected"),
                         [(10, Fraction(10)), ("10%", Fraction(10)), (" 12.5 % ", Fraction(25, 2)), (12.5, Fraction(25, 2)),
                          (0.1, Fraction(1, 10)), ("1/3", Fraction(1, 3)), (Decimal("7.25"), Fraction(29, 4))])
def test_percent_forms(given_percent: object, expected: Fraction) -> None:
    assert QuorumRule.from_mapping({"percent": given_percent}).percent == expected


def test_from_mapping_and_back() -> None:
    spec = {"absolute": 20, "percent": "12.5%", "rounding": "down", "combine": "lesser",
            "per_class_minimum": {"EMP": 3}, "proxies_count": False}
    rule = QuorumRule.from_mapping(spec)
    assert rule == QuorumRule(20, Fraction(25, 2), "down", "lesser", {"EMP": 3}, False)
    assert rule.to_mapping() == {"absolute": 20, "percent": "12.5", "rounding": "down", "combine": "lesser",
                                 "per_class_minimum": {"EMP": 3}, "proxies_count": False}
    assert QuorumRule.from_mapping(rule.to_mapping()) == rule
    assert QuorumRule.from_mapping({}) == QuorumRule()


@pytest.mark.parametrize(
    ("spec", "message"),
    [({"persent": 10}, "unknown setting persent"), ({"percent": 0}, "more than 0"), ({"percent": 150}, "at most 100"),
     ({"percent": "ten"}, "such as 10"), ({"percent": True}, "such as 10"), ({"absolute": -1}, "absolute"),
     ({"absolute": 2.5}, "absolute"), ({"rounding": "nearest"}, "rounding"), ({"combine": "sum"}, "combine"),
     ({"per_class_minimum": {"EMP": -2}}, "class EMP"), ({"per_class_minimum": 3}, "table"),
     ({"proxies_count": "yes"}, "true or false")],
)
def test_bad_specs_name_the_setting(spec: dict[str, object], message: str) -> None:
    with pytest.raises(InputError, match=message) as raised:
        QuorumRule.from_mapping(spec, where="meeting.toml [quorum]")
    assert "[quorum]" in str(raised.value) or "unknown" in str(raised.value)


def test_format_fraction() -> None:
    assert [format_fraction(x) for x in (Fraction(601, 10), Fraction(1, 40), Fraction(200, 3), Fraction(7), Fraction(1, 3),
                                         Fraction(1234567, 2))] == ["60.1", "0.025", "66 2/3", "7", "1/3", "617,283.5"]


# --- properties ------------------------------------------------------------------------------------------

counts = st.dictionaries(st.sampled_from(["PS", "EMP", "COM", "X"]), st.integers(0, 500), max_size=4)
rules = st.builds(
    QuorumRule,
    absolute=st.none() | st.integers(0, 400),
    percent=st.none() | st.fractions(min_value=Fraction(1, 100), max_value=100).filter(lambda f: f > 0),
    rounding=st.sampled_from(["up", "down"]),
    combine=st.sampled_from(["greater", "lesser"]),
    per_class_minimum=st.dictionaries(st.sampled_from(["PS", "emp", "COM"]), st.integers(0, 60), max_size=3),
    proxies_count=st.booleans(),
)


@settings(max_examples=300, deadline=None)
@given(rule=rules, members=counts, present=counts, proxies=counts, more_present=counts, more_proxies=counts)
def test_quorum_is_monotone_in_attendance(
    rule: QuorumRule,
    members: dict[str, int],
    present: dict[str, int],
    proxies: dict[str, int],
    more_present: dict[str, int],
    more_proxies: dict[str, int],
) -> None:
    before = assess(rule, members, present, proxies)
    bigger_present = {k: present.get(k, 0) + more_present.get(k, 0) for k in {*present, *more_present}}
    bigger_proxies = {k: proxies.get(k, 0) + more_proxies.get(k, 0) for k in {*proxies, *more_proxies}}
    after = assess(rule, members, bigger_present, bigger_proxies)
    assert after.required == before.required  # attendance never moves the bar
    assert after.present >= before.present
    assert not before.met or after.met
    assert after.met == (after.present >= after.required and all(c.present >= c.required for c in after.per_class))
    assert ("Not quorate" in after.explanation_en) == (not after.met)
    assert ("Nid oes cworwm:" in after.explanation_cy) == (not after.met)


@settings(max_examples=300, deadline=None)
@given(percent=st.fractions(min_value=Fraction(1, 1000), max_value=100), members=st.integers(0, 10**6),
       absolute=st.none() | st.integers(0, 10**6), combine=st.sampled_from(["greater", "lesser"]))
def test_required_matches_integer_arithmetic(percent: Fraction, members: int, absolute: int | None, combine: str) -> None:
    if percent <= 0:
        return
    rule = QuorumRule(absolute=absolute, percent=percent, combine=combine)  # type: ignore[arg-type]
    numerator = percent.numerator * members
    denominator = percent.denominator * 100
    from_percent = -(-numerator // denominator)  # ceiling in integers
    expected = from_percent if absolute is None else (max if combine == "greater" else min)(absolute, from_percent)
    assert rule.overall_required(members) == expected
    assert QuorumRule(percent=percent, rounding="down").overall_required(members) == numerator // denominator
