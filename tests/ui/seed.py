"""Register contents for UI tests, screenshots and benchmarks.

`realistic_register` goes through the services (entities, transfers, audit) and then sets statuses,
re-evaluation dates and re-assessment flags the way the assessment workflow and country updates would.
`bulk_register` writes rows directly (100,000 in seconds) for the benchmarks only.
"""

from __future__ import annotations

import datetime as dt
import random

from sqlalchemy import insert, select, update

from transfer_tool.accounts.permissions import Actor
from transfer_tool.domain import DataFormat, Frequency, KeyHolder, PartyRole, TransferStatus
from transfer_tool.register import entities, transfers
from transfer_tool.storage.database import Database
from transfer_tool.storage.models.core import Entity, Transfer

EXPORTERS = (
    ("Net Japan Co., Ltd.", "JP"),
    ("Net Japan Europe GmbH", "DE"),
    ("Net Japan UK Ltd.", "GB"),
    ("ネット・ジャパン株式会社 大阪支社", "JP"),
)
IMPORTERS = (
    ("Pacific Contact Services Inc.", "US"),
    ("CloudNine Hosting LLC", "US"),
    ("Seoul Analytics Co.", "KR"),
    ("Bangalore Support Pvt. Ltd.", "IN"),
    ("Net Japan Singapore Pte. Ltd.", "SG"),
    ("Hanoi Dev Center JSC", "VN"),
    ("Sydney Marketing Pty Ltd", "AU"),
    ("São Paulo Pagamentos Ltda.", "BR"),
    ("Dubai Logistics FZE", "AE"),
    ("Toronto Payroll Inc.", "CA"),
    ("Shenzhen Manufacturing Co.", "CN"),
    ("Zürich Treuhand AG", "CH"),
    ("上海客服中心有限公司", "CN"),
    ("Mexico City Retail S.A.", "MX"),
)
TITLES = (
    "Customer support platform",
    "Payroll processing",
    "Website analytics",
    "Cloud hosting of the online shop",
    "Recruiting: applicant tracking",
    "Marketing e-mail campaigns",
    "Group HR directory",
    "Payment handling",
    "Fraud monitoring",
    "顧客サポート窓口の委託",
    "Warranty repairs and shipping",
    "IT helpdesk (remote access)",
)
STATUS_MIX = (
    [TransferStatus.APPROVED] * 5
    + [TransferStatus.DRAFT] * 3
    + [TransferStatus.NEW] * 3
    + [TransferStatus.SUBMITTED] * 2
    + [TransferStatus.RETURNED]
    + [TransferStatus.SUSPENDED]
)


# The day the screen tests fix as "today" (tests/ui/conftest.py's TODAY; it imports this module). The
# re-evaluation dates count from it: from the computer's local date they were overdue or not by the day
# the tests ran on, against a screen that counts from the fixed day.
DAY = dt.date(2026, 11, 26)


def realistic_register(
    db: Database, actor: Actor, count: int = 50, seed: int = 7, today: dt.date = DAY
) -> list[int]:
    """`count` transfers through the services, with varied statuses, dates (re-evaluations around `today`)
    and flags; returns their ids."""
    rnd = random.Random(seed)
    exporters = [
        entities.create_entity(db, actor, entities.EntityInput(name=n, country=c, is_group_company=True)).id
        for n, c in EXPORTERS
    ]
    importers = [
        (entities.create_entity(db, actor, entities.EntityInput(name=n, country=c)).id, c)
        for n, c in IMPORTERS
    ]
    ids = []
    for i in range(count):
        imp, country = importers[i % len(importers)]
        data = transfers.TransferInput(
            exporter_id=rnd.choice(exporters),
            importer_id=imp,
            destination=country,
            exporter_role=PartyRole.CONTROLLER,
            importer_role=rnd.choice([PartyRole.PROCESSOR, PartyRole.CONTROLLER]),
            title=TITLES[i % len(TITLES)],
            recipient_type="subcontractor",
            data_categories=("contact", "financial") if i % 2 else ("contact",),
            data_subjects=("customers",),
            purposes=("respond_requests",),
            legal_bases=("contract",),
            frequency=Frequency.CONTINUOUS,
            format_in_transit=DataFormat.ENCRYPTED,
            format_at_rest=DataFormat.CLEAR,
            key_holder=KeyHolder.NOT_APPLICABLE,
            retention="Contract term plus 1 year",
        )
        ids.append(transfers.create_transfer(db, actor, data).id)
    with db.unit_of_work() as s:
        for n, tid in enumerate(ids):
            status = STATUS_MIX[n % len(STATUS_MIX)]
            next_review = None
            if status in (TransferStatus.APPROVED, TransferStatus.SUSPENDED):
                next_review = today + dt.timedelta(days=rnd.randint(-120, 400))
            flagged = status == TransferStatus.APPROVED and n % 4 == 0
            s.execute(
                update(Transfer)
                .where(Transfer.id == tid)
                .values(
                    status=status,
                    next_review=next_review,
                    reassessment_needed=flagged,
                    reassessment_reason=(
                        "EU GDPR: the destination's status changed (country data version 2)"
                        if flagged
                        else ""
                    ),
                )
            )
    return ids


def bulk_register(db: Database, count: int, seed: int = 11) -> None:
    """`count` transfers written directly (benchmarks only: no audit events, no validation)."""
    rnd = random.Random(seed)
    now = dt.datetime.now(dt.UTC)
    today = dt.date.today()
    with db.unit_of_work() as s:
        s.execute(
            insert(Entity),
            [{"name": n, "country": c, "is_group_company": True, "row_version": 1} for n, c in EXPORTERS]
            + [{"name": n, "country": c, "row_version": 1} for n, c in IMPORTERS],
        )
        ents = list(s.execute(select(Entity.id, Entity.name, Entity.country)))
    exp_ids = [e.id for e in ents if any(e.name == n for n, _c in EXPORTERS)]
    imps = [(e.id, e.country) for e in ents if any(e.name == n for n, _c in IMPORTERS)]
    batch = 5000
    with db.unit_of_work() as s:
        start = int(s.scalar(select(Transfer.id).order_by(Transfer.id.desc()).limit(1)) or 0)
        for first in range(0, count, batch):
            rows = []
            for i in range(first, min(count, first + batch)):
                imp, country = imps[i % len(imps)]
                status = STATUS_MIX[i % len(STATUS_MIX)]
                rows.append(
                    {
                        "reference": f"TR-{start + i + 1:06d}",
                        "title": f"{TITLES[i % len(TITLES)]} #{i}",
                        "exporter_id": rnd.choice(exp_ids),
                        "importer_id": imp,
                        "exporter_role": PartyRole.CONTROLLER,
                        "importer_role": PartyRole.PROCESSOR,
                        "destination": country,
                        "data_categories": ["contact"],
                        "data_subjects": ["customers"],
                        "purposes": ["respond_requests"],
                        "legal_bases": ["contract"],
                        "retention": "Contract term",
                        "status": status,
                        "reassessment_needed": i % 37 == 0,
                        "next_review": today + dt.timedelta(days=rnd.randint(-100, 700))
                        if status == TransferStatus.APPROVED
                        else None,
                        "created_at": now,
                        "updated_at": now,
                        "row_version": 1,
                    }
                )
            s.execute(insert(Transfer), rows)
