"""An onward transfer added, changed or removed after its parent's assessment was approved flags the parent:
the approved version listed the parent's onward transfers (recipient, country, purpose: SCC Annex I.B, the
EDPB's step 1), so a new sub-recipient in another country was transferred to under an approval that never
saw it, and nothing was flagged (found in session 13's review of the team database's guard)."""

from __future__ import annotations

import dataclasses

import pytest

from tests.unit.teamwork_support import TODAY, Approved, approved_transfer
from transfer_tool.accounts.permissions import Actor
from transfer_tool.assessment import service
from transfer_tool.countries import store
from transfer_tool.domain import PartyRole
from transfer_tool.errors import ValidationError
from transfer_tool.i18n.stored_text import translate
from transfer_tool.register import transfers
from transfer_tool.storage.database import Database

pytestmark = pytest.mark.both_databases

ONWARD_CHANGED = (
    "Changed after its assessment was approved: the onward transfers. "
    "A new version assesses the transfer as it now is."
)


def _onward(src: Approved, destination: str = "PH") -> transfers.TransferInput:
    t = src.transfer
    return transfers.with_changes(
        t,
        exporter_id=t.importer_id,
        importer_id=src.parties.sub_processor.id,
        exporter_role=PartyRole.PROCESSOR,
        importer_role=PartyRole.PROCESSOR,
        destination=destination,
        title="Second-line support (Manila)",
    )


def _parent(db: Database, src: Approved) -> transfers.TransferView:
    return transfers.get_transfer(db, src.transfer.id)


def test_a_new_onward_transfer_flags_the_approved_parent(
    db: Database, admin: Actor, legal: Actor, manager: Actor
) -> None:
    src = approved_transfer(db, admin, legal, manager, eu=False)
    child = transfers.add_onward_transfer(db, legal, src.transfer.id, _onward(src))
    parent = _parent(db, src)
    assert parent.reassessment_needed and parent.reassessment_reason == ONWARD_CHANGED
    assert translate(parent.reassessment_reason, "ja") == (
        "評価の承認後に変更された：再移転。新しい版で現在の移転の内容を評価する。"
    )
    assert [f.kind for f in store.open_flags(db, parent.id)] == ["transfer"]
    assert not transfers.get_transfer(db, child.id).reassessment_needed  # the child has no approval yet


def test_an_onward_transfers_new_country_flags_the_parent_its_notes_do_not(
    db: Database, admin: Actor, legal: Actor, manager: Actor
) -> None:
    src = approved_transfer(db, admin, legal, manager, eu=False)
    # Added while a new version of the parent was in progress: that version lists it, nothing is flagged.
    draft = service.new_version(db, legal, src.assessment.id)
    child = transfers.add_onward_transfer(db, legal, src.transfer.id, _onward(src))
    assert not _parent(db, src).reassessment_needed
    service.submit(db, legal, draft.id, TODAY)
    from tests import approval_support

    approval_support.approve(db, manager, draft.id, TODAY)
    assert not _parent(db, src).reassessment_needed

    child = transfers.update_transfer(
        db,
        legal,
        child.id,
        transfers.with_changes(child, notes="Helpdesk hours 22:00-06:00"),
        child.row_version,
    )
    assert not _parent(db, src).reassessment_needed
    transfers.update_transfer(
        db, legal, child.id, transfers.with_changes(child, destination="IN"), child.row_version
    )
    parent = _parent(db, src)
    assert parent.reassessment_needed and parent.reassessment_reason == ONWARD_CHANGED


def test_removing_an_onward_transfer_flags_the_approved_parent(
    db: Database, admin: Actor, legal: Actor, manager: Actor
) -> None:
    src = approved_transfer(db, admin, legal, manager, eu=False)
    draft = service.new_version(db, legal, src.assessment.id)
    child = transfers.add_onward_transfer(db, legal, src.transfer.id, _onward(src))
    service.submit(db, legal, draft.id, TODAY)
    from tests import approval_support

    approval_support.approve(db, manager, draft.id, TODAY)
    transfers.delete_transfer(db, legal, child.id, transfers.get_transfer(db, child.id).row_version)
    parent = _parent(db, src)
    assert parent.reassessment_needed and parent.reassessment_reason == ONWARD_CHANGED


def test_a_parent_awaiting_review_refuses_a_new_onward_transfer(
    db: Database, admin: Actor, legal: Actor, manager: Actor
) -> None:
    src = approved_transfer(db, admin, legal, manager, eu=False)
    before = [o.reference for o in _parent(db, src).onward]  # the demo's Manila helpdesk
    service.submit(db, legal, service.new_version(db, legal, src.assessment.id).id, TODAY)
    with pytest.raises(ValidationError, match="the onward transfers cannot change now"):
        transfers.add_onward_transfer(db, legal, src.transfer.id, _onward(src, "IN"))
    assert [o.reference for o in _parent(db, src).onward] == before  # nothing was saved


def test_an_onward_transfer_added_while_a_new_version_is_in_progress_is_in_that_version(
    db: Database, admin: Actor, legal: Actor, manager: Actor
) -> None:
    """The version in progress answers the new onward transfer (nothing is flagged), so the version
    submitted lists it; it was submitted and approved without it, and nothing was flagged."""
    src = approved_transfer(db, admin, legal, manager, eu=False)
    draft = service.new_version(db, legal, src.assessment.id)
    transfers.add_onward_transfer(db, legal, src.transfer.id, _onward(src, "IN"))
    assert not _parent(db, src).reassessment_needed
    submitted = service.submit(db, legal, draft.id, TODAY)
    assert ("IN", "Second-line support (Manila)") in {
        (o.country, o.purpose) for o in submitted.record.facts.onward_transfers
    }


def test_two_onward_transfers_added_flag_the_parent_once(
    db: Database, admin: Actor, legal: Actor, manager: Actor
) -> None:
    """Each flag is a line on the new version's first page and in the re-assessment list: two sub-recipients
    added (by hand or by one import) said 'Changed after its assessment was approved: the onward transfers'
    twice over. The same reason still open is not raised again; another reason is."""
    src = approved_transfer(db, admin, legal, manager, eu=False)
    transfers.add_onward_transfer(db, legal, src.transfer.id, _onward(src, "IN"))
    transfers.add_onward_transfer(db, legal, src.transfer.id, _onward(src, "VN"))
    assert [f.reason for f in store.open_flags(db, src.transfer.id)] == [ONWARD_CHANGED]
    parent = _parent(db, src)
    transfers.update_transfer(
        db, legal, parent.id, transfers.with_changes(parent, retention="Ten years"), parent.row_version
    )
    assert len(store.open_flags(db, src.transfer.id)) == 2


def _onward_rows(reference: str, *destinations: str) -> bytes:
    """A register file of onward transfers of `reference`, one to each destination."""
    import csv
    import io

    from transfer_tool.register.register_columns import NAMES

    rows = []
    for destination in destinations:
        cells = dict.fromkeys(NAMES, "")
        cells.update(
            exporter="Net Japan Co., Ltd.",
            exporter_country="JP",
            importer=f"Desk {destination}",
            importer_country=destination,
            destination=destination,
            data_categories="contact",
            purposes="respond_requests",
            retention="1 year",
            onward_of=reference,
        )
        rows.append([cells[n] for n in NAMES])
    out = io.StringIO()
    csv.writer(out).writerows([NAMES, *rows])
    return out.getvalue().encode()


def test_an_import_of_two_onward_transfers_of_an_approved_parent_flags_it_once(
    db: Database, admin: Actor, legal: Actor, manager: Actor
) -> None:
    from transfer_tool.register import register_import

    src = approved_transfer(db, admin, legal, manager, eu=False)
    raw = _onward_rows(src.transfer.reference, "IN", "VN")
    assert register_import.import_file(db, legal, raw, "register.csv").created == 2
    assert [f.reason for f in store.open_flags(db, src.transfer.id)] == [ONWARD_CHANGED]


def test_the_import_check_names_an_onward_row_whose_parent_awaits_review(
    db: Database, admin: Actor, legal: Actor, manager: Actor
) -> None:
    """The preview (and `transfers import --check`) said 'no problems' for a file the import then refused:
    its onward row continues a transfer whose version awaits review."""
    from transfer_tool.errors import ImportRefused
    from transfer_tool.register import register_import

    src = approved_transfer(db, admin, legal, manager, eu=False)
    service.submit(db, legal, service.new_version(db, legal, src.assessment.id).id, TODAY)
    raw = _onward_rows(src.transfer.reference, "IN")
    expected = [
        (
            "line 2, column onward_of",
            f"{src.transfer.reference} version 2 is awaiting review and assessed the transfer as it was when "
            "submitted, so the onward transfers cannot change now; nothing was saved. Ask the reviewer to "
            "return it with comments, then change the transfer in the new version.",
        )
    ]
    found = register_import.preview(raw, "register.csv", db=db)
    assert [(str(p.location), str(p.message)) for p in found.problems] == expected
    with pytest.raises(ImportRefused) as refused:
        register_import.import_file(db, legal, raw, "register.csv")
    assert [(str(p.location), str(p.message)) for p in refused.value.problems] == expected


def test_the_report_names_each_onward_transfer_by_its_own_entry(
    db: Database, admin: Actor, legal: Actor, manager: Actor
) -> None:
    """Two sub-recipients of one company in one country, told apart by their purpose: each row of the
    report's onward transfers names its own register entry."""
    from transfer_tool.report.data import localize

    src = approved_transfer(db, admin, legal, manager, eu=False)
    draft = service.new_version(db, legal, src.assessment.id)
    billing = dataclasses.replace(_onward(src), title="Billing disputes (Manila)")
    added = transfers.add_onward_transfer(db, legal, src.transfer.id, billing)
    submitted = service.submit(db, legal, draft.id, TODAY)
    data = service.build_report_data(db, submitted.id, TODAY)
    rows = {o.purpose: localize(o.safeguard, "en") for o in data.transfer.onward_transfers}
    (first,) = [o for o in _parent(db, src).onward if o.id != added.id]
    assert rows[first.title] == f"Assessed separately as {first.reference} (New)"
    assert rows["Billing disputes (Manila)"] == f"Assessed separately as {added.reference} (New)"
