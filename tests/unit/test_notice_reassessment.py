"""A transfer changed after its approved assessment (flagged for re-assessment) is in the notice with the
approved version's safeguard and measures, which do not yet cover the change: the notice's checks name it,
and publishing needs the same explicit acceptance as unverified country data (a known gap of session 13:
the notice was published over such a transfer without a word)."""

from __future__ import annotations

import pytest

from tests.unit.notice_support import TODAY, build_register
from transfer_tool.accounts.permissions import Actor
from transfer_tool.errors import ValidationError
from transfer_tool.notice import service
from transfer_tool.register import transfers
from transfer_tool.storage.database import Database

LINE = {
    "en": "{ref} (United States): changed or flagged for re-assessment since its approved assessment; the "
    "notice states that version's safeguard and measures. Re-assess it before publishing.",
    "ja": "{ref}（米国）：承認された評価の後に変更され、又は再評価の対象とされています。通知には承認された版の保護措置と"
    "補完的措置が記載されます。公開前に再評価してください。",
}


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_a_transfer_changed_since_its_approval_is_named_and_publishing_needs_acceptance(
    db: Database, admin: Actor, legal: Actor, manager: Actor, lang: str
) -> None:
    register = build_register(db, admin, legal, manager)
    before = service.preview(db, "JP", lang, today=TODAY)
    assert before.reassessing == ()

    t = transfers.get_transfer(db, register.ids["jp_us"])
    transfers.update_transfer(
        db, legal, t.id, transfers.with_changes(t, purposes=("respond_requests", "analytics")), t.row_version
    )
    assert transfers.get_transfer(db, t.id).reassessment_needed

    after = service.preview(db, "JP", lang, today=TODAY)
    assert after.reassessing == (LINE[lang].format(ref=t.reference),)
    assert after.needs_acceptance
    assert after.register_version != before.register_version  # a flag raised later is a change to publish

    _, generation = service.generate(db, admin, "JP", lang, today=TODAY)
    with pytest.raises(ValidationError) as refused:
        service.publish(db, admin, generation.id, today=TODAY)
    assert LINE[lang].format(ref=t.reference) in [p.message for p in refused.value.problems]
    assert {p.location for p in refused.value.problems} == {""}  # was "unverified: " before each, in ja too
    published = service.publish(db, admin, generation.id, accept_unverified=True, today=TODAY)
    assert published.published


def test_no_flag_no_line(db: Database, admin: Actor, legal: Actor, manager: Actor) -> None:
    build_register(db, admin, legal, manager)
    preview = service.preview(db, "JP", "en", today=TODAY)
    assert preview.reassessing == ()
