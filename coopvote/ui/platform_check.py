"""Before Qt opens a window on Linux: are the system libraries its screen plugin (xcb) needs installed?

When one is missing, Qt prints "Could not load the Qt platform plugin "xcb"" and aborts the process, and
its message names libxcb-cursor0 even when the missing ones are others (``ldd`` on ``libqxcb.so`` shows
the truth). A secretary cannot act on that. So the app tries to load each library the plugin links to,
the way the dynamic linker will, and if any fails it prints the one ``apt-get`` line that installs them
all, and stops with a clear exit code instead of a crash. Nothing here imports Qt's GUI.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable, Mapping
from typing import TextIO

from coopvote.errors import CoopvoteError

XCB_LIBRARIES: dict[str, str] = {
    # library the xcb plugin loads -> the Debian/Ubuntu package that ships it
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libdbus-1.so.3": "libdbus-1-3",
}

APT_PACKAGES = (
    "libegl1 libgl1 libfontconfig1 libdbus-1-3 libpulse0 libxkbcommon0 libxkbcommon-x11-0 "
    "libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-shape0 "
    "libxcb-randr0 libxcb-xkb1 fonts-dejavu-core fontconfig"
)
"""The same set ``.ci/run`` and the README install (poppler and PostgreSQL, for the tests, left out)."""

APT_COMMAND = f"sudo apt-get update && sudo apt-get install -y --no-install-recommends {APT_PACKAGES}"

PLATFORM_EXIT_CODE = CoopvoteError.exit_code


def _loads(name: str) -> bool:
    try:
        ctypes.CDLL(name)
    except OSError:
        return False
    return True


def uses_xcb(environ: Mapping[str, str], platform: str = sys.platform) -> bool:
    """Whether Qt will pick its xcb (X11) plugin: on Linux, unless another plugin is asked for or a
    Wayland session is running (Qt then uses its Wayland plugin, which does not need these libraries)."""
    if not platform.startswith("linux"):
        return False
    chosen = environ.get("QT_QPA_PLATFORM", "").strip().lower()
    if chosen:
        return chosen.split(":", 1)[0].split(";", 1)[0] == "xcb"
    return not (environ.get("WAYLAND_DISPLAY") and environ.get("XDG_SESSION_TYPE", "").lower() == "wayland")


def missing_xcb_libraries(loads: Callable[[str], bool] | None = None) -> list[str]:
    """The libraries of ``XCB_LIBRARIES`` the dynamic linker cannot load, in that order."""
    loads = loads or _loads
    return [name for name in XCB_LIBRARIES if not loads(name)]


def platform_problem(environ: Mapping[str, str] | None = None, platform: str = sys.platform,
                     loads: Callable[[str], bool] | None = None) -> str | None:
    """What to tell the person starting the app if Qt's screen plugin cannot load, or None if it can."""
    environ = os.environ if environ is None else environ
    if not uses_xcb(environ, platform):
        return None
    missing = missing_xcb_libraries(loads)
    if not missing:
        return None
    listed = ", ".join(f"{name} (package {XCB_LIBRARIES[name]})" for name in missing)
    return (
        "coopvote: the desktop app cannot open a window: Qt's screen plugin (xcb) needs system libraries "
        f"that are not installed: {listed}.\n"
        "Install them (Debian or Ubuntu) with this command, then start the app again:\n\n"
        f"    {APT_COMMAND}\n\n"
        "The command line (coopvote --help) works without them."
    )


def check_platform_or_explain(stream: TextIO | None = None) -> int | None:
    """Print the fix and return the exit code if the app cannot open a window here; None if it can."""
    problem = platform_problem()
    if problem is None:
        return None
    print(problem, file=stream if stream is not None else sys.stderr)
    return PLATFORM_EXIT_CODE
