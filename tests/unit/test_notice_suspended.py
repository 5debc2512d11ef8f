"""The notice states only what is current: a transfer or a sub-recipient whose approved assessment
concluded "do not transfer" (the register says suspended) is not listed, in either language."""

from __future__ import annotations

from tests import factories
from tests.unit.notice_support import TODAY, approve_transfer, build_register
from transfer_tool.accounts.permissions import Actor
from transfer_tool.domain import Conclusion, TransferStatus
from transfer_tool.notice import service
from transfer_tool.notice.document import to_markdown
from transfer_tool.register import transfers
from transfer_tool.storage.database import Database


def _onward_line(db: Database, lang: str) -> list[str]:
    text = to_markdown(service.preview(db, "JP", lang, today=TODAY).document)
    label = "Onward transfers to" if lang == "en" else "再移転先"
    return [line.strip() for line in text.splitlines() if label in line]


def test_a_suspended_sub_recipient_is_not_listed_as_an_onward_transfer(
    db: Database, admin: Actor, legal: Actor, manager: Actor
) -> None:
    register = build_register(db, admin, legal, manager)
    parent = transfers.get_transfer(db, register.ids["jp_us"])
    onward = {}
    for code, name in (("PH", "Manila Desk Inc."), ("VN", "Hanoi Desk JSC")):
        sub = factories.entity(db, legal, name, code)
        onward[code] = transfers.add_onward_transfer(
            db,
            legal,
            parent.id,
            transfers.with_changes(
                parent, exporter_id=parent.importer_id, importer_id=sub.id, destination=code
            ),
        )
    # Both sub-recipients are recorded under the approved JP -> US transfer: both are listed.
    assert _onward_line(db, "en") == ["- **Onward transfers to** Philippines, Vietnam"]
    # The Philippine desk's assessment concludes "do not transfer": it is no onward transfer any more.
    view = approve_transfer(
        db, legal, manager, onward["PH"].id, {"JP": "jp_equivalent_measures"}, Conclusion.DO_NOT_TRANSFER
    )
    assert view.record.conclusion.chosen is Conclusion.DO_NOT_TRANSFER
    assert transfers.get_transfer(db, onward["PH"].id).status is TransferStatus.SUSPENDED
    assert _onward_line(db, "en") == ["- **Onward transfers to** Vietnam"]
    assert _onward_line(db, "ja") == ["- **再移転先** ベトナム"]
