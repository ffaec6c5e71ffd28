"""The declaration of one item's result, in Welsh and English, ready to sign and pin up.

It shows every figure a member needs to check the result by hand: papers issued and returned, valid
and rejected (by reason), per class the papers and their weighted value, the weighting rule and the
threshold in words, the outcome, and for an STV election the whole stage sheet. The verification code
and its QR are the item's record digest (see coopvote.export.content), the same code the exported
archive carries, so a declaration on a notice board can be checked against the archive later.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from coopvote.counting.display import column_texts
from coopvote.errors import CoopvoteError
from coopvote.export.content import ItemRecord, MeetingRecord, qr_payload, short_code
from coopvote.export.recount import resolution_weighted_totals
from coopvote.reports.band_table import band_table
from coopvote.reports.decisions import decisions_block
from coopvote.reports.fonts import FONT_BOLD
from coopvote.reports.layout import (
    BAD,
    BAD_EN,
    GOOD,
    GOOD_EN,
    QrFlowable,
    bilingual,
    build_pdf,
    english,
    grid,
    header_cell,
    header_text,
    heading,
    pair,
    rounding_rule,
    styles,
    text,
    total_label,
)
from coopvote.reports.reconcile import papers_explained, reservation_words
from coopvote.reports.sources import sources_story
from coopvote.reports.stage_words import note_words, tie_words
from coopvote.reports.stages import stage_sheet
from coopvote.reports.wording import (
    LABELS,
    METHODS,
    reason_words,
    threshold_words,
    weighting_in_words,
)

CONTENT_WIDTH = 174 * mm
WEIGHTED_PLACES = 6


def _meeting_block(meeting: dict[str, Any], st: dict[str, Any]) -> list[Flowable]:
    society = meeting.get("society", {})
    name = meeting.get("name", {})
    when = " · ".join(x for x in (meeting.get("date") or "", meeting.get("place") or "") if x)
    out: list[Flowable] = []
    if society.get("cy") or society.get("en"):
        out.append(bilingual(society.get("cy", ""), society.get("en", ""), st["society"], sep=" / "))
    out.append(bilingual(name.get("cy", ""), name.get("en", ""), st["society"], sep=" / "))
    if when:
        out.append(Paragraph(text(when), st["society"]))
    return out


def published_columns(item: ItemRecord, result: dict[str, Any]) -> list[str]:
    """The per-class columns as published: small classes merged (service/publishing.py), else every class."""
    return list(result.get("papers_by_class") or item.definition["classes"])


def _papers_table(item: ItemRecord, st: dict[str, Any]) -> Table:
    keys = ("class", "printed", "issued", "spoilt", "returned", "valid", "rejected", "not_returned")
    rows: list[list[Any]] = [[header_cell(k, st, right=k != "class") for k in keys]]
    totals = [0] * 7
    for row in item.reconciliation:
        figures = [row["printed"], row["issued"], row["spoilt"], row["returned"], row["valid"], row["rejected"], row["not_returned"]]
        totals = [a + b for a, b in zip(totals, figures, strict=True)]
        rows.append([row["class"], *figures])
    rows.append([total_label(st), *totals])
    return grid(rows, [27 * mm] + [21 * mm] * 7, total_row=True)


def _rejected(result: dict[str, Any], st: dict[str, Any]) -> list[Flowable]:
    reasons = result.get("rejected_by_reason") or {}
    out: list[Flowable] = [heading("rejected_by_reason", st)]
    if not reasons:
        cy, en = LABELS["none_rejected"]
        out.append(bilingual(cy, en, st["base"], sep=" / "))
        return out
    rows: list[list[Any]] = []
    for reason, count in sorted(reasons.items(), key=lambda kv: (-kv[1], kv[0])):
        cy, en = reason_words(reason)
        rows.append([Paragraph(f"{text(cy)} / <font color='#555555'>{text(en)}</font>", st["cell"]), count])
    table = Table(rows, colWidths=[90 * mm, 20 * mm], hAlign="LEFT")
    table.setStyle(TableStyle([("ALIGN", (1, 0), (1, -1), "RIGHT"), ("FONTSIZE", (0, 0), (-1, -1), 8),
                               ("LINEBELOW", (0, 0), (-1, -1), 0.25, "#cccccc"), ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5)]))  # fmt: skip
    out.append(table)
    return out


def _resolution_votes(item: ItemRecord, result: dict[str, Any], st: dict[str, Any]) -> list[Flowable]:
    options = result.get("options") or []
    classes = published_columns(item, result)
    head = [header_cell("class", st)]
    for key in ("for", "against", "abstain"):
        cy, en = LABELS[key]
        head += [
            header_text(f"{cy}: {LABELS['papers_short'][0]}", f"{en}: {LABELS['papers_short'][1]}", st, right=True),
            header_text(LABELS["weighted"][0], LABELS["weighted"][1], st, right=True),
        ]
    rows: list[list[Any]] = [head]
    paper_totals = [0, 0, 0]
    columns = [_weighted_column(options[index] if index < len(options) else {}, classes) for index in range(3)]
    for position, code in enumerate(classes):
        row: list[Any] = [code]
        for index in range(3):
            option = options[index] if index < len(options) else {}
            papers = int(option.get("papers", {}).get(code, 0))
            paper_totals[index] += papers
            column = columns[index]
            row += [papers, column[0][position] if column else option.get("weighted", {}).get(code, "")]
        rows.append(row)
    total: list[Any] = [total_label(st)]
    exact = None if all(columns) else _exact_totals(item)
    for index in range(3):
        option = options[index] if index < len(options) else {}
        column = columns[index]
        if column:
            weighted = column[1]
        else:
            weighted = exact[index] if exact else _sum_decimals(option.get("weighted", {}).values())
        total += [paper_totals[index], weighted]
    rows.append(total)
    out: list[Flowable] = [heading("votes", st), grid(rows, [34 * mm] + [23.3 * mm, 23.3 * mm] * 3, total_row=True)]
    if all(columns):
        out.append(Spacer(1, 1 * mm))
        out += rounding_rule(WEIGHTED_PLACES, st)
    return out


def _weighted_column(option: dict[str, Any], classes: list[str]) -> tuple[list[str], str] | None:
    """One option's weighted figures per class and their total, printed so the column adds up.

    From the exact fractions the result keeps (``weighted_exact``); a result stored without them
    (declared by an older version) is printed as it was.
    """
    exact = option.get("weighted_exact")
    if not isinstance(exact, dict) or any(code not in exact for code in classes):
        return None
    return column_texts([Fraction(exact[code]) for code in classes], WEIGHTED_PLACES)


def _exact_totals(item: ItemRecord) -> list[str] | None:
    """Weighted totals from the exact count (a sum of the rows' truncated decimals can be 1e-6 short)."""
    if not item.ballots:
        return None
    try:
        return resolution_weighted_totals(item.definition, item.ballots)
    except CoopvoteError:
        return None


def _sum_decimals(values: Any) -> str:
    from decimal import Decimal

    amounts = [Decimal(v) for v in values if v not in ("", None)]
    if not amounts:
        return ""
    return format(sum(amounts, Decimal(0)), "f")


def _resolution_outcome(item: ItemRecord, result: dict[str, Any], st: dict[str, Any]) -> list[Flowable]:
    definition = item.definition
    resolution = result.get("resolution") or {}
    base = resolution.get("base") or definition.get("settings", {}).get("base") or "cast"
    need_cy, need_en = threshold_words(str(resolution.get("threshold", definition["threshold"])), str(base))
    out: list[Flowable] = [heading("threshold", st)]
    out.append(bilingual(need_cy, need_en, st["base"], sep=" / "))
    out.append(heading("outcome", st))
    carried = bool(resolution.get("carried"))
    cy, en = LABELS["carried" if carried else "not_carried"]
    colour, colour_en = (GOOD, GOOD_EN) if carried else (BAD, BAD_EN)
    out.append(Paragraph(f"<font color='#{colour.hexval()[2:]}'>{text(cy)}</font>"
                         f"<font color='#{colour_en.hexval()[2:]}'> / {text(en)}</font>", st["outcome"]))
    words = result.get("outcome") or {}
    out.append(bilingual(words.get("cy", ""), words.get("en", ""), st["base"]))
    return out


def _election_first_prefs(item: ItemRecord, result: dict[str, Any], st: dict[str, Any]) -> list[Flowable]:
    classes = published_columns(item, result)
    election = result.get("election") or {}
    stages = election.get("stages") or []
    first = stages[0]["totals"] if stages else {}
    elected = set(election.get("elected") or [])
    head: list[Any] = [header_cell("candidate", st), *[header_text(c, "", st, right=True) for c in classes]]
    head += [header_cell("total", st, right=True), header_text(LABELS["weighted"][0], LABELS["weighted"][1], st, right=True)]
    rows: list[list[Any]] = [head]
    extra: list[tuple[Any, ...]] = []
    class_of = {c["name"]: c.get("class") for c in item.definition.get("candidates") or [] if isinstance(c, dict)}
    for index, option in enumerate(result.get("options") or []):
        name = option["label"]["en"]
        shown = f"{name} ({class_of[name]})" if class_of.get(name) else name
        papers = option.get("papers", {})
        cells = [int(papers.get(code, 0)) for code in classes]
        marker = " ✓" if name in elected else ""
        rows.append([Paragraph(text(shown + marker), st["cell_b" if marker else "cell"]), *cells, sum(cells), first.get(name, "")])
        if marker:
            extra.append(("TEXTCOLOR", (0, index + 1), (-1, index + 1), GOOD))
    name_width = 58 * mm
    rest = (CONTENT_WIDTH - name_width) / (len(classes) + 2)
    table = grid(rows, [name_width] + [rest] * (len(classes) + 2), extra=extra)
    method = item.definition.get("method", "")
    method_cy, method_en = METHODS.get(method, (method, method))
    out: list[Flowable] = [heading("first_prefs", st), table, Spacer(1, 2 * mm)]
    facts = [
        f"{text(LABELS['method'][0])}: {text(method_cy)} " + english(f"/ {LABELS['method'][1]}: {method_en}"),
        f"{pair(*LABELS['seats'])}: {text(item.definition.get('seats'))}",
    ]
    if election.get("quota"):
        facts.append(f"{pair(*LABELS['quota'])}: {text(election['quota'])}")
    out += [Paragraph(f, st["base"]) for f in facts]
    reserved = item.definition.get("settings", {}).get("reserved") or {}
    if reserved:
        words_cy, words_en = reservation_words(reserved)
        out.append(Paragraph(f"{text(LABELS['reserved'][0])}: {text(words_cy)} <font color='#555555'>/ "
                             f"{text(LABELS['reserved'][1])}: {text(words_en)}</font>", st["base"]))  # fmt: skip
        out.append(Paragraph(pair(*LABELS["class_after_name"]), st["small"]))
    return out


def _election_outcome(result: dict[str, Any], st: dict[str, Any]) -> list[Flowable]:
    election = result.get("election") or {}
    out: list[Flowable] = [heading("outcome", st)]
    if not election:
        cy, en = LABELS["no_votes"]
        out.append(bilingual(cy, en, st["base"], sep=" / "))
        return out
    names = election.get("elected") or []
    cy, en = LABELS["elected" if names else "nobody_elected"]
    elected: list[Flowable] = [
        Paragraph(f"<font color='#{GOOD.hexval()[2:]}'>{text(cy)}</font>"
                  f"<font color='#{GOOD_EN.hexval()[2:]}'> / {text(en)}:</font>", st["outcome"])
    ]
    elected += [Paragraph(f"<font name='{FONT_BOLD}'>{text(name)}</font>", st["base"]) for name in names]
    out[-1:] = [KeepTogether([out[-1], *elected])]  # the heading, the word and the names on one page
    if election.get("uncontested"):  # nominations closed with no more candidates than seats
        out.append(bilingual(*LABELS["unopposed"], st["base"], sep=" / "))
    for tie in election.get("tie_breaks") or []:
        tie_cy, tie_en = tie_words(tie)
        out.append(Paragraph(f"<b>{text(LABELS['ties'][0])}:</b> {text(tie_cy)} <font color='#555555'>/ "
                             f"{text(LABELS['ties'][1])}: {text(tie_en)}</font>", st["small"]))  # fmt: skip
    notes = election.get("notes") or []
    keyed = election.get("notes_keyed") or [None] * len(notes)
    for note, note_keyed in zip(notes, keyed, strict=False):
        if note.startswith("seats reserved per class:"):
            continue  # already shown in words beside the method
        # A keyed note is worded from its key (counting/notes.py); an older one by its English pattern.
        note_cy, note_en = note_words(note, note_keyed)
        out.append(Paragraph(f"<b>{text(LABELS['notes'][0])}:</b> {text(note_cy)} <font color='#555555'>/ "
                             f"{text(LABELS['notes'][1])}: {text(note_en)}</font>", st["small"]))  # fmt: skip
    return out


def _signatures(meeting: dict[str, Any], st: dict[str, Any]) -> list[Flowable]:
    general = (meeting.get("rules") or {}).get("rules") or {}
    cells: list[Flowable] = []
    sign_cy, sign_en = LABELS["signature"]
    date_cy, date_en = LABELS["date"]
    for key, name in (("chair", general.get("chair", "")), ("returning_officer", general.get("returning_officer", ""))):
        cy, en = LABELS[key]
        cells += [
            Paragraph(f"<b>{text(cy)}</b> / <font color='#555555'>{text(en)}</font>" + (f": {text(name)}" if name else ""),
                      st["cell"]),
            Spacer(1, 5 * mm),
            Paragraph(f"{pair(sign_cy, sign_en)} ______________________", st["small"]),
            Spacer(1, 3 * mm),
            Paragraph(f"{pair(date_cy, date_en)} ______________", st["small"]),
            Spacer(1, 3 * mm),
        ]  # fmt: skip
    return cells


def verification_block(
    meeting_code: str, number: int | None, digest: str, st: dict[str, Any], extra: str = "", right: list[Flowable] | None = None
) -> Table:
    """The QR and verification code, with the signature lines (when given) beside them."""
    code = short_code(digest)
    cy, en = LABELS["verification"]
    help_cy, help_en = LABELS["verification_help"]
    plain = code.replace(" ", "")
    words: list[Flowable] = [
        Paragraph(f"<b>{text(cy)}</b> / <font color='#555555'>{text(en)}</font>", st["base"]),
        Paragraph(text(code), st["code"]),
        Paragraph(text(digest[:32]) + "<br/>" + text(digest[32:]), st["small"]),
        Spacer(1, 1.5 * mm),
        Paragraph(text(help_cy.format(code=plain)), st["small"]),
        Paragraph(english(help_en.format(code=plain)), st["small"]),
    ]
    if extra:
        words.append(Paragraph(extra, st["small"]))
    qr = QrFlowable(qr_payload(meeting_code, number, digest), 27 * mm)
    if right:
        row: list[Any] = [qr, words, right]
        widths = [31 * mm, 66 * mm, CONTENT_WIDTH - 97 * mm]
    else:
        row, widths = [qr, words], [31 * mm, CONTENT_WIDTH - 31 * mm]
    table = Table([row], colWidths=widths, spaceBefore=3 * mm)
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("BOX", (0, 0), (1, 0), 0.6, "#9a9a9a"),
                               ("LEFTPADDING", (2, 0), (2, 0), 8),
                               ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]))  # fmt: skip
    return table


def _option_names(item: ItemRecord) -> list[tuple[str, str]]:
    """(Welsh, English) names of the options or candidates, in ballot order, for the band table."""
    if item.definition["kind"] == "resolution":
        return [LABELS["for"], LABELS["against"], LABELS["abstain"]]
    return [(c["name"], "") for c in item.definition["candidates"]]


def close_code_block(close_hash: str, st: dict[str, Any]) -> list[Flowable]:
    """The head of the audit chain witnessed when the vote closed, for people to copy and check."""
    if not close_hash:
        return []
    from coopvote.record.ledger import witness_code

    code = witness_code(close_hash)
    cy, en = LABELS["close_code"]
    help_cy, help_en = LABELS["close_code_help"]
    plain = code.replace(" ", "")
    return [
        Spacer(1, 3 * mm),
        Paragraph(f"<b>{text(cy)}</b> / <font color='#555555'>{text(en)}</font>: <b>{text(code)}</b>", st["base"]),
        Paragraph(text(help_cy.format(code=plain)), st["small"]),
        Paragraph(english(help_en.format(code=plain)), st["small"]),
    ]


def rehearsal_lines(record: MeetingRecord, st: dict[str, Any]) -> list[Flowable]:
    """Whether a rehearsal (logic and accuracy test) was run before the vote: the latest one, in words."""
    if not record.rehearsals:
        return []
    latest = record.rehearsals[-1]
    at = (str(latest.get("at") or "").replace("T", " ")[:16] + " UTC").strip()
    cy, en = LABELS["rehearsal_passed" if latest["passed"] else "rehearsal_failed"]
    fields = {"sheets": latest["sheets"], "problems": latest["problems"], "at": at}
    return [bilingual(cy.format(**fields), en.format(**fields), st["small"])]


def declaration_story(record: MeetingRecord, item: ItemRecord) -> list[Flowable]:
    st = styles()
    definition = item.definition
    result = item.declared_result
    story: list[Flowable] = [*_meeting_block(record.meeting, st), Spacer(1, 3 * mm)]
    cy, en = LABELS["declaration"]
    story.append(Paragraph(text(cy), st["title"]))
    story.append(Paragraph(text(en), st["title_en"]))
    item_cy, item_en = LABELS["item"]
    title = definition["title"]
    story.append(Spacer(1, 2 * mm))
    story.append(Paragraph(f"<b>{item_cy} {definition['number']}: {text(title['cy'])}</b>", st["h2"]))
    story.append(Paragraph(f"{item_en} {definition['number']}: {text(title['en'])}", st["en"]))
    if definition.get("special"):
        story.append(bilingual(*LABELS["special"], st["small"], sep=" / "))
    if item.declaration is None:
        story.append(Paragraph(f"<font color='#{BAD.hexval()[2:]}'><b>{text(' / '.join(LABELS['provisional']))}</b></font>", st["base"]))
    story += [heading("papers", st), _papers_table(item, st), *papers_explained(item.reconciliation, st),
              *sources_story(item, st)]
    story += decisions_block(definition.get("settings", {}), st)
    story += _rejected(result, st)
    by_head = bool((result.get("resolution") or {}).get("by_head"))
    settings = definition.get("settings", {})
    base = "election" if definition["kind"] == "election" else str(
        (result.get("resolution") or {}).get("base") or settings.get("base") or "cast"
    )
    rule_cy, rule_en = weighting_in_words(definition.get("weighting", {}), settings.get("weighting"), by_head, base)
    if definition["kind"] == "resolution":
        story += _resolution_votes(item, result, st)
        story += [heading("weighting_rule", st), bilingual(rule_cy, rule_en, st["base"])]
        story += _resolution_outcome(item, result, st)
    else:
        story += _election_first_prefs(item, result, st)
        story += [heading("weighting_rule", st), bilingual(rule_cy, rule_en, st["base"])]
        story += _election_outcome(result, st)
    story += band_table(result, _option_names(item), st)
    warnings = result.get("privacy_warnings") or []
    for warning, warning_keyed in zip(warnings, result.get("privacy_warnings_keyed") or [None] * len(warnings),
                                      strict=False):
        warning_cy, warning_en = note_words(warning, warning_keyed)
        privacy_en = english(f"/ {LABELS['privacy'][1]}: {warning_en}")
        story.append(Paragraph(f"{text(LABELS['privacy'][0])}: {text(warning_cy)} {privacy_en}", st["small"]))
    shown = (definition.get("settings") or {}).get("show_small_classes")
    if isinstance(shown, dict):
        cy, en = LABELS["small_classes_shown"]
        story.append(
            Paragraph(f"{pair(cy, en)}: {text(shown.get('chair', '?'))}. {text(shown.get('reason', ''))}", st["small"])
        )
    declared = ""
    if item.declaration:
        by_cy, by_en = LABELS["declared_by"]
        at = str(item.declaration["declared_at"]).replace("T", " ")[:16]
        declared = f"{pair(by_cy, by_en)}: {text(item.declaration['declared_by'])}, {text(at)} UTC"
    story += rehearsal_lines(record, st)
    election = result.get("election") or {}
    if definition["kind"] == "election" and election.get("stages"):
        story += stage_sheet(election, [o["label"]["en"] for o in result.get("options") or []], st)
    story.append(KeepTogether([*close_code_block(item.close_hash, st),
                               verification_block(record.code, item.number, item.digest, st, declared,
                                                  _signatures(record.meeting, st))]))  # fmt: skip
    return story


def render_declaration(record: MeetingRecord, item: ItemRecord) -> bytes:
    """The declaration PDF of one item; its metadata carries the record digest for the verifier."""
    title = item.definition["title"]
    return build_pdf(
        declaration_story(record, item),
        title=f"{LABELS['declaration'][1]}: item {item.number}, {title['en']}",
        subject=f"coopvote declaration; meeting {record.code}; item {item.number}; record digest {item.digest}",
        keywords=f"coopvote-item-digest:{item.digest}",
        footer_left=f"coopvote · {record.code} · {LABELS['item'][0]} / {LABELS['item'][1]} {item.number}",
        footer_right=short_code(item.digest),
    )
