"""Entities: the legal persons that export and import data (group companies and outside recipients)."""

from __future__ import annotations

from dataclasses import dataclass, field, fields

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from transfer_tool.accounts.permissions import Action, Actor, require
from transfer_tool.codes import is_known
from transfer_tool.domain import NoticeName
from transfer_tool.errors import ConflictError, NotFound, Problem, ValidationError
from transfer_tool.i18n.engine_text import error_text
from transfer_tool.records import audit
from transfer_tool.register import approved_changes
from transfer_tool.register.conflicts import changed_since
from transfer_tool.storage.database import Database
from transfer_tool.storage.models.core import Entity, Transfer


@dataclass(frozen=True)
class EntityInput:
    name: str
    country: str
    address: str = ""
    contact_name: str = ""
    contact_position: str = ""
    contact_email: str = ""
    is_group_company: bool = False
    registration_no: str = ""
    activities: str = ""
    certifications: tuple[str, ...] = ()
    # How the privacy notice's transfer section shows this entity (transfer_tool.notice).
    notice_name: NoticeName = NoticeName.CATEGORY


@dataclass(frozen=True)
class EntityView(EntityInput):
    id: int = 0
    row_version: int = 1
    extra: dict[str, str] = field(default_factory=dict)


_FIELDS = [f.name for f in fields(EntityInput)]


# Column limits (the database refuses longer text on PostgreSQL; SQLite would silently keep it).
_MAX_LEN = {
    "name": 300,
    "country": 8,
    "contact_name": 200,
    "contact_position": 200,
    "contact_email": 200,
    "registration_no": 100,
}


def text_problems(data: object, names: list[str], max_len: dict[str, int]) -> list[Problem]:
    """NUL characters (PostgreSQL cannot store them) and over-long text, named by field."""
    problems = []
    for n in names:
        value = getattr(data, n)
        values = value if isinstance(value, tuple) else (value,)
        for v in values:
            if not isinstance(v, str):
                continue
            if "\x00" in v:
                problems.append(Problem(n, "remove the NUL (\\0) character; it cannot be stored"))
            limit = max_len.get(n)
            if limit is not None and len(v) > limit:
                problems.append(
                    Problem(n, error_text("keep this under {0} characters (it has {1})", limit, len(v)))
                )
    return problems


def validate_entity(data: EntityInput) -> list[Problem]:
    problems = text_problems(data, _FIELDS, _MAX_LEN)
    if not data.name.strip():
        problems.append(Problem("name", "enter the entity's legal name"))
    if not is_known(data.country):
        problems.append(
            Problem(
                "country",
                error_text("'{0}' is not a known country code (use ISO 3166-1, e.g. JP, US)", data.country),
            )
        )
    if data.notice_name not in {m.value for m in NoticeName}:
        choices = ", ".join(m.value for m in NoticeName)
        problems.append(
            Problem("notice_name", error_text("choose how notices show the entity: {0}", choices))
        )
    if data.contact_email and "@" not in data.contact_email:
        problems.append(Problem("contact_email", "enter an email address like name@example.com"))
    return problems


def _dump(e: Entity) -> dict[str, object]:
    out = {n: (list(getattr(e, n)) if n == "certifications" else getattr(e, n)) for n in _FIELDS}
    out["notice_name"] = NoticeName(e.notice_name).value
    return out


def view(e: Entity) -> EntityView:
    values = {n: getattr(e, n) for n in _FIELDS}
    values["certifications"] = tuple(e.certifications or ())
    values["notice_name"] = NoticeName(e.notice_name or NoticeName.CATEGORY)
    return EntityView(**values, id=e.id, row_version=e.row_version)


def _require_notice_name(actor: Actor, before: NoticeName | str, after: NoticeName | str) -> None:
    """Whether the published privacy notice may name an entity is an administrator's decision (issue #24;
    notice.service.set_notice_name): anyone else keeps what is set (a new entity: its category)."""
    if NoticeName(after) is not NoticeName(before):
        require(actor, Action.ORG_SETTINGS)


def create_in(session: Session, actor: Actor, data: EntityInput) -> Entity:
    problems = validate_entity(data)
    if problems:
        raise ValidationError("The entity cannot be saved as entered.", problems)
    _require_notice_name(actor, NoticeName.CATEGORY, data.notice_name)
    values = {n: getattr(data, n) for n in _FIELDS}
    values["name"] = data.name.strip()
    values["certifications"] = list(data.certifications)
    e = Entity(**values)
    session.add(e)
    session.flush()
    audit.record(session, actor, "create", "entity", e.id, None, _dump(e))
    return e


def create_entity(db: Database, actor: Actor, data: EntityInput) -> EntityView:
    require(actor, Action.EDIT_TRANSFERS)
    with db.unit_of_work() as s:
        return view(create_in(s, actor, data))


def update_entity(
    db: Database,
    actor: Actor,
    entity_id: int,
    data: EntityInput,
    row_version: int,
    *,
    read: EntityInput | None = None,
) -> EntityView:
    """Save changes; someone else's save since `row_version` is a ConflictError (nothing saved), unless
    `read` (the entity as the screen read it at `row_version`) shows the two changed different details:
    then each keeps its own (the details this screen left as read take the stored ones)."""
    require(actor, Action.EDIT_TRANSFERS)
    problems = validate_entity(data)
    if problems:
        raise ValidationError("The entity cannot be saved as entered.", problems)
    try:
        with db.unit_of_work() as s:
            e = s.get(Entity, entity_id)
            if e is None:
                raise NotFound(error_text("Entity {0} no longer exists.", entity_id))
            if e.row_version != row_version:
                data = _merged(e, read, data)
            _require_notice_name(actor, e.notice_name, data.notice_name)
            before = _dump(e)
            for n in _FIELDS:
                setattr(e, n, list(data.certifications) if n == "certifications" else getattr(data, n))
            s.flush()
            after = _dump(e)
            audit.record(s, actor, "update", "entity", e.id, before, after)
            # Its country, group membership or certifications: what the approvals naming it relied on.
            approved_changes.flag_party_change(s, actor, e.id, before, after)
            return view(e)
    except StaleDataError as exc:
        raise ConflictError(
            "Someone else changed this entity at the same moment; nothing was saved.", mine=data
        ) from exc


def _merged(e: Entity, read: EntityInput | None, mine: EntityInput) -> EntityInput:
    """`mine`'s changes from `read` over the entity as stored (changed by someone else since `read`)."""
    theirs = view(e)
    if read is None:
        raise ConflictError(
            "Someone else changed this entity after you opened it; nothing was saved.",
            mine=mine,
            theirs=theirs,
        )
    values, clashes = changed_since(*({n: getattr(x, n) for n in _FIELDS} for x in (theirs, read, mine)))
    if clashes:
        raise ConflictError(
            "Someone else changed the same details of this entity after you opened it; nothing was saved. "
            "Your entries are kept: save again to store them over theirs, or cancel to keep theirs.",
            mine=mine,
            theirs=theirs,
        )
    return EntityInput(**values)


@dataclass(frozen=True)
class EntityUse:
    """A transfer that names the entity as its exporter or importer (an onward transfer counts too)."""

    transfer_id: int
    reference: str
    title: str
    as_exporter: bool
    as_importer: bool


def _uses(session: Session, entity_id: int) -> list[EntityUse]:
    rows = session.execute(
        select(Transfer.id, Transfer.reference, Transfer.title, Transfer.exporter_id, Transfer.importer_id)
        .where((Transfer.exporter_id == entity_id) | (Transfer.importer_id == entity_id))
        .order_by(Transfer.reference)
    ).all()
    return [
        EntityUse(i, ref, title or "", exp == entity_id, imp == entity_id) for i, ref, title, exp, imp in rows
    ]


def entity_uses(db: Database, entity_id: int) -> list[EntityUse]:
    """Where the entity is used: every transfer naming it as a party, by reference."""
    with db.read() as s:
        return _uses(s, entity_id)


def delete_entity(db: Database, actor: Actor, entity_id: int, row_version: int) -> None:
    """Remove an entity entered by mistake. Refused while any transfer names it, listing those transfers:
    a transfer keeps its parties (the register and its assessments say who sent and received the data)."""
    require(actor, Action.EDIT_TRANSFERS)
    name = ""
    try:
        with db.unit_of_work() as s:
            e = s.get(Entity, entity_id)
            if e is None:
                raise NotFound(error_text("Entity {0} no longer exists.", entity_id))
            name = e.name
            if e.row_version != row_version:
                raise ConflictError(
                    error_text(
                        "Someone else changed {0} after you opened it; reload it before removing it.", e.name
                    )
                )
            uses = _uses(s, entity_id)
            if uses:
                raise _in_use(e.name, uses)
            before = _dump(e)
            s.delete(e)
            audit.record(s, actor, "delete", "entity", entity_id, before, None)
    except IntegrityError as exc:
        # A transfer naming it was saved by someone else between the check and the removal (PostgreSQL:
        # writers run side by side): refused as the check refuses, naming the transfers.
        raise _in_use(name, entity_uses(db, entity_id)) from exc


def _in_use(name: str, uses: list[EntityUse]) -> ValidationError:
    problems = []
    for use in uses:
        where = f"{use.reference} {use.title}".strip()
        if use.as_exporter and use.as_importer:
            problems.append(Problem("", error_text("{0}: exporter and importer", where)))
        elif use.as_exporter:
            problems.append(Problem("", error_text("{0}: exporter", where)))
        else:
            problems.append(Problem("", error_text("{0}: importer", where)))
    return ValidationError(
        error_text(
            "{0} is a party to these transfers and cannot be removed; choose another party in them first.",
            name,
        ),
        problems,
    )


def get_entity(db: Database, entity_id: int) -> EntityView:
    with db.read() as s:
        e = s.get(Entity, entity_id)
        if e is None:
            raise NotFound(error_text("Entity {0} does not exist.", entity_id))
        return view(e)


def list_entities(db: Database, text: str = "") -> list[EntityView]:
    with db.read() as s:
        q = select(Entity).order_by(Entity.name, Entity.id)  # one order for entities of one name
        if text:
            q = q.where(Entity.name.ilike(f"%{text}%"))
        return [view(e) for e in s.execute(q).scalars()]


def find_or_create(
    session: Session,
    actor: Actor,
    name: str,
    country: str,
    cache: dict[tuple[str, str], Entity] | None = None,
) -> Entity:
    """Used by imports: an entity is the same when its name and country match exactly."""
    key = (name.strip(), country)
    if cache is not None and key in cache:
        return cache[key]
    e = (
        session.execute(select(Entity).where(Entity.name == key[0], Entity.country == country))
        .scalars()
        .first()
    )
    if e is None:
        e = create_in(session, actor, EntityInput(name=key[0], country=country))
    if cache is not None:
        cache[key] = e
    return e
