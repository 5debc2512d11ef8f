"""Direct table edits, found by comparing each audited row with its audit trail.

The services record each change with its `after` value; replaying a row's events in order gives what
the row should hold now. `drift(db)` names every row of the audited tables (transfers, assessments,
user accounts and their roles, country data, trusted certificates) that differs from it, that exists
with no event at all, that the log says was deleted, or that the log has but the table lost.
`transfer-tool check` runs it after the chain is verified (a rewritten log is the chain's business).

Not compared (each stated in SECURITY.md): a transfer's re-assessment flag, which one event sets for
many transfers at once; sign-in bookkeeping (failure counter, password hash); destinations never edited
since the shipped data was seeded (the seed is one event for all of them).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from transfer_tool.audit import jsonable
from transfer_tool.storage.database import Database
from transfer_tool.storage.models.assessment import Assessment
from transfer_tool.storage.models.core import AuditEvent, Transfer, User
from transfer_tool.storage.models.countries import DestinationRecord as Destination
from transfer_tool.storage.models.signing import TrustedCertificate

_DELETED = object()


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
    seeded: bool = False  # rows may exist from seeding, without an event of their own


def _registry() -> dict[str, _Audited]:
    from transfer_tool import transfers, trust, users
    from transfer_tool.assessment import versions

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
    }


def _expected(db: Database, tables: frozenset[str]) -> dict[tuple[str, str], Any]:
    """Each audited row's state as its events leave it: merged `after` values, or _DELETED."""
    state: dict[tuple[str, str], Any] = {}
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
                return state
            for seq, table, record_id, action, after in rows:
                last = seq
                key = (table, record_id)
                if after is None:
                    state[key] = _DELETED
                    continue
                if not isinstance(after, dict):
                    continue
                merged = dict(state.get(key) or {}) if state.get(key) is not _DELETED else {}
                if table == "assessment" and action == "autosave" and "record_sha256" not in after:
                    merged.pop("record_sha256", None)  # an older autosave: the digest is unknown since
                merged.update(after)
                state[key] = merged


def _same(a: Any, b: Any) -> bool:
    return json.dumps(a, sort_keys=True, default=str) == json.dumps(b, sort_keys=True, default=str)


def drift(db: Database) -> list[Drift]:
    """Every audited row that does not match its audit trail (empty when all match)."""
    registry = _registry()
    expected = _expected(db, frozenset(registry))
    found: list[Drift] = []
    seen: set[tuple[str, str]] = set()
    with db.read() as s:
        for table, spec in registry.items():
            for row in s.execute(select(spec.model)).scalars():
                key = (table, spec.key(row))
                seen.add(key)
                want = expected.get(key)
                if want is None:
                    if not spec.seeded:
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
                    found.append(
                        Drift(table, key[1], f"{', '.join(differs)} differ(s) from the last audited value")
                    )
    for (table, record_id), want in expected.items():
        if want is not _DELETED and (table, record_id) not in seen and record_id != "*":
            if not record_id.isdigit() and table != "destination":
                continue  # a bulk event (e.g. flags for every transfer to one destination)
            found.append(Drift(table, record_id, "is missing: it was deleted outside the tool"))
    return found


def _comparable(now: dict[str, Any], want: dict[str, Any], ignore: frozenset[str]) -> Iterator[str]:
    return (k for k in now if k in want and k not in ignore)
