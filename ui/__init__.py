"""The Qt front end (PySide6). Talks to transfer_tool services only; never to the ORM or a session."""

from ui.qt_workarounds import protect_singletons

# Before any Qt call: see ui/qt_workarounds.py (a PySide6 6.12 reference-count bug on Python 3.11).
protect_singletons()
