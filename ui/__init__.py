"""The Qt front end (PySide6). Talks to transfer_tool services only; never to the ORM or a session."""
