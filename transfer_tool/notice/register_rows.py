"""The register as the notice reads it: every transfer not suspended, with its latest approved version's
regimes, tools, measures and laws (else, planned, its latest draft's regimes), read as columns and as the
few fields of the stored record it needs."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from transfer_tool.assessment.record import (
    RECORD_FORMAT,
    RECORD_SCHEMA_VERSION,
    AssessmentRecord,
    MeasureStatus,
    StepConclusion,
    from_dict,
)
from transfer_tool.countries.shipped import CountryDataset
from transfer_tool.domain import AssessmentStatus, NoticeName, TransferStatus
from transfer_tool.notice.model import Recipient, RegisterItem
from transfer_tool.storage.models.assessment import Assessment
from transfer_tool.storage.models.core import Entity, Transfer


def _planned_regimes(dataset: CountryDataset, exporter_country: str, destination: str) -> tuple[str, ...]:
    return tuple(
        r.code
        for r in dataset.regimes.values()
        if exporter_country in r.exporter_countries and destination not in r.home_area
    )


@dataclass(frozen=True)
class _Approved:
    """The few fields of a stored assessment record the notice reads."""

    destination: str
    regimes: tuple[str, ...]
    tools: dict[str, str]
    destination_version: int | None
    in_place: tuple[str, ...]
    planned: tuple[tuple[str, dt.date | None], ...]
    laws_applying: tuple[str, ...]
    measures_needed: bool


def _read_record(raw: Any) -> _Approved:
    """Read straight from the stored JSON (decoding a whole record costs ~40× more); a record of another
    format or schema goes through `record.from_dict`, which says what is wrong with it."""
    current = (
        isinstance(raw, dict)
        and raw.get("format") == RECORD_FORMAT
        and raw.get("schema_version") == RECORD_SCHEMA_VERSION
    )
    if not current:
        return _decoded(from_dict(raw))
    try:
        body = raw["record"]
        applied = tuple(str(r) for r in body["regimes"]["applied"])
        added = tuple(str(a["regime"]) for a in body["regimes"]["added"] if a["regime"] not in applied)
        measures = body.get("measures") or []
        laws = body.get("law_practice", {}).get("laws") or []
        return _Approved(
            destination=str(body["facts"]["destination"]),
            regimes=applied + added,
            tools={str(t["regime"]): str(t["tool"]) for t in body.get("tools") or []},
            destination_version=body.get("destination_version"),
            in_place=tuple(
                str(m["code"]) for m in measures if m.get("status") == MeasureStatus.IN_PLACE.value
            ),
            planned=tuple(
                (str(m["code"]), dt.date.fromisoformat(m["due"]) if m.get("due") else None)
                for m in measures
                if m.get("status") == MeasureStatus.PLANNED.value
            ),
            laws_applying=tuple(str(a["law_key"]) for a in laws if a.get("applies") is True),
            measures_needed=body.get("law_practice", {}).get("conclusion")
            == StepConclusion.MEASURES_NEEDED.value,
        )
    except (AttributeError, KeyError, TypeError, ValueError):
        return _decoded(from_dict(raw))


def _decoded(record: AssessmentRecord) -> _Approved:
    return _Approved(
        destination=record.facts.destination,
        regimes=record.regimes.codes(),
        tools={c.regime: c.tool for c in record.tools},
        destination_version=record.destination_version,
        in_place=tuple(m.code for m in record.measures if m.status is MeasureStatus.IN_PLACE),
        planned=tuple((m.code, m.due) for m in record.measures if m.status is MeasureStatus.PLANNED),
        laws_applying=tuple(a.law_key for a in record.law_practice.laws if a.applies),
        measures_needed=record.law_practice.conclusion is StepConclusion.MEASURES_NEEDED,
    )


def register_items(session: Session, dataset: CountryDataset) -> list[RegisterItem]:
    """Every transfer not suspended: its latest approved version, else (planned) its latest draft.

    Reads columns, not ORM objects, and only the records of the versions that count: over 5,000
    transfers this is the difference between seconds and a fraction of one (bench/bench_notice.py)."""
    approved_ids: dict[int, int] = {}
    latest_ids: dict[int, int] = {}
    versions = select(Assessment.id, Assessment.transfer_id, Assessment.status).order_by(
        Assessment.version_no
    )
    for aid, tid, status in session.execute(versions):
        latest_ids[tid] = aid
        if status is AssessmentStatus.APPROVED:
            approved_ids[tid] = aid
    wanted = sorted(set(approved_ids.values()) | {a for t, a in latest_ids.items() if t not in approved_ids})
    rows: dict[int, Any] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        q = select(
            Assessment.id,
            Assessment.record,
            Assessment.version_no,
            Assessment.approved_at,
            Assessment.appi_check_date,
        ).where(Assessment.id.in_(chunk))
        rows.update({r.id: r for r in session.execute(q)})
    people = {
        e.id: e
        for e in session.execute(
            select(
                Entity.id,
                Entity.name,
                Entity.country,
                Entity.notice_name,
                Entity.is_group_company,
                Entity.certifications,
            )
        )
    }
    columns = select(
        Transfer.id,
        Transfer.reference,
        Transfer.status,
        Transfer.parent_id,
        Transfer.exporter_id,
        Transfer.importer_id,
        Transfer.destination,
        Transfer.recipient_type,
        Transfer.purposes,
        Transfer.data_categories,
        Transfer.remote_access_countries,
    ).order_by(Transfer.reference)
    found = list(session.execute(columns))
    onward: dict[int, set[str]] = {}
    for t in found:
        # A suspended sub-recipient (do not transfer) is no current onward transfer.
        if t.parent_id is not None and t.status is not TransferStatus.SUSPENDED:
            onward.setdefault(t.parent_id, set()).add(t.destination)
    items: list[RegisterItem] = []
    for t in found:
        if t.status is TransferStatus.SUSPENDED:
            continue
        imp = people[t.importer_id]
        exporter_country = people[t.exporter_id].country
        base = RegisterItem(
            reference=t.reference,
            approved=False,
            regimes=(),
            exporter_country=exporter_country,
            destination=t.destination,
            recipient=Recipient(
                imp.name,
                NoticeName(imp.notice_name or NoticeName.CATEGORY),
                imp.is_group_company,
                tuple(imp.certifications or ()),
            ),
            recipient_type=t.recipient_type,
            purposes=tuple(t.purposes or ()),
            data_categories=tuple(t.data_categories or ()),
            remote_access=tuple(t.remote_access_countries or ()),
            onward=tuple(sorted(onward.get(t.id, ()))),
        )
        approved_id = approved_ids.get(t.id)
        if approved_id is None:
            draft = rows.get(latest_ids.get(t.id, -1))
            regimes = (
                _read_record(draft.record).regimes
                if draft is not None
                else _planned_regimes(dataset, exporter_country, t.destination)
            )
            items.append(replace(base, regimes=regimes))
            continue
        row = rows[approved_id]
        record = _read_record(row.record)
        destination = record.destination or t.destination  # as assessed and approved
        dest = dataset.destinations.get(destination)
        law_names = {law.key: law.name for law in dest.access_laws} if dest else {}
        problematic = {law.key for law in dest.access_laws if law.problematic} if dest else set()
        items.append(
            replace(
                base,
                approved=True,
                destination=destination,
                regimes=record.regimes,
                tools=record.tools,
                version_no=row.version_no,
                destination_version=record.destination_version,
                measures_in_place=record.in_place,
                measures_planned=record.planned,
                problematic_laws=tuple(law_names.get(k, k) for k in record.laws_applying if k in problematic),
                measures_needed=record.measures_needed,
                approved_at=row.approved_at.date() if row.approved_at else None,
                appi_check_due=row.appi_check_date,
            )
        )
    return items
