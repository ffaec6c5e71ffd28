"""The sentences under the declaration's paper table when its headline figures do not reconcile on their face.

A spoilt paper is cancelled and replaced by a fresh one, so it is counted neither as issued nor as returned:
"issued 40, spoilt 1, returned 40" is right but looks wrong. Printing the three sums with the figures in them
(printed = issued + spoilt + unused; issued = returned + not returned; returned = valid + rejected) lets a
member check the table by hand, and a sum that does not hold is said plainly rather than left to be noticed.
A table with nothing spoilt and no more papers returned than issued adds up as it stands and gets no lines.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from reportlab.platypus import Flowable, Paragraph

from coopvote.reports.layout import text

SPOILT_EXPLAINED: tuple[str, str] = (
    "Mae papur a ddifethwyd yn cael ei ganslo a rhoddir papur newydd yn ei le, felly nid yw'n cael ei gyfrif "
    "ymhlith y papurau a roddwyd nac a ddychwelwyd.",
    "A spoilt paper is cancelled and a fresh one given in its place, so it is counted neither among the papers "
    "issued nor among those returned.",
)


def _totals(rows: Sequence[Mapping[str, Any]]) -> dict[str, int]:
    keys = ("printed", "issued", "spoilt", "returned", "valid", "rejected", "not_returned")
    return {key: sum(int(row.get(key, 0) or 0) for row in rows) for key in keys}


def reconciliation_sentences(rows: Sequence[Mapping[str, Any]]) -> list[tuple[str, str]]:
    """The sums the paper table's totals obey, in Welsh and English, with anything that does not add up."""
    t = _totals(rows)
    if not t["spoilt"] and t["returned"] <= t["issued"] and t["issued"] <= t["printed"]:
        return []  # the table adds up on its face: no line needed, and the sheet stays on one page
    out: list[tuple[str, str]] = []
    if t["printed"]:
        unused = t["printed"] - t["issued"] - t["spoilt"]
        if unused >= 0:
            out.append((
                f"Argraffwyd {t['printed']} = rhoddwyd {t['issued']} + difethwyd {t['spoilt']} + heb eu defnyddio {unused}.",
                f"Printed {t['printed']} = issued {t['issued']} + spoilt {t['spoilt']} + unused {unused}.",
            ))
        else:
            out.append((
                f"Nid yw'r ffigurau'n cysoni: rhoddwyd a difethwyd {-unused} papur yn fwy nag a argraffwyd.",
                f"The figures do not reconcile: {-unused} more paper(s) issued and spoilt than printed.",
            ))
    if t["returned"] > t["issued"]:
        extra = t["returned"] - t["issued"]
        out.append((
            f"Nid yw'r ffigurau'n cysoni: dychwelwyd {extra} papur yn fwy nag a roddwyd; rhaid i'r Swyddog "
            "Canlyniadau egluro hyn.",
            f"The figures do not reconcile: {extra} more paper(s) returned than issued; the returning officer must "
            "explain this.",
        ))
    elif t["issued"]:
        out.append((
            f"Rhoddwyd {t['issued']} = dychwelwyd {t['returned']} + heb ddychwelyd {t['not_returned']}.",
            f"Issued {t['issued']} = returned {t['returned']} + not returned {t['not_returned']}.",
        ))
    if t["returned"]:
        out.append((
            f"Dychwelwyd {t['returned']} = dilys {t['valid']} + gwrthodwyd {t['rejected']}.",
            f"Returned {t['returned']} = valid {t['valid']} + rejected {t['rejected']}.",
        ))
    if t["spoilt"]:
        out.append(SPOILT_EXPLAINED)
    return out


def papers_explained(rows: Sequence[Mapping[str, Any]], st: Mapping[str, Any]) -> list[Flowable]:
    return [
        Paragraph(f"{text(cy)} <font color='#555555'>/ {text(en)}</font>", st["small"])
        for cy, en in reconciliation_sentences(rows)
    ]


def reservation_words(reserved: Mapping[str, Any]) -> tuple[str, str]:
    """Reserved seats as a person reads them: "PS o leiaf 2; EMP 1 i 2" / "PS at least 2; EMP 1 to 2"."""
    cy: list[str] = []
    en: list[str] = []
    for code, bounds in reserved.items():
        low, high = bounds.get("min"), bounds.get("max")
        if low is not None and high is not None:
            cy.append(f"{code} union {low}" if low == high else f"{code} {low} i {high}")
            en.append(f"{code} exactly {low}" if low == high else f"{code} {low} to {high}")
        elif low is not None:
            cy.append(f"{code} o leiaf {low}")
            en.append(f"{code} at least {low}")
        else:
            cy.append(f"{code} ar y mwyaf {high}")
            en.append(f"{code} at most {high}")
    return "; ".join(cy), "; ".join(en)
