"""Starting the desktop app: ``coopvote app [MEETING]`` ends here.

The top of the ui package: it makes the application (``coopvote.ui.look``), opens the main window
and runs until it closes. Nothing in the ui imports this module.
"""

from __future__ import annotations

import os

from coopvote.ui.look import application
from coopvote.ui.platform_check import check_platform_or_explain


def run_app(path: str | os.PathLike[str] | None = None) -> int:
    """Open the main window (on a meeting if ``path`` is given) and run until it closes.

    First, on Linux, check that Qt's screen plugin can load: if not, Qt would abort with a message that
    names the wrong library, so say which are missing and the command that installs them instead.
    On the very first start, ask which language to use before the window opens (``ui.first_language``).
    """
    unable = check_platform_or_explain()
    if unable is not None:
        return unable
    from shiboken6 import delete

    from coopvote.ui.first_language import ask_language_on_first_start
    from coopvote.ui.main_window import MainWindow
    from coopvote.ui.widgets import job_pool

    app, look = application()
    ask_language_on_first_start(look)
    window = MainWindow(look)
    window.show()
    if path is not None:
        window.open_meeting_soon(str(path))
    code = int(app.exec())
    window.close_meeting()
    job_pool().waitForDone(10_000)
    delete(window)  # now, not whenever the garbage collector gets to it during interpreter shutdown
    return code
