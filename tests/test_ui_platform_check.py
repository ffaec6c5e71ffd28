"""Starting the app on Linux without the libraries Qt's xcb plugin needs: a clear message with the fix."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from coopvote.ui.platform_check import APT_COMMAND, XCB_LIBRARIES, platform_problem, uses_xcb

REPO = Path(__file__).resolve().parent.parent


def test_a_missing_library_is_named_with_its_package_and_the_full_apt_line() -> None:
    problem = platform_problem({"DISPLAY": ":0"}, "linux", loads=lambda name: name != "libxcb-cursor.so.0")
    assert problem is not None
    assert "libxcb-cursor.so.0 (package libxcb-cursor0)" in problem
    assert "libxcb-icccm" not in problem.split("\n")[0]  # only what is missing is named
    assert APT_COMMAND in problem


def test_nothing_is_said_when_every_library_loads_or_xcb_is_not_used() -> None:
    assert platform_problem({"DISPLAY": ":0"}, "linux", loads=lambda name: True) is None
    never: list[str] = []
    assert platform_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux", loads=never.append) is None  # type: ignore[arg-type]
    assert platform_problem({}, "win32", loads=never.append) is None  # type: ignore[arg-type]
    assert never == []


def test_which_plugin_qt_will_use() -> None:
    assert uses_xcb({}, "linux")
    assert uses_xcb({"QT_QPA_PLATFORM": "xcb"}, "linux")
    assert not uses_xcb({"QT_QPA_PLATFORM": "wayland"}, "linux")
    assert not uses_xcb({"WAYLAND_DISPLAY": "wayland-0", "XDG_SESSION_TYPE": "wayland"}, "linux")
    assert not uses_xcb({}, "darwin")


def test_the_apt_line_installs_every_qt_library_ci_installs_and_the_readme_shows_it() -> None:
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    for package in set(XCB_LIBRARIES.values()):
        assert package in APT_COMMAND
        assert package in ci, f".ci/run does not install {package}"
    assert APT_COMMAND.split("sudo apt-get install ", 1)[1] in (REPO / "README.md").read_text(encoding="utf-8")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Qt's xcb plugin is Linux's")
def test_coopvote_app_prints_the_fix_instead_of_crashing_when_a_library_is_missing(tmp_path: Path) -> None:
    """A real start on an X display with one library hidden from the dynamic linker."""
    environ = {key: value for key, value in os.environ.items() if key != "QT_QPA_PLATFORM"}
    environ.update(DISPLAY=":97", COOPVOTE_SETTINGS=str(tmp_path / "s.ini"))
    code = ("import coopvote.ui.platform_check as p, sys\n"
            "real = p._loads\n"
            "p._loads = lambda name: name != 'libxcb-keysyms.so.1' and real(name)\n"
            "from coopvote.ui.app import run_app\n"
            "sys.exit(run_app())\n")
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, env=environ, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 1, result.stderr
    assert "libxcb-keysyms.so.1 (package libxcb-keysyms1)" in result.stderr
    assert "apt-get install -y --no-install-recommends" in result.stderr
    assert "Aborted" not in result.stderr and "core dumped" not in result.stderr
