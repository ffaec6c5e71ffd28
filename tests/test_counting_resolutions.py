"""Resolutions: thresholds, bases, ties, class consent, by head, show of hands and polls, privacy."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coopvote.counting.resolution_texts import TEXTS
from coopvote.counting.resolutions import (
    ALL_CLASSES,
    ClassTally,
    ResolutionRules,
    ResolutionTally,
    Threshold,
    count_resolution,
    display_percent,
    percent_string,
)
from coopvote.counting.weighting import WeightingScheme
from coopvote.errors import InputError

SHARES = {"PS": "1/3", "EMP": "1/3", "SUP": "1/3"}
THIRDS = WeightingScheme.from_mapping({"scheme": "class-share", "shares": SHARES})
OMOV = WeightingScheme()
CHECK = ResolutionTally({"PS": ClassTally(12, 3), "EMP": ClassTally(40, 60), "SUP": ClassTally(10, 10)})


def rules(threshold: str = "> 1/2", **kw: object) -> ResolutionRules:
    return ResolutionRules.from_mapping({"threshold": threshold, **kw})


def test_worked_check_45_9_and_56_7_percent() -> None:
    omov = count_resolution(rules(), OMOV, CHECK)
    assert omov.for_share == Fraction(62, 135) and omov.for_percent == "45.9" and not omov.carried
    assert omov.reason() == "not carried: 45.9% for, more than 1/2 of votes cast needed"
    thirds = count_resolution(rules(), THIRDS, CHECK)
    assert thirds.for_share == Fraction(17, 30) and thirds.for_percent == "56.7" and thirds.carried
    assert thirds.reason() == "carried: 56.7% for, more than 1/2 of votes cast needed"
    assert thirds.reason("cy") == "Pasiwyd: 56.7% o blaid, angen mwy na 1/2 o'r pleidleisiau a fwriwyd"
    two_thirds = count_resolution(rules(">= 2/3"), THIRDS, CHECK)
    assert two_thirds.reason() == "not carried: 56.7% for, at least 2/3 of votes cast needed"
    assert two_thirds.reason("cy").startswith("Heb ei basio: 56.7% o blaid, angen o leiaf 2/3")
    ps = thirds.classes[0]
    assert (ps.code, ps.votes_for, ps.multiplier, ps.weighted_for, ps.weighted_base) == (
        "PS", 12, Fraction(1, 45), Fraction(4, 15), Fraction(1, 3)
    )  # fmt: skip
    assert thirds.total.weighted_for == Fraction(17, 30) and thirds.total.votes_for == 62


def test_every_text_exists_in_both_languages() -> None:
    assert TEXTS["en"].keys() == TEXTS["cy"].keys()


@pytest.mark.parametrize(
    ("spec", "strict", "fraction", "words"),
    [
        ("> 1/2", True, Fraction(1, 2), "more than 1/2"),
        (">= 2/3", False, Fraction(2, 3), "at least 2/3"),
        ("three-quarters", False, Fraction(3, 4), "at least 3/4"),
        (">= 55%", False, Fraction(11, 20), "at least 55%"),
        ("> 0.6", True, Fraction(3, 5), "more than 3/5"),
        (">= 1/12", False, Fraction(1, 12), "at least 1/12"),
        ("> 55.5%", True, Fraction(111, 200), "more than 55.5%"),
    ],
)
def test_threshold_forms(spec: str, strict: bool, fraction: Fraction, words: str) -> None:
    threshold = Threshold.parse(spec)
    assert (threshold.strict, threshold.fraction, threshold.describe()) == (strict, fraction, words)


@pytest.mark.parametrize("spec", ["= 1/2", "> 1", ">= 3/2", "half", "> -1/2"])
def test_bad_thresholds_are_input_errors(spec: str) -> None:
    with pytest.raises(InputError, match="item.threshold"):
        rules(spec)


def test_percent_display_never_looks_like_the_threshold_when_short_of_it() -> None:
    assert percent_string(Fraction(2, 3)) == "66.7" and percent_string(Fraction(1, 8), 2) == "12.50"
    short = Fraction(66666, 100000)
    assert display_percent(short, Threshold.parse(">= 2/3")) == "66.666"
    assert display_percent(Fraction(2, 3), Threshold.parse(">= 2/3")) == "66.7"


def test_bases_abstentions_and_rejected_papers() -> None:
    tally = ResolutionTally({"ALL": ClassTally(60, 30, abstentions=20, rejected=4, present=130)})
    cast = count_resolution(rules(">= 2/3"), OMOV, tally)
    assert cast.for_share == Fraction(2, 3) and cast.carried
    valid = count_resolution(rules(">= 2/3", base="valid"), OMOV, tally)
    assert valid.for_share == Fraction(60, 110) and not valid.carried
    assert valid.reason() == "not carried: 54.5% for, at least 2/3 of valid papers needed"
    present = count_resolution(rules("> 1/2", base="present"), OMOV, tally)
    assert present.for_share == Fraction(60, 130) and not present.carried
    assert cast.total.rejected == 4 and cast.total.abstentions == 20  # reported, not cast
    with pytest.raises(InputError, match="needs the number of members present"):
        count_resolution(rules(base="present"), OMOV, CHECK)


def test_class_share_under_the_valid_base_spreads_the_share_over_abstainers_too() -> None:
    tally = ResolutionTally({"PS": ClassTally(4, 0, abstentions=4), "EMP": ClassTally(0, 10)})
    halves = WeightingScheme.from_mapping({"scheme": "class-share", "shares": {"PS": "1/2", "EMP": "1/2"}})
    assert count_resolution(rules(), halves, tally).for_share == Fraction(1, 2)
    assert count_resolution(rules(base="valid"), halves, tally).for_share == Fraction(1, 4)


def test_tie_lost_casting_vote_and_lot() -> None:
    tie = ResolutionTally({"ALL": ClassTally(50, 50)}, chair="Gwen Morgan", casting_vote="for", seed=11)
    lost = count_resolution(rules(), OMOV, tie)
    assert not lost.carried and lost.tie is not None and lost.tie.how == "lost"
    assert "a tie is lost" in lost.reason()
    casting = count_resolution(rules(tie="casting-vote"), OMOV, tie)
    assert casting.carried
    assert casting.reason() == (
        "carried: a tie at exactly 50.0% for; the chair, Gwen Morgan, gave a casting vote for"
    )
    assert "Gwen Morgan" in casting.reason("cy") and "o blaid" in casting.reason("cy")
    with pytest.raises(InputError, match="casting vote"):
        count_resolution(rules(tie="casting-vote"), OMOV, ResolutionTally({"ALL": ClassTally(5, 5)}))
    outcomes = set()
    for seed in range(20):
        seeded = ResolutionTally({"ALL": ClassTally(50, 50)}, seed=seed)
        first = count_resolution(rules(tie="lot"), OMOV, seeded)
        assert first.carried == count_resolution(rules(tie="lot"), OMOV, seeded).carried
        assert first.tie is not None and first.tie.seed == seed and f"(seed {seed})" in first.reason()
        outcomes.add(first.carried)
    assert outcomes == {True, False}
    # "at least 1/2" has no tie: exactly half carries.
    at_least = count_resolution(rules(">= 1/2"), OMOV, tie)
    assert at_least.carried and at_least.tie is None


def test_weighted_tie_is_exact() -> None:
    # Thirds: PS all for, EMP all against, SUP split evenly: exactly 1/2.
    tally = ResolutionTally({"PS": ClassTally(7, 0), "EMP": ClassTally(0, 90), "SUP": ClassTally(3, 3)})
    result = count_resolution(rules(), THIRDS, tally)
    assert result.for_share == Fraction(1, 2) and result.tie is not None and not result.carried


def test_special_resolution_by_head_ignores_weighting() -> None:
    result = count_resolution(rules(">= 3/4", by_head=True), THIRDS, CHECK)
    assert result.for_share == Fraction(62, 135) and result.by_head and result.scheme == "class-share"
    assert result.reason().endswith("; counted by head (one member, one vote)")
    assert all(row.multiplier == 1 for row in result.classes)
    assert "counted by head" not in count_resolution(rules(by_head=True), OMOV, CHECK).reason()


def test_class_consent_needs_a_majority_in_every_class() -> None:
    consent = WeightingScheme.from_mapping({"scheme": "class-share", "shares": SHARES, "class_consent": True})
    result = count_resolution(rules(), consent, CHECK)
    assert result.for_share == Fraction(17, 30) and not result.carried
    assert result.consent_failed == ("EMP", "SUP")  # 40/60 and an even 10/10 are not majorities
    assert [row.consent for row in result.classes] == [True, False, False]
    assert result.reason() == (
        "not carried: 56.7% for, but no consent within class(es) EMP, SUP (more than 1/2 needed in each)"
    )
    absent = ResolutionTally({"PS": ClassTally(12, 3), "EMP": ClassTally(60, 40), "SUP": ClassTally(0, 0)})
    assert count_resolution(rules(), consent, absent).consent_failed == ("SUP",)
    ignoring = WeightingScheme.from_mapping(
        {"scheme": "class-share", "shares": SHARES, "class_consent": True, "consent_absent": "ignore"}
    )
    assert count_resolution(rules(), ignoring, absent).carried


def test_show_of_hands_by_head_and_poll_demanded() -> None:
    hands = ResolutionTally(
        {ALL_CLASSES: ClassTally(30, 20, abstentions=4)}, mode="show-of-hands", poll_demanded_by="Rhys Jones"
    )
    result = count_resolution(rules(), THIRDS, hands)
    assert result.carried and not result.stands and result.poll_demanded_by == "Rhys Jones"
    assert result.reason() == (
        "carried: 60.0% for, more than 1/2 of votes cast needed; show of hands, counted by head; "
        "a poll was demanded by Rhys Jones: the show of hands does not decide this item"
    )
    per_class = ResolutionTally({"PS": ClassTally(3, 0), "EMP": ClassTally(10, 30)}, mode="show-of-hands")
    assert count_resolution(rules(), THIRDS, per_class).for_share == Fraction(13, 43)
    consent = WeightingScheme.from_mapping({"class_consent": True})
    with pytest.raises(InputError, match="class consent needs figures per class"):
        count_resolution(rules(), consent, hands)
    with pytest.raises(InputError, match="only on a show of hands"):
        count_resolution(rules(), OMOV, ResolutionTally({"A": ClassTally(1, 0)}, poll_demanded_by="X"))


def test_small_class_warning_before_per_class_figures() -> None:
    tally = ResolutionTally({"PS": ClassTally(2, 1, rejected=1), "EMP": ClassTally(40, 60)})
    result = count_resolution(rules(), THIRDS, tally)
    assert [(w.class_code, w.voters) for w in result.privacy] == [("PS", 4)]
    strict = WeightingScheme.from_mapping({"scheme": "class-share", "shares": SHARES, "privacy_minimum": 200})
    assert {w.class_code for w in count_resolution(rules(), strict, tally).privacy} == {"PS", "EMP"}


def test_no_votes_and_bad_figures() -> None:
    result = count_resolution(rules(), OMOV, ResolutionTally({"A": ClassTally(0, 0, abstentions=3)}))
    assert not result.carried and result.for_share is None
    assert result.reason() == "not carried: no votes cast"
    with pytest.raises(InputError, match="class A: votes for must be a whole number"):
        count_resolution(rules(), OMOV, ResolutionTally({"A": ClassTally(-1, 0)}))
    with pytest.raises(InputError, match="no figures"):
        count_resolution(rules(), OMOV, ResolutionTally({}))


def test_per_member_values() -> None:
    scheme = WeightingScheme.from_mapping({"scheme": "fixed-value", "per_member": True})
    tally = ResolutionTally({"A": ClassTally(2, 3, for_value=Fraction(10), against_value=Fraction(3))})
    assert count_resolution(rules(), scheme, tally).for_share == Fraction(10, 13)
    with pytest.raises(InputError, match="per-member vote values"):
        count_resolution(rules(), scheme, ResolutionTally({"A": ClassTally(2, 3)}))


# -- properties -------------------------------------------------------------------------------------------

CODES = ("PS", "EMP", "SUP", "INV")


@st.composite
def class_tallies(draw: st.DrawFn) -> ClassTally:
    votes_for, against, abstain = draw(st.integers(0, 60)), draw(st.integers(0, 60)), draw(st.integers(0, 10))
    absent_voters = draw(st.integers(0, 20))  # present, but returned no valid paper
    return ClassTally(
        votes_for, against, abstain, draw(st.integers(0, 3)), votes_for + against + abstain + absent_voters
    )


@st.composite
def schemes(draw: st.DrawFn) -> WeightingScheme:
    kind = draw(st.sampled_from(["one-member-one-vote", "fixed-value", "class-share"]))
    cap = draw(
        st.dictionaries(
            st.sampled_from(CODES), st.integers(5, 45).map(lambda p: Fraction(p, 100)), max_size=1
        )
    )
    consent = draw(st.booleans())
    if kind == "class-share":
        parts = [draw(st.integers(1, 5)) for _ in CODES]
        shares = {c: Fraction(p, sum(parts)) for c, p in zip(CODES, parts, strict=True)}
        absent = draw(st.sampled_from(["redistribute", "forfeit"]))
        return WeightingScheme(kind, shares=shares, absent_class=absent, cap=cap, consent=consent)
    if kind == "fixed-value":
        values = {c: Fraction(draw(st.integers(1, 5))) for c in CODES}
        return WeightingScheme(kind, values=values, cap=cap, consent=consent)
    return WeightingScheme(cap=cap, consent=consent)


tallies = st.dictionaries(st.sampled_from(CODES), class_tallies(), min_size=1)
rule_sets = st.builds(
    ResolutionRules,
    threshold=st.sampled_from(["> 1/2", ">= 2/3", ">= 3/4", "> 3/5", ">= 0"]).map(Threshold.parse),
    base=st.sampled_from(["cast", "valid", "present"]),
    tie=st.sampled_from(["lost", "casting-vote", "lot"]),
    by_head=st.booleans(),
)


def _tally(classes: dict[str, ClassTally], seed: int) -> ResolutionTally:
    return ResolutionTally(classes, chair="Chair", casting_vote="against", seed=seed)


@settings(max_examples=150, deadline=None)
@given(rule_sets, schemes(), tallies, st.sampled_from(CODES), st.integers(0, 5))
def test_adding_a_for_vote_never_loses_a_carried_resolution(
    rule: ResolutionRules, scheme: WeightingScheme, classes: dict[str, ClassTally], code: str, seed: int
) -> None:
    before = count_resolution(rule, scheme, _tally(classes, seed))
    old = classes.get(code, ClassTally(0, 0))
    present = (old.present or 0) + 1  # one more member came and voted for
    more = {
        **classes,
        code: ClassTally(old.votes_for + 1, old.votes_against, old.abstentions, old.rejected, present),
    }
    after = count_resolution(rule, scheme, _tally(more, seed))
    if before.carried:
        assert after.carried
    if before.for_share is not None:
        assert after.for_share is not None and after.for_share >= before.for_share


@settings(max_examples=200, deadline=None)
@given(rule_sets, schemes(), tallies, st.integers(2, 7))
def test_scaling_every_count_keeps_the_percentages(
    rule: ResolutionRules, scheme: WeightingScheme, classes: dict[str, ClassTally], factor: int
) -> None:
    def scaled(t: ClassTally) -> ClassTally:
        present = (t.present or 0) * factor
        return ClassTally(
            t.votes_for * factor, t.votes_against * factor, t.abstentions * factor, t.rejected, present
        )

    before = count_resolution(rule, scheme, _tally(classes, 0))
    after = count_resolution(rule, scheme, _tally({c: scaled(t) for c, t in classes.items()}, 0))
    assert before.for_share == after.for_share and before.carried == after.carried
    assert [r.for_share for r in before.classes] == [r.for_share for r in after.classes]
    assert all(r.multiplier >= 0 for r in after.classes)


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.sampled_from(("PS", "EMP", "SUP")), class_tallies(), min_size=1), st.integers(2, 9))
def test_turnout_within_a_class_does_not_change_its_weight_under_thirds(
    classes: dict[str, ClassTally], factor: int
) -> None:
    """Scaling one class's counts alone leaves the thirds percentage unchanged; by head it moves."""
    code = next(iter(classes))
    t = classes[code]
    grown = {
        **classes,
        code: ClassTally(t.votes_for * factor, t.votes_against * factor, t.abstentions, t.rejected),
    }
    assert (
        count_resolution(rules(), THIRDS, _tally(classes, 0)).for_share
        == count_resolution(rules(), THIRDS, _tally(grown, 0)).for_share
    )


def test_docs_quote_what_the_code_says() -> None:
    """docs/counting.md quotes these results; if the code changes, the page must change with it."""
    from pathlib import Path

    page = " ".join((Path(__file__).resolve().parent.parent / "docs" / "counting.md").read_text().split())
    abstaining = ResolutionTally({"ALL": ClassTally(60, 30, abstentions=20, rejected=4, present=130)})
    tie = ResolutionTally({"ALL": ClassTally(50, 50)}, chair="Gwen Morgan", casting_vote="against", seed=2026)
    hands = ResolutionTally(
        {ALL_CLASSES: ClassTally(30, 20, abstentions=4)}, mode="show-of-hands", poll_demanded_by="Rhys Jones"
    )
    consent = WeightingScheme.from_mapping({"scheme": "class-share", "shares": SHARES, "class_consent": True})
    quoted = [
        count_resolution(rules(), THIRDS, CHECK).reason(),
        count_resolution(rules(), THIRDS, CHECK).reason("cy"),
        count_resolution(rules(), consent, CHECK).reason(),
        count_resolution(rules(">= 3/4", by_head=True), THIRDS, CHECK).reason(),
        count_resolution(rules(tie="lost"), OMOV, tie).reason(),
        count_resolution(rules(tie="casting-vote"), OMOV, tie).reason(),
        count_resolution(rules(tie="lot"), OMOV, tie).reason(),
        count_resolution(rules(), THIRDS, hands).reason(),
        *(
            count_resolution(rules(">= 2/3", base=b), OMOV, abstaining).reason()
            for b in ("cast", "valid", "present")
        ),
    ]
    for sentence in quoted:
        assert sentence in page


def test_result_as_plain_json_data() -> None:
    import json

    data = count_resolution(rules(), THIRDS, CHECK).to_dict()
    again = json.loads(json.dumps(data))
    assert again["for_share"] == "17/30" and again["for_percent"] == "56.7" and again["carried"] is True
    assert again["classes"][0]["multiplier"] == {"exact": "1/45", "decimal": "0.022222"}
    assert again["total"]["weighted_for"]["exact"] == "17/30"
    assert again["reason"]["cy"].startswith("Pasiwyd")
    with pytest.raises(InputError, match="not both"):
        count_resolution(
            rules(), OMOV, ResolutionTally({ALL_CLASSES: ClassTally(1, 0), "PS": ClassTally(1, 0)})
        )


def test_privacy_minimum_from_the_meeting_rules_overrides_the_scheme() -> None:
    tally = ResolutionTally({"PS": ClassTally(6, 1), "EMP": ClassTally(40, 60)})
    assert count_resolution(rules(), THIRDS, tally).privacy == ()
    warned = count_resolution(rules(), THIRDS, tally, privacy_minimum=10)
    assert [(w.class_code, w.minimum) for w in warned.privacy] == [("PS", 10)]
