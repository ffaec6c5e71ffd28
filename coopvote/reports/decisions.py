"""The chair's recorded decisions on an item, as its declaration prints them.

A vote opened without a quorum, reopened after closing, or declared although its papers do not
reconcile is lawful only with the chair's reason; the declaration shows each one, so whoever reads
the notice board sees what was decided and why, not just figures that seem not to add up.
"""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable, Paragraph

from coopvote.messages import message
from coopvote.reports.fonts import FONT
from coopvote.reports.layout import BAD, text

HEADING = ("Penderfyniadau'r cadeirydd", "The chair's decisions")

KIND_WORDS: dict[str, tuple[str, str]] = {
    "opened-not-quorate": (
        "Agorwyd y bleidlais pan nad oedd y cyfarfod yn gworwm",
        "The vote was opened while the meeting was not quorate",
    ),
    "reopened": ("Ailagorwyd y bleidlais ar ôl ei chau", "The vote was reopened after it had closed"),
    "reconciliation-accepted": (
        "Datganwyd er nad yw'r papurau'n cysoni",
        "Declared although the papers do not reconcile",
    ),
}
REASON = ("Rheswm", "Reason")
BY = ("gan", "by")
PRESENT = ("{present} yn bresennol, cworwm {required}", "{present} present, quorum {required}")


def decision_lines(decision: dict[str, Any]) -> tuple[str, str]:
    """(Welsh, English) sentence for one decision, with its facts and the chair's reason."""
    kind = str(decision.get("kind", ""))
    cy, en = KIND_WORDS.get(kind, (kind, kind))
    if kind == "opened-not-quorate":
        facts = {"present": decision.get("present", "?"), "required": decision.get("required", "?")}
        cy, en = f"{cy} ({PRESENT[0].format(**facts)})", f"{en} ({PRESENT[1].format(**facts)})"
    if kind == "reconciliation-accepted" and decision.get("problems"):
        english = "; ".join(str(p) for p in decision["problems"])
        welsh = "; ".join(str(p) for p in decision.get("problems_cy") or [])
        # Declared by an earlier version, the problems were kept in English only: shown so, and marked.
        cy = f"{cy} ({welsh or message('notes.plain', text=english).render('cy')})"
        en = f"{en} ({english})"
    at = str(decision.get("at", "")).replace("T", " ")[:16]
    by = str(decision.get("by") or "")
    signed_cy = f", {BY[0]} {by}" if by else ""
    signed_en = f", {BY[1]} {by}" if by else ""
    reason = str(decision.get("reason", ""))
    return (f"{cy}{signed_cy}, {at} UTC. {REASON[0]}: {reason}", f"{en}{signed_en}, {at} UTC. {REASON[1]}: {reason}")


def decisions_block(settings: dict[str, Any], st: dict[str, Any]) -> list[Flowable]:
    """A heading and one bilingual paragraph per decision; nothing when the chair decided nothing."""
    decisions = [d for d in settings.get("decisions") or [] if isinstance(d, dict)]
    if not decisions:
        return []
    colour = f"#{BAD.hexval()[2:]}"
    out: list[Flowable] = [
        Paragraph(
            f"<font color='{colour}'>{text(HEADING[0])}</font> <font color='#555555' name='{FONT}'>/ {text(HEADING[1])}</font>",
            st["h2"],
        )
    ]
    for decision in decisions:
        cy, en = decision_lines(decision)
        out.append(Paragraph(f"{text(cy)}<br/><font color='#555555'>{text(en)}</font>", st["base"]))
    return out
