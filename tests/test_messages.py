"""The message catalogue: every key has Welsh and English that differ, every raise in the package names a key
that exists with the parameters its words use, and a message reads right in each language.

The walk over the package is what keeps it so: an English sentence written straight into a ``raise`` (an
f-string, a literal that is not a key, a ``+`` or ``.format`` of words) fails here with its file and line.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

import coopvote
from coopvote import messages
from coopvote.errors import CoopvoteError, InputError, RuleError
from coopvote.messages import Bilingual, Message, catalogue, message

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "coopvote"

STILL_ENGLISH: dict[str, int] = {}
"""Files whose raises still carry English sentences, and how many: empty now that every message is keyed, so a
new English sentence in a raise fails the test. (It listed the files left to convert while the catalogue grew.)
"""


def _error_class_names() -> set[str]:
    """Names of every CoopvoteError class in the package (imports each core module; the app's need Qt)."""
    for info in pkgutil.walk_packages(coopvote.__path__, "coopvote."):
        if ".ui" in info.name or info.name.endswith("__main__"):
            continue
        importlib.import_module(info.name)
    found: set[str] = set()
    pending: list[type] = [CoopvoteError]
    while pending:
        kind = pending.pop()
        found.add(kind.__name__)
        pending.extend(kind.__subclasses__())
    return found


@dataclass(frozen=True)
class Raise:
    path: str
    line: int
    first: ast.expr | None
    keywords: tuple[str, ...]
    spreads: bool

    def where(self) -> str:
        return f"{self.path}:{self.line}"


def _calls(names: set[str]) -> Iterator[Raise]:
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            called = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
            if called not in names:
                continue
            keywords = tuple(k.arg for k in node.keywords if k.arg is not None)
            yield Raise(str(path.relative_to(ROOT)), node.lineno, node.args[0] if node.args else None, keywords,
                        any(k.arg is None for k in node.keywords))


def _is_words(expr: ast.expr | None) -> bool:
    """An English sentence built in place: an f-string, a literal that is not a key, ``+`` or ``.format``."""
    if isinstance(expr, ast.JoinedStr | ast.BinOp):
        return True
    if isinstance(expr, ast.Constant) and isinstance(expr.value, str):
        return not messages.is_key(expr.value)
    return bool(isinstance(expr, ast.Call) and isinstance(expr.func, ast.Attribute) and expr.func.attr == "format")


@pytest.fixture(scope="module")
def error_calls() -> list[Raise]:
    return list(_calls(_error_class_names()))


def test_every_entry_has_welsh_and_english_that_differ() -> None:
    entries = catalogue()
    assert entries, "the catalogue is empty"
    same = [key for key, entry in entries.items() if entry.cy.strip().lower() == entry.en.strip().lower()]
    assert not same, f"Welsh identical to English (not translated): {same}"


def test_raises_name_keys_that_exist_with_the_parameters_their_words_use(error_calls: list[Raise]) -> None:
    problems = []
    for call in error_calls:
        first = call.first
        if isinstance(first, ast.Constant) and isinstance(first.value, str) and messages.is_key(first.value):
            entry = catalogue().get(first.value)
            if entry is None:
                problems.append(f"{call.where()}: no catalogue entry {first.value!r}")
            elif not call.spreads and set(call.keywords) != entry.fields():
                problems.append(f"{call.where()}: {first.value} passes {sorted(call.keywords)}, "
                                f"its words use {sorted(entry.fields())}")
    assert not problems, "\n".join(problems)


def test_no_raise_carries_an_english_sentence_outside_the_shrinking_list(error_calls: list[Raise]) -> None:
    counts: dict[str, list[str]] = {}
    for call in error_calls:
        if _is_words(call.first):
            counts.setdefault(call.path, []).append(call.where())
    wrong = {path: len(sites) for path, sites in counts.items() if len(sites) != STILL_ENGLISH.get(path, 0)}
    gone = {path: 0 for path in STILL_ENGLISH if path not in counts}
    assert not wrong and not gone, (
        "raises with English sentences instead of catalogue keys (docs/messages.md) differ from STILL_ENGLISH:\n"
        + "\n".join(f"  {path}: {n} now, listed {STILL_ENGLISH.get(path, 0)}: {counts.get(path, [])[:5]}"
                    for path, n in {**wrong, **gone}.items())
    )


def test_every_key_is_used_somewhere_in_the_package() -> None:
    source = "\n".join(path.read_text(encoding="utf-8") for path in PACKAGE.rglob("*.py"))
    unused = [key for key in catalogue() if f'"{key}"' not in source and f"'{key}'" not in source]
    assert not unused, f"catalogue keys no code names (remove them, or name them in code): {unused}"


SAMPLE_NAMES = ("Mair Jones", "Gareth Evans", "Eirlys")
NUMBERS = (1, 2, 3, 6, 20)
SAMPLE_CLAUSES = ("notes.ers97_fewest", "notes.ers97_largest_surplus", "notes.ers97_places_for_limits")


def _sample(entry: messages.Entry, number: int) -> dict[str, object]:
    params: dict[str, object] = {}
    for template in (entry.cy, entry.en):
        for _, name, spec, _ in __import__("string").Formatter().parse(template):
            if not name:
                continue
            if spec and spec.startswith("#"):
                params[name] = number
            elif spec == "and":
                params[name] = list(SAMPLE_NAMES[: 1 + number % 3])
            elif spec in ("clauses", "more"):  # a list of messages: a stage's reasons, the clauses after it
                params[name] = [Message(key, {}) for key in SAMPLE_CLAUSES[: number % 4]]
            else:
                params.setdefault(name, SAMPLE_NAMES[number % 3] if not spec else number)
    return params


@pytest.mark.parametrize("number", NUMBERS)
def test_every_entry_renders_whole_in_each_language(number: int) -> None:
    for key, entry in catalogue().items():
        words = Message(key, _sample(entry, number))
        for language in ("cy", "en"):
            text = words.render(language)
            assert "{" not in text and "}" not in text, f"{key} ({language}) left a gap: {text}"


def test_welsh_first_when_both_and_parameters_take_each_languages_words() -> None:
    words = message("cli.interrupted")
    both = words.render("both").splitlines()
    assert both == [words.render("cy"), words.render("en")]
    assert both[0] != both[1]
    pair = Bilingual(cy="Gweithwyr", en="Employees")
    assert messages.render_value(pair, "cy") == "Gweithwyr"
    assert messages.render_value(pair, "en") == "Employees"


def test_grammar_marks_in_templates() -> None:
    formatter_cy = messages._Formatter("cy")
    formatter_en = messages._Formatter("en")
    assert formatter_cy.format("{n:#papur}", n=3) == "3 papur"
    assert formatter_en.format("{n:#paper|papers}", n=1) == "1 paper"
    assert formatter_en.format("{n:#paper|papers}", n=20) == "20 papers"
    assert formatter_cy.format("{names:and}", names=["Mair", "Aled"]) == "Mair ac Aled"
    assert formatter_en.format("{names:and}", names=["Mair", "Aled", "Eirlys"]) == "Mair, Aled and Eirlys"
    assert formatter_cy.format("drwy {word:soft}", word="coelbren") == "drwy goelbren"


def test_error_text_follows_the_reading_language() -> None:
    error = RuleError("cli.interrupted")
    assert str(error) == message("cli.interrupted").render("en")
    messages.set_language("cy")
    assert str(error) == message("cli.interrupted").render("cy")
    assert error.args == (message("cli.interrupted").render("en"),)
    messages.set_language("en")
    assert InputError("a file's own words, passed through").render("cy") == "a file's own words, passed through"


def test_command_line_prints_errors_in_the_language_asked_for(tmp_path: Path) -> None:
    missing = tmp_path / "nothing-here.zip"
    runs = {}
    for lang in ("cy", "en", "both"):
        done = subprocess.run([sys.executable, "-m", "coopvote", "--lang", lang, "verify", str(missing)],
                              capture_output=True, text=True, cwd=ROOT, timeout=120)
        assert done.returncode != 0
        runs[lang] = [line for line in done.stderr.splitlines() if line.startswith("coopvote: ")]
    assert runs["cy"] and runs["en"] and runs["cy"] != runs["en"]
    assert "nothing-here.zip" in runs["cy"][0] and "nothing-here.zip" in runs["en"][0]
    assert runs["both"] == runs["cy"] + runs["en"]
