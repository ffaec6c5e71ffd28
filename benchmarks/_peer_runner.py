"""Run one peer counting package on a BLT file; print one JSON object (runs in benchmarks/_peers/venv).

Usage: python _peer_runner.py FILE.blt METHOD SEATS PEER
METHOD is coopvote's name (irv or scottish-stv). Only the count step is timed; each peer's own ballot
objects are built first. Kept free of coopvote imports: it runs in the peers' venv.
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from collections.abc import Callable
from typing import Any


def read_blt(path: str) -> tuple[list[str], int, list[tuple[tuple[int, ...], int]]]:
    with open(path, encoding="utf-8") as handle:
        lines = [line.strip() for line in handle]
    n, seats = map(int, lines[0].split())
    start = 1
    if lines[1].startswith("-"):
        start = 2
    end = lines.index("0", start)
    groups: Counter[tuple[int, ...]] = Counter()
    for line in lines[start:end]:
        if not line:
            continue
        parts = line.split()
        groups[tuple(int(x) - 1 for x in parts[1:-1])] += int(parts[0])
    names = [" ".join(line.strip('"').split()) for line in lines[end + 1 : end + 1 + n]]
    return names, seats, [(r, c) for r, c in groups.items() if r]


CPU: list[float] = []


def best(fn: Callable[[], Any]) -> tuple[float, Any]:
    """Best wall time of up to 3 runs (20 s budget); the best CPU time is kept in CPU."""
    times, cpus, result, spent = [], [], None, 0.0
    while len(times) < 3 and spent < 20:
        started, cpu = time.perf_counter(), time.process_time()
        result = fn()
        times.append(time.perf_counter() - started)
        cpus.append(time.process_time() - cpu)
        spent += times[-1]
    CPU.append(min(cpus))
    return min(times), result


def stvpoll(names: list[str], seats: int, groups: list[tuple[tuple[int, ...], int]], method: str) -> dict[str, Any]:
    from stvpoll.irv import calculate_irv
    from stvpoll.scottish_stv import calculate_scottish_stv

    ballots = [([names[c] for c in r], n) for r, n in groups]
    if method == "irv":
        seconds, result = best(lambda: calculate_irv(names, ballots, random_shuffle=False))
        rule = "IRV"
    else:
        seconds, result = best(lambda: calculate_scottish_stv(names, ballots, seats, random_shuffle=False))
        rule = "Scottish STV"
    return {"rule": rule, "count_s": seconds, "elected": list(result)}


def pyrankvote(names: list[str], seats: int, groups: list[tuple[tuple[int, ...], int]], method: str) -> dict[str, Any]:
    import pyrankvote as prv

    people = [prv.Candidate(name) for name in names]
    ballots = [prv.Ballot(ranked_candidates=[people[c] for c in r]) for r, n in groups for _ in range(n)]
    if method == "irv":
        seconds, result = best(lambda: prv.instant_runoff_voting(people, ballots))
        rule = "IRV"
    else:
        seconds, result = best(lambda: prv.single_transferable_vote(people, ballots, seats))
        rule = "STV (own, float)"
    return {"rule": rule, "count_s": seconds, "elected": [c.name for c in result.get_winners()]}


def pyrcv(names: list[str], seats: int, groups: list[tuple[tuple[int, ...], int]], method: str) -> dict[str, Any]:
    from pyrcv.pyrcv import run_rcv
    from pyrcv.types import RaceData, RaceMetadata

    data = RaceData(RaceMetadata("bench", seats, names), [[c + 1 for c in r] for r, _ in groups], [n for _, n in groups])
    seconds, result = best(lambda: run_rcv(data))
    winners = [names[w - 1] if isinstance(w, int) else str(w) for w in getattr(result, "winners", [])]
    if not winners:
        rounds = result.rounds
        winners = sorted({names[w - 1] for r in rounds for w in getattr(r, "elected", [])})
    return {"rule": "IRV" if method == "irv" else "STV (fractional, float)", "count_s": seconds, "elected": winners}


def votekit(names: list[str], seats: int, groups: list[tuple[tuple[int, ...], int]], method: str) -> dict[str, Any]:
    from votekit.ballot import RankBallot
    from votekit.elections import IRV, STV
    from votekit.pref_profile import RankProfile

    profile = RankProfile(
        ballots=[RankBallot(ranking=[{names[c]} for c in r], weight=n) for r, n in groups], candidates=names
    )
    if method == "irv":
        seconds, election = best(lambda: IRV(profile, tiebreak="first_place"))
        rule = "IRV"
    else:
        seconds, election = best(lambda: STV(profile, n_seats=seats, tiebreak="first_place"))
        rule = "STV (fractional, float)"
    elected = [c for group in election.get_elected() for c in sorted(group)]
    return {"rule": rule, "count_s": seconds, "elected": elected}


def pref_voting(names: list[str], seats: int, groups: list[tuple[tuple[int, ...], int]], method: str) -> dict[str, Any]:
    from pref_voting.profiles_with_ties import ProfileWithTies
    from pref_voting.proportional_methods import stv_scottish

    profile = ProfileWithTies(
        [{c: i + 1 for i, c in enumerate(r)} for r, _ in groups], rcounts=[n for _, n in groups], candidates=list(range(len(names)))
    )
    if method == "irv":
        from pref_voting.iterative_methods import instant_runoff

        seconds, winners = best(lambda: instant_runoff(profile))
        rule = "IRV"
    else:
        seconds, winners = best(lambda: stv_scottish(profile, num_seats=seats))
        rule = "Scottish STV"
    return {"rule": rule, "count_s": seconds, "elected": [names[c] for c in winners]}


PEERS = {"stvpoll": stvpoll, "pyrankvote": pyrankvote, "pyrcv": pyrcv, "votekit": votekit, "pref-voting": pref_voting}


def main() -> None:
    path, method, seats_text, peer = sys.argv[1:5]
    names, seats, groups = read_blt(path)
    seats = int(seats_text)
    try:
        result = PEERS[peer](names, seats, groups, method)
    except Exception as error:  # a peer's failure is a row in the table, not a crash
        result = {"error": f"{type(error).__name__}: {str(error)[:100]}"}
    result["peer"] = peer
    if CPU:
        result["count_cpu_s"] = CPU[-1]
    print(json.dumps(result))


if __name__ == "__main__":
    main()
