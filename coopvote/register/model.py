"""The plain data a register import produces: rows, problems and the preview shown before importing.

Kept apart from the parsers so the service layer and the app can depend on these shapes alone.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Literal

from coopvote.errors import InputError
from coopvote.messages import Bilingual, Language, Message, current_language, message, welsh_then_english

Status = Literal["active", "lapsed"]

Record = tuple[int, int, Sequence[object]]
"""(first line, last line, cell values): CSV gives strings, XLSX gives whatever the cell held."""


@dataclass(slots=True)
class RegisterRow:
    """One member as read. ``line`` is where the member starts in the file, for messages later on.

    Treat it as read-only; it is not frozen only because frozen dataclasses are three times slower to
    build, which shows with 50,000 members.
    """

    line: int
    membership_number: str
    name: str
    class_code: str
    vote_value: Fraction = Fraction(1)
    status: Status = "active"
    email: str | None = None
    extra: Mapping[str, str] = field(default_factory=dict)
    """Other columns, by their heading as written, so nothing the membership secretary kept is lost."""


@dataclass(frozen=True)
class RowProblem:
    """One reason a register cannot be imported as it stands.

    ``line`` is None for a problem with the whole file (no headings, binary junk, unreadable workbook).
    The reason is a catalogue message, so the wizard, the register dialog and ``coopvote --lang cy new``
    show it in the language of whoever reads it.
    """

    line: int | None
    column: str | None
    reason: Message
    source: str = ""
    unit: Literal["line", "row"] = "line"

    def render(self, language: Language | None = None) -> str:
        """"register.csv, line 6, column “number”: the membership number is empty", in ``language``."""
        language = language or current_language()
        if language == "both":
            return welsh_then_english(self.render("cy"), self.render("en"))
        where = [self.source] if self.source else []
        if self.line is not None:
            where.append(at(self.unit, self.line).render(language))
        if self.column:
            where.append(message("register.in_column", column=self.column).render(language))
        reason = self.reason.render(language)
        return f"{', '.join(where)}: {reason}" if where else reason

    def __str__(self) -> str:
        return self.render()


def at(unit: Literal["line", "row"], line: int) -> Message:
    """"line 6" (a text file's line) or "row 6" (a spreadsheet's row), in the reader's language."""
    return message("register.at_row", line=line) if unit == "row" else message("register.at_line", line=line)


@dataclass
class RegisterPreview:
    """What a register would import as, shown to the returning officer before anything is saved."""

    filename: str
    format: Literal["csv", "xlsx"]
    rows: list[RegisterRow] = field(default_factory=list)
    errors: list[RowProblem] = field(default_factory=list)
    warnings: list[Message] = field(default_factory=list)
    """Notes worth a look before importing (nothing wrong): catalogue messages, shown in the reader's language."""
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None
    columns: dict[str, str] = field(default_factory=dict)
    """Which heading in the file was taken for each field (``"number" -> "Rhif aelodaeth"``)."""

    @property
    def ok(self) -> bool:
        return not self.errors

    def members_by_class(self, *, active_only: bool = True) -> dict[str, int]:
        """Head-counts per class code, the base a quorum is computed from (lapsed members excluded)."""
        counts: dict[str, int] = {}
        for row in self.rows:
            if not active_only or (row.status == "active" and row.vote_value > 0):
                counts[row.class_code] = counts.get(row.class_code, 0) + 1
        return counts

    def raise_if_bad(self, limit: int = 10) -> None:
        """Raise one ``InputError`` listing the first problems, for callers that cannot show a list."""
        if self.ok:
            return
        shown: list[RowProblem | Message] = list(self.errors[:limit])
        more = len(self.errors) - len(shown)
        if more:
            shown.append(message("register.more_problems", more=more))
        listed = Bilingual(*("\n  ".join(item.render(language) for item in shown) for language in ("cy", "en")))
        raise InputError("register.cannot_import", filename=self.filename, count=len(self.errors), problems=listed)




def listed(problems: Sequence[RowProblem], separator: str = "; ") -> Bilingual:
    """Problems joined for one message, each language in its own words (a refusal raised with them)."""
    return Bilingual(*(separator.join(problem.render(language) for problem in problems) for language in ("cy", "en")))
