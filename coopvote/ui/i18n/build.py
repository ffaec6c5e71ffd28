"""Regenerate the app's translations: ``python -m coopvote.ui.i18n.build [--check]``.

1. ``pyside6-lupdate`` collects every ``self.tr`` / ``QCoreApplication.translate`` /
   ``QT_TRANSLATE_NOOP`` string from ``coopvote/ui/*.py`` into ``coopvote_cy.ts`` and ``coopvote_en.ts``.
2. Welsh comes from ``welsh.py`` (English source -> Welsh), kept as Python so a reviewer can read and
   correct it in one place and a missing string shows up in review; English is the source itself.
3. ``pyside6-lrelease`` compiles both to ``.qm`` (shipped in the package).
4. Qt's own words (standard buttons, text fields' menus, the file chooser): ``qtbase_cy.ts`` is written
   from ``welsh_qt.py`` and compiled to ``qtbase_cy.qm``, which the app loads beside its own when Welsh,
   since Qt ships no Welsh of its own.

``--check`` fails (exit 1) if any string has no Welsh, which the tests also check.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
UI = HERE.parent
LANGUAGES = {"cy": "cy_GB", "en": "en_GB"}
QT_TS = HERE / "qtbase_cy.ts"
"""Qt's own words in Welsh (see ``welsh_qt.py``); the app loads the compiled ``qtbase_cy.qm`` when Welsh."""


def tool(name: str) -> str:
    beside = Path(sys.executable).parent / name
    if beside.exists():
        return str(beside)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6 (it ships {name}) in this environment")
    return found


def sources() -> list[Path]:
    return sorted(p for p in UI.glob("*.py") if p.name != "__init__.py")


def update_ts() -> None:
    files = [str(p) for p in sources()]
    for code, locale in LANGUAGES.items():
        ts = HERE / f"coopvote_{code}.ts"
        subprocess.run([tool("pyside6-lupdate"), "-silent", "-no-obsolete", "-locations", "none",
                        "-source-language", "en_GB", "-target-language", locale, *files, "-ts", str(ts)],
                       check=True)


def fill(code: str) -> list[tuple[str, str]]:
    """Put the translations into the .ts file; returns (context, source) pairs still without one."""
    from coopvote.ui.i18n.welsh import WELSH, WELSH_BY_CONTEXT

    ts = HERE / f"coopvote_{code}.ts"
    tree = ET.parse(ts)
    missing = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            if translation is None:
                translation = ET.SubElement(message, "translation")
            if code == "en":
                text: str | None = source
            else:
                text = WELSH_BY_CONTEXT.get((name, source), WELSH.get(source))
            if text is None:
                missing.append((name, source))
                translation.set("type", "unfinished")
                translation.text = ""
                continue
            translation.attrib.pop("type", None)
            translation.text = text
    ET.indent(tree)
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    text = ts.read_text(encoding="utf-8")
    ts.write_text(text.replace("<?xml version='1.0' encoding='utf-8'?>", '<?xml version="1.0" encoding="utf-8"?>\n'
                               '<!DOCTYPE TS>', 1), encoding="utf-8")
    return missing


def write_ts(path: Path, locale: str, by_context: dict[str, dict[str, str]]) -> None:
    """A .ts file of finished translations, contexts and messages in a stable order so diffs stay small."""
    root = ET.Element("TS", version="2.1", language=locale, sourcelanguage="en")
    for name in sorted(by_context):
        context = ET.SubElement(root, "context")
        ET.SubElement(context, "name").text = name
        for source, text in sorted(by_context[name].items()):
            message = ET.SubElement(context, "message")
            ET.SubElement(message, "source").text = source
            ET.SubElement(message, "translation").text = text
    tree = ET.ElementTree(root)
    ET.indent(tree)
    body = ET.tostring(root, encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")


def write_qt_ts() -> None:
    from coopvote.ui.i18n.welsh_qt import QT_WELSH

    write_ts(QT_TS, LANGUAGES["cy"], QT_WELSH)


def release() -> None:
    for code in LANGUAGES:
        subprocess.run([tool("pyside6-lrelease"), "-silent", str(HERE / f"coopvote_{code}.ts"), "-qm",
                        str(HERE / f"coopvote_{code}.qm")], check=True)
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(QT_TS), "-qm", str(QT_TS.with_suffix(".qm"))],
                   check=True)


def main(argv: list[str]) -> int:
    update_ts()
    missing = []
    for code in LANGUAGES:
        missing += [(code, *pair) for pair in fill(code)]
    write_qt_ts()
    release()
    for code, context, source in missing:
        print(f"no {code} translation: [{context}] {source!r}")
    print(f"translations: {len(missing)} missing")
    return 1 if missing and "--check" in argv else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
