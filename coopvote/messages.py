"""Every message coopvote shows a person, in Welsh and English, from one catalogue.

A message is a key and its parameters, never a finished English sentence: the words live in the catalogue
(``coopvote/resources/messages/*.toml``), one entry per key with its ``cy`` and ``en`` text, and are put
together only when someone is about to read them, in the language they read. That is what lets the desk
see a refusal in Welsh, the command line print both (Welsh first) and a printed declaration carry each
half in its own language, from one raise in the service. ``docs/messages.md`` says how to add one.

A template is Python's ``str.format`` with named fields, plus grammar marks for the places where Welsh and
English differ in more than words (see ``coopvote.welsh``):

- ``{count:#papur}`` / ``{count:#paper|papers}``: a number and its noun (Welsh keeps the singular after a
  numeral; English takes the plural after anything but 1);
- ``{names:and}``: a list joined as the language joins one ("Aled, Mair ac Eirlys" / "Aled, Mair and Eirlys");
- ``{word:soft}``: a Welsh common word that coopvote itself inserts after a mutation trigger;
- ``{reasons:clauses}`` / ``{also:more}``: a list of messages, each in the language, joined by semicolons
  (``more`` puts one before the first too, and is nothing for an empty list: clauses that follow a sentence).

The counting rules' notes are in the same catalogue (``notes.*``): ``note_message`` turns a note, as a rule
made it or as results.json keeps it, into a ``Message``.

A parameter may itself be a ``Message`` or a ``Bilingual`` pair (a class's Welsh and English names): each
language's text takes that language's words. Anything else is shown as it is (names, numbers, serials).

Which language ``str()`` of a message (or of an error) gives is the process's reading language, set once by
whoever shows text to a person: the app when its language changes, the command line from ``--lang``. It is
English until set, so logs and tests that read English keep reading English.

This module imports only ``coopvote.welsh``, so every layer may use it.
"""

from __future__ import annotations

import re
import string
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any, Literal, NamedTuple, get_args

from coopvote import welsh

Language = Literal["cy", "en", "both"]
LANGUAGES: tuple[Language, ...] = get_args(Language)
KEY = re.compile(r"[a-z][a-z0-9_]*(\.[a-z0-9_]+)+")
"""A catalogue key: dotted lower-case words, the first naming the area ("desk.proxy_limit")."""

_reading_language: list[Language] = ["en"]


def set_language(language: str) -> None:
    """The language ``str()`` of a message or an error gives from now on ("cy", "en" or "both")."""
    if language not in LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(LANGUAGES)}, not {language!r}")
    _reading_language[0] = language  # type: ignore[assignment]  # checked just above


def current_language() -> Language:
    return _reading_language[0]


def welsh_then_english(welsh_text: str, english_text: str) -> str:
    """Both languages as the command line and "both" show them: the Welsh line, then the English (once if equal)."""
    return welsh_text if welsh_text == english_text else f"{welsh_text}\n{english_text}"


class Bilingual(NamedTuple):
    """A value with a Welsh and an English form, such as a membership class's two names."""

    cy: str
    en: str

    def __str__(self) -> str:
        return render_value(self, current_language())


@dataclass(frozen=True)
class Entry:
    """One catalogue entry: the Welsh and English templates of a key."""

    key: str
    cy: str
    en: str

    def fields(self) -> set[str]:
        """The parameter names the templates use (both must use the same ones)."""
        return _fields(self.cy) | _fields(self.en)


def _fields(template: str) -> set[str]:
    return {name.split(".")[0].split("[")[0] for _, name, _, _ in string.Formatter().parse(template) if name}


class CatalogueError(ValueError):
    """The catalogue itself is wrong (a missing language, a placeholder in one language only): a build fault."""


def _entries_of(table: Mapping[str, Any], prefix: str, source: str) -> Iterable[Entry]:
    for name, value in table.items():
        key = f"{prefix}.{name}" if prefix else name
        if not isinstance(value, dict):
            raise CatalogueError(f"{source}: {key} is not a table of cy and en texts")
        if "cy" in value or "en" in value:
            cy, en = value.get("cy"), value.get("en")
            if not isinstance(cy, str) or not isinstance(en, str) or not cy.strip() or not en.strip():
                raise CatalogueError(f"{source}: {key} must have both a Welsh (cy) and an English (en) text")
            extra = set(value) - {"cy", "en", "note"}
            if extra:
                raise CatalogueError(f"{source}: {key} has unknown fields {sorted(extra)}")
            entry = Entry(key, cy, en)
            if _fields(cy) != _fields(en):
                raise CatalogueError(
                    f"{source}: {key}: the Welsh uses {sorted(_fields(cy))} but the English {sorted(_fields(en))}"
                )
            yield entry
        else:
            yield from _entries_of(value, key, source)


@cache
def catalogue() -> Mapping[str, Entry]:
    """Every entry, read once from the package's ``resources/messages`` folder."""
    folder = resources.files("coopvote") / "resources" / "messages"
    entries: dict[str, Entry] = {}
    for item in sorted(folder.iterdir(), key=lambda path: path.name):
        if not item.name.endswith(".toml"):
            continue
        table = tomllib.loads(item.read_text(encoding="utf-8"))
        for entry in _entries_of(table, "", item.name):
            if not KEY.fullmatch(entry.key):
                raise CatalogueError(f"{item.name}: {entry.key} is not a dotted lower-case key")
            if entry.key in entries:
                raise CatalogueError(f"{item.name}: {entry.key} is defined twice")
            entries[entry.key] = entry
    return entries


def is_key(text: str) -> bool:
    return KEY.fullmatch(text) is not None


@dataclass(frozen=True)
class Message:
    """A key and its parameters: words only when rendered, in the language asked for."""

    key: str
    params: Mapping[str, Any] = field(default_factory=dict)
    plain: str | None = None
    """Text that is already words and has no catalogue entry (a library's own message passed through)."""

    @classmethod
    def text(cls, words: str) -> Message:
        """Words that are the same in every language (a path, a library's message): shown as given."""
        return cls(key="", plain=words)

    def render(self, language: Language | None = None) -> str:
        language = language or current_language()
        if language == "both":
            return welsh_then_english(self.render("cy"), self.render("en"))
        if self.plain is not None:
            return self.plain
        entry = catalogue().get(self.key)
        if entry is None:  # a fault in coopvote, but the person must still read something useful
            shown = ", ".join(f"{name}={render_value(value, language)}" for name, value in self.params.items())
            return f"{self.key} ({shown})" if shown else self.key
        template = entry.cy if language == "cy" else entry.en
        return _Formatter(language).vformat(template, (), _Defaulting(self.params))

    def __str__(self) -> str:
        return self.render()


def message(key: str, **params: Any) -> Message:
    """A catalogue message; an unknown key is a fault in coopvote, so it fails at once in tests."""
    if key not in catalogue():
        raise KeyError(f"no message {key!r} in the catalogue (coopvote/resources/messages)")
    return Message(key, params)


def render_value(value: Any, language: Language) -> str:
    if isinstance(value, Message):
        return value.render(language)
    if isinstance(value, Bilingual):
        if language == "both":
            return value.cy if value.cy == value.en else f"{value.cy} / {value.en}"
        return (value.cy or value.en) if language == "cy" else (value.en or value.cy)
    return str(value)


class _Defaulting(dict[str, Any]):
    """Parameters for ``format_map``: a field nobody passed stays visible as ``{name}`` instead of failing."""

    def __missing__(self, name: str) -> str:
        return "{" + name + "}"


def _english_list(names: Sequence[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"


class _Formatter(string.Formatter):
    def __init__(self, language: Language) -> None:
        super().__init__()
        self.language = language

    def get_value(self, key: int | str, args: Sequence[Any], kwargs: Mapping[str, Any]) -> Any:
        return kwargs[key] if isinstance(key, str) else args[key]

    def format_field(self, value: Any, format_spec: str) -> str:
        if format_spec.startswith("#"):
            nouns = format_spec[1:].split("|")
            number = int(value)
            if self.language == "cy":
                return welsh.count(number, nouns[0])
            noun = nouns[0] if number == 1 or len(nouns) == 1 else nouns[1]
            return f"{number:,} {noun}"
        if format_spec == "and":
            names = [render_value(name, self.language) for name in ([value] if isinstance(value, str) else value)]
            return welsh.and_list(names) if self.language == "cy" else _english_list(names)
        if format_spec in ("clauses", "more"):
            said = [render_value(part, self.language) for part in ([value] if isinstance(value, str) else value)]
            if format_spec == "more":
                return "".join(f"; {part}" for part in said)
            return "; ".join(said)
        if format_spec == "soft":
            words = render_value(value, self.language)
            return welsh.soft(words) if self.language == "cy" else words
        if isinstance(value, (Message, Bilingual)):
            value = render_value(value, self.language)
        return super().format_field(value, format_spec)


SHORT_NOTE_KEYS: Mapping[str, str] = {
    "privacy_merged": "notes.privacy_merged",
    "privacy_withheld": "notes.privacy_withheld",
    "privacy_small_band": "notes.privacy_small_band",
    "excluded_reserved": "notes.excluded_reserved",
    "quota_but_reserved": "notes.quota_but_reserved",
    "meek_label_places": "notes.meek_label_places",
}
"""Note keys written without their ``notes.`` area: by results.json of earlier versions (every note key was
short then; these few are the ones no rule writes any more) and by the service's publishing notes, which still
write them short. Any other short key is read the same way, by adding ``notes.``."""


def _note_key(key: str) -> str | None:
    """The catalogue key of a note's key, whichever version wrote it; None if the catalogue has no words for it."""
    for candidate in (key, SHORT_NOTE_KEYS.get(key, ""), f"notes.{key}"):
        if candidate in catalogue():
            return candidate
    return None


def _note_like(value: Any) -> bool:
    """A note as a counting rule makes it (``counting.notes.Note``: a key and params) or as results.json keeps it."""
    if isinstance(value, Message):
        return True
    if isinstance(value, Mapping):
        return "key" in value
    return isinstance(getattr(value, "key", None), str) and isinstance(getattr(value, "params", None), Mapping)


def _note_param(value: Any) -> Any:
    if _note_like(value):
        return note_message(value)
    if isinstance(value, list | tuple):
        return [_note_param(part) for part in value]
    return value


def note_message(note: Any, english: str | None = None) -> Message:
    """A counting note as a catalogue message: nested notes (a reason inside a stage) become nested messages.

    ``note`` is a rule's ``Note``, its keyed form in results.json (``{"key": ..., **params}``), or None for a
    note stored with no key by an earlier version; ``english`` is the text stored beside it. A note whose key
    the catalogue does not know (or that has none) keeps that text, marked in Welsh as English only
    (``notes.plain``), so an old archive is always read, never refused.
    """
    if isinstance(note, Message):
        return note
    if isinstance(note, Mapping):
        key, params = str(note.get("key", "")), {name: value for name, value in note.items() if name != "key"}
    elif _note_like(note):
        key, params = note.key, dict(note.params)
    else:
        key, params = "", {}
    if english is None and note is not None and not isinstance(note, Mapping):
        english = str(note)
    known = _note_key(key) if key else None
    if known is None:
        return Message("notes.plain", {"text": english if english is not None else key})
    ready = {name: _note_param(value) for name, value in params.items()}
    if "also" in catalogue()[known].fields():
        ready.setdefault("also", [])
    return Message(known, ready)
