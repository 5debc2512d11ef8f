"""Who may do what. Services call `require()`; the UI only mirrors it by hiding actions."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from transfer_tool.domain import Role
from transfer_tool.errors import PermissionDenied
from transfer_tool.i18n.engine_text import error_text


class Action(StrEnum):
    READ = "read"
    EDIT_TRANSFERS = "edit_transfers"
    ASSESS = "assess"
    REVIEW = "review"  # approve or return an assessment
    EDIT_COUNTRIES = "edit_countries"
    EDIT_CATALOGS = "edit_catalogs"
    MANAGE_USERS = "manage_users"
    ORG_SETTINGS = "org_settings"
    MANAGE_TRUST = "manage_trust"
    IMPORT_EXPORT = "import_export"
    ASSIGN_TRANSFERS = "assign_transfers"  # hand transfers over to another responsible person


_ALLOWED: dict[Role, frozenset[Action]] = {
    Role.LEGAL: frozenset({Action.READ, Action.EDIT_TRANSFERS, Action.ASSESS, Action.IMPORT_EXPORT}),
    Role.MANAGER: frozenset(
        {
            Action.READ,
            Action.EDIT_TRANSFERS,
            Action.ASSESS,
            Action.REVIEW,
            Action.IMPORT_EXPORT,
            Action.ASSIGN_TRANSFERS,
        }
    ),
    Role.ADMIN: frozenset(Action),
}

_DESCRIBE = {
    Action.READ: "read the register",
    Action.EDIT_TRANSFERS: "record or change transfers",
    Action.ASSESS: "edit assessments",
    Action.REVIEW: "approve or return assessments",
    Action.EDIT_COUNTRIES: "change country data",
    Action.EDIT_CATALOGS: "change the catalogues",
    Action.MANAGE_USERS: "manage users",
    Action.ORG_SETTINGS: "change organisation settings",
    Action.MANAGE_TRUST: "manage trusted certificates",
    Action.IMPORT_EXPORT: "import or export data",
    Action.ASSIGN_TRANSFERS: "hand transfers over to another person",
}


@dataclass(frozen=True)
class Actor:
    """The signed-in user as services see it."""

    user_id: int | None
    username: str
    role: Role
    display_name: str = ""

    @classmethod
    def system(cls) -> Actor:
        """The tool itself (seeding, migrations): acts as admin, recorded as 'system' in the audit log."""
        return cls(user_id=None, username="system", role=Role.ADMIN, display_name="system")


def allowed(actor: Actor, action: Action) -> bool:
    return action in _ALLOWED[actor.role]


def require(actor: Actor, action: Action) -> None:
    if not allowed(actor, action):
        raise PermissionDenied(
            error_text(
                "Your role ({0}) may not {1}. Ask an administrator if you need to.",
                actor.role.value,
                _DESCRIBE[action],
            )
        )
