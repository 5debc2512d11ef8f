"""The policy catalogues (data categories, purposes, legal bases, ...), seeded from data/catalogs.json."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from transfer_tool.accounts.permissions import Action, Actor, require
from transfer_tool.domain import CatalogKind
from transfer_tool.errors import ConflictError, NotFound, Problem, ValidationError
from transfer_tool.i18n.engine_text import error_text
from transfer_tool.paths import data_file
from transfer_tool.records import audit
from transfer_tool.register.conflicts import changed_since
from transfer_tool.storage.database import Database
from transfer_tool.storage.models.core import CatalogEntry

_NOT_CODE = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class CatalogItem:
    kind: CatalogKind
    code: str
    section: str
    label_en: str
    label_ja: str
    sensitive: bool = False
    active: bool = True

    def label(self, lang: str) -> str:
        return self.label_ja if lang == "ja" and self.label_ja else self.label_en

    def citation(self) -> str:
        """How the report cites the entry, e.g. 'Privacy Policy §4-6'."""
        return f"Privacy Policy §{self.section}" if self.section and self.section != "-" else ""


def _item(e: CatalogEntry) -> CatalogItem:
    return CatalogItem(e.kind, e.code, e.section, e.label_en, e.label_ja, e.sensitive, e.active)


def shipped_catalogs() -> dict[CatalogKind, list[CatalogItem]]:
    doc = json.loads(data_file("catalogs.json").read_text(encoding="utf-8"))
    out: dict[CatalogKind, list[CatalogItem]] = {}
    for kind_value, entries in doc["catalogs"].items():
        kind = CatalogKind(kind_value)
        out[kind] = [
            CatalogItem(
                kind,
                e["code"],
                e.get("section", ""),
                e["label_en"],
                e.get("label_ja", ""),
                bool(e.get("sensitive", False)),
            )
            for e in entries
        ]
    return out


def seed(session: Session) -> int:
    """Add the shipped entries that are missing (admins' edits are kept). Returns how many were added."""
    existing = {(k, c) for k, c in session.execute(select(CatalogEntry.kind, CatalogEntry.code))}
    added = 0
    for kind, items in shipped_catalogs().items():
        for order, it in enumerate(items):
            if (kind, it.code) in existing:
                continue
            session.add(
                CatalogEntry(
                    kind=kind,
                    code=it.code,
                    section=it.section,
                    label_en=it.label_en,
                    label_ja=it.label_ja,
                    sensitive=it.sensitive,
                    sort_order=order,
                )
            )
            added += 1
    session.flush()
    return added


def list_items(db: Database, kind: CatalogKind, *, include_inactive: bool = False) -> list[CatalogItem]:
    with db.read() as s:
        q = select(CatalogEntry).where(CatalogEntry.kind == kind)
        if not include_inactive:
            q = q.where(CatalogEntry.active.is_(True))
        return [_item(e) for e in s.execute(q.order_by(CatalogEntry.sort_order, CatalogEntry.id)).scalars()]


def all_items(db: Database) -> dict[CatalogKind, dict[str, CatalogItem]]:
    with db.read() as s:
        out: dict[CatalogKind, dict[str, CatalogItem]] = {k: {} for k in CatalogKind}
        for e in s.execute(select(CatalogEntry).order_by(CatalogEntry.sort_order)).scalars():
            out[e.kind][e.code] = _item(e)
        return out


def lists_and_labels(
    db: Database,
) -> tuple[dict[CatalogKind, list[CatalogItem]], dict[CatalogKind, dict[str, CatalogItem]]]:
    """`list_items` of every kind and `all_items` from one statement (the wizard opens with both; across
    offices each statement is a round trip)."""
    lists: dict[CatalogKind, list[CatalogItem]] = {k: [] for k in CatalogKind}
    labels: dict[CatalogKind, dict[str, CatalogItem]] = {k: {} for k in CatalogKind}
    with db.read() as s:
        for e in s.execute(select(CatalogEntry).order_by(CatalogEntry.sort_order, CatalogEntry.id)).scalars():
            item = _item(e)
            labels[e.kind][e.code] = item
            if e.active:
                lists[e.kind].append(item)
    return lists, labels


def save_item(
    db: Database, actor: Actor, item: CatalogItem, *, read: CatalogItem | None = None
) -> CatalogItem:
    """Create or change a catalogue entry (admins only; audited). An entry without a code is new: its code
    is made from its English label (the app never shows codes, issue 18; transfers and files cite them).
    `read`: the entry as the caller's screen read it; then only what it changed is written, and another
    administrator's change made since stays (their 'sensitive' mark, say); `ConflictError` (nothing saved)
    when both changed the same field to different values."""
    require(actor, Action.EDIT_CATALOGS)
    problems = []
    if len(item.code) > 64 or (item.code and not item.code.strip()):
        problems.append(Problem("code", "give a short code (1-64 characters)"))
    if not item.label_en.strip():
        problems.append(Problem("label_en", "an English label is required"))
    if problems:
        raise ValidationError("The catalogue entry cannot be saved.", problems)
    with db.unit_of_work() as s:
        if not item.code:
            item = replace(item, code=_new_code(s, item.kind, item.label_en))
        e = s.execute(
            select(CatalogEntry).where(CatalogEntry.kind == item.kind, CatalogEntry.code == item.code)
        ).scalar_one_or_none()
        before = None
        if e is None:
            e = CatalogEntry(kind=item.kind, code=item.code, sort_order=999)
            s.add(e)
        else:
            before = _dump(e)
            if read is not None:
                item = _merged(_item(e), read, item)
        e.section, e.label_en, e.label_ja = item.section, item.label_en, item.label_ja
        e.sensitive, e.active = item.sensitive, item.active
        s.flush()
        audit.record(
            s,
            actor,
            "update" if before else "create",
            "catalog_entry",
            f"{item.kind}:{item.code}",
            before,
            _dump(e),
        )
        return _item(e)


_EDITED = ("section", "label_en", "label_ja", "sensitive", "active")


def _merged(stored: CatalogItem, read: CatalogItem, mine: CatalogItem) -> CatalogItem:
    """`mine`'s changes from `read` over `stored`; a field both changed, to different values, conflicts."""
    values, clashes = changed_since(*({n: getattr(x, n) for n in _EDITED} for x in (stored, read, mine)))
    if clashes:
        raise ConflictError(
            error_text(
                "Someone else changed the catalogue entry {0} after you opened it; nothing was saved. "
                "Save again to store yours over theirs, or open the catalogue again to see theirs.",
                repr(stored.label_en),
            ),
            mine=mine,
            theirs=stored,
        )
    return replace(stored, **values)


def _new_code(s: Session, kind: CatalogKind, label_en: str) -> str:
    """A code no entry of `kind` has: the English label in lower-case words joined by "_" ("Customer
    support" -> "customer_support"), numbered when taken; "entry" when the label has no ASCII word."""
    base = _NOT_CODE.sub("_", label_en.lower()).strip("_")[:56].rstrip("_") or "entry"
    taken = set(s.scalars(select(CatalogEntry.code).where(CatalogEntry.kind == kind)))
    code, n = base, 2
    while code in taken:
        code, n = f"{base}_{n}", n + 1
    return code


def deactivate(db: Database, actor: Actor, kind: CatalogKind, code: str) -> None:
    """Entries are never deleted (old transfers cite them); they are hidden from new choices."""
    require(actor, Action.EDIT_CATALOGS)
    with db.unit_of_work() as s:
        e = s.execute(
            select(CatalogEntry).where(CatalogEntry.kind == kind, CatalogEntry.code == code)
        ).scalar_one_or_none()
        if e is None:
            raise NotFound(error_text("No {0} entry with code '{1}'.", kind.value, code))
        before = _dump(e)
        e.active = False
        audit.record(s, actor, "deactivate", "catalog_entry", f"{kind}:{code}", before, _dump(e))


def _dump(e: CatalogEntry) -> dict[str, object]:
    return {
        "kind": e.kind.value,
        "code": e.code,
        "section": e.section,
        "label_en": e.label_en,
        "label_ja": e.label_ja,
        "sensitive": e.sensitive,
        "active": e.active,
    }
