"""The PostgreSQL role names of one team database (issue #19): no SQL runs here, names only.

Roles are cluster-wide while the tool's tables live in one database, so every name carries a prefix that
defaults to the database's name: two team databases on one server never share a role. The group roles
and the owner contain "+", which a user name cannot (`users._USERNAME`), so a person's login role never
collides with them.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

from transfer_tool.domain import Role
from transfer_tool.i18n.engine_text import error_text

ENV_ROLE_PREFIX = "TRANSFER_TOOL_PG_ROLE_PREFIX"  # e.g. "tia": groups tia+legal, logins tia.lena
ENV_LOGIN_PREFIX = "TRANSFER_TOOL_PG_LOGIN_PREFIX"  # "" makes a login role the bare user name (Kerberos)
MAX_NAME = 63  # PostgreSQL's identifier limit in bytes (NAMEDATALEN - 1)
SCHEMA = "tt_sec"  # the security functions' own schema (the models' tables stay in public)


@dataclass(frozen=True)
class RoleNames:
    owner: str  # NOLOGIN, owns every table and runs the SECURITY DEFINER functions
    legal: str
    manager: str
    admin: str
    login_prefix: str  # a person's login role is login_prefix + user name

    def group(self, role: Role) -> str:
        return {Role.LEGAL: self.legal, Role.MANAGER: self.manager, Role.ADMIN: self.admin}[role]

    @property
    def groups(self) -> tuple[str, str, str]:
        return (self.legal, self.manager, self.admin)

    def login(self, username: str) -> str:
        name = self.login_prefix + username
        if len(name.encode("utf-8")) > MAX_NAME:
            from transfer_tool.errors import Problem, ValidationError

            raise ValidationError(
                "The user name is too long for a database sign-in.",
                [
                    Problem(
                        "username",
                        error_text("use at most {0} characters", MAX_NAME - len(self.login_prefix)),
                    )
                ],
            )
        return name


def default_prefix(database: str) -> str:
    """`tt_` and the database name in lower-case letters, digits and underscores (at most 40 characters)."""
    cleaned = re.sub(r"[^a-z0-9_]", "_", database.lower())
    return f"tt_{cleaned}"[:40]


def role_names(database: str) -> RoleNames:
    prefix = os.environ.get(ENV_ROLE_PREFIX) or default_prefix(database)
    login = os.environ.get(ENV_LOGIN_PREFIX)
    return RoleNames(
        owner=f"{prefix}+owner",
        legal=f"{prefix}+legal",
        manager=f"{prefix}+manager",
        admin=f"{prefix}+admin",
        login_prefix=f"{prefix}." if login is None else login,
    )


def quote_ident(name: str) -> str:
    """A role name as a quoted SQL identifier (role names cannot be bound as parameters)."""
    if "\x00" in name:
        raise ValueError("a role name cannot contain NUL")
    return '"' + name.replace('"', '""') + '"'


def quote_literal(value: str) -> str:
    """A string literal for DDL that takes no parameters (standard_conforming_strings is on since 9.1)."""
    if "\x00" in value:
        raise ValueError("a literal cannot contain NUL")
    return "'" + value.replace("'", "''") + "'"
