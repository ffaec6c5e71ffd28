"""The desktop app (PySide6): a thin layer over ``coopvote.service``.

Only this package imports Qt. Pages call the service and show what it says; no voting rule lives here.
Start it with ``coopvote app [MEETING]`` or ``coopvote.ui.app.run_app``.
"""
