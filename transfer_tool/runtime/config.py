"""Where the database is: command-line flag > TRANSFER_TOOL_DATABASE_URL > SQLite in the user data folder."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from transfer_tool.errors import StorageError, ToolError
from transfer_tool.i18n.engine_text import error_text

APP_NAME = "transfer-tool"
ENV_DATABASE_URL = "TRANSFER_TOOL_DATABASE_URL"
ENV_DATA_DIR = "TRANSFER_TOOL_DATA_DIR"
ENV_CACHE_DIR = "TRANSFER_TOOL_CACHE_DIR"
# argon2id cost of new password hashes, e.g. "time_cost=3,memory_cost=65536,parallelism=4" (memory in KiB).
# Unset: argon2-cffi's RFC 9106 low-memory profile. A lower cost suits a throw-away database (the test suite
# sets one); existing hashes keep verifying and are re-hashed at the configured cost on the next sign-in.
ENV_PASSWORD_HASH = "TRANSFER_TOOL_PASSWORD_HASH"
_HASH_KEYS = ("time_cost", "memory_cost", "parallelism")
# How many routine SQLite backups (daily and manual) are kept; see transfer_tool/records/backup.py.
DEFAULT_BACKUP_KEEP = 7


def user_data_dir() -> Path:
    """The user's data folder (database, backups, signing identities). Overridable for tests/portable use."""
    override = os.environ.get(ENV_DATA_DIR)
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)  # other local users have no business here
    except OSError as exc:
        raise StorageError(
            error_text(
                "Cannot create the data folder {0}: {1}. Set {2} to a folder you may write to.",
                path,
                exc.strerror or exc,
                ENV_DATA_DIR,
            )
        ) from exc
    return path


def user_cache_dir() -> Path:
    """Where rebuildable data is kept (parsed fonts): deleting it only costs time. Not created here."""
    override = os.environ.get(ENV_CACHE_DIR)
    return Path(override) if override else Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def default_sqlite_url() -> str:
    return f"sqlite:///{user_data_dir() / 'transfer-tool.sqlite3'}"


@dataclass(frozen=True)
class Config:
    database_url: str

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

    @property
    def sqlite_path(self) -> Path | None:
        if not self.is_sqlite:
            return None
        rest = self.database_url.split(":///", 1)[1] if ":///" in self.database_url else ""
        return Path(rest) if rest and rest != ":memory:" else None


def resolve_config(database_flag: str | None = None) -> Config:
    url = database_flag or os.environ.get(ENV_DATABASE_URL) or default_sqlite_url()
    return Config(database_url=checked_url(url))


# The drivers the tool ships: SQLite (the standard library's) and psycopg 3.
SUPPORTED_URLS = ("sqlite://", "postgresql+psycopg://")


def checked_url(url: str) -> str:
    """The URL as the tool opens it (postgresql:// and postgres:// use psycopg 3, the driver we ship; plain
    postgresql:// would look for psycopg2), or a StorageError saying how to write it: a file name or another
    database's URL would otherwise fail deep in SQLAlchemy with a traceback."""
    for alias in ("postgresql://", "postgres://"):
        if url.startswith(alias):
            return "postgresql+psycopg://" + url[len(alias) :]
    if url.startswith(SUPPORTED_URLS):
        return url
    if "://" not in url and "@" in url:
        # USER:PASSWORD@HOST/NAME with its scheme left out: named by the host part only (never echoed
        # whole: the terminal, the app's dialog and its log would show the password).
        raise StorageError(
            error_text(
                "The database URL for {0} has no scheme: for PostgreSQL write "
                "postgresql+psycopg://USER:PASSWORD@{0}, for a SQLite file sqlite:///FILE "
                "(--database or TRANSFER_TOOL_DATABASE_URL).",
                url.rsplit("@", 1)[-1],
            )
        )
    if "://" not in url:
        raise StorageError(
            error_text(
                "{0} is a file name, not a database URL: for a SQLite file write sqlite:///{1} "
                "(--database or TRANSFER_TOOL_DATABASE_URL).",
                url,
                Path(url).expanduser().absolute(),
            )
        )
    raise StorageError(
        error_text(
            "The tool opens SQLite and PostgreSQL databases, not {0}: write sqlite:///FILE or "
            "postgresql+psycopg://USER:PASSWORD@HOST:5432/NAME (--database or TRANSFER_TOOL_DATABASE_URL).",
            url.split("://", 1)[0] + "://",  # the scheme only: never a password the URL may hold
        )
    )


def password_hash_parameters() -> dict[str, int]:
    """The argon2id parameters set in TRANSFER_TOOL_PASSWORD_HASH ({} when unset: the library's defaults)."""
    raw = os.environ.get(ENV_PASSWORD_HASH, "").strip()
    params: dict[str, int] = {}
    for item in filter(None, (part.strip() for part in raw.split(","))):
        key, sep, value = item.partition("=")
        key = key.strip()
        if not sep or key not in _HASH_KEYS or not value.strip().isdigit() or int(value) < 1:
            raise ToolError(
                error_text(
                    "{0} must look like 'time_cost=3,memory_cost=65536,parallelism=4' (positive whole "
                    "numbers); found {1}",
                    ENV_PASSWORD_HASH,
                    repr(item),
                )
            )
        params[key] = int(value)
    return params
