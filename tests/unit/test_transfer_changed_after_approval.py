"""A transfer changed after its assessment was approved is flagged for re-assessment: the approved version
assessed the transfer as it then was, and the register, the notice and the calendar would otherwise state
new facts under the old approval (found in session 12's review of what leaves the tool)."""

from __future__ import annotations

import pytest

from tests.unit.teamwork_support import approved_transfer
from transfer_tool.accounts.permissions import Actor
from transfer_tool.assessment import reassessment
from transfer_tool.countries import store
from transfer_tool.i18n.stored_text import translate
from transfer_tool.register import transfers
from transfer_tool.register.approved_changes import TRANSFER_FLAG_KIND
from transfer_tool.storage.database import Database

pytestmark = pytest.mark.both_databases


def test_a_new_data_category_and_purpose_after_approval_flag_the_transfer(
    db: Database, admin: Actor, legal: Actor, manager: Actor
) -> None:
    src = approved_transfer(db, admin, legal, manager, eu=False)
    t = src.transfer
    assert not t.reassessment_needed
    changed = transfers.with_changes(
        t, data_categories=(*t.data_categories, "health records"), purposes=(*t.purposes, "marketing")
    )
    after = transfers.update_transfer(db, legal, t.id, changed, t.row_version)
    assert after.reassessment_needed
    expected = (
        "Changed after its assessment was approved: the categories of personal data, the purposes. "
        "A new version assesses the transfer as it now is."
    )
    assert after.reassessment_reason == expected
    assert translate(after.reassessment_reason, "ja") == (
        "評価の承認後に変更された：個人データの項目、利用目的。新しい版で現在の移転の内容を評価する。"
    )
    (flag,) = store.open_flags(db, t.id)
    assert (flag.kind, flag.regime, flag.destination, flag.reason) == (TRANSFER_FLAG_KIND, "", "US", expected)
    # Listed with the flagged transfers, so the bulk re-assessment and the dashboard find it.
    assert t.id in reassessment.flagged_transfer_ids(db)


def test_another_importer_after_approval_flags_the_transfer(
    db: Database, admin: Actor, legal: Actor, manager: Actor
) -> None:
    src = approved_transfer(db, admin, legal, manager, eu=False)
    t = src.transfer
    other = src.parties.eu_subsidiary  # any other entity
    after = transfers.update_transfer(
        db, legal, t.id, transfers.with_changes(t, importer_id=other.id), t.row_version
    )
    assert after.reassessment_needed and "the importer" in after.reassessment_reason


def test_the_title_and_notes_are_the_registers_own_and_flag_nothing(
    db: Database, admin: Actor, legal: Actor, manager: Actor
) -> None:
    src = approved_transfer(db, admin, legal, manager, eu=False)
    t = src.transfer
    after = transfers.update_transfer(
        db,
        legal,
        t.id,
        transfers.with_changes(t, title="Support desk (renamed)", notes="see ticket"),
        t.row_version,
    )
    assert not after.reassessment_needed
    assert store.open_flags(db, t.id) == []


def test_a_version_in_progress_answers_the_change_and_nothing_is_flagged(
    db: Database, admin: Actor, legal: Actor, manager: Actor
) -> None:
    src = approved_transfer(db, admin, legal, manager, eu=False)
    (started,) = reassessment.reassess_many(db, legal, [src.transfer.id])
    assert started.result == reassessment.STARTED
    t = transfers.get_transfer(db, src.transfer.id)
    after = transfers.update_transfer(
        db, legal, t.id, transfers.with_changes(t, purposes=(*t.purposes, "marketing")), t.row_version
    )
    assert not after.reassessment_needed
    assert store.open_flags(db, t.id) == []


def test_a_transfer_never_approved_is_not_flagged(db: Database, admin: Actor, legal: Actor) -> None:
    from tests import factories

    exp = factories.entity(db, legal, "Exporter KK", "JP")
    imp = factories.entity(db, legal, "Importer Inc", "US")
    t = transfers.create_transfer(db, legal, factories.transfer_input(exp.id, imp.id, "US"))
    after = transfers.update_transfer(
        db, legal, t.id, transfers.with_changes(t, purposes=("support",)), t.row_version
    )
    assert not after.reassessment_needed
