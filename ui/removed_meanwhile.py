"""What the app says when a record it shows was removed by someone else while its window was open.

The services name the missing row by its database number ("Transfer 41 no longer exists."): on the command
line that is the number the person typed, but in the app it is a number nobody has seen. The app reads the
`NotFound` message by its catalogue id (`EngineText.msgid`) and says instead what happened and what to do.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from transfer_tool.i18n.engine_text import EngineText


def _transfer() -> str:
    return QCoreApplication.translate(
        "Errors",
        "Someone else removed this transfer meanwhile. Close this window; the register shows the transfers "
        "that are left.",
    )


def _transfer_not_copied() -> str:
    return QCoreApplication.translate(
        "Errors",
        "Someone else removed the transfer meanwhile; nothing was copied. The register shows the transfers "
        "that are left.",
    )


def _transfers_not_reassigned() -> str:
    return QCoreApplication.translate(
        "Errors",
        "Someone else removed one of the chosen transfers meanwhile; nothing was reassigned. Refresh the "
        "list and choose again.",
    )


def _notice() -> str:
    return QCoreApplication.translate(
        "Errors",
        "Someone else changed the notices meanwhile, and the one shown here is no longer stored. Generate "
        "it again, then publish it.",
    )


def _assessment() -> str:
    return QCoreApplication.translate(
        "Errors",
        "Someone else removed this assessment (or its transfer) meanwhile. Close this window; the register "
        "shows what is left.",
    )


def _evidence() -> str:
    return QCoreApplication.translate(
        "Errors",
        "Someone else removed this evidence file meanwhile. Open the assessment again to see the evidence "
        "that is left.",
    )


def _comment() -> str:
    return QCoreApplication.translate(
        "Errors",
        "Someone else removed this comment meanwhile. Open the review again to see the comments left.",
    )


def _user() -> str:
    return QCoreApplication.translate(
        "Errors",
        "Someone else removed this user meanwhile. The list of users now shows the accounts that are left.",
    )


def _party() -> str:
    return QCoreApplication.translate(
        "Errors",
        "Someone else removed this entity meanwhile. Choose the entity again or record it anew; the register "
        "shows the entities that are left.",
    )


def _certificate() -> str:
    return QCoreApplication.translate(
        "Errors",
        "Someone else removed this trusted certificate meanwhile. The list shows the certificates that are "
        "left.",
    )


# The services' NotFound messages that name a database number, by their catalogue id.
_SAID: dict[str, Callable[[], str]] = {
    "Transfer {0} does not exist.": _transfer,
    "Transfer {0} no longer exists.": _transfer,
    "Transfer {0} does not exist (any more); nothing was copied.": _transfer_not_copied,
    "Transfer {0} no longer exists; nothing was reassigned. Refresh the list.": _transfers_not_reassigned,
    "The transfer of assessment {0} does not exist (any more).": _assessment,
    "Assessment {0} does not exist.": _assessment,
    "Assessment {0} does not exist (any more).": _assessment,
    "Evidence file {0} does not exist (any more).": _evidence,
    "Comment {0} does not exist (any more).": _comment,
    "User {0} does not exist.": _user,
    "Entity {0} does not exist.": _party,
    "Entity {0} no longer exists.": _party,
    "Trusted certificate no. {0} does not exist.": _certificate,
    "Trusted certificate no. {0} is not in the list. See `transfer-tool trust list` for the numbers.": _certificate,
    "Notice generation {0} does not exist; generate the notice first.": _notice,
}


def removed_meanwhile(message: str) -> str | None:
    """The app's sentence for a service's "record N does not exist" message; None for any other."""
    said = _SAID.get(message.msgid) if isinstance(message, EngineText) else None
    return said() if said is not None else None
