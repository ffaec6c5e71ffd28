"""The desk's two touches of advance voting: what a member already voted on, and a directed proxy form.

Kept beside ``desk.py`` (which composes them into the member panel and the proxy box) so the desk screen
stays one readable module; the words are in the desk's translation context.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from coopvote.errors import InputError
from coopvote.ui.look import arg


def _tr(text: str) -> str:
    return QCoreApplication.translate("DeskPage", text)


def voted_before_lines(advance: Any, number: str) -> list[str]:
    """What the member voted on before the meeting: the desk must see it at once, before handing a paper."""
    if advance is None:
        return []
    standing = advance.standing(number)
    lines = []
    if standing.advance_items:
        lines.append(arg(_tr("VOTED IN ADVANCE on item(s) %1: no paper for these"),
                         ", ".join(map(str, standing.advance_items))))
    if standing.directed_items:
        lines.append(arg(_tr("VOTED BY DIRECTED PROXY on item(s) %1: no paper for these"),
                         ", ".join(map(str, standing.directed_items))))
    return lines


def enter_directed_form(advance: Any, number: str, holder: str | None, directions: str) -> list[str]:
    """The signed form's directions ("1=for; 2=3,1,2") go straight into the count: nothing keeps them against
    the member. Returns the service's notes (items the proxy is void for)."""
    from coopvote.service.advance_rules import parse_directions

    entries = [part for part in directions.replace("\n", ";").split(";") if part.strip()]
    if not entries:
        raise InputError(_tr("Type the form's directions, such as 1=for; 2=3,1,2; 3=discretion."))
    notes: list[str] = advance.enter_directed_proxy(number, holder, parse_directions(entries))
    return notes
