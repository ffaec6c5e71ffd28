"""coopvote: votes at a co-operative's general meeting, counted exactly and in the open.

The package is the Qt-free domain core; the desktop app lives in ``coopvote.ui`` and is the only
part that may import PySide6, so the core can be tested, scripted and audited without a screen.
"""

__version__ = "0.1.0"
