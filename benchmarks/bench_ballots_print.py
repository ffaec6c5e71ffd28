"""How long printing a batch of unique ballots takes (target: 1,000 papers in one PDF in under 4 s).

Run: ``.venv/bin/python -m benchmarks ballots_print``. Writes to memory, so disk speed is not measured.
"""

from __future__ import annotations

import io
import time
from collections.abc import Callable

from coopvote.ballots.pdf import render_papers
from coopvote.ballots.pdf_draw import qr_modules
from coopvote.ballots.pdf_qr import qr_flat
from coopvote.ballots.pdf_slips import render_slips
from coopvote.ballots.pdf_spec import (
    BallotItem,
    Choice,
    MeetingInfo,
    VotingClass,
    papers_for,
    resolution_item,
    slips_for,
)
from coopvote.ballots.qrcodec import shuffled_serials

SECRET = b"benchmark-secret-0123456789abcdef"
MEETING = MeetingInfo("AGM2026", "Cyfarfod Cyffredinol Blynyddol 2026", "Annual General Meeting 2026")
CLASS = VotingClass("EMP", "Cyflogeion", "Employees", "#d95f02")
NAMES = ("Gwenllian ap Dafydd", "Rhodri Ŵyn Jones", "Siân Prŷs", "Mary O'Connor", "Olusegun Adeyemi",
         "Ffion Llŷr", "Tom Smith", "Ioan Huws")
RESOLUTION = resolution_item(4, "Derbyn yr adroddiad blynyddol a’r cyfrifon", "Receive the annual report and accounts")
RANKING = BallotItem(6, "Ethol y bwrdd", "Elect the board", "ranking", tuple(Choice(n, n) for n in NAMES))


def _time(action: Callable[[], object]) -> tuple[float, object]:
    started = time.perf_counter()
    result = action()
    return time.perf_counter() - started, result


def main(count: int = 1000) -> None:
    serials = shuffled_serials(count, 1, b"bench")
    rows: list[tuple[str, float, str]] = []

    seconds, papers = _time(lambda: papers_for(MEETING, RESOLUTION, CLASS, serials, SECRET))
    rows.append((f"seal {count} QR texts (HMAC)", seconds, ""))
    texts = [p.qr_text for p in papers]  # type: ignore[attr-defined]
    seconds, _ = _time(lambda: [qr_flat(t) for t in texts])
    rows.append((f"encode {count} QR matrices (coopvote pdf_qr)", seconds, ""))
    seconds, _ = _time(lambda: [qr_modules(t) for t in texts])
    rows.append((f"encode {count} QR matrices (qrcode package)", seconds, "reference only"))

    for label, item, variant in (("resolution, standard", RESOLUTION, "standard"),
                                 ("resolution, easy read", RESOLUTION, "easy-read"),
                                 ("ranking 8x8, large print", RANKING, "large-print")):
        batch = papers_for(MEETING, item, CLASS, serials, SECRET, variant)
        out = io.BytesIO()
        seconds, _ = _time(lambda batch=batch, out=out: render_papers(batch, out))  # type: ignore[misc]
        rows.append((f"render {count} papers: {label}", seconds, f"{len(out.getvalue()) / 1e6:.1f} MB"))

    sheets = slips_for(MEETING, RESOLUTION, CLASS, serials, SECRET)
    out = io.BytesIO()
    seconds, _ = _time(lambda: render_slips(sheets, out))
    rows.append((f"render {count} slip sheets (3 QR each)", seconds, f"{len(out.getvalue()) / 1e6:.1f} MB"))

    width = max(len(r[0]) for r in rows)
    print(f"{'step':<{width}}  {'seconds':>8}  {'per item':>9}  size")
    for name, seconds, size in rows:
        print(f"{name:<{width}}  {seconds:8.2f}  {seconds / count * 1000:7.2f}ms  {size}")


if __name__ == "__main__":
    main()
