"""``coopvote new MEETING.coopvote --from SPEC.toml [--register members.csv]``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from coopvote.cli.common import station_name
from coopvote.errors import InputError
from coopvote.messages import Bilingual, message


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("new", help="create a meeting file from a definition (TOML)")
    parser.add_argument("meeting", metavar="MEETING", help="the new meeting file (.coopvote) or a postgresql:// URL")
    parser.add_argument("--from", dest="spec", required=True, type=Path, help="the meeting definition (TOML)")
    parser.add_argument("--register", type=Path, help="membership register to import (CSV or XLSX)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from coopvote.meeting.spec import load_spec
    from coopvote.register.importer import read_register
    from coopvote.register.model import listed as listed_problems
    from coopvote.service import MeetingService

    spec = load_spec(args.spec)
    if args.register:
        # All or nothing: the register is read against the definition's classes before the meeting exists,
        # so a bad row leaves no half-made meeting behind (`coopvote register` imports one later).
        known = {c.code: (c.name_en, c.name_cy) for c in spec.classes}
        preview = read_register(args.register, known_classes=known, filename=str(args.register))
        if not preview.ok:
            listed = listed_problems(preview.errors[:20])
            if len(preview.errors) > 20:
                raise InputError("cli.register_bad_rows_more", path=args.register, count=len(preview.errors),
                                 problems=listed, more=len(preview.errors) - 20)
            raise InputError("cli.register_bad_rows", path=args.register, count=len(preview.errors), problems=listed)

    service = MeetingService.create(args.meeting, spec, actor="cli", station=station_name())
    try:
        if args.register:
            try:
                result = service.setup.import_register(args.register, str(args.register))
            except BaseException:
                service.close()
                if "://" not in str(args.meeting):  # a file: take it away again, as a failed create does
                    Path(args.meeting).unlink(missing_ok=True)
                raise
        print(message("cli.created", path=args.meeting, name=Bilingual(spec.name_cy, spec.name_en)))
        if args.register:
            for warning in result.warnings:
                print(message("cli.warning", warning=warning))
            shares = ", ".join(f"{code} {n}" for code, n in result.by_class.items())
            print(message("cli.imported_members", count=result.imported, shares=shares))

    finally:
        service.close()
    return 0
