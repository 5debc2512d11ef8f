"""The notice's database side: preview, store generations, publish, diff (the approved register is read by
`register_rows.py`).

- `preview(db, regime, lang)`: the notice as it would be published now, with what changed since the last
  published generation of the regime, and the unverified or missing country information it rests on.
- `generate(...)`: stores the generated text (Markdown, with unverified data marked), the entries it was
  built from and the approved assessment versions and country data it read (the register version).
- `publish(...)`: marks a generation published; refused while it rests on unverified or missing country
  data unless the admin accepts that explicitly (recorded in the generation and the audit log), and
  refused when the register has changed since the generation was made.
- `answer(db, reference, lang)`: the APPI Rule 18(3) answer for one transfer.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from transfer_tool import catalog, clock
from transfer_tool.accounts.permissions import Action, Actor, require
from transfer_tool.assessment.measures import load_measure_catalog
from transfer_tool.assessment.tool_catalog import ToolKind, load_tool_catalog
from transfer_tool.countries import store as country_store
from transfer_tool.countries.shipped import CountryDataset
from transfer_tool.domain import NoticeName
from transfer_tool.errors import NotFound, Problem, ValidationError
from transfer_tool.i18n.engine_text import error_text
from transfer_tool.i18n.terminology import LANGUAGES, Terminology
from transfer_tool.notice import builder
from transfer_tool.notice.diff import describe_diff, diff_entries
from transfer_tool.notice.document import Document, to_markdown
from transfer_tool.notice.model import NoticeDiff, NoticeEntry, PlannedEntry
from transfer_tool.notice.register_rows import register_items
from transfer_tool.records import audit
from transfer_tool.register import entities
from transfer_tool.storage.base import utcnow
from transfer_tool.storage.database import Database
from transfer_tool.storage.models.core import Entity, OrgSetting, Transfer
from transfer_tool.storage.models.notice import NoticeGeneration

CONTACT_SETTING = "notice_contact"  # OrgSetting key: {"en": ..., "ja": ...}
MAX_CONTACT = 500


@dataclass(frozen=True)
class NoticePreview:
    regime: str
    lang: str
    document: Document
    entries: tuple[NoticeEntry, ...]
    planned: tuple[PlannedEntry, ...]
    unverified: tuple[str, ...]  # country information marked unverified
    missing: tuple[str, ...]  # required items the country data or the register lacks
    reassessing: tuple[str, ...]  # approved transfers flagged for re-assessment since: stated as approved
    register_version: str
    dataset_version: str
    diff: NoticeDiff | None  # None: nothing published yet for the regime
    diff_text: str
    last_published: GenerationView | None

    @property
    def needs_acceptance(self) -> bool:
        return bool(self.unverified or self.missing or self.reassessing)

    @property
    def checks(self) -> tuple[str, ...]:
        """Everything to check, and to accept explicitly when publishing over it."""
        return (*self.unverified, *self.missing, *self.reassessing)


@dataclass(frozen=True)
class GenerationView:
    id: int
    regime: str
    lang: str
    register_version: str
    dataset_version: str
    sources: tuple[tuple[str, int | None], ...]  # (transfer reference, approved version)
    entries: tuple[NoticeEntry, ...]
    text: str
    unverified: tuple[str, ...]
    published: bool
    published_at: dt.datetime | None
    published_by: str
    created_by: str
    created_at: dt.datetime
    count: int


def _check_regime_lang(dataset: CountryDataset, regime: str, lang: str) -> None:
    problems = []
    if regime not in dataset.regimes:
        known = ", ".join(sorted(dataset.regimes))
        problems.append(
            Problem("regime", error_text("'{0}' is not a known regime (use one of {1})", regime, known))
        )
    if lang not in LANGUAGES:
        problems.append(Problem("lang", error_text("the language must be one of {0}", ", ".join(LANGUAGES))))
    if problems:
        raise ValidationError("The notice cannot be generated.", problems)


def _contact(session: Session) -> dict[str, str]:
    row = session.get(OrgSetting, CONTACT_SETTING)
    value = row.value if row is not None else None
    if not isinstance(value, dict):
        return {}
    return {k: str(v) for k, v in value.items() if k in LANGUAGES and isinstance(v, str)}


def _sources(session: Session, db: Database, regime: str) -> NoticeSources:
    dataset = country_store.cached_dataset(db)
    items = catalog.all_items(db)
    measures = load_measure_catalog()
    confidential = tuple(
        n
        for n, mode in session.execute(select(Entity.name, Entity.notice_name))
        if NoticeName(mode) is not NoticeName.NAME
    )
    return builder.NoticeSources(
        regime=regime,
        dataset=dataset,
        tools=load_tool_catalog(),
        catalog=items,
        measure_names={m.code: (m.name_en, m.name_ja) for m in measures.measures},
        terms=Terminology.load(),
        contact=_contact(session),
        confidential_names=confidential,
        flagged=frozenset(session.scalars(select(Transfer.reference).where(Transfer.reassessment_needed))),
    )


NoticeSources = builder.NoticeSources


def _last_published(session: Session, regime: str) -> NoticeGeneration | None:
    return session.execute(
        select(NoticeGeneration)
        .where(NoticeGeneration.regime == regime, NoticeGeneration.published.is_(True))
        .order_by(NoticeGeneration.id.desc())
        .limit(1)
    ).scalar_one_or_none()


def _entries_of(row: NoticeGeneration) -> tuple[NoticeEntry, ...]:
    return tuple(NoticeEntry.from_dict(e) for e in row.entries or ())


def _view(row: NoticeGeneration) -> GenerationView:
    return GenerationView(
        id=row.id,
        regime=row.regime,
        lang=row.lang,
        register_version=row.register_version,
        dataset_version=row.dataset_version,
        sources=tuple((s.get("reference", ""), s.get("version_no")) for s in row.sources or ()),
        entries=_entries_of(row),
        text=row.text,
        unverified=tuple(row.unverified or ()),
        published=row.published,
        published_at=row.published_at,
        published_by=row.published_by,
        created_by=row.created_by,
        created_at=row.created_at,
        count=row.row_count,
    )


def _build(
    session: Session,
    db: Database,
    regime: str,
    lang: str,
    group_by: str,
    today: dt.date,
    mark_unverified: bool = True,
) -> NoticePreview:
    src = _sources(session, db, regime)
    _check_regime_lang(src.dataset, regime, lang)
    if group_by not in builder.GROUP_BY:
        raise ValidationError(
            "The notice cannot be generated.",
            [Problem("group_by", error_text("group by one of: {0}", ", ".join(builder.GROUP_BY)))],
        )
    entries, planned = builder.build_entries(register_items(session, src.dataset), src)
    # A flag raised after the notice was generated is a change its publishing must see.
    flagged = sorted(e.reference for e in entries if e.reference in src.flagged and e.version_no is not None)
    version = builder.register_version(entries, planned, flagged)
    # The reader gets the date; the register and country-data versions stay with the stored generation
    # (a digest means nothing to the people the notice is for).
    footer = src.terms.get("notice.footer", lang, date=builder.format_date(today, lang))
    doc = builder.compose_notice(
        entries, planned, src, lang, group_by=group_by, mark_unverified=mark_unverified, footer=footer
    )
    check = builder.check_lines(entries, src, lang)
    last = _last_published(session, regime)
    diff = diff_entries(_entries_of(last), entries) if last is not None else None
    published_on = builder.format_date(last.published_at.date(), lang) if last and last.published_at else ""
    return NoticePreview(
        regime=regime,
        lang=lang,
        document=doc,
        entries=entries,
        planned=planned,
        unverified=tuple(check[0]),
        missing=tuple(check[1]),
        reassessing=tuple(check[2]),
        register_version=version,
        dataset_version=src.dataset.dataset_version,
        diff=diff,
        diff_text=describe_diff(diff, src.terms, lang, published_on),
        last_published=_view(last) if last is not None else None,
    )


def preview(
    db: Database,
    regime: str,
    lang: str,
    *,
    group_by: str = "recipient_type",
    today: dt.date | None = None,
    mark_unverified: bool = True,
) -> NoticePreview:
    """The notice as it would be generated now; `mark_unverified=False` gives the text as published (after
    the acceptance `publish` records), without the draft's marks."""
    with db.read() as s:
        return _build(s, db, regime, lang, group_by, today or clock.today(), mark_unverified)


def preview_or_published(
    db: Database, regime: str, lang: str, *, group_by: str = "recipient_type", today: dt.date | None = None
) -> tuple[NoticePreview, bool]:
    """The notice as it would be generated now, or, when that is still the notice last published (the same
    text once the draft's marks are left out, on its day), the published text: right after publishing, the
    preview and "Save as…" gave the draft with its "check before publishing" marks. True: published."""
    with db.read() as s:
        p = _build(s, db, regime, lang, group_by, today or clock.today(), True)
        last = p.last_published
        if (
            last is None
            or last.lang != lang
            or last.published_at is None
            or not (p.diff is None or p.diff.empty)
        ):
            return p, False
        published = _build(s, db, regime, lang, group_by, last.published_at.date(), False)
    if published.register_version != last.register_version or to_markdown(published.document) != last.text:
        return p, False
    return published, True


def generate(
    db: Database,
    actor: Actor,
    regime: str,
    lang: str,
    *,
    group_by: str = "recipient_type",
    today: dt.date | None = None,
) -> tuple[NoticePreview, GenerationView]:
    """Store the notice as generated now (Markdown with unverified data marked) with its register version."""
    require(actor, Action.IMPORT_EXPORT)
    with db.unit_of_work() as s:
        p = _build(s, db, regime, lang, group_by, today or clock.today())
        row = NoticeGeneration(
            regime=regime,
            lang=lang,
            group_by=group_by,
            register_version=p.register_version,
            dataset_version=p.dataset_version,
            sources=[
                {
                    "reference": e.reference,
                    "version_no": e.version_no,
                    "destination_version": e.destination_version,
                }
                for e in p.entries
            ],
            entries=[e.to_dict() for e in p.entries],
            text=to_markdown(p.document),
            unverified=list(p.checks),
            published=False,
            published_by="",
            created_by=actor.username,
            row_count=len(p.entries),
        )
        s.add(row)
        s.flush()
        audit.record(
            s,
            actor,
            "generate",
            "notice_generation",
            row.id,
            None,
            {
                "regime": regime,
                "lang": lang,
                "register_version": p.register_version,
                "transfers": len(p.entries),
            },
        )
        return p, _view(row)


def publish(
    db: Database,
    actor: Actor,
    generation_id: int,
    *,
    accept_unverified: bool = False,
    today: dt.date | None = None,
) -> GenerationView:
    """Mark a generation as the published notice of its regime (the next diff is against it)."""
    require(actor, Action.ORG_SETTINGS)
    with db.unit_of_work() as s:
        row = s.get(NoticeGeneration, generation_id)
        if row is None:
            raise NotFound(
                error_text("Notice generation {0} does not exist; generate the notice first.", generation_id)
            )
        if row.published:
            return _view(row)
        # One reading of the clock: the published text's date ("as of ...") and `published_at`, which
        # the next notice's diff states as this one's date, are the same day (the clock read twice put the
        # 7th in the text and the 8th in the diff at midnight).
        now = utcnow()
        stated = today or now.date()
        # The published text: the same notice without the draft's marks (an acceptance is recorded below).
        current = _build(s, db, row.regime, row.lang, row.group_by, stated, mark_unverified=False)
        if current.register_version != row.register_version:
            raise ValidationError(
                "The register has changed since this notice was generated; generate it again, check the "
                "preview, then publish."
            )
        pending = list(row.unverified or ())
        if pending and not accept_unverified:
            raise ValidationError(
                "The notice rests on unverified or missing country information, or on transfers to "
                "re-assess; verify the country data or re-assess the transfers and generate again, or publish "
                "with the explicit acceptance of these items.",
                # Each item says what it is (in the notice's language): no English key before it.
                [Problem("", item) for item in pending],
            )
        row.text = to_markdown(current.document)
        row.published = True
        row.published_at = dt.datetime.combine(stated, now.time(), tzinfo=dt.UTC)
        row.published_by = actor.username
        s.flush()
        audit.record(
            s,
            actor,
            "publish",
            "notice_generation",
            row.id,
            None,
            {
                "regime": row.regime,
                "lang": row.lang,
                "register_version": row.register_version,
                "accepted_unverified": pending,
            },
        )
        return _view(row)


def generations(db: Database, regime: str | None = None) -> list[GenerationView]:
    with db.read() as s:
        q = select(NoticeGeneration).order_by(NoticeGeneration.id.desc())
        if regime:
            q = q.where(NoticeGeneration.regime == regime)
        return [_view(r) for r in s.execute(q).scalars()]


def last_published(db: Database, regime: str) -> GenerationView | None:
    with db.read() as s:
        row = _last_published(s, regime)
        return _view(row) if row is not None else None


# ---- settings -----------------------------------------------------------------------------------------


def get_contact(db: Database) -> dict[str, str]:
    with db.read() as s:
        return _contact(s)


def set_contact(db: Database, actor: Actor, contact: dict[str, str]) -> dict[str, str]:
    """How a person asks for a copy or for the Art. 28(3) information, in each language."""
    require(actor, Action.ORG_SETTINGS)
    problems = [
        Problem(f"contact.{lang}", error_text("keep this under {0} characters", MAX_CONTACT))
        for lang, text in contact.items()
        if len(text) > MAX_CONTACT
    ]
    problems += [Problem(f"contact.{lang}", "unknown language") for lang in contact if lang not in LANGUAGES]
    if problems:
        raise ValidationError("The contact text cannot be saved.", problems)
    value = {lang: text.strip() for lang, text in contact.items() if text.strip()}
    with db.unit_of_work() as s:
        row = s.get(OrgSetting, CONTACT_SETTING)
        before = row.value if row is not None else None
        if row is None:
            s.add(OrgSetting(key=CONTACT_SETTING, value=value))
        else:
            row.value = value
        s.flush()
        audit.record(s, actor, "update", "org_setting", CONTACT_SETTING, {"value": before}, {"value": value})
    return value


def set_notice_name(
    db: Database, actor: Actor, entity_id: int, mode: NoticeName | str
) -> entities.EntityView:
    """How the notice shows one entity: its name, its recipient category, or not at all (admins decide
    what the published policy may name)."""
    require(actor, Action.ORG_SETTINGS)
    try:
        value = NoticeName(mode)
    except ValueError as exc:
        raise ValidationError(
            "The setting cannot be saved.",
            [
                Problem(
                    "notice_name", error_text("choose one of: {0}", ", ".join(m.value for m in NoticeName))
                )
            ],
        ) from exc
    e = entities.get_entity(db, entity_id)
    data = entities.EntityInput(
        **{n: getattr(e, n) for n in entities.EntityInput.__dataclass_fields__ if n != "notice_name"},
        notice_name=value,
    )
    return entities.update_entity(db, actor, entity_id, data, e.row_version)


# ---- APPI Rule 18(3) -------------------------------------------------------------------------------------


def answer(db: Database, reference: str, lang: str) -> Document:
    """The information a person may ask for under APPI Art. 28(3) about one transfer (Rule 18(3))."""
    with db.read() as s:
        src = _sources(s, db, "JP")
        _check_regime_lang(src.dataset, "JP", lang)
        item = next((i for i in register_items(s, src.dataset) if i.reference == reference), None)
        if item is None:
            raise NotFound(
                error_text("No transfer {0} is in the register (or it is suspended).", repr(reference))
            )
        tool = src.tools.get(item.tools.get("JP", ""))
        if not item.approved or tool is None or tool.kind is not ToolKind.EQUIVALENT_MEASURES:
            raise ValidationError(
                error_text(
                    "{0} has no approved assessment relying on equivalent measures under the APPI; "
                    "the Art. 28(3) information applies only to that route (PPC Guidelines, offshore "
                    "transfers, 6).",
                    reference,
                )
            )
        dest = src.dataset.destinations[item.destination]
        return builder.compose_answer(item, src, lang, dest)
