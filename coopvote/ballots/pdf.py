"""Ballot papers as PDF: one page per paper, Welsh first and English beside it at equal size.

Everything that is the same on every paper of a batch (bands, texts, boxes, marks) is drawn once as a
PDF form and placed on each page; only the QR code and serial differ per page. That keeps a batch of
1,000 papers fast to write and small to send to a print shop.
"""

from __future__ import annotations

import contextlib
import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from reportlab import rl_config
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from coopvote.ballots import texts
from coopvote.ballots.layout import PaperLayout, Rect, layout_for
from coopvote.ballots.paper import Variant
from coopvote.ballots.pdf_draw import (
    BLACK,
    FONT,
    FONT_BOLD,
    GREY,
    LEADING,
    LIGHT,
    WHITE,
    Page,
    Run,
    class_colour,
    draw_fitted,
    draw_hand,
    draw_qr,
    fit_block,
    register_fonts,
)
from coopvote.ballots.pdf_easy import draw_candidate_picture, draw_example
from coopvote.ballots.pdf_spec import BallotItem, MeetingInfo, PaperSpec, VotingClass
from coopvote.counting.value_bands import votes_words
from coopvote.errors import InputError
from coopvote.messages import Message, message

__all__ = ["render_papers", "TextSizes", "TEXT_SIZES"]


@dataclass(frozen=True)
class TextSizes:
    """Base and minimum point sizes per variant; the minimum is never undercut."""

    title: float
    title_min: float
    instructions: float
    instructions_min: float
    option: float
    option_min: float
    candidate: float
    candidate_min: float
    band: float
    serial: float


TEXT_SIZES: dict[Variant, TextSizes] = {
    "standard": TextSizes(13, 9, 10.5, 8.5, 14, 11, 13, 10, 13, 9),
    "large-print": TextSizes(18, 16, 16, 16, 20, 16, 20, 16, 16, 12),
    "easy-read": TextSizes(17, 14, 16, 14, 18, 14, 18, 14, 16, 12),
}


def _sizes(variant: Variant) -> TextSizes:
    return TEXT_SIZES[variant]


def _band(page: Page, area: Rect, voting_class: VotingClass, size: float, extra: str = "") -> None:
    fill, ink = class_colour(voting_class.colour)
    page.rect(area, fill=fill)
    label = f"{voting_class.name_cy}  ·  {voting_class.name_en}"
    runs = (Run(label, bold=True),)
    fitted = fit_block(runs, area.w - 30.0, area.h, size, min(size, 8.0), message("paper.where_class_band", class_code=voting_class.code))
    if len(fitted.lines) == 1:
        text, font, pt, _ = fitted.lines[0]
        baseline = area.y + area.h / 2 + pt * 0.35 * 25.4 / 72
        page.text(area.x + area.w / 2, baseline, text, font, pt, ink, align="centre")
    else:
        draw_fitted(page, Rect(area.x + 15.0, area.y, area.w - 30.0, area.h), fitted, ink, valign="middle")
    code_pt = min(size, 12.0)
    baseline = area.y + area.h / 2 + code_pt * 0.35 * 25.4 / 72
    page.text(area.right - 3.0, baseline, voting_class.code, FONT_BOLD, code_pt, ink, align="right")
    if extra:
        page.text(area.x + 3.0, baseline, extra, FONT_BOLD, code_pt, ink)


def _title(page: Page, layout: PaperLayout, meeting: MeetingInfo, item: BallotItem, sizes: TextSizes,
           variant: Variant) -> None:
    small = 0.8 if variant == "standard" else 1.0
    cy = texts.ITEM.cy.format(number=item.number)
    en = texts.ITEM.en.format(number=item.number)
    question_cy, question_en = item.question(variant == "easy-read")
    runs = (
        Run(meeting.title_cy, scale=small, gap_after=0.5),
        Run(f"{cy}: {question_cy}", bold=True, gap_after=3.0),
        Run(meeting.title_en, scale=small, gap_after=0.5),
        Run(f"{en}: {question_en}", bold=True),
    )
    fitted = fit_block(runs, layout.title_area.w, layout.title_area.h, sizes.title, sizes.title_min,
                       message("paper.where_title", item=item.number))
    draw_fitted(page, layout.title_area, fitted)


def _two_columns(page: Page, area: Rect, welsh: tuple[Run, ...], english: tuple[Run, ...], size: float,
                 min_size: float, where: Message) -> None:
    """Welsh in the left column, English in the right, both at the same (largest fitting) size."""
    gap = 6.0
    col_w = (area.w - gap - 6.0) / 2
    inner_h = area.h - 3.0
    common = min(
        fit_block(welsh, col_w, inner_h, size, min_size, where).size,
        fit_block(english, col_w, inner_h, size, min_size, where).size,
    )
    page.rect(area, stroke=LIGHT, line_pt=0.6)
    middle = area.x + area.w / 2
    page.line(middle, area.y + 2.0, middle, area.bottom - 2.0, LIGHT, 0.6)
    for runs, x in ((welsh, area.x + 3.0), (english, middle + gap / 2)):
        fitted = fit_block(runs, col_w, inner_h, common, common, where)
        draw_fitted(page, Rect(x, area.y + 1.5, col_w, inner_h), fitted)


def _instructions(page: Page, layout: PaperLayout, item: BallotItem, sizes: TextSizes, variant: Variant) -> None:
    # Large print uses the short Easy Read sentences too: the long wording would crowd out the options
    # at 16 pt, and short sentences help anyone who needs large print.
    short = variant != "standard"
    what = texts.instructions(item.kind, item.max_marks, len(item.choices), layout.form.columns, short)
    welsh: tuple[Run, ...] = (Run(what.cy, bold=True, gap_after=1.5),)
    english: tuple[Run, ...] = (Run(what.en, bold=True, gap_after=1.5),)
    if not short:
        welsh += (Run(texts.DO_NOT_FOLD.cy),)
        english += (Run(texts.DO_NOT_FOLD.en),)
    _two_columns(page, layout.instructions_area, welsh, english, sizes.instructions, sizes.instructions_min,
                 message("paper.where_instructions", item=item.number))


def _option_runs(item: BallotItem, index: int, variant: Variant) -> tuple[Run, ...]:
    choice = item.choices[index]
    if item.kind == "resolution" and variant == "easy-read" and choice.stance is not None:
        pair = texts.EASY_OPTIONS[("for", "against", "abstain").index(choice.stance)]
        return (Run(pair.cy, bold=True, gap_after=1.0), Run(pair.en, bold=True))
    if choice.label_cy.strip() == choice.label_en.strip():
        return (Run(choice.label_en, bold=True),)
    return (Run(choice.label_cy, bold=True, gap_after=0.8), Run(choice.label_en, bold=True))


def _rows(page: Page, layout: PaperLayout, item: BallotItem, sizes: TextSizes, variant: Variant) -> None:
    resolution = item.kind == "resolution"
    size, min_size = (sizes.option, sizes.option_min) if resolution else (sizes.candidate, sizes.candidate_min)
    if item.kind == "ranking" and variant == "standard":
        size, min_size = 12.0, 9.0
    runs_all = [_option_runs(item, i, variant) for i in range(len(item.choices))]
    labels = layout.labels
    # One size for every option so no name looks more prominent than another.
    # Names in a ranking grid may wrap onto two close-set lines so many columns still fit.
    leading = 1.08 if item.kind == "ranking" else LEADING
    common = min(
        fit_block(runs, label.w, label.h, size, min_size, message("paper.where_option", item=item.number, option=i + 1), leading).size
        for i, (runs, label) in enumerate(zip(runs_all, labels, strict=True))
    )
    for row in layout.rows:
        page.line(row.x, row.y, row.right, row.y, GREY, 0.5)
    last = layout.rows[-1]
    page.line(last.x, last.bottom, last.right, last.bottom, GREY, 0.5)
    if layout.rank_header is not None:
        _rank_header(page, layout, sizes, variant)
    for i, (runs, label) in enumerate(zip(runs_all, labels, strict=True)):
        fitted = fit_block(runs, label.w, label.h, common, common, message("paper.where_option", item=item.number, option=i + 1), leading)
        draw_fitted(page, label, fitted, valign="middle")
    for picture, choice in zip(layout.pictures, item.choices, strict=False):
        if choice.stance is not None:
            draw_hand(page, picture, choice.stance)
        else:
            draw_candidate_picture(page, picture, choice)
    draw_example(page, layout, item.kind == "ranking")
    for box in layout.boxes:
        page.rect(box.rect, fill=WHITE, stroke=BLACK, line_pt=1.6)


def _rank_header(page: Page, layout: PaperLayout, sizes: TextSizes, variant: Variant) -> None:
    header = layout.rank_header
    assert header is not None
    pt = 11.0 if variant == "standard" else 16.0
    first = layout.rank_columns[0]
    label = Rect(header.x + 3.0, header.y, first.x - header.x - 6.0, header.h)
    fitted = fit_block((Run(f"{texts.PREFERENCE.cy} / {texts.PREFERENCE.en}", bold=True),), label.w, label.h,
                       pt, min(pt, 8.0), message("paper.where_ranking_header"))
    draw_fitted(page, label, fitted, valign="middle")
    bottom = layout.rows[-1].bottom
    for number, column in enumerate(layout.rank_columns, start=1):
        baseline = column.y + column.h / 2 + pt * 0.35 * 25.4 / 72
        page.text(column.x + column.w / 2, baseline, str(number), FONT_BOLD, pt, align="centre")
        page.line(column.x, column.y, column.x, bottom, LIGHT, 0.5)
    last = layout.rank_columns[-1]
    page.line(last.right, last.y, last.right, bottom, LIGHT, 0.5)


def draw_static(page: Page, layout: PaperLayout, paper: PaperSpec) -> None:
    """Everything but the QR code and serial: the same on every paper of a batch."""
    sizes = _sizes(paper.variant)
    for mark in layout.marks:
        page.rect(mark, fill=BLACK)
    _band(page, layout.band, paper.voting_class, sizes.band, _band_words(paper.voting_class))
    fill, ink = class_colour(paper.voting_class.colour)
    page.rect(layout.foot_band, fill=fill)
    foot = (f"{texts.ITEM.cy.format(number=paper.item.number)} / {texts.ITEM.en.format(number=paper.item.number)}"
            f"  ·  {paper.voting_class.code}")
    if paper.voting_class.band is not None:
        foot += "  ·  " + " / ".join(votes_words(paper.voting_class.band))
    page.text(layout.foot_band.x + layout.foot_band.w / 2, layout.foot_band.bottom - 1.4, foot, FONT_BOLD, 8.0,
              ink, align="centre")
    _title(page, layout, paper.meeting, paper.item, sizes, paper.variant)
    _instructions(page, layout, paper.item, sizes, paper.variant)
    _rows(page, layout, paper.item, sizes, paper.variant)


def _band_words(voting_class: VotingClass) -> str:
    """"5 votes" at the left of the class band of a value-band paper, so the desk and voter can see it."""
    if voting_class.band is None:
        return ""
    return votes_words(voting_class.band)[1]


def serial_label(serial: int) -> str:
    return f"{texts.SERIAL.cy} / {texts.SERIAL.en} {serial:06d}"


def draw_serial(page: Page, area: Rect, serial: int, size: float) -> None:
    baseline = area.y + area.h / 2 + size * 0.35 * 25.4 / 72
    page.text(area.x + area.w / 2, baseline, serial_label(serial), FONT, size, align="centre")


def open_canvas(buffer: io.BytesIO, width: float, height: float, title: str) -> Canvas:
    """A canvas writing to memory, so a failure part-way leaves no half-written file behind."""
    register_fonts()
    canvas = Canvas(buffer, pagesize=(width * mm, height * mm), pageCompression=1, invariant=1,
                    initialFontName=FONT, initialFontSize=10)
    canvas.setTitle(title)
    canvas.setAuthor("coopvote")
    canvas.setCreator("coopvote")
    return canvas


@contextlib.contextmanager
def binary_streams() -> Iterator[None]:
    """Keep compressed streams binary while we write: reportlab's default ASCII85 wrapping is pure
    Python and took about a fifth of a profiled 300-paper batch. Restored afterwards, as other
    modules share reportlab's global settings."""
    saved = rl_config.useA85
    rl_config.useA85 = 0
    try:
        yield
    finally:
        rl_config.useA85 = saved


def render_papers(papers: Sequence[PaperSpec], out: Path | BinaryIO | str) -> int:
    """Write one page per paper, in the order given, to a PDF file or stream; returns the page count.

    Raises InputError, writing nothing, when a paper's options or text cannot fit.
    """
    if not papers:
        raise InputError("paper.nothing_to_print")
    first = papers[0]
    layouts: dict[tuple[object, ...], tuple[str, PaperLayout]] = {}
    for paper in papers:
        key = (paper.meeting, paper.item, paper.voting_class, paper.variant, paper.page_size)
        if key not in layouts:
            layouts[key] = (f"coopvotePaper{len(layouts)}", layout_for(paper))
    title = f"{first.meeting.title_cy} / {first.meeting.title_en}"
    buffer = io.BytesIO()
    first_layout = next(iter(layouts.values()))[1]
    with binary_streams():
        _write_papers(open_canvas(buffer, first_layout.width, first_layout.height, title), papers, layouts)
    write_out(buffer.getvalue(), out)
    return len(papers)


def _write_papers(canvas: Canvas, papers: Sequence[PaperSpec],
                  layouts: dict[tuple[object, ...], tuple[str, PaperLayout]]) -> None:
    defined: set[str] = set()
    for paper in papers:
        key = (paper.meeting, paper.item, paper.voting_class, paper.variant, paper.page_size)
        name, layout = layouts[key]
        canvas.setPageSize((layout.width * mm, layout.height * mm))
        page = Page(canvas, layout.height)
        if name not in defined:
            canvas.beginForm(name)
            draw_static(page, layout, paper)
            canvas.endForm()
            defined.add(name)
        canvas.doForm(name)
        draw_qr(page, layout.qr, paper.qr_text)
        draw_serial(page, layout.serial_area, paper.serial, _sizes(paper.variant).serial)
        canvas.showPage()
    canvas.save()


def write_out(data: bytes, out: Path | BinaryIO | str) -> None:
    """Write the finished PDF to a path or an open binary stream."""
    if isinstance(out, Path | str):
        try:
            Path(out).write_bytes(data)
        except OSError as error:
            raise InputError("paper.cannot_write", path=out, detail=error.strerror or error) from error

    else:
        out.write(data)
