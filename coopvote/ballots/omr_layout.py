"""Bridging the shared paper layout (``layout.py``) and the QR codec to what the mark reader needs.

The reader works from a ``SheetGeometry``; this module makes one from the same ``PaperLayout`` the
printer drew, and builds the lookup ``read_page`` calls for each decoded QR: verify the code's seal
for this meeting, ask the caller what the item is (kind, options, how many marks), lay it out.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from coopvote.ballots.layout import MARK_SIZE, PaperForm, PaperLayout, layout_for
from coopvote.ballots.omr import GeometryLookup, SheetGeometry
from coopvote.ballots.omr_interpret import QuestionBoxes, QuestionKind
from coopvote.ballots.omr_marks import HALO_GAP_MM, HALO_WIDTH_MM, BoxRect
from coopvote.ballots.pdf_spec import BallotItem
from coopvote.ballots.qrcodec import BallotCode, decode
from coopvote.errors import InputError

HALO_CLEARANCE_MM = 0.5
"""Keep the halo this far from any printed row or column edge, which pdf.py may draw as a line."""


@dataclass(frozen=True)
class PaperQuestion:
    """What the reader must know about an agenda item beyond its QR code."""

    form: PaperForm
    option_names: tuple[str, ...]
    max_marks: int = 1
    """1 for a resolution or single-winner election, the seats for block voting, the options for
    approval. On a ranking grid it only limits how many preferences count (said in notes)."""
    blank_allowed: bool = False


def question_for_item(item: BallotItem, variant: str = "standard", page_size: str = "A4") -> PaperQuestion:
    """What the reader needs from a printed item (``pdf_spec.BallotItem``): form, names, marks allowed.

    An item's ``max_marks`` of 0 (approval voting) allows every option to be marked.
    """
    names = tuple(choice.label_en for choice in item.choices)
    form = PaperForm(kind=item.kind, options=len(names), ranks=item.ranks, variant=variant,  # type: ignore[arg-type]
                     page_size=page_size)  # type: ignore[arg-type]
    max_marks = len(names) if item.max_marks == 0 or item.kind == "ranking" else item.max_marks
    return PaperQuestion(form=form, option_names=names, max_marks=max_marks)


def geometry_for_paper(question: PaperQuestion) -> SheetGeometry:
    """The reading geometry of an item's paper (cached: every paper of an item shares it)."""
    return _geometry(question)


@lru_cache(maxsize=256)
def _geometry(question: PaperQuestion) -> SheetGeometry:
    layout = layout_for(question.form)
    names = question.option_names or tuple(f"option {i + 1}" for i in range(question.form.options))
    if len(names) != question.form.options:
        raise InputError("paper.option_names_count", given=len(names), options=question.form.options)
    return SheetGeometry(
        page_size_mm=(layout.width, layout.height),
        qr_corners_mm=layout.qr.corners(),
        registration_marks_mm=tuple(mark.centre for mark in layout.marks),
        mark_size_mm=MARK_SIZE,
        boxes=_box_rects(layout),
        questions=(_question(layout, question, names),),
    )


def _box_rects(layout: PaperLayout) -> tuple[BoxRect, ...]:
    rects = []
    for answer in layout.boxes:
        box = answer.rect
        row = layout.rows[answer.option]
        clear_y = [box.y - row.y, row.bottom - box.bottom]
        if answer.rank is not None and layout.rank_columns:
            column = layout.rank_columns[answer.rank - 1]
            clear_x = [box.x - column.x, column.right - box.right]
        else:
            clear_x = [box.x - layout.labels[answer.option].right, row.right - box.right]
        limit = HALO_GAP_MM + HALO_WIDTH_MM
        reach_x = max(0.0, min(limit, min(clear_x) - HALO_CLEARANCE_MM))
        reach_y = max(0.0, min(limit, min(clear_y) - HALO_CLEARANCE_MM))
        rects.append(BoxRect(box_id=answer.id, x=box.x, y=box.y, width=box.w, height=box.h,
                             halo_x_mm=reach_x, halo_y_mm=reach_y))
    return tuple(rects)


def _question(layout: PaperLayout, question: PaperQuestion, names: tuple[str, ...]) -> QuestionBoxes:
    if layout.form.kind == "ranking":
        grid = tuple(
            tuple(a.id for a in layout.boxes if a.option == option and a.rank is not None)
            for option in range(layout.form.options)
        )
        return QuestionBoxes(
            question_id="ranking", kind=QuestionKind.RANK, options=names, max_marks=question.max_marks,
            grid=grid, blank_allowed=question.blank_allowed,
        )
    return QuestionBoxes(
        question_id=layout.form.kind, kind=QuestionKind.CHOOSE, options=names, max_marks=question.max_marks,
        boxes=tuple(a.id for a in layout.boxes), blank_allowed=question.blank_allowed,
    )


def meeting_lookup(
    secret: bytes, meeting_code: str, paper_for: Callable[[BallotCode], PaperQuestion]
) -> GeometryLookup:
    """The ``geometry_for`` of one meeting: a forged, foreign or slip code is refused (InputError), so
    the sheet comes back unreadable with the reason rather than being measured against a wrong layout."""

    def lookup(text: str) -> SheetGeometry:
        code = decode(text, secret, meeting_code)
        if code.is_slip:
            raise InputError("paper.slip_not_paper")

        question = paper_for(code)
        if (question.form.variant, question.form.page_size) != (code.variant, code.page_size):
            question = PaperQuestion(
                form=PaperForm(kind=question.form.kind, options=question.form.options, ranks=question.form.ranks,
                               variant=code.variant, page_size=code.page_size),
                option_names=question.option_names, max_marks=question.max_marks,
                blank_allowed=question.blank_allowed,
            )
        return geometry_for_paper(question)

    return lookup
