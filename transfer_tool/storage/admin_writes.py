"""The one seam through which services write accounts, the trust list and country data (issue #19 point 2).

On PostgreSQL (a team database: migration 0021) the admin group may not write those tables; each change is
one call of a SECURITY DEFINER function of `team_admin_functions`, which checks the caller and the rules
itself and returns the row it wrote, refreshing the session's object in the same round trip. On SQLite the
same change is made on the ORM object, as before. Either way the caller writes the audit event afterwards
(`audit.record`) in the same transaction, and a stale row version raises StaleDataError as the ORM would.
`by` is the acting user's name (the actor's username; "system" for the tool itself): the database refuses
a name that is not the signed-in person's own.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from typing import Any, TypeVar

from sqlalchemy import JSON, bindparam, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from transfer_tool.domain import Role
from transfer_tool.errors import NotFound, PermissionDenied
from transfer_tool.i18n.engine_text import error_text
from transfer_tool.storage.base import Base
from transfer_tool.storage.models.core import User
from transfer_tool.storage.models.countries import DestinationRecord, DestinationVersion, RegimeRecord
from transfer_tool.storage.models.signing import TrustedCertificate

_Row = TypeVar("_Row", bound=Base)


def _through_database(s: Session) -> bool:
    return s.get_bind().dialect.name == "postgresql"


def _call(
    s: Session, model: type[_Row], function: str, params: dict[str, Any], json: tuple[str, ...] = ()
) -> _Row:
    """The row `tt_sec.<function>(...)` returns, as `model`'s object (replacing the session's copy)."""
    names = ", ".join(f"CAST(:{p} AS json)" if p in json else f":{p}" for p in params)
    columns = list(model.__table__.columns)
    # Named, not `*`: the table's column order differs from the model's where a migration added columns.
    listed = ", ".join(f'"{c.name}"' for c in columns)
    stmt = text(f"SELECT {listed} FROM tt_sec.{function}({names})").columns(*columns)
    stmt = stmt.bindparams(*(bindparam(p, type_=JSON) for p in json))
    try:
        found = s.execute(
            select(model).from_statement(stmt).execution_options(populate_existing=True), params
        )
        row: _Row = found.scalar_one()
        return row
    except DBAPIError as exc:
        diag = getattr(exc.orig, "diag", None)
        reason = str(getattr(diag, "message_primary", "") or exc.orig)
        state = getattr(diag, "sqlstate", "")
        if state == "40001":
            raise StaleDataError(reason) from exc
        if state == "P0002":
            raise NotFound(
                error_text("The database refused the change: {0}. Nothing was saved.", reason)
            ) from exc
        raise PermissionDenied(
            error_text("The database refused the change: {0}. Nothing was saved.", reason)
        ) from exc


def lock_for_change(s: Session, table: str, keys: Collection[str]) -> None:
    """Wait for anyone changing these rows through the tool, until this transaction ends: on PostgreSQL an
    advisory lock per row (an admin may not lock rows they may not UPDATE), taken in one statement and in
    key order; on SQLite the write transaction already runs alone."""
    if _through_database(s) and keys:
        s.execute(
            text(
                "SELECT pg_advisory_xact_lock(hashtextextended(k, 0)) FROM unnest(CAST(:keys AS text[])) k ORDER BY k"
            ),
            {"keys": sorted(f"{table}:{k}" for k in keys)},
        )


# ---- accounts ----------------------------------------------------------------------------------------


def add_account(
    s: Session, by: str, *, username: str, display_name: str, email: str, role: Role, password_hash: str
) -> User:
    """A new active account (tt_sec.add_account)."""
    if _through_database(s):
        params = {
            "by": by,
            "username": username,
            "display_name": display_name,
            "email": email,
            "role": role.value,
            "password_hash": password_hash,
        }
        return _call(s, User, "add_account", params)
    u = User(
        username=username, display_name=display_name, role=role, email=email, password_hash=password_hash
    )
    s.add(u)
    s.flush()
    return u


def change_account(
    s: Session,
    by: str,
    u: User,
    *,
    role: Role | None = None,
    active: bool | None = None,
    display_name: str | None = None,
    password_hash: str | None = None,
) -> None:
    """Role, active, name and password of `u` (None: unchanged; a new password clears the failed sign-ins)
    (tt_sec.change_account, which also keeps the last active admin)."""
    if _through_database(s):
        params = {
            "by": by,
            "id": u.id,
            "row_version": u.row_version,
            "role": role.value if role is not None else None,
            "active": active,
            "display_name": display_name,
            "password_hash": password_hash,
        }
        _call(s, User, "change_account", params)
        return
    if role is not None:
        u.role = role
    if active is not None:
        u.active = active
    if display_name is not None:
        u.display_name = display_name
    if password_hash is not None:
        u.password_hash = password_hash
        u.failed_attempts = 0
    s.flush()


# ---- the trust list ------------------------------------------------------------------------------------


def add_certificate(
    s: Session,
    by: str,
    *,
    label: str,
    pem: str,
    fingerprint: str,
    subject: str,
    not_after: dt.datetime,
    owner: int | None,
) -> TrustedCertificate:
    """A certificate new to the list (tt_sec.add_certificate computes the fingerprint from the PEM itself)."""
    if _through_database(s):
        params = {
            "by": by,
            "label": label,
            "pem": pem,
            "subject": subject,
            "not_after": not_after,
            "owner": owner,
        }
        return _call(s, TrustedCertificate, "add_certificate", params)
    row = TrustedCertificate(
        label=label,
        pem=pem,
        fingerprint_sha256=fingerprint,
        subject=subject,
        not_after=not_after,
        added_by=by,
        user_id=owner,
    )
    s.add(row)
    s.flush()
    return row


def reactivate_certificate(
    s: Session, by: str, row: TrustedCertificate, *, label: str, owner: int | None, now: dt.datetime
) -> None:
    """Trust a removed certificate again under a new label and owner (tt_sec.reactivate_certificate)."""
    if _through_database(s):
        params = {"by": by, "id": row.id, "label": label, "owner": owner}
        _call(s, TrustedCertificate, "reactivate_certificate", params)
        return
    row.active = True
    row.label = label
    row.user_id = owner
    row.added_by = by
    row.added_at = now
    s.flush()


def deactivate_certificate(s: Session, by: str, row: TrustedCertificate) -> None:
    """Stop trusting a certificate; the row stays (tt_sec.deactivate_certificate)."""
    if _through_database(s):
        _call(s, TrustedCertificate, "deactivate_certificate", {"by": by, "id": row.id})
        return
    row.active = False
    s.flush()


# ---- country data ----------------------------------------------------------------------------------------


def update_regime(s: Session, by: str, rec: RegimeRecord, data: dict[str, Any]) -> None:
    """The regime's data, if the row is as the session read it (tt_sec.update_regime)."""
    if _through_database(s):
        params = {"by": by, "code": rec.code, "row_version": rec.row_version, "data": data}
        _call(s, RegimeRecord, "update_regime", params, json=("data",))
        return
    rec.data = data
    rec.updated_by = by
    s.flush()


def save_destination(
    s: Session,
    by: str,
    rec: DestinationRecord,
    *,
    version: int,
    data: dict[str, Any],
    reason: str,
    dataset_version: str,
) -> None:
    """The destination's next version `version`, also kept in its history (tt_sec.save_destination)."""
    if _through_database(s):
        params = {
            "by": by,
            "code": rec.code,
            "row_version": rec.row_version,
            "version": version,
            "data": data,
            "reason": reason,
            "dataset_version": dataset_version,
        }
        _call(s, DestinationRecord, "save_destination", params, json=("data",))
        return
    rec.version = version
    rec.data = data
    rec.updated_by = by
    s.add(
        DestinationVersion(
            code=rec.code,
            version=version,
            data=data,
            changed_by=by,
            reason=reason,
            dataset_version=dataset_version,
        )
    )
    s.flush()
