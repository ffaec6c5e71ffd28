"""The core must stay Qt-free so it can be scripted, tested and audited without a screen."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

CORE = Path(__file__).resolve().parent.parent / "coopvote"


def core_modules() -> list[Path]:
    return [p for p in CORE.rglob("*.py") if "ui" not in p.relative_to(CORE).parts]


def test_no_core_module_imports_qt_in_its_source() -> None:
    offenders = []
    for path in core_modules():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            if any(name.split(".")[0] in {"PySide6", "PyQt5", "PyQt6", "shiboken6"} for name in names):
                offenders.append(f"{path.relative_to(CORE.parent)}:{node.lineno}")
    assert offenders == []


def test_importing_the_whole_core_loads_no_qt() -> None:
    """Import every core module in a fresh interpreter and check PySide6 never got loaded."""
    modules = sorted(
        ".".join(p.relative_to(CORE.parent).with_suffix("").parts).removesuffix(".__init__")
        for p in core_modules()
        if "migrations" not in p.parts and p.name != "__main__.py"
    )
    script = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in {'PySide6', 'shiboken6'})\n"
        "print(bad)\n"
        "sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_command_line_loads_no_database_stack_until_a_command_needs_it() -> None:
    """``coopvote count`` and ``--help`` must start in a blink: building the parser imports no SQLAlchemy."""
    script = (
        "import sys\n"
        "from coopvote.cli import build_parser\n"
        "build_parser()\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in {'sqlalchemy', 'alembic', 'PySide6', 'reportlab'})\n"
        "print(heavy)\n"
        "sys.exit(1 if heavy else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_app_reaches_the_record_only_through_the_service() -> None:
    """The Qt layer is thin: it never opens a session on the record or imports the models itself.

    ``coopvote.record.connection`` (building and displaying connection strings) is plain text work.
    """
    offenders = []
    for path in (CORE / "ui").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            module = ""
            if isinstance(node, ast.ImportFrom) and node.module:
                module = node.module
            elif isinstance(node, ast.Import):
                module = " ".join(alias.name for alias in node.names)
            if "sqlalchemy" in module or ("coopvote.record" in module and module != "coopvote.record.connection"):
                offenders.append(f"{path.relative_to(CORE.parent)}:{node.lineno} imports {module}")
    assert offenders == []
