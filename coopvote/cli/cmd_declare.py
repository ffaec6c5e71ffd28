"""``coopvote declare MEETING [--item N] [--by NAME] --out FILE.pdf``: print declarations or the minutes.

With ``--by`` the items (closed, not yet declared) are declared first, as that person; without it the
declarations are printed as they stand, marked provisional where an item is not declared yet.
``--minutes`` prints the minutes extract instead. An item whose papers do not reconcile is declared only
with ``--reconciliation-reason``, which is recorded and printed on its declaration.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from coopvote.cli.common import add_meeting_argument, open_meeting
from coopvote.errors import InputError, RecordError, RuleError
from coopvote.messages import message


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("declare", help="print the declaration of results (PDF), or the minutes extract")
    add_meeting_argument(parser)
    parser.add_argument("--item", type=int, help="only this agenda item (default: every item)")
    parser.add_argument("--out", required=True, metavar="FILE.pdf", help="where to write the PDF")
    parser.add_argument("--by", metavar="NAME", help="declare closed items first, as this returning officer")
    parser.add_argument(
        "--reconciliation-reason",
        metavar="TEXT",
        help="declare although the papers do not reconcile (e.g. more returned than issued), recording why",
    )
    parser.add_argument("--minutes", action="store_true", help="print the minutes extract of every item instead")
    parser.set_defaults(handler=run)


def merge_pdfs(parts: list[bytes]) -> bytes:
    import io

    import pypdfium2 as pdfium

    merged = pdfium.PdfDocument.new()
    for part in parts:
        merged.import_pages(pdfium.PdfDocument(part))
    buffer = io.BytesIO()
    merged.save(buffer)
    return buffer.getvalue()


def run(args: argparse.Namespace) -> int:
    from coopvote.export.archive import ballots_name, results_json
    from coopvote.export.content import collect, meeting_digest, short_code
    from coopvote.reports.declaration import render_declaration
    from coopvote.reports.minutes import render_minutes
    from coopvote.service.safeguards import ReasonRequired

    out = Path(args.out)
    if out.suffix.lower() != ".pdf":
        raise InputError("cli.declaration_not_pdf", path=out)
    service = open_meeting(args.meeting)
    try:
        numbers = [i.number for i in service.setup.meeting().items]
        if args.item is not None and args.item not in numbers:
            raise InputError("cli.no_such_item_listed", item=args.item, items=", ".join(map(str, numbers)))
        wanted = [args.item] if args.item is not None and not args.minutes else numbers
        if args.by:
            for view in service.setup.meeting().items:
                if view.number in wanted and view.status == "closed":
                    try:
                        service.results.declare(view.number, args.by, reconciliation_reason=args.reconciliation_reason)
                    except ReasonRequired as error:
                        if not args.reconciliation_reason:
                            raise RuleError("cli.give_reconciliation_reason", refusal=error.message) from error
                        raise
                    print(message("cli.declared_item", item=view.number, by=args.by))
        record = collect(service, wanted, audit=False)
    finally:
        service.close()
    if args.minutes:
        digest = meeting_digest(results_json(record), {ballots_name(i.number): i.csv_bytes for i in record.items})
        data = render_minutes(record, digest)
    else:
        parts = [render_declaration(record, item) for item in record.items]
        data = parts[0] if len(parts) == 1 else merge_pdfs(parts)
    try:
        out.write_bytes(data)
    except OSError as error:
        raise RecordError("cli.not_written", path=out, detail=error.strerror) from error

    for item in record.items:
        state = "cli.item_declared_code" if item.declaration else "cli.item_provisional_code"
        print(message(state, item=item.number, code=short_code(item.digest)))
    print(message("cli.wrote", path=out))

    return 0
