"""ERS97, exact Meek and PRF Meek: count-step time on reference elections of growing size.

Each election is read once; each rule's ``count`` is then timed (CPU time, best of three, since the
machine is shared). The elected sets are printed so a change in speed cannot hide a change in result.
"""

from __future__ import annotations

import time
from pathlib import Path

from coopvote.counting.blt import read_blt
from coopvote.counting.model import CountOptions
from coopvote.counting.rules import get_rule

ROOT = Path(__file__).resolve().parent.parent
FILES = [
    "ers97_model.blt",
    "gpus2005_sc.blt",
    "wichmann_m135.blt",
    "glasgow2007_craigton.blt",
    "glasgow2007_partick_west.blt",
]
METHODS = ["ers97", "meek", "meek-prf"]


def _reference() -> Path | None:
    for candidate in (
        ROOT.parent / "shared" / "reference" / "stv",
        ROOT.parent.parent / "shared" / "reference" / "stv",
    ):
        if (candidate / "manifest.json").is_file():
            return candidate
    return None


def main() -> None:
    reference = _reference()
    if reference is None:
        print("../shared/reference/stv not found: nothing to time")
        return
    print(
        f"{'file':32} {'papers':>7} {'seats':>5}  "
        + "  ".join(f"{m:>9}" for m in METHODS)
        + "  (CPU s, best of 3)"
    )
    for name in FILES:
        election = read_blt(reference / "ballots" / name)
        times: list[str] = []
        elected: dict[str, list[str]] = {}
        for method in METHODS:
            rule = get_rule(method)
            best = float("inf")
            for _ in range(3):
                started = time.process_time()
                outcome = rule.count(election, CountOptions())
                best = min(best, time.process_time() - started)
            times.append(f"{best:9.3f}")
            elected[method] = outcome.elected_names
        papers = int(election.total_value())
        print(f"{name:32} {papers:7d} {election.seats:5d}  " + "  ".join(times))
        for method, names in elected.items():
            print(f"    {method:9} {', '.join(names)}")


if __name__ == "__main__":
    main()
