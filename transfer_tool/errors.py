"""The error hierarchy.

`ToolError` and its children are user-correctable: the message says what was wrong and what to do, and
the UI or the command line shows it as it is. Anything else that escapes a service is a bug.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input: where (a field, a CSV line, a JSON entry) and what."""

    location: str
    message: str

    def __str__(self) -> str:
        return f"{self.location}: {self.message}" if self.location else self.message


class ToolError(Exception):
    """Base of every error the user can correct."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class ValidationError(ToolError):
    """Input that breaks a rule; `problems` lists each problem with its location."""

    def __init__(self, message: str, problems: Sequence[Problem] | None = None) -> None:
        super().__init__(message)
        self.problems: list[Problem] = list(problems or [])

    def details(self) -> str:
        lines = [self.message, *(f"  - {p}" for p in self.problems)]
        return "\n".join(lines)


class ImportRefused(ValidationError):
    """A file to import was refused whole; nothing of it was written."""


class ConflictError(ToolError):
    """Someone else saved the same record first; nothing was overwritten."""

    def __init__(self, message: str, *, mine: object = None, theirs: object = None) -> None:
        super().__init__(message)
        self.mine = mine
        self.theirs = theirs


class PermissionDenied(ToolError):
    """The signed-in user's role does not allow this action."""


class NotFound(ToolError):
    """The record asked for does not exist (any more)."""


class AuthenticationFailed(ToolError):
    """Wrong user name or password, or sign-in temporarily slowed down."""


class StorageError(ToolError):
    """The database cannot be used as it is (newer schema, unreachable server, failed migration)."""
