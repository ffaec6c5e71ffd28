"""Every Welsh string coopvote holds uses the terms of docs/welsh-terms.toml, so a wording the Welsh
reviewer struck out cannot come back unnoticed.

Walked: the Welsh of the app's .ts files, and every string literal in the package (welsh.py, the ballot
texts, the report wording, the resolution texts, quorum, the service's Welsh messages, ...). English strings
are walked too: none of the avoided Welsh words is an English word, and walking everything means a Welsh
string added in a new module is checked without anyone listing the module here.
"""

from __future__ import annotations

import ast
import re
import tomllib
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest

from coopvote.messages import catalogue

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "coopvote"
TERMS = ROOT / "docs" / "welsh-terms.toml"


@dataclass(frozen=True)
class Term:
    english: str
    use: str
    avoid: tuple[re.Pattern[str], ...]
    allow: tuple[re.Pattern[str], ...]

    def breaches(self, text: str) -> list[str]:
        """The avoided wordings in ``text`` that no allowed wording covers, read as a person reads them: a
        Qt mnemonic's '&' ("Dile&u") splits the word for the pattern but not for the eye."""
        text = without_mnemonics(text)
        allowed = [match.span() for pattern in self.allow for match in pattern.finditer(text)]
        found = []
        for pattern in self.avoid:
            for match in pattern.finditer(text):
                if not any(start <= match.start() and match.end() <= end for start, end in allowed):
                    found.append(match.group(0))
        return found


def without_mnemonics(text: str) -> str:
    """The text with Qt's mnemonic marks taken out ('&&' is a literal '&' and stays one)."""
    return "&".join(part.replace("&", "") for part in text.split("&&"))


def load_terms() -> list[Term]:
    table = tomllib.loads(TERMS.read_text(encoding="utf-8"))
    return [
        Term(
            entry["english"],
            entry["use"],
            tuple(re.compile(pattern, re.IGNORECASE) for pattern in entry["avoid"]),
            tuple(re.compile(pattern, re.IGNORECASE) for pattern in entry.get("allow", [])),
        )
        for entry in table["term"]
    ]


def literal_text(node: ast.JoinedStr) -> str:
    """An f-string as its reader sees it, each inserted value shown as ``{value}``."""
    return "".join(part.value if isinstance(part, ast.Constant) and isinstance(part.value, str) else "{value}"
                   for part in node.values)


def python_strings(path: Path) -> list[tuple[int, str]]:
    """(line, text) of every string literal in a module, f-strings whole."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    inside_fstrings = {id(part) for node in ast.walk(tree) if isinstance(node, ast.JoinedStr) for part in node.values}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            found.append((node.lineno, literal_text(node)))
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in inside_fstrings:
            found.append((node.lineno, node.value))
    return found


def ts_translations(path: Path) -> list[tuple[str, str]]:
    """(English source, Welsh translation) of every message in a .ts file."""
    found = []
    for message in ET.parse(path).getroot().iter("message"):
        found.append((message.findtext("source") or "", message.findtext("translation") or ""))
    return found


def every_string() -> list[tuple[str, str]]:
    """(where, text) for every string the package holds, and the Welsh of its translation files."""
    found = [
        (f"{path.relative_to(ROOT)}:{line}", text)
        for path in sorted(PACKAGE.rglob("*.py"))
        for line, text in python_strings(path)
    ]
    for ts in sorted((PACKAGE / "ui" / "i18n").glob("*_cy.ts")):
        found += [(f"{ts.relative_to(ROOT)} [{source[:40]!r}]", welsh) for source, welsh in ts_translations(ts)]
    for key, entry in catalogue().items():  # the message catalogue's Welsh (coopvote/resources/messages)
        found.append((f"message {key}", entry.cy))
    return found


def test_the_term_table_is_readable_and_every_pattern_is_used_for_something() -> None:
    terms = load_terms()
    assert len(terms) >= 15
    for term in terms:
        assert term.avoid, f"{term.english}: nothing to avoid"
        assert term.use.strip(), f"{term.english}: no Welsh to use"


@pytest.mark.parametrize(
    ("text", "english"),
    [
        ("Cyhoeddwyd gan:", "declare, declaration"),
        ("Rhowch enw'r sawl sy'n cyhoeddi'r canlyniad.", "declare, declaration"),
        ("Canlyniad wedi'i gyhoeddi", "declare, declaration"),
        ("Pleidleisiwch un waith yn unig.", "vote once only"),
        ("Ni etholwyd neb", "nobody was elected"),
        ("Setlwyd y cyfartaledd yng ngham 2", "tie"),
        ("Penderfyniad cyfar&tal:", "tie"),
        ("Cworwm (0 am ddim):", "none (0 for none)"),
        ("Copi wrth gefn olaf: 10:42", "most recent (last backup, last code read, last scan)"),
        ("Does dim pleidlais ar agor.", "there is no"),
        ("%1 wedi'i ethol yng ngham %2", "elected, excluded (after a name)"),
        ("Y cyntaf heibio'r postyn", "first past the post"),
        ("Pleidlais Sengl Drosglwyddadwy (ERS97)", "single transferable vote"),
        ("(Gregory pwysol)", "weighted inclusive Gregory"),
        ("Dileu'r papur", "void"),
        ("Dile&u'r papur a ddifethwyd", "void"),
        ("Dileu papur", "void"),
        ("Ydych chi am ddileu'r papur?", "void"),
        ("Mae papur pleidleisio wedyn angen ei farciau", "needs (formal)"),
        ("Mynnodd Aled bleidlais ar bapur.", "demand a poll"),
    ],
)
def test_the_table_catches_the_reviewers_examples(text: str, english: str) -> None:
    caught = [term.english for term in load_terms() if term.breaches(text)]
    assert caught == [english]


@pytest.mark.parametrize(
    "text",
    ["Datganwyd gan:", "Dewisodd y cadeirydd gyhoeddi ffigurau dosbarthiadau bach", "Y golofn olaf: cyfran",
     "Pleidleisiwch unwaith yn unig.", "Nid etholwyd neb", "Etholwyd %1 yng ngham %2",
     "Pleidlais sengl drosglwyddadwy (Gregory cynhwysol pwysol)", "Nid oes pleidlais ar agor.",
     "Rhif aelodaeth", "rhif aelod", "Dirym&u'r papur a ddifethwyd", "Telerau && Amodau", "&Dileu",
     "Methu dileu'r ffolder."],
)
def test_the_table_lets_the_right_wordings_through(text: str) -> None:
    assert [term.english for term in load_terms() if term.breaches(text)] == []


def test_no_welsh_string_uses_a_term_the_table_rules_out() -> None:
    terms = load_terms()
    strings = every_string()
    assert len(strings) > 2000  # the walk found the package, not an empty folder
    wrong = [
        f"{where}: {found!r} ({term.english}: use {term.use})"
        for where, text in strings
        for term in terms
        for found in term.breaches(text)
    ]
    assert wrong == [], "\n".join(wrong)
