import dataclasses
from tests import factories
from tests.unit.notice_support import TODAY, approve_transfer, build_register
from transfer_tool.assessment import service as aservice
from transfer_tool.domain import TransferStatus
from transfer_tool.notice import service
from transfer_tool.notice.document import to_markdown
from transfer_tool.register import transfers


def test_probe(db, admin, legal, manager):
    reg = build_register(db, admin, legal, manager)
    parent = transfers.get_transfer(db, reg.ids["jp_us"])
    ph = factories.entity(db, legal, "Manila Desk Inc.", "PH")
    child = transfers.add_onward_transfer(db, legal, parent.id, transfers.with_changes(parent, exporter_id=parent.importer_id, importer_id=ph.id, destination="PH"))
    with db.unit_of_work() as s:
        transfers.set_status(s, admin, child.id, TransferStatus.SUSPENDED)
    print(to_markdown(service.preview(db, "JP", "en", today=TODAY).document))
