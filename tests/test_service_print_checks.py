"""Counts of papers to print, checked against the members of the class who may vote."""

from __future__ import annotations

from coopvote.service.print_checks import check_count, largest_sensible, suggested_count


def test_the_suggestion_is_the_members_who_may_vote_and_ten_per_cent_more() -> None:
    assert suggested_count(229) == 251
    assert suggested_count(12) == 17  # at least five spare
    assert suggested_count(0) == 5


def test_fewer_papers_than_members_is_a_warning_naming_how_many_go_without() -> None:
    check = check_count("EMP", 120, 100)
    assert check.allowed
    assert check.warnings == [(
        "Dim ond 100 papur ar gyfer 120 aelod yn nosbarth EMP sy'n cael pleidleisio: ni fydd gan 20 ohonynt un.",
        "Only 100 papers for the 120 members of class EMP who may vote: 20 would have none.")]


def test_zero_and_absurd_counts_are_refused() -> None:
    assert not check_count("EMP", 120, 0).allowed
    assert "at least 1" in check_count("EMP", 120, 0).refusal[1]  # type: ignore[index]
    assert largest_sensible(120) == 600
    too_many = check_count("EMP", 120, 601)
    assert not too_many.allowed
    assert too_many.refusal[1] == ("601 papers for class EMP is too many: 120 members of the class may vote; "  # type: ignore[index]
                                   "at most 600.")
    assert check_count("EMP", 120, 600).allowed
    assert check_count("TINY", 3, 200).allowed  # a small class may still have a pad of spares


def test_enough_papers_gives_no_warning_and_an_empty_class_is_named() -> None:
    assert check_count("EMP", 120, 132).warnings == []
    assert check_count("PS", 0, 10).warnings[0][1] == "No member of class PS in the register may vote."
