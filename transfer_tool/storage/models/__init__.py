"""ORM models, one module per room. Importing this package registers every table on Base.metadata."""

from transfer_tool.storage.models import core  # noqa: F401

# Rooms that add tables register them here (keep the import list complete: migrations read it).
for _name in ("countries", "assessment", "signing", "notice"):
    try:
        __import__(f"transfer_tool.storage.models.{_name}")
    except ModuleNotFoundError as exc:  # the room has no tables yet
        if exc.name != f"transfer_tool.storage.models.{_name}":
            raise
