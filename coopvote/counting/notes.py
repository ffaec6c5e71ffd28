"""What a count did, as a key and its parameters beside the English sentence the rules always wrote.

A rule writes ``Note("exclusion of Aled Jones: lowest vote", "excluded_lowest", candidate="Aled Jones")``:
the note *is* the English string (so every reader of descriptions, notes and tie records goes on working),
and also carries ``key`` and ``params`` so the reports can word it in Welsh and English from one table
(``coopvote.reports.note_wording``) instead of printing the rule's English under a Welsh heading.
"""

from __future__ import annotations

from typing import Any


class Note(str):
    """An English sentence from a counting rule that also says, as data, what happened."""

    key: str
    params: dict[str, Any]

    def __new__(cls, english: str, key: str, **params: Any) -> Note:
        note = super().__new__(cls, english)
        note.key = key
        note.params = params
        return note

    def __reduce__(self) -> tuple[Any, ...]:
        return (_remake, (str(self), self.key, self.params))


def _remake(english: str, key: str, params: dict[str, Any]) -> Note:
    return Note(english, key, **params)


def keyed(value: object) -> dict[str, Any] | None:
    """The structured form of a note for results.json: ``{"key": ..., **params}``, or None for plain text.

    A parameter that is itself a note (the reason inside an ERS97 stage, the lot inside a tie) is kept in
    its structured form too, as is a list of notes (the clauses that follow a stage's description), so the
    reports can word every part, not only the outside.
    """
    if isinstance(value, Note):
        return {"key": value.key, **{name: _plain(param) for name, param in value.params.items()}}
    return None


def _plain(value: Any) -> Any:
    """A parameter as results.json holds it: notes as their keyed form, lists element by element."""
    if isinstance(value, Note):
        return keyed(value)
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value
