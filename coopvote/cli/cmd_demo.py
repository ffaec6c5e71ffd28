"""``coopvote demo --out DIR``: run the whole sample meeting headless and write its outputs."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("demo", help="run a whole sample meeting end to end and write its outputs")
    parser.add_argument("--out", type=Path, default=Path("demo-output"), help="folder for the outputs")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from coopvote.cli.demo import run_demo

    run_demo(args.out)
    return 0
