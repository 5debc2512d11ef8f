"""The register's queries: search and filters (incl. the responsible person: mine, unassigned, one
person), the display order, the lines the register shows, and `search_page` (the ids with the first page of
lines, one statement on PostgreSQL). The transfers themselves are in `transfers.py`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import Select, and_, func, literal, null, or_, select, union_all

from transfer_tool.domain import TransferStatus
from transfer_tool.register.transfers import MAX_ASSIGN
from transfer_tool.storage.database import Database
from transfer_tool.storage.models.core import Entity, Transfer, User


class SortKey(StrEnum):
    REFERENCE = "reference"
    TITLE = "title"
    DESTINATION = "destination"
    STATUS = "status"
    UPDATED = "updated_at"
    NEXT_REVIEW = "next_review"
    EXPORTER = "exporter"
    IMPORTER = "importer"


@dataclass(frozen=True)
class TransferQuery:
    """Search and filters for the register (all optional, combined with AND)."""

    text: str = ""
    country: str = ""  # destination
    exporter_id: int | None = None
    importer_id: int | None = None
    status: TransferStatus | None = None
    reassessment_needed: bool | None = None
    overdue_on: dt.date | None = None  # next_review before this date
    exporter_countries: tuple[str, ...] = ()  # e.g. a regime's exporter countries (the regime filter)
    owner_id: int | None = None  # one person's transfers ("mine" is the signed-in user's id)
    unassigned: bool = False  # transfers nobody is responsible for
    ids: tuple[int, ...] = ()  # only these transfers (a selection in the register; at most MAX_ASSIGN)
    include_onward: bool = True
    sort: SortKey = SortKey.REFERENCE
    descending: bool = False


@dataclass(frozen=True)
class TransferRow:
    """One line of the register: only what the table shows."""

    id: int
    reference: str
    title: str
    exporter: str
    importer: str
    destination: str
    status: TransferStatus
    reassessment_needed: bool
    next_review: dt.date | None
    updated_at: dt.datetime | None
    parent_id: int | None
    owner: str = ""  # the responsible person's name, "" when nobody is


def _filtered(q: TransferQuery, stmt: Select[Any], dialect: str) -> Select[Any]:
    # Joins only when sorting by a party's name; filters on names go through an id sub-select, which
    # keeps a keystroke in the register search fast over 100,000 transfers.
    filtered, order = _filter_and_order(q, stmt, dialect)
    return filtered.order_by(*order)


def _filter_and_order(q: TransferQuery, stmt: Select[Any], dialect: str) -> tuple[Select[Any], list[Any]]:
    """`stmt` with the query's conditions (and the join a party sort needs), and the register's order."""

    def match(col: Any, pattern: str) -> Any:
        # SQLite's LIKE is already case-insensitive (ASCII); its ILIKE wraps both sides in lower().
        return col.like(pattern) if dialect == "sqlite" else col.ilike(pattern)

    conds = []
    if q.text:
        like = f"%{q.text}%"
        names = select(Entity.id).where(match(Entity.name, like))
        conds.append(
            or_(
                match(Transfer.reference, like),
                match(Transfer.title, like),
                Transfer.exporter_id.in_(names),
                Transfer.importer_id.in_(names),
                Transfer.destination == q.text.upper(),
            )
        )
    if q.country:
        conds.append(Transfer.destination == q.country.upper())
    if q.exporter_countries:
        conds.append(
            Transfer.exporter_id.in_(select(Entity.id).where(Entity.country.in_(q.exporter_countries)))
        )
    if q.exporter_id:
        conds.append(Transfer.exporter_id == q.exporter_id)
    if q.importer_id:
        conds.append(Transfer.importer_id == q.importer_id)
    if q.status:
        conds.append(Transfer.status == q.status)
    if q.owner_id:
        conds.append(Transfer.owner_id == q.owner_id)
    if q.unassigned:
        conds.append(Transfer.owner_id.is_(None))
    if q.ids:
        conds.append(Transfer.id.in_(q.ids[:MAX_ASSIGN]))
    if q.reassessment_needed is not None:
        conds.append(Transfer.reassessment_needed.is_(q.reassessment_needed))
    if q.overdue_on:
        conds.append(and_(Transfer.next_review.is_not(None), Transfer.next_review < q.overdue_on))
    if not q.include_onward:
        conds.append(Transfer.parent_id.is_(None))
    if conds:
        stmt = stmt.where(and_(*conds))
    col: Any
    if q.sort in (SortKey.EXPORTER, SortKey.IMPORTER):
        party = Entity.__table__.alias("party")
        key = Transfer.exporter_id if q.sort == SortKey.EXPORTER else Transfer.importer_id
        stmt = stmt.join(party, party.c.id == key)
        col = party.c.name
    else:
        col = getattr(Transfer, q.sort.value)
    if q.sort is SortKey.REFERENCE:  # unique: no tie to break, so an index on it gives the order alone
        return stmt, [col.desc() if q.descending else col.asc()]
    # The id breaks ties in the same direction, so that an index on the column serves either order.
    if q.descending:
        return stmt, [col.desc(), Transfer.id.desc()]
    return stmt, [col.asc(), Transfer.id]


def search_ids(db: Database, q: TransferQuery | None = None) -> list[int]:
    """Ids in display order; the register fetches rows for the visible ids only."""
    # Core execution on the session's connection: tens of thousands of plain ids need no ORM row
    # processing (a fifth of a keystroke over 100,000 transfers).
    # A text search reads every row; ordered by reference alone, SQLite scans ix_transfer_search (the
    # searched columns, in reference order) instead of the table (tests/unit/test_transfers.py checks it).
    stmt = _filtered(q or TransferQuery(), select(Transfer.id), db.dialect)
    with db.read() as s:
        return list(s.connection().execute(stmt).scalars())


def _row_columns() -> tuple[list[Any], Callable[[Select[Any]], Select[Any]]]:
    """The register line's columns (`TransferRow`'s fields in order) and the joins they need."""
    exp = Entity.__table__.alias("exp")
    imp = Entity.__table__.alias("imp")
    own = User.__table__.alias("own")
    columns = [
        Transfer.id,
        Transfer.reference,
        Transfer.title,
        exp.c.name,
        imp.c.name,
        Transfer.destination,
        Transfer.status,
        Transfer.reassessment_needed,
        Transfer.next_review,
        Transfer.updated_at,
        Transfer.parent_id,
        func.coalesce(func.nullif(own.c.display_name, ""), own.c.username, ""),
    ]

    def joined(stmt: Select[Any]) -> Select[Any]:
        return (
            stmt.join(exp, exp.c.id == Transfer.exporter_id)
            .join(imp, imp.c.id == Transfer.importer_id)
            .outerjoin(own, own.c.id == Transfer.owner_id)
        )

    return columns, joined


def fetch_rows(db: Database, ids: list[int]) -> list[TransferRow]:
    if not ids:
        return []
    with db.read() as s:
        columns, joined = _row_columns()
        rows: dict[int, TransferRow] = {}
        for chunk_start in range(0, len(ids), 500):
            chunk = ids[chunk_start : chunk_start + 500]
            for r in s.execute(joined(select(*columns)).where(Transfer.id.in_(chunk))):
                rows[r[0]] = TransferRow(*r)
        return [rows[i] for i in ids if i in rows]


def search_page(
    db: Database, q: TransferQuery | None = None, page: int = 100
) -> tuple[list[int], list[TransferRow]]:
    """The ids in display order and the rows of the first `page` of them: what the register paints.

    On PostgreSQL one statement (issue #19 point 5: a filter keystroke within one round trip across
    offices): the matches numbered once in a CTE, all their ids, then the first page's lines joined to
    them. On SQLite, where a statement costs no round trip, the two plain queries (`search_ids`,
    `fetch_rows`) that its planner runs fastest.
    """
    q = q or TransferQuery()
    if db.dialect != "postgresql":
        found = search_ids(db, q)
        return found, fetch_rows(db, found[:page])
    filtered, order = _filter_and_order(q, select(Transfer.id), db.dialect)
    hits = filtered.add_columns(func.row_number().over(order_by=order).label("n")).cte("hits")
    columns, joined = _row_columns()
    blanks = [null() for _ in columns[1:]]
    # The page's part comes first in the statement: a UNION's result types (the status enum, UTC times)
    # are its first SELECT's.
    first_page = joined(
        select(literal(1).label("part"), hits.c.n, *columns)
        .select_from(hits)
        .join(Transfer, Transfer.id == hits.c.id)
    ).where(hits.c.n <= page)
    every_id = select(literal(0), hits.c.n, hits.c.id, *blanks)
    stmt = union_all(first_page, every_id).order_by("part", "n")
    ids: list[int] = []
    rows: list[TransferRow] = []
    with db.read() as s:
        for r in s.execute(stmt):
            if r[0] == 0:
                ids.append(r[2])
            else:
                rows.append(TransferRow(*r[2:]))
    return ids, rows


def search(db: Database, q: TransferQuery | None = None, limit: int | None = None) -> list[TransferRow]:
    ids = search_ids(db, q)
    return fetch_rows(db, ids[:limit] if limit else ids)


def count_by_status(db: Database) -> dict[TransferStatus, int]:
    with db.read() as s:
        return {st: n for st, n in s.execute(select(Transfer.status, func.count()).group_by(Transfer.status))}
