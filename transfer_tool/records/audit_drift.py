"""Direct table edits, found by comparing each audited row with its audit trail.

The services record each change with its `after` value; replaying a row's events in order gives what
the row should hold now. `drift(db)` names every row of the audited tables (transfers, assessments,
user accounts and their roles, country data: destinations and regimes, trusted certificates) that
differs from it, that exists with no event at all, that the log says was deleted, or that the log has
but the table lost. Country data starts from the seed event, which records a digest of each row it
wrote: a destination or regime never changed in the tool is compared with that digest (for a database
seeded before seed events held digests, with the shipped data when it is still the version seeded).
`transfer-tool check` runs it after the chain is verified (a rewritten log is the chain's business).

Not compared (each stated in SECURITY.md): a transfer's re-assessment flag, which one event sets for
many transfers at once; sign-in bookkeeping (failure counter, password hash).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from transfer_tool.records import audit
from transfer_tool.records.audit import jsonable
from transfer_tool.storage.database import Database
from transfer_tool.storage.models.assessment import Assessment
from transfer_tool.storage.models.core import AuditEvent, Transfer, User
from transfer_tool.storage.models.countries import DestinationRecord as Destination
from transfer_tool.storage.models.signing import TrustedCertificate

_DELETED = object()
_SEEDED_ONLY = "\x00seeded"  # state marker: nothing but the seed vouches for this row


@dataclass(frozen=True)
class _Digest:
    """A value the log holds only as its SHA-256 (the seed event's rows)."""

    sha256: str

    def matches(self, value: Any) -> bool:
        return audit.content_digest(value) == self.sha256


@dataclass(frozen=True)
class Drift:
    table: str
    record_id: str
    problem: str

    def __str__(self) -> str:
        return f"{self.table} {self.record_id}: {self.problem}"


@dataclass(frozen=True)
class _Audited:
    model: type[Any]
    key: Callable[[Any], str]
    dump: Callable[[Any], dict[str, Any]]
    ignore: frozenset[str] = frozenset()
    seeded: bool = False  # rows may exist from seeding, with the seed event's digest as their only trail


def _registry() -> dict[str, _Audited]:
    from transfer_tool.accounts import users
    from transfer_tool.assessment import versions
    from transfer_tool.register import transfers
    from transfer_tool.signing import trust
    from transfer_tool.storage.models.countries import RegimeRecord

    return {
        "transfer": _Audited(
            Transfer, lambda r: str(r.id), transfers._dump, frozenset({"reassessment_needed"})
        ),
        "assessment": _Audited(Assessment, lambda r: str(r.id), versions._dump),
        "user_account": _Audited(User, lambda r: str(r.id), users._public),
        "trusted_certificate": _Audited(TrustedCertificate, lambda r: str(r.id), trust._dump),
        "destination": _Audited(
            Destination, lambda r: str(r.code), lambda r: {"version": r.version, "data": r.data}, seeded=True
        ),
        "regime": _Audited(RegimeRecord, lambda r: str(r.code), lambda r: {"data": r.data}, seeded=True),
    }


def _seed_baseline(state: dict[tuple[str, str], Any], after: dict[str, Any]) -> set[str]:
    """Start each seeded row from the seed event's digest; returns the tables the seed vouches for."""
    from transfer_tool.countries import store

    digests = after.get(store.SEEDED_DIGESTS)
    if not isinstance(digests, dict):
        digests = store.shipped_digests(str(after.get("dataset_version", "")))
    for code, sha in digests.get("destination", {}).items():
        state[("destination", code)] = {"version": 1, "data": _Digest(sha), _SEEDED_ONLY: True}
    for code, sha in digests.get("regime", {}).items():
        state[("regime", code)] = {"data": _Digest(sha), _SEEDED_ONLY: True}
    return set(digests)


def _normalised(table: str, after: dict[str, Any]) -> dict[str, Any]:
    """The tool's regime events hold the regime's data itself (plus the reason); the database's own
    events (team mode) hold the changed columns. Both become columns here."""
    if table == "regime" and "data" not in after:
        return {"data": {k: v for k, v in after.items() if k != "reason"}}
    return after


def _expected(db: Database, tables: frozenset[str]) -> tuple[dict[tuple[str, str], Any], set[str]]:
    """Each audited row's state as its events leave it: merged `after` values, or _DELETED; and the
    tables whose seeded rows the seed event vouches for."""
    state: dict[tuple[str, str], Any] = {}
    seeded: set[str] = set()
    last = 0
    with db.read() as s:
        while True:
            rows = s.execute(
                select(
                    AuditEvent.seq,
                    AuditEvent.table_name,
                    AuditEvent.record_id,
                    AuditEvent.action,
                    AuditEvent.after,
                )
                .where(AuditEvent.seq > last, AuditEvent.table_name.in_(tables))
                .order_by(AuditEvent.seq)
                .limit(5000)
            ).all()
            if not rows:
                return state, seeded
            for seq, table, record_id, action, after in rows:
                last = seq
                key = (table, record_id)
                if action == "seed" and record_id == "*" and isinstance(after, dict):
                    seeded |= _seed_baseline(state, after)
                    continue
                if after is None:
                    state[key] = _DELETED
                    continue
                if not isinstance(after, dict):
                    continue
                merged = dict(state.get(key) or {}) if state.get(key) is not _DELETED else {}
                merged.pop(_SEEDED_ONLY, None)
                if table == "assessment" and action == "autosave" and "record_sha256" not in after:
                    merged.pop("record_sha256", None)  # an older autosave: the digest is unknown since
                merged.update(_normalised(table, after))
                state[key] = merged


def _same(a: Any, b: Any) -> bool:
    if isinstance(b, _Digest):
        return b.matches(a)
    if isinstance(a, str) and isinstance(b, str) and a != b and _moment(a) is not None:
        # The tool's events write a timestamp as str(datetime), the database's own (team mode) as
        # PostgreSQL's ISO text with a "T": the same moment either way.
        return _moment(a) == _moment(b)
    return json.dumps(a, sort_keys=True, default=str) == json.dumps(b, sort_keys=True, default=str)


def _moment(value: str) -> dt.datetime | None:
    """A zone-aware timestamp written as text, or None for any other text."""
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


def drift(db: Database) -> list[Drift]:
    """Every audited row that does not match its audit trail (empty when all match)."""
    registry = _registry()
    expected, seeded_tables = _expected(db, frozenset(registry))
    found: list[Drift] = []
    seen: set[tuple[str, str]] = set()
    with db.read() as s:
        for table, spec in registry.items():
            for row in s.execute(select(spec.model)).scalars():
                key = (table, spec.key(row))
                seen.add(key)
                want = expected.get(key)
                if want is None:
                    if not spec.seeded or table in seeded_tables:
                        found.append(
                            Drift(table, key[1], "has no audit event: it was inserted outside the tool")
                        )
                    continue
                if want is _DELETED:
                    found.append(Drift(table, key[1], "the audit log says it was deleted, but it is there"))
                    continue
                now = jsonable(spec.dump(row))
                differs = sorted(k for k in _comparable(now, want, spec.ignore) if not _same(now[k], want[k]))
                if differs:
                    since = (
                        "the shipped data it was seeded with (never changed in the tool)"
                        if want.get(_SEEDED_ONLY)
                        else "the last audited value"
                    )
                    found.append(Drift(table, key[1], f"{', '.join(differs)} differ(s) from {since}"))
    for (table, record_id), want in expected.items():
        if want is not _DELETED and (table, record_id) not in seen and record_id != "*":
            if not record_id.isdigit() and table not in ("destination", "regime"):
                continue  # a bulk event (e.g. flags for every transfer to one destination)
            found.append(Drift(table, record_id, "is missing: it was deleted outside the tool"))
    return found


def _comparable(now: dict[str, Any], want: dict[str, Any], ignore: frozenset[str]) -> Iterator[str]:
    return (k for k in now if k in want and k not in ignore and k != _SEEDED_ONLY)
