"""Constitution presets: each fragment goes through the ordinary checks and counts as its rule says."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import pytest

from coopvote.counting.resolutions import (
    ClassTally,
    ResolutionRules,
    ResolutionTally,
    Threshold,
    count_resolution,
)
from coopvote.counting.weighting import WeightingScheme
from coopvote.errors import InputError
from coopvote.meeting.presets import (
    PRESETS,
    confirmation_problem,
    confirmation_window,
    fragment_toml,
    item_fragment,
    weighting_fragment,
)
from coopvote.meeting.spec import parse_spec

HEAD = """
[meeting]
name_cy = "Cyfarfod"
name_en = "Meeting"
date = {held_on}
notice_given = 2026-11-01

[[classes]]
code = "WRK"
name_cy = "Gweithwyr"
name_en = "Workers"

[[classes]]
code = "INV"
name_cy = "Buddsoddwyr"
name_en = "Investors"
"""


def spec_text(weighting: dict[str, object] | None = None, item: dict[str, object] | None = None,
              held_on: str = "2026-11-28") -> str:
    text = HEAD.format(held_on=held_on)
    if weighting is not None:
        text += "\n[weighting]\n" + "\n".join(fragment_toml(weighting)) + "\n"
    text += '\n[[items]]\nnumber = 1\nkind = "resolution"\ntitle_cy = "Newid y rheolau"\ntitle_en = "Change the rules"\n'
    if item is not None:
        text += "\n".join(fragment_toml(item)) + "\n"
    return text


def test_every_preset_explains_itself_in_welsh_and_english_and_names_its_source() -> None:
    assert len({p.key for p in PRESETS}) == len(PRESETS)
    for preset in PRESETS:
        for words in (preset.name_cy, preset.name_en, preset.explain_cy, preset.explain_en, preset.source):
            assert words.strip(), preset.key
        assert preset.explain_cy != preset.explain_en


@pytest.mark.parametrize("key", ["one-member-one-vote", "class-share-50-50", "class-share-60-40", "investor-cap-10"])
def test_weighting_presets_pass_the_definition_checks(key: str) -> None:
    fragment = weighting_fragment(key, ["WRK", "INV"], investor_class="INV")
    spec = parse_spec(spec_text(weighting=fragment), key)
    WeightingScheme.from_mapping(spec.weighting)


def test_shares_and_caps_give_the_balance_the_rules_name() -> None:
    sixty_forty = WeightingScheme.from_mapping(weighting_fragment("class-share-60-40", ["WRK", "INV"]))
    assert sixty_forty.shares == {"WRK": Fraction(3, 5), "INV": Fraction(2, 5)}
    capped = WeightingScheme.from_mapping(weighting_fragment("investor-cap-10", ["WRK", "INV"], "INV"))
    assert capped.cap == {"INV": Fraction(1, 10)}


def test_presets_that_cannot_fit_the_meeting_are_refused_in_words() -> None:
    with pytest.raises(InputError, match="exactly two classes"):
        weighting_fragment("class-share-50-50", ["A", "B", "C"])
    with pytest.raises(InputError, match="name the investors' class"):
        weighting_fragment("investor-cap-10", ["WRK", "INV"], investor_class="NOPE")
    with pytest.raises(InputError, match="is not one of"):
        weighting_fragment("two-thirds-by-magic", ["WRK"])
    with pytest.raises(InputError, match="names the first meeting"):
        item_fragment("section-111-confirm")


def tally(for_against: dict[str, tuple[int, int]]) -> ResolutionTally:
    return ResolutionTally({code: ClassTally(f, a) for code, (f, a) in for_against.items()})


def test_fairshares_special_needs_three_quarters_and_a_majority_in_every_class() -> None:
    fragment = item_fragment("fairshares-special")
    spec = parse_spec(spec_text(item=fragment), "fairshares")
    item = spec.items[0]
    assert item.threshold == ">= 3/4" and item.by_head and item.special
    scheme = WeightingScheme.from_mapping(spec.weighting, item.settings["weighting"])
    rules = ResolutionRules(threshold=Threshold.parse(item.threshold), by_head=True)
    # 80% for overall, but the investors split 2 for, 3 against: no majority in that class.
    split = count_resolution(rules, scheme, tally({"WRK": (14, 0), "INV": (2, 3)}))
    assert not split.carried and split.consent_failed == ("INV",)
    # 80% for overall and a majority in both classes: carried.
    both = count_resolution(rules, scheme, tally({"WRK": (13, 1), "INV": (3, 2)}))
    assert both.carried


def test_section_111_needs_two_thirds_first_then_more_than_half_at_a_later_meeting() -> None:
    first = parse_spec(spec_text(item=item_fragment("section-111-first")), "first").items[0]
    assert first.threshold == ">= 2/3" and first.by_head
    confirms = {"meeting": "R3LKGH", "item": 1, "held_on": date(2026, 11, 28), "verification": "19E0 DCFD 59D8 850A"}
    second = parse_spec(spec_text(item=item_fragment("section-111-confirm", confirms=confirms), held_on="2026-12-14"),
                        "second").items[0]
    assert second.threshold == "> 1/2"
    assert second.settings["confirms"] == {**confirms, "held_on": "2026-11-28"}
    with pytest.raises(InputError, match="too soon"):
        parse_spec(spec_text(item=item_fragment("section-111-confirm", confirms=confirms), held_on="2026-12-05"), "x")
    with pytest.raises(InputError, match="too late"):
        parse_spec(spec_text(item=item_fragment("section-111-confirm", confirms=confirms), held_on="2026-12-29"), "x")


@pytest.mark.parametrize(("first", "second", "problem"), [
    (date(2026, 11, 28), date(2026, 12, 11), "too soon"),  # 13 days after
    (date(2026, 11, 28), date(2026, 12, 12), None),  # 14 days after: the first allowed day
    (date(2026, 11, 28), date(2026, 12, 28), None),  # one month after: the last allowed day
    (date(2026, 11, 28), date(2026, 12, 29), "too late"),
    (date(2027, 1, 31), date(2027, 2, 13), "too soon"),
    (date(2027, 1, 31), date(2027, 2, 14), None),
    (date(2027, 1, 31), date(2027, 2, 28), None),  # no 31 February: the month ends on the 28th
    (date(2027, 1, 31), date(2027, 3, 1), "too late"),
    (date(2028, 1, 31), date(2028, 2, 29), None),  # a leap year's February
    (date(2028, 1, 31), date(2028, 3, 1), "too late"),
    (date(2026, 12, 20), date(2027, 1, 3), None),  # across the year's end
    (date(2026, 12, 20), date(2027, 1, 20), None),
    (date(2026, 12, 20), date(2027, 1, 21), "too late"),
])
def test_the_confirming_meeting_is_refused_one_day_outside_the_window_and_allowed_on_its_edges(
    first: date, second: date, problem: str | None
) -> None:
    problem_words = confirmation_problem(first, second, notice_given=first)
    found = None if problem_words is None else str(problem_words)
    if problem is None:
        assert found is None
    else:
        assert found is not None and problem in found
        assert first.isoformat() in found and second.isoformat() in found


def test_the_confirming_meeting_must_say_when_its_notice_was_given() -> None:
    missing = str(confirmation_problem(date(2026, 11, 28), date(2026, 12, 14), notice_given=None))
    assert missing is not None and "notice_given" in missing and "111(2)(d)" in missing
    late = str(confirmation_problem(date(2026, 11, 28), date(2026, 12, 14), notice_given=date(2026, 12, 15)))
    assert late is not None and "2026-12-15" in late and "2026-12-14" in late
    assert confirmation_problem(date(2026, 11, 28), date(2026, 12, 14), notice_given=date(2026, 12, 14)) is None
    confirms = {"meeting": "R3LKGH", "item": 1, "held_on": date(2026, 11, 28), "verification": "19E0 DCFD 59D8 850A"}
    text = spec_text(item=item_fragment("section-111-confirm", confirms=confirms), held_on="2026-12-14")
    with pytest.raises(InputError, match="notice_given"):
        parse_spec(text.replace("notice_given = 2026-11-01\n", ""), "no notice")


def test_the_confirmation_window_is_fourteen_days_to_one_month() -> None:
    assert confirmation_window(date(2026, 11, 28)) == (date(2026, 12, 12), date(2026, 12, 28))
    assert confirmation_window(date(2027, 1, 31)) == (date(2027, 2, 14), date(2027, 2, 28))
    assert confirmation_problem(date(2026, 11, 28), date(2026, 12, 12), date(2026, 11, 1)) is None
    assert "no date" in str(confirmation_problem(date(2026, 11, 28), None) or "")


def test_a_confirmation_with_a_bad_reference_is_refused_naming_the_key() -> None:
    bad = {"meeting": "R3LKGH", "item": 0, "held_on": "last week", "verification": ""}
    with pytest.raises(InputError) as refused:
        parse_spec(spec_text(item={"confirms": bad}), "bad")
    words = str(refused.value)
    assert "confirms.item" in words and "confirms.held_on" in words and "confirms.verification" in words
