"""Counting speed: coopvote against pip-installable peers on the same ballots and rule.

Elections: Minneapolis 2017 mayor (IRV, 104,484 papers), Glasgow 2007 Partick West (Scottish STV,
12,744 papers, the largest Glasgow ward), and a generated 100,000-paper, 20-candidate, 5-seat
election (fixed seed; written as a BLT of one line per paper to benchmarks/_out).

coopvote is timed as: the whole ``python -m coopvote count FILE --method M`` command as a separate
process (start-up, imports, reading the file, counting, printing the stage table), median of 5 runs;
the same with ``--json`` through ``python -m coopvote.cli.cmd_count``; and in-process, the read +
count (``cmd_count.count_file``, exactly what the command does) and the count step alone. Two floor
rows show what no reading or counting can remove: ``python -c pass`` and the command's imports.
Peers (stvpoll, pyrankvote, pyrcv, votekit, pref-voting) live in their own venv,
benchmarks/_peers/venv, created here if absent; each is timed on its count step only (its own ballot
objects built beforehand) and its elected set compared with coopvote's. A peer that would not
install, or has no such rule, is reported as such. ``COOPVOTE_BENCH_NO_PEERS=1`` skips the peers.
"""

from __future__ import annotations

import json
import os
import random
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import cast

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "_out"
PEERS = HERE / "_peers"
PEER_VENV = PEERS / "venv"
PEER_PACKAGES = ["stvpoll", "pyrankvote", "pyrcv", "votekit", "pref-voting"]
SEED = 20261127
PEER_TIMEOUT = 600


def _reference() -> Path | None:
    for candidate in (ROOT.parent / "shared" / "reference" / "stv", ROOT.parent.parent / "shared" / "reference" / "stv"):
        if (candidate / "manifest.json").is_file():
            return candidate
    return None


def generate(path: Path, papers: int = 100_000, candidates: int = 20, seats: int = 5) -> Path:
    """A Plackett-Luce electorate: popular candidates ranked first more often, short rankings common."""
    if path.is_file():
        return path
    rng = random.Random(SEED)
    weights = [1.0 / (i + 1) ** 0.7 for i in range(candidates)]
    rng.shuffle(weights)
    lines = [f"{candidates} {seats}"]
    for _ in range(papers):
        length = min(candidates, 1 + int(rng.expovariate(1 / 3.0)))
        pool = list(range(candidates))
        w = list(weights)
        ranking = []
        for _ in range(length):
            pick = rng.choices(range(len(pool)), weights=w)[0]
            ranking.append(pool.pop(pick) + 1)
            w.pop(pick)
        lines.append("1 " + " ".join(map(str, ranking)) + " 0")
    lines.append("0")
    lines.extend(f'"Candidate {i + 1:02d}"' for i in range(candidates))
    lines.append(f'"Generated benchmark election (seed {SEED})"')
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n")
    return path


def _best(fn, repeat: int = 5) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """Best wall and best CPU time: on a shared machine CPU time is the steadier of the two."""
    walls, cpus = [], []
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        fn()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return min(walls), min(cpus)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _command(command: list[str], runs: int = 5, env: dict[str, str] | None = None) -> tuple[float, float, str]:
    """Median wall and median CPU (user + system) of ``runs`` runs of a command; and its output."""
    walls, cpus = [], []
    out = ""
    for _ in range(runs):
        wall, cpu = time.perf_counter(), _children_cpu()
        out = subprocess.run(command, capture_output=True, text=True, check=True, env=env).stdout
        walls.append(time.perf_counter() - wall)
        cpus.append(_children_cpu() - cpu)
    return statistics.median(walls), statistics.median(cpus), out


def _with_bytecode_cache() -> dict[str, str]:
    """The environment with compiled modules kept (in benchmarks/_out), as an installed coopvote has.

    A development shell may set PYTHONDONTWRITEBYTECODE, so that every run compiles coopvote's
    modules from source again; an installed wheel never does.
    """
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(OUT / "pycache")
    return env


def time_coopvote(path: Path, method: str) -> dict[str, object]:
    from coopvote.cli.cmd_count import count_file
    from coopvote.counting.blt import read_blt_groups
    from coopvote.counting.model import CountOptions
    from coopvote.counting.report import outcome_to_dict
    from coopvote.counting.rules import get_rule

    election, outcome = count_file(path, method)
    options = CountOptions()
    rule = get_rule(method)
    count_groups = getattr(rule, "count_groups", None)
    if count_groups is not None:  # as the command counts: from the reader's groups
        groups = read_blt_groups(path).whole_and_fractional()
        count_s = _best(lambda: count_groups(election, options, *groups))
    else:
        count_s = _best(lambda: rule.count(election, options))
    read_count_s = _best(lambda: outcome_to_dict(count_file(path, method)[1]))
    python = str(ROOT / ".venv" / "bin" / "python")
    result: dict[str, object] = {"elected": outcome.elected_names, "count_s": count_s, "read_count_s": read_count_s}
    command = [python, "-m", "coopvote", "count", str(path), "--method", method]
    wall, cpu, out = _command(command)
    assert all(outcome.candidates[c] in out for c in outcome.elected)
    result["cli_s"] = (wall, cpu)
    _command(command, runs=1, env=_with_bytecode_cache())
    wall, cpu, _ = _command(command, env=_with_bytecode_cache())
    result["cli_pyc_s"] = (wall, cpu)
    wall, cpu, out = _command([python, "-m", "coopvote.cli.cmd_count", str(path), "--method", method, "--json"])
    assert sorted(json.loads(out)["elected"]) == sorted(outcome.elected_names)
    result["lean_s"] = (wall, cpu)
    return result


def time_floor() -> dict[str, tuple[float, float]]:
    """What every ``coopvote count`` pays before reading a byte: interpreter start-up and the imports."""
    python = str(ROOT / ".venv" / "bin" / "python")
    imports = (
        "import coopvote.cli, coopvote.cli.cmd_count, coopvote.counting.scottish_stv; "
        "coopvote.cli.build_parser('count')"
    )
    floor: dict[str, tuple[float, float]] = {}
    cached = _with_bytecode_cache()
    for label, command, env in (
        ("python -c pass", [python, "-c", "pass"], None),
        ("python -S -c pass (no site)", [python, "-S", "-c", "pass"], None),
        ("imports of coopvote count", [python, "-c", imports], None),
        ("imports of coopvote count, .pyc kept", [python, "-c", imports], cached),
    ):
        _command(command, runs=1, env=env)  # fills the bytecode cache where there is one
        wall, cpu, _ = _command(command, env=env)
        floor[label] = (wall, cpu)
    return floor


def ensure_peer_venv() -> dict[str, str]:
    """Create the peers' venv once; return package -> 'ok' or the reason it failed to install."""
    status_file = PEERS / "install_status.json"
    if PEER_VENV.is_dir() and status_file.is_file():
        status: dict[str, str] = json.loads(status_file.read_text())
        return status
    PEERS.mkdir(parents=True, exist_ok=True)
    if not PEER_VENV.is_dir():
        subprocess.run([sys.executable, "-m", "venv", str(PEER_VENV)], check=True)
    status = {}
    for package in PEER_PACKAGES:
        done = subprocess.run(
            [str(PEER_VENV / "bin" / "pip"), "install", "-q", package], capture_output=True, text=True
        )
        status[package] = "ok" if done.returncode == 0 else (done.stderr.strip().splitlines() or ["failed"])[-1][:120]
    status_file.write_text(json.dumps(status, indent=1))
    return status


def time_peers(path: Path, method: str, seats: int) -> list[dict[str, object]]:
    """Each peer in its own process with a time limit, so one slow or broken peer is just a row."""
    runner = HERE / "_peer_runner.py"
    results: list[dict[str, object]] = []
    for peer in PEER_PACKAGES:
        try:
            done = subprocess.run(
                [str(PEER_VENV / "bin" / "python"), str(runner), str(path), method, str(seats), peer],
                capture_output=True, text=True, timeout=PEER_TIMEOUT,
            )
        except subprocess.TimeoutExpired:
            results.append({"peer": peer, "error": f"did not finish within {PEER_TIMEOUT} s"})
            continue
        if done.returncode != 0 or not done.stdout.strip():
            tail = (done.stderr.strip().splitlines() or ["failed"])[-1]
            results.append({"peer": peer, "error": tail[:100]})
            continue
        results.append(json.loads(done.stdout.strip().splitlines()[-1]))
    return results


def _pair(value: object) -> str:
    wall, cpu = cast(tuple[float, float], value)
    return f"{float(wall):.3f}/{float(cpu):.3f}"


def main() -> None:
    reference = _reference()
    elections: list[tuple[str, Path, str, int]] = []
    if reference is not None:
        elections.append(("Minneapolis 2017 mayor", reference / "ballots" / "minneapolis2017_mayor.blt", "irv", 1))
        elections.append(("Glasgow 2007 Partick West", reference / "ballots" / "glasgow2007_partick_west.blt", "scottish-stv", 4))
    else:
        print("(../shared/reference/stv not found: reference elections skipped)")
    generated = generate(OUT / "generated_100k_20c_5s.blt")
    elections.append(("Generated 100k papers, 20 cand., 5 seats", generated, "scottish-stv", 5))

    with_peers = os.environ.get("COOPVOTE_BENCH_NO_PEERS") != "1"
    status = ensure_peer_venv() if with_peers else {}
    failed = {p: s for p, s in status.items() if s != "ok"}
    print(f"load average at start: {' '.join(Path('/proc/loadavg').read_text().split()[:3])}")
    if os.environ.get("PYTHONDONTWRITEBYTECODE"):
        print("PYTHONDONTWRITEBYTECODE is set: 'coopvote count' columns compile coopvote from source each run")
    print("times in seconds as wall/CPU (best of 5 in-process; median of 5 as a command; best of up to 3 for peers)")
    print(
        f"{'election':42} {'program':14} {'rule':24} {'count':>15} {'read+count':>15} "
        f"{'coopvote count':>15} {'same, .pyc kept':>15} {'cmd_count':>15}  agrees"
    )
    ours: dict[str, object] = {}
    for label, path, method, seats in elections:
        ours = time_coopvote(path, method)
        cells = [_pair(ours[key]) for key in ("count_s", "read_count_s", "cli_s", "cli_pyc_s", "lean_s")]
        print(f"{label:42} {'coopvote':14} {method:24} " + " ".join(f"{c:>15}" for c in cells) + "  (reference)")
        for peer in time_peers(path, method, seats) if with_peers else []:
            name = str(peer.get("peer"))
            if "error" in peer:
                print(f"{'':42} {name:14} {str(peer.get('rule', '')):24} {'-':>15} {'':15} {'':15} {'':15} {'':15}  {peer['error']}")
                continue
            agrees = sorted(map(str, peer["elected"])) == sorted(ours["elected"])  # type: ignore[call-overload]
            cell = _pair((peer["count_s"], peer.get("count_cpu_s", float("nan"))))
            print(f"{'':42} {name:14} {str(peer['rule']):24} {cell:>15} {'':15} {'':15} {'':15} {'':15}  {'yes' if agrees else 'NO'}")
    for label, floor in time_floor().items():
        print(f"{'floor: ' + label:42} {'':14} {'':24} {'':>15} {'':>15} {_pair(floor):>15}")
    print(f"load average at end: {' '.join(Path('/proc/loadavg').read_text().split()[:3])}")
    for package, reason in failed.items():
        print(f"peer {package} did not install: {reason}")
    print(f"elected (generated): {', '.join(ours['elected'])}")  # type: ignore[arg-type]


if __name__ == "__main__":
    main()
