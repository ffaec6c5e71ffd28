"""What the mark reader said about a queued sheet, as the record keeps it and as the tellers read it.

A sheet that goes to a person is kept with the reader's reasons and notes as catalogue keys and parameters
(``reading["reason_keys"]`` and each question's ``"note_keys"``), never as finished English, so the queue on a
Welsh screen and ``coopvote --lang cy adjudicate`` read them in Welsh. Sheets queued before that keep their
English words (``PendingSheet.reasons``, each question's ``"notes"``): those are shown as they were stored.

Nothing here names a time or a member: the parameters are option names and preference numbers from the
paper itself (docs/records.md, a pending sheet links to no one).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from coopvote.messages import Bilingual, Message

StoredWords = list[dict[str, Any]]
"""``[{"key": "omr.doubtful_mark", "params": {}}, ...]``; words with no catalogue entry as ``{"text": ...}``."""


def stored(words: Iterable[Message]) -> StoredWords:
    """Messages as plain JSON for the record."""
    kept: StoredWords = []
    for words_said in words:
        if words_said.plain is not None:
            kept.append({"text": words_said.plain})
        else:
            kept.append({"key": words_said.key,
                         "params": {name: _stored_value(value) for name, value in words_said.params.items()}})
    return kept


def _stored_value(value: Any) -> Any:
    """A parameter as JSON: a nested message or a Welsh/English pair keeps both its languages."""
    if isinstance(value, Message):
        return {"message": stored([value])[0]}
    if isinstance(value, Bilingual):
        return {"cy": value.cy, "en": value.en}
    return value


def _read_value(value: Any) -> Any:
    if isinstance(value, dict) and "message" in value:
        return from_stored([value["message"]])[0]
    if isinstance(value, dict) and set(value) == {"cy", "en"}:
        return Bilingual(str(value["cy"]), str(value["en"]))
    return value


def from_stored(entries: Iterable[Mapping[str, Any]]) -> list[Message]:
    said = []
    for entry in entries:
        if "key" in entry:
            params = {name: _read_value(value) for name, value in (entry.get("params") or {}).items()}
            said.append(Message(str(entry["key"]), params))
        else:
            said.append(Message.text(str(entry.get("text", ""))))
    return said


def reasons_said(reasons: Sequence[str], reading: Mapping[str, Any]) -> list[Message]:
    """Why the reader sent the sheet to a person; an older sheet's English reasons as they were stored."""
    keys = reading.get("reason_keys")
    if keys is None:
        return [Message.text(str(reason)) for reason in reasons]
    return from_stored(keys)


def notes_said(reading: Mapping[str, Any]) -> list[Message]:
    """The reader's notes (which box, which preference), then its detail on an unreadable page."""
    notes: list[Message] = []
    for question in reading.get("questions", []) or []:
        if "note_keys" in question:
            notes += from_stored(question["note_keys"])
        else:
            notes += [Message.text(str(note)) for note in question.get("notes", [])]
    if reading.get("detail_key"):
        notes += from_stored(reading["detail_key"])
    elif reading.get("detail"):
        notes.append(Message.text(str(reading["detail"])))
    return notes
