"""Fuzzing the readers of outside input: no crash, and every refusal comes with a reason."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reliability.fuzzing import FuzzStats, fuzz, mutate, run_one, sample_inputs

TARGETS = sample_inputs()


@pytest.mark.parametrize("target", sorted(TARGETS))
@settings(max_examples=120, deadline=None)
@given(data=st.data())
def test_mutated_valid_input_is_accepted_or_refused_with_a_reason(target: str, data: st.DataObject) -> None:
    reader, seeds = TARGETS[target]
    seed = data.draw(st.sampled_from(seeds))
    mutated = mutate(seed, random.Random(data.draw(st.integers(0, 2**32))))
    stats = FuzzStats(target)
    run_one(reader, mutated, stats)
    assert stats.crashes == []


@pytest.mark.parametrize("target", sorted(TARGETS))
@settings(max_examples=80, deadline=None)
@given(raw=st.one_of(st.binary(max_size=300), st.text(max_size=300).map(lambda t: t.encode("utf-8"))))
def test_arbitrary_input_is_accepted_or_refused_with_a_reason(target: str, raw: bytes) -> None:
    reader, _ = TARGETS[target]
    stats = FuzzStats(target)
    run_one(reader, raw, stats)
    assert stats.crashes == []


def test_seeded_fuzzer_finds_no_crash_and_refuses_most_input() -> None:
    for stats in fuzz(per_target=150, seed=1):
        assert stats.tried == 150
        assert stats.crashes == [], stats.crashes[:3]
        assert stats.refused > stats.tried // 2, stats.target  # mutations really break the input


def test_valid_samples_are_accepted() -> None:
    for name, (reader, seeds) in TARGETS.items():
        for seed in seeds:
            stats = FuzzStats(name)
            run_one(reader, seed, stats)
            assert stats.accepted == 1, name
