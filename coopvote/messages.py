"""Every message coopvote shows a person, in Welsh and English, from one catalogue.

A message is a key and its parameters, never a finished English sentence: the words live in the catalogue
(``coopvote/resources/messages/*.toml``), one entry per key with its ``cy`` and ``en`` text, and are put
together only when someone is about to read them, in the language they read. That is what lets the desk
see a refusal in Welsh, the command line print both (Welsh first) and a printed declaration carry each
half in its own language, from one raise in the service. ``docs/messages.md`` says how to add one.

A template is Python's ``str.format`` with named fields, plus three grammar marks for the places where
Welsh and English differ in more than words (see ``coopvote.welsh``):

- ``{count:#papur}`` / ``{count:#paper|papers}``: a number and its noun (Welsh keeps the singular after a
  numeral; English takes the plural after anything but 1);
- ``{names:and}``: a list joined as the language joins one ("Aled, Mair ac Eirlys" / "Aled, Mair and Eirlys");
- ``{word:soft}``: a Welsh common word that coopvote itself inserts after a mutation trigger.

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
            welsh_text, english_text = self.render("cy"), self.render("en")
            return welsh_text if welsh_text == english_text else f"{welsh_text}\n{english_text}"
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
            names = [render_value(name, self.language) for name in value]
            return welsh.and_list(names) if self.language == "cy" else _english_list(names)
        if format_spec == "soft":
            words = render_value(value, self.language)
            return welsh.soft(words) if self.language == "cy" else words
        if isinstance(value, (Message, Bilingual)):
            value = render_value(value, self.language)
        return super().format_field(value, format_spec)
