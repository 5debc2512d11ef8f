"""ORM models, one module per room. Importing this package registers every table on Base.metadata.

The model modules do without `from __future__ import annotations`: SQLAlchemy reads every `Mapped[...]`
annotation when a class is made, and as objects rather than strings it need not evaluate them (about
5 ms of every process that touches the database). A forward reference is written in quotes."""

from transfer_tool.storage.models import core  # noqa: F401

# Rooms that add tables register them here (keep the import list complete: migrations read it).
for _name in ("countries", "assessment", "signing", "notice"):
    try:
        __import__(f"transfer_tool.storage.models.{_name}")
    except ModuleNotFoundError as exc:  # the room has no tables yet
        if exc.name != f"transfer_tool.storage.models.{_name}":
            raise
