"""The installable bundle: what goes into it, and (slow) a real build that runs the demo from it.

Building with PyInstaller takes minutes on a 2-core machine, so the build test runs only when
``COOPVOTE_BUILD_BUNDLE=1``; ``.ci/run`` sets it in a step of its own after ``make test``. The
checks of the icon, the desktop file and the spec's inputs always run.
"""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
ICONS = ROOT / "coopvote" / "resources" / "icons"


def test_icon_files_are_real_pictures_of_every_size() -> None:
    png = Image.open(ICONS / "coopvote.png")
    assert png.size == (512, 512) and png.mode == "RGBA"
    colours = png.convert("RGB").getcolors(maxcolors=1 << 20) or []
    greens = sum(n for n, (r, g, b) in colours if g > r + 40 and g > b)
    whites = sum(n for n, (r, g, b) in colours if min(r, g, b) > 240)
    assert greens > 512 * 512 // 10 and whites > 512 * 512 // 50, "the icon should show a green box, a paper and a tick"
    ico = Image.open(ICONS / "coopvote.ico")
    assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= set(ico.info["sizes"])
    svg = ET.parse(ICONS / "coopvote.svg").getroot()
    assert svg.tag.endswith("svg") and svg.get("viewBox") == "0 0 256 256"
    assert len(list(svg)) >= 8


def test_desktop_file_starts_the_app_with_its_icon() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(PACKAGING / "coopvote.desktop", encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Type"] == "Application" and section["Terminal"] == "false"
    assert section["Exec"].split()[0] == "coopvote-app" and section["Icon"] == "coopvote"
    assert section["Name"] and section["Comment[cy]"] and section["Categories"].endswith(";")
    validator = shutil.which("desktop-file-validate")
    if validator:
        result = subprocess.run([validator, str(PACKAGING / "coopvote.desktop")], capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr


def test_everything_the_bundle_needs_is_where_the_spec_looks() -> None:
    spec = (PACKAGING / "coopvote.spec").read_text(encoding="utf-8")
    for needed in ('"ui" / "i18n"', '"resources"', '"migrations"', "coopvote_cli.py", "coopvote_gui.py", "psycopg"):
        assert needed in spec
    assert sorted(p.name for p in (ROOT / "coopvote" / "ui" / "i18n").glob("*.qm")), "no compiled translations"
    assert (ROOT / "coopvote" / "resources" / "fonts" / "DejaVuSans.ttf").is_file()
    assert (ROOT / "coopvote" / "resources" / "demo" / "meeting.toml").is_file()
    assert list((ROOT / "coopvote" / "record" / "migrations" / "versions").glob("0001_*.py"))
    assert (ROOT / "coopvote" / "record" / "migrations" / "env.py").is_file()


def _run(command: list[str], cwd: Path, timeout: float, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **env}
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=timeout, env=environment)


@pytest.mark.slow
@pytest.mark.skipif(
    os.environ.get("COOPVOTE_BUILD_BUNDLE") != "1",
    reason="building the bundle takes minutes: set COOPVOTE_BUILD_BUNDLE=1 (.ci/run does, after make test)",
)
def test_the_linux_bundle_runs_the_demo_headless(tmp_path: Path) -> None:
    pytest.importorskip("PyInstaller")
    dist, work = tmp_path / "dist", tmp_path / "build"
    build = _run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--distpath", str(dist), "--workpath", str(work),
         str(PACKAGING / "coopvote.spec")],
        ROOT,
        timeout=1200,
    )
    assert build.returncode == 0, build.stderr[-3000:]
    folder = dist / "coopvote"
    program, app = folder / "coopvote", folder / "coopvote-app"
    assert program.is_file() and app.is_file()
    assert list(folder.rglob("coopvote_cy.qm")) and list(folder.rglob("DejaVuSans.ttf"))
    assert list(folder.rglob("0001_*.py")) and list(folder.rglob("coopvote.png"))

    elsewhere = tmp_path / "elsewhere"  # run away from the source tree, so nothing is imported from it
    elsewhere.mkdir()
    version = _run([str(program), "--version"], elsewhere, timeout=120)
    assert version.returncode == 0 and version.stdout.startswith("coopvote "), version.stderr

    demo = _run([str(program), "demo", "--out", str(elsewhere / "demo")], elsewhere, timeout=900)
    assert demo.returncode == 0, demo.stderr[-3000:]
    assert "Traceback" not in demo.stderr
    meeting = elsewhere / "demo" / "meeting.coopvote"
    assert meeting.is_file() and (elsewhere / "demo" / "results.json").is_file()
    results = _run([str(program), "results", str(meeting), "--item", "1"], elsewhere, timeout=120)
    assert results.returncode == 0 and "carried" in results.stdout.lower(), results.stdout + results.stderr

    # the bundled psycopg and libpq reach a server: move the demo meeting there and back
    server = os.environ.get("COOPVOTE_TEST_PG_URL")
    if server:
        from tests.postgres_support import fresh_database_url

        databases = fresh_database_url()
        url = next(databases)
        try:
            moved = _run([str(program), "transfer", str(meeting), url], elsewhere, timeout=300)
            assert moved.returncode == 0, moved.stderr[-2000:]
            assert "verifies" in moved.stdout
        finally:
            next(databases, None)

    # the desktop app starts and stays up (killed after a few seconds): Qt and its plugins load
    try:
        started = _run([str(app), str(meeting)], elsewhere, timeout=8)
        pytest.fail(f"the app exited at once ({started.returncode}): {started.stderr[-2000:]}")
    except subprocess.TimeoutExpired as running:
        stderr = running.stderr.decode() if isinstance(running.stderr, bytes) else (running.stderr or "")
        assert "Traceback" not in stderr, stderr
