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


def test_a_version_awaiting_review_refuses_a_change_to_what_it_assessed(
    db: Database, admin: Actor, legal: Actor, manager: Actor
) -> None:
    """The submitted version assessed the transfer as it was and cannot take the change (it is frozen):
    a change nothing flagged was then approved under the old facts, and the approval cleared the transfer
    (found in session 12's review). The app's wizard shows a submitted version read-only; the service now
    says the same: return it first."""
    from tests.unit.teamwork_support import TODAY
    from transfer_tool.assessment import service
    from transfer_tool.errors import ValidationError

    src = approved_transfer(db, admin, legal, manager, eu=False)
    v2 = service.submit(db, legal, service.new_version(db, legal, src.assessment.id).id, TODAY)
    t = transfers.get_transfer(db, src.transfer.id)
    changed = transfers.with_changes(t, data_categories=(*t.data_categories, "health records"))
    with pytest.raises(ValidationError) as refused:
        transfers.update_transfer(db, legal, t.id, changed, t.row_version)
    expected = (
        f"{t.reference} version 2 is awaiting review and assessed the transfer as it was when submitted, "
        "so the categories of personal data cannot change now; nothing was saved. Ask the reviewer to "
        "return it with comments, then change the transfer in the new version."
    )
    assert refused.value.message == expected
    assert translate(refused.value.message, "ja") == (
        f"{t.reference} 第2版はレビュー中で、提出時の移転の内容を評価しているため、個人データの項目は今は"
        "変更できません。何も保存されていません。レビュー担当者に差戻しを依頼し、新しい版で移転を変更して"
        "ください。"
    )
    assert transfers.get_transfer(db, t.id).data_categories == t.data_categories
    # The register's own details may still change.
    renamed = transfers.update_transfer(
        db, legal, t.id, transfers.with_changes(t, title="Renamed"), t.row_version
    )
    assert renamed.title == "Renamed" and not renamed.reassessment_needed
    # Once returned, the new version takes the change and nothing is flagged.
    service.return_with_comments(db, manager, v2.id, [("facts", "Add the health records.")])
    t = transfers.get_transfer(db, t.id)
    after = transfers.update_transfer(
        db, legal, t.id, transfers.with_changes(t, data_categories=changed.data_categories), t.row_version
    )
    assert after.data_categories == changed.data_categories and not after.reassessment_needed
