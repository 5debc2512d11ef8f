"""Issue #16, 2: the acceptance threshold is the organisation's setting (an admin changes it), never the
assessor's on the page that computes the risk; a new assessment reads the factors per period by default."""

from __future__ import annotations

import dataclasses

from tests.unit.test_assessment_service import _fr_to_us
from transfer_tool.accounts.permissions import Actor
from transfer_tool.assessment import service
from transfer_tool.assessment.record import RiskInputMode
from transfer_tool.storage.database import Database


def test_the_assessor_cannot_move_the_organisations_threshold(
    db: Database, admin: Actor, legal: Actor
) -> None:
    service.set_org_settings(db, admin, service.OrgSettings(risk_threshold=0.05))
    t = _fr_to_us(db, legal)
    a = service.start_assessment(db, legal, t.id)
    assert a.record.risk.threshold == 0.05
    assert a.record.risk.mode is RiskInputMode.PER_PERIOD  # the published template's reading
    lenient = dataclasses.replace(a.record, risk=dataclasses.replace(a.record.risk, threshold=0.5))
    saved = service.save_draft(db, legal, a.id, lenient, a.row_version, page="risk")
    assert saved.record.risk.threshold == 0.05
    # An administrator's new setting applies from the next save.
    service.set_org_settings(db, admin, service.OrgSettings(risk_threshold=0.02))
    again = service.save_draft(db, legal, a.id, saved.record, saved.row_version, page="risk")
    assert again.record.risk.threshold == 0.02
