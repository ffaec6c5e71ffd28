"""What a count did, as a catalogue key and its parameters, beside the English sentence the rule wrote.

A rule writes ``Note("exclusion of Aled Jones: lowest vote", "notes.excluded_lowest", candidate="Aled Jones")``.
The key names an entry of the message catalogue (``coopvote/resources/messages/notes.toml``), which holds the
note's only wording, Welsh and English; whoever shows a note to a person words it from there, through
``coopvote.messages.note_message``. Nothing here words anything.

The English the rule passes is the note's plain record, not its wording: results.json keeps it (a stage's
``description``, a tie's ``how``, the ``notes``) beside the keyed form, so an archive stays readable by
anything that reads text, the plain stage table (``report.stage_table``) prints it, and a note whose key a
later catalogue no longer has is still shown in the words it was counted with.
"""

from __future__ import annotations

from typing import Any


class Note(str):
    """An English sentence from a counting rule that also says, as data, what happened.

    ``key`` is the note's name as results.json keeps it, without its catalogue area (``AREA``): the rule
    names the whole catalogue key, and whatever compares keys (the service's publishing, older archives)
    sees the one form every version has written.
    """

    key: str
    params: dict[str, Any]

    def __new__(cls, english: str, key: str, **params: Any) -> Note:
        note = super().__new__(cls, english)
        note.key = stored_key(key)
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


AREA = "notes."
"""The catalogue area of every note key. results.json keeps a key without it, as every version has written
it ("excluded_lowest"), so archives keep one form; ``coopvote.messages.note_message`` adds it back."""


def stored_key(key: str) -> str:
    return key[len(AREA):] if key.startswith(AREA) else key


def _plain(value: Any) -> Any:
    """A parameter as results.json holds it: notes as their keyed form, lists element by element."""
    if isinstance(value, Note):
        return keyed(value)
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value
