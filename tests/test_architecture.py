"""The import structure of docs/architecture.md.

The rules themselves are import-linter contracts in pyproject.toml (``[tool.importlinter]``): the
package layers, the app's own layers, independent counting rules, no Qt below the app, the app
reaching the record only through the service, and no cycles inside any package. ``make test`` runs
``lint-imports`` before pytest; the first test here runs it too, so pytest alone fails on a broken
contract with the offending chain in the message. The other tests check what an import graph cannot
show: what actually gets loaded at run time.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORE = ROOT / "coopvote"


def core_modules() -> list[Path]:
    return [p for p in CORE.rglob("*.py") if "ui" not in p.relative_to(CORE).parts]


def test_the_import_contracts_hold() -> None:
    """Every contract in pyproject.toml is kept; a broken one fails with the chain that breaks it."""
    lint_imports = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    if lint_imports is None:
        pytest.skip("lint-imports is not installed in this environment (import-linter is in the test extras)")
    result = subprocess.run([lint_imports, "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]


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
