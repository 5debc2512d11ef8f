"""What every command needs: the database (migrated on first use) and the acting user.

The database layer (SQLAlchemy, the models, Alembic) and the password hasher load when a command first
asks for them, so `--help` and commands that touch no database stay light.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from typing import TYPE_CHECKING

from transfer_tool.errors import AuthenticationFailed, ValidationError
from transfer_tool.i18n.engine_text import error_text
from transfer_tool.runtime.config import Config, resolve_config

if TYPE_CHECKING:
    from transfer_tool.accounts.permissions import Actor
    from transfer_tool.storage.database import Database

ENV_PASSWORD = "TRANSFER_TOOL_PASSWORD"


class CliContext:
    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.config: Config = resolve_config(getattr(args, "database", None))
        self._db: Database | None = None

    @property
    def db(self) -> Database:
        if self._db is None:
            from transfer_tool.runtime.bootstrap import open_database

            path = self.config.sqlite_path
            new = path is not None and not path.exists()
            self._db = open_database(self.config, daily_backup=True)
            if new:
                # A mistyped --database would otherwise answer "0 transfer(s)" from a fresh, empty file.
                print(
                    f"note: there was no database at {path}; a new, empty one was made there "
                    "(check --database or TRANSFER_TOOL_DATABASE_URL if you meant another)",
                    file=sys.stderr,
                )
        return self._db

    def password(self, prompt: str = "Password: ") -> str:
        pw = os.environ.get(ENV_PASSWORD)
        if pw:
            return pw
        if not sys.stdin.isatty():
            raise AuthenticationFailed(f"No password: set {ENV_PASSWORD} or run the command in a terminal.")
        return ask_secret(prompt)

    def new_password(self, username: str, env: str) -> str:
        """The password of an account being made: from `env`, else typed twice at a prompt (a typo in a
        password nobody sees would lock its owner out). Never the acting user's TRANSFER_TOOL_PASSWORD:
        `users add` gave the new account the admin's own password when only that was set."""
        pw = os.environ.get(env)
        if pw:
            return pw
        if not sys.stdin.isatty():
            raise AuthenticationFailed(
                error_text("No password for {0}: set {1} or run the command in a terminal.", username, env)
            )
        first = ask_secret(f"Password for {username}: ")
        if ask_secret(f"Repeat the password for {username}: ") != first:
            raise ValidationError(
                error_text(
                    "The two passwords typed for {0} differ: the account was not made. Run the command again.",
                    username,
                )
            )
        return first

    def actor(self) -> Actor:
        """Sign in as --user (or TRANSFER_TOOL_USER); changes are recorded under that name."""
        name = self.args.user
        if not name:
            raise AuthenticationFailed(
                "This command changes data: say who you are with --user NAME "
                "(or TRANSFER_TOOL_USER) and give the password."
            )
        from transfer_tool.accounts import users

        return users.authenticate(self.db, name, self.password()).actor()

    def close(self) -> None:
        if self._db is not None:
            self._db.dispose()


def ask_secret(prompt: str) -> str:
    """getpass's prompt; on Ctrl-C the line is ended first (the typing is not echoed, so nor is the ^C:
    "interrupted" was printed after the prompt, on its line)."""
    try:
        return getpass.getpass(prompt)
    except KeyboardInterrupt:
        print(file=sys.stderr)
        raise
