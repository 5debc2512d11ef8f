"""Due dates as an iCalendar file (RFC 5545, the `icalendar` package, imported only when a file is written).

One all-day event for each re-evaluation date, APPI yearly check and planned measure with a due date of
every transfer's latest approved version. A UID names the register, the transfer and the kind of date (and
the measure), not the version, so importing a newer file into Outlook or Google Calendar moves the event
instead of adding a second one; SEQUENCE is the version number, so the newer file wins. The register is
named by the hash of its first audit event (written once, copied with the database): two registers both
have a TR-000001, and a calendar fed from both would otherwise let one's dates overwrite the other's.

A date an earlier approved version had and the latest no longer has (a measure since put in place or
dropped, a yearly check that no longer falls due) comes as a cancelled event (RFC 5545 STATUS:CANCELLED, its
summary saying so) under the latest version's SEQUENCE: importing the newer file updates the old event
rather than leaving it due in the calendar for ever."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from dataclasses import dataclass

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from transfer_tool.accounts.permissions import Action, Actor, require
from transfer_tool.assessment.measures import load_measure_catalog
from transfer_tool.assessment.record import MeasureStatus, from_dict
from transfer_tool.domain import AssessmentStatus
from transfer_tool.errors import ValidationError
from transfer_tool.i18n.catalogue import gettext
from transfer_tool.i18n.engine_text import error_text
from transfer_tool.records import audit
from transfer_tool.storage.database import Database
from transfer_tool.storage.models.assessment import Assessment
from transfer_tool.storage.models.core import AuditEvent, Transfer

UID_DOMAIN = "transfer-tool.invalid"  # a reserved name: UIDs must be unique, not resolvable
LANGUAGES = ("en", "ja")

# The calendar's words: messages of the catalogue's `calendar` domain (data/locale/<lang>/LC_MESSAGES).
DOMAIN = "calendar"
_KIND_TEXT = {
    "reevaluation": "Re-evaluation due",
    "appi_yearly_check": "APPI yearly check due",
    "action": "Measure due",
}
_WHAT = {
    "reevaluation": "Re-evaluate the transfer impact assessment (start a new version from the approved one).",
    "appi_yearly_check": "Check the recipient's equivalent measures and the foreign system (APPI Art. 28(3), "
    "PPC Rules Art. 18).",
    "action": "Put the planned measure in place: {name}",
}


@dataclass(frozen=True)
class DueItem:
    kind: str  # "reevaluation" | "appi_yearly_check" | "action"
    due: dt.date
    transfer_reference: str
    transfer_title: str
    version_no: int
    measure_code: str = ""
    measure_en: str = ""
    measure_ja: str = ""
    owner: str = ""
    transfer_id: int = 0
    register: str = ""  # which register: its first audit event's hash (the module's docstring)
    cancelled: bool = False  # an earlier approval's date the latest no longer has

    @property
    def uid(self) -> str:
        key = f"{self.register}/{self.transfer_reference}/{self.kind}/{self.measure_code}"
        digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:24]
        return f"{self.kind}-{digest}@{UID_DOMAIN}"


def due_items(
    db: Database, actor: Actor, *, responsible_id: int | None = None, cancelled: bool = False
) -> list[DueItem]:
    """Every date to put in a calendar, earliest first (past ones too: an overdue check is still due);
    with `responsible_id`, only those of the transfers that person is responsible for; with `cancelled`,
    also the dates of earlier approvals the latest no longer has, marked cancelled (for the file)."""
    require(actor, Action.READ)
    catalog = load_measure_catalog()
    with db.read() as s:
        audit.check_actor(s, actor)
        register = _register_identity(s)
        q = (
            select(Assessment, Transfer.reference, Transfer.title)
            .join(Transfer, Transfer.id == Assessment.transfer_id)
            .where(Assessment.status == AssessmentStatus.APPROVED)
            .order_by(Assessment.transfer_id, Assessment.version_no.desc())
        )
        if not cancelled:  # the latest approval of each transfer only (the dashboard reads this often)
            latest_no = (
                select(Assessment.transfer_id, func.max(Assessment.version_no).label("v"))
                .where(Assessment.status == AssessmentStatus.APPROVED)
                .group_by(Assessment.transfer_id)
                .subquery()
            )
            q = q.join(
                latest_no,
                and_(
                    latest_no.c.transfer_id == Assessment.transfer_id,
                    latest_no.c.v == Assessment.version_no,
                ),
            )
        if responsible_id is not None:
            q = q.where(Transfer.owner_id == responsible_id)
        out: list[DueItem] = []
        latest: dict[int, tuple[int, set[str]]] = {}  # transfer -> its latest approval's number, UIDs
        for a, ref, title in s.execute(q):
            tid = a.transfer_id
            if tid in latest and not cancelled:
                continue
            items = []
            for kind, due in (
                ("reevaluation", a.re_evaluation_date),
                ("appi_yearly_check", a.appi_check_date),
            ):
                if due is not None:
                    items.append(DueItem(kind, due, ref, title, a.version_no, transfer_id=tid))
            for m in from_dict(a.record).measures:
                if m.status is MeasureStatus.PLANNED and m.due is not None:
                    d = catalog.get(m.code)
                    # A measure no longer in the catalogue is named as such: its code is no name.
                    en = d.name_en if d else _unknown_measure("en")
                    ja = (d.name_ja or en) if d else _unknown_measure("ja")
                    items.append(
                        DueItem("action", m.due, ref, title, a.version_no, m.code, en, ja, m.owner, tid)
                    )
            items = [dataclasses.replace(i, register=register) for i in items]
            if tid not in latest:  # versions come newest first
                latest[tid] = (a.version_no, {i.uid for i in items})
                out.extend(items)
                continue
            newest, seen = latest[tid]
            for i in items:  # gone from the latest approval: cancelled, as of that approval
                if i.uid not in seen:
                    seen.add(i.uid)
                    out.append(dataclasses.replace(i, version_no=newest, cancelled=True))
    return sorted(out, key=lambda i: (i.due, i.transfer_reference, i.kind, i.measure_code))


def _register_identity(s: Session) -> str:
    """The hash of the register's first audit event ("" before any: then nothing is approved either)."""
    return s.scalar(select(AuditEvent.hash).order_by(AuditEvent.seq).limit(1)) or ""


def open_actions(db: Database, actor: Actor, responsible_id: int) -> list[DueItem]:
    """The planned measures, with a due date, of the approved assessments of the transfers `responsible_id`
    is responsible for: what that person still has to see done, earliest first (issue #23)."""
    return [i for i in due_items(db, actor, responsible_id=responsible_id) if i.kind == "action"]


def _unknown_measure(lang: str) -> str:
    return gettext(DOMAIN, "a measure that is no longer in the catalogue", lang)


def _measure_name(item: DueItem, lang: str) -> str:
    return item.measure_ja if lang == "ja" else item.measure_en  # the catalogue's own two names


def _summary(item: DueItem, lang: str) -> str:
    title = f" {item.transfer_title}" if item.transfer_title else ""
    measure = ""
    if item.kind == "action":
        measure = gettext(DOMAIN, " ({name})", lang, name=_measure_name(item, lang))
    head = gettext(DOMAIN, _KIND_TEXT[item.kind], lang)
    text = gettext(DOMAIN, "{kind}: {reference}", lang, kind=head, reference=item.transfer_reference) + (
        title + measure
    )
    return gettext(DOMAIN, "No longer due: {summary}", lang, summary=text) if item.cancelled else text


def _description(item: DueItem, lang: str) -> str:
    what = gettext(
        DOMAIN,
        _WHAT[item.kind],
        lang,
        **({"name": _measure_name(item, lang)} if item.kind == "action" else {}),
    )
    transfer = f"{item.transfer_reference} {item.transfer_title}".strip()
    lines = [
        what,
        gettext(DOMAIN, "Transfer: {text}", lang, text=transfer),
        gettext(DOMAIN, "Approved version: {n}", lang, n=item.version_no),
    ]
    if item.cancelled:
        lines[0] = gettext(
            DOMAIN, "No longer due: approved version {n} does not have this date.", lang, n=item.version_no
        )
        del lines[2]
    if item.owner:
        lines.append(gettext(DOMAIN, "Owner: {name}", lang, name=item.owner))
    return "\n".join(lines)


def ics_bytes(items: list[DueItem], lang: str = "en", now: dt.datetime | None = None) -> bytes:
    """The calendar file: one all-day VEVENT per item (cancelled ones marked so)."""
    if lang not in LANGUAGES:
        raise ValidationError(error_text("unsupported calendar language {0}; use en or ja", lang))
    from icalendar import Calendar, Event

    stamp = now or dt.datetime.now(dt.UTC)
    cal = Calendar()
    cal.add("prodid", "-//transfer-tool//due dates//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", gettext(DOMAIN, "Transfer assessments: due dates", lang))
    for item in items:
        ev = Event()
        ev.add("uid", item.uid)
        ev.add("dtstamp", stamp)
        ev.add("sequence", item.version_no)
        ev.add("dtstart", item.due)
        ev.add("dtend", item.due + dt.timedelta(days=1))
        ev.add("summary", _summary(item, lang))
        ev.add("description", _description(item, lang))
        ev.add("categories", [gettext(DOMAIN, _KIND_TEXT[item.kind], lang)])
        ev.add("transp", "TRANSPARENT")
        if item.cancelled:
            ev.add("status", "CANCELLED")
        cal.add_component(ev)
    data: bytes = cal.to_ical()
    return data
