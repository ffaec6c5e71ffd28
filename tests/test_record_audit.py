"""The audit chain finds the first altered, removed or inserted entry."""

from __future__ import annotations

import copy
from datetime import UTC, datetime, timedelta
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from coopvote.record.audit import GENESIS, entry_hash, timestamp_text, verify_chain


def make_chain(actions: list[str]) -> list[dict[str, Any]]:
    chain: list[dict[str, Any]] = []
    previous = GENESIS
    start = datetime(2026, 11, 28, 10, 0, tzinfo=UTC)
    for index, action in enumerate(actions, start=1):
        entry = {
            "sequence": index,
            "at": timestamp_text(start + timedelta(seconds=index)),
            "actor": "desk",
            "station": "s1",
            "action": action,
            "details": {"n": index, "text": "Siân ŵ"},
            "previous_hash": previous,
        }
        entry["entry_hash"] = entry_hash(**{k: v for k, v in entry.items()})
        previous = entry["entry_hash"]
        chain.append(entry)
    return chain


def test_intact_chain_verifies() -> None:
    assert verify_chain(make_chain(["a", "b", "c"])) is None


@given(st.integers(min_value=0, max_value=9))
def test_altered_entry_is_named(position: int) -> None:
    chain = make_chain([f"action {i}" for i in range(10)])
    chain[position]["details"] = {"n": 999}
    problem = verify_chain(chain)
    assert problem is not None and problem.sequence == position + 1
    assert "altered" in str(problem.problem)


@given(st.integers(min_value=0, max_value=8))
def test_removed_entry_is_named(position: int) -> None:
    chain = make_chain([f"action {i}" for i in range(10)])
    del chain[position]
    problem = verify_chain(chain)
    assert problem is not None and problem.sequence == position + 1


def test_inserted_entry_is_named() -> None:
    chain = make_chain([f"action {i}" for i in range(5)])
    forged = copy.deepcopy(chain[2])
    chain.insert(3, forged)
    problem = verify_chain(chain)
    assert problem is not None and problem.sequence in {3, 4}


def test_rehashed_alteration_still_breaks_the_next_link() -> None:
    """Someone who recomputes the altered entry's own hash still breaks the link after it."""
    chain = make_chain([f"action {i}" for i in range(5)])
    chain[1]["details"] = {"n": 42}
    chain[1]["entry_hash"] = entry_hash(**{k: v for k, v in chain[1].items() if k != "entry_hash"})
    problem = verify_chain(chain)
    assert problem is not None and problem.sequence == 3
