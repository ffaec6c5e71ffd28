"""Every road a vote took to the count, per class: the table the declaration and the minutes print.

It is printed only when a vote came by another road than a paper handed out in the room (an advance
paper, a directed proxy): for a meeting held wholly in the room the papers table already says it all.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph

from coopvote.export.content import ItemRecord
from coopvote.reports.layout import grid, header_text, text

SOURCE_COLUMNS = (
    ("in_room", "Yn yr ystafell", "In the room"),
    ("proxy_discretionary", "Dirprwy: yn ôl ei ddewis", "Proxy: discretionary"),
    ("proxy_directed", "Dirprwy gyda chyfarwyddyd", "Directed proxy"),
    ("packs_issued", "Pecynnau ymlaen llaw a anfonwyd", "Advance packs sent"),
    ("envelopes_accepted", "Amlenni a dderbyniwyd", "Envelopes accepted"),
    ("envelopes_refused", "Amlenni heb eu derbyn", "Envelopes refused"),
    ("advance_papers", "Papurau ymlaen llaw a gyfrifwyd", "Advance papers counted"),
)
REFUSALS = {
    "late": ("hwyr", "late"),
    "duplicate": ("ail amlen", "second envelope"),
    "unsigned": ("datganiad heb ei lofnodi", "declaration not signed"),
    "unknown": ("anhysbys", "unknown"),
    "lapsed": ("aelodaeth wedi dod i ben", "membership lapsed"),
    "already-voted": ("wedi pleidleisio eisoes", "already voted"),
}


def has_other_sources(item: ItemRecord) -> bool:
    return any(
        row.get("sources", {}).get(key, 0)
        for row in item.reconciliation
        for key in ("proxy_directed", "packs_issued", "envelopes_accepted", "envelopes_refused", "advance_papers")
    )


def sources_story(item: ItemRecord, st: dict[str, Any]) -> list[Flowable]:
    """The heading, the table of votes by road and class, and the refused envelopes by reason."""
    if not has_other_sources(item):
        return []
    out: list[Flowable] = [Paragraph(
        f"{text('Pleidleisiau fesul ffordd')} <font color='#555555'>/ {text('Votes by road to the count')}</font>",
        st["h2"],
    )]  # fmt: skip
    head: list[Any] = [header_text("Dosbarth", "Class", st)]
    head += [header_text(cy, en, st, right=True) for _key, cy, en in SOURCE_COLUMNS]
    rows: list[list[Any]] = [head]
    totals = [0] * len(SOURCE_COLUMNS)
    refused: dict[str, int] = {}
    for row in item.reconciliation:
        sources = row.get("sources", {})
        figures = [int(sources.get(key, 0)) for key, _cy, _en in SOURCE_COLUMNS]
        totals = [a + b for a, b in zip(totals, figures, strict=True)]
        rows.append([row["class"], *figures])
        for reason, count in dict(sources.get("refused", {})).items():
            refused[reason] = refused.get(reason, 0) + int(count)
    rows.append(["Cyfanswm / Total", *totals])
    out.append(grid(rows, [24 * mm] + [21.4 * mm] * len(SOURCE_COLUMNS), total_row=True))
    if refused:
        words = "; ".join(
            f"{REFUSALS.get(reason, (reason, reason))[0]} / {REFUSALS.get(reason, (reason, reason))[1]}: {count}"
            for reason, count in sorted(refused.items())
        )
        out.append(Paragraph(text(f"Amlenni heb eu derbyn, fesul rheswm / Envelopes refused, by reason: {words}"), st["cell"]))
    return out
