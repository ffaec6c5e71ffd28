"""``coopvote new MEETING.coopvote --from SPEC.toml [--register members.csv]``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from coopvote.cli.common import station_name
from coopvote.errors import CoopvoteError


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("new", help="create a meeting file from a definition (TOML)")
    parser.add_argument("meeting", metavar="MEETING", help="the new meeting file (.coopvote) or a postgresql:// URL")
    parser.add_argument("--from", dest="spec", required=True, type=Path, help="the meeting definition (TOML)")
    parser.add_argument("--register", type=Path, help="membership register to import (CSV or XLSX)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from coopvote.meeting.spec import load_spec
    from coopvote.service import MeetingService

    spec = load_spec(args.spec)
    service = MeetingService.create(args.meeting, spec, actor="cli", station=station_name())
    try:
        print(f"Created {args.meeting}: {spec.name_cy} / {spec.name_en}")
        if args.register:
            try:
                result = service.setup.import_register(args.register, str(args.register))
            except CoopvoteError:
                print(f"The meeting was created, but the register was not imported: {args.meeting}")
                raise
            for warning in result.warnings:
                print(f"warning: {warning}")
            shares = ", ".join(f"{code} {n}" for code, n in result.by_class.items())
            print(f"Imported {result.imported} members ({shares})")
    finally:
        service.close()
    return 0
