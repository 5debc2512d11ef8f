"""A party's details that an approved assessment relied on change: the transfers naming it are flagged.

The assessment reads the exporter's country (which regimes apply), the importer's country, whether it is a
group company and its certifications (transfer_facts): an importer that loses its APEC CBPR certification
(PPC Rules Art. 16(2)) or its EU-U.S. Data Privacy Framework listing no longer stands where the approval put
it, yet nothing was flagged (found in session 13's review of what an approval covers)."""

from __future__ import annotations

import dataclasses

import pytest

from tests.unit.teamwork_support import TODAY, approved_transfer
from transfer_tool.accounts.permissions import Actor
from transfer_tool.assessment import service
from transfer_tool.countries import store
from transfer_tool.errors import ValidationError
from transfer_tool.i18n.stored_text import translate
from transfer_tool.register import entities, transfers
from transfer_tool.storage.database import Database

pytestmark = pytest.mark.both_databases


def test_an_importer_that_loses_its_certification_flags_the_approved_transfers_naming_it(
    db: Database, admin: Actor, legal: Actor, manager: Actor
) -> None:
    src = approved_transfer(db, admin, legal, manager, eu=False)
    importer = entities.get_entity(db, src.parties.importer.id)
    assert importer.certifications == ("APEC CBPR",)  # the demo's route for APPI equivalent measures
    entities.update_entity(
        db, legal, importer.id, dataclasses.replace(importer, certifications=()), importer.row_version
    )
    t = transfers.get_transfer(db, src.transfer.id)
    expected = (
        "Changed after its assessment was approved: the importer's certifications. "
        "A new version assesses the transfer as it now is."
    )
    assert t.reassessment_needed and t.reassessment_reason == expected
    assert translate(t.reassessment_reason, "ja") == (
        "評価の承認後に変更された：データ輸入者の認定。新しい版で現在の移転の内容を評価する。"
    )
    assert [f.kind for f in store.open_flags(db, t.id)] == ["transfer"]


def test_the_exporters_country_flags_it_its_name_and_address_do_not(
    db: Database, admin: Actor, legal: Actor, manager: Actor
) -> None:
    src = approved_transfer(db, admin, legal, manager, eu=False)
    exporter = entities.get_entity(db, src.parties.exporter.id)
    exporter = entities.update_entity(
        db,
        legal,
        exporter.id,
        dataclasses.replace(exporter, name="Net Japan Holdings", address="2-1 Otemachi, Tokyo"),
        exporter.row_version,
    )
    assert not transfers.get_transfer(db, src.transfer.id).reassessment_needed
    entities.update_entity(
        db, legal, exporter.id, dataclasses.replace(exporter, country="SG"), exporter.row_version
    )
    t = transfers.get_transfer(db, src.transfer.id)
    assert t.reassessment_needed and "the exporter's country" in t.reassessment_reason
    # The onward transfer names the importer, not this exporter: it is not touched.
    (onward,) = t.onward
    assert not transfers.get_transfer(db, onward.id).reassessment_needed


def test_a_party_of_a_transfer_awaiting_review_keeps_what_the_version_read(
    db: Database, admin: Actor, legal: Actor, manager: Actor
) -> None:
    src = approved_transfer(db, admin, legal, manager, eu=False)
    service.submit(db, legal, service.new_version(db, legal, src.assessment.id).id, TODAY)
    importer = entities.get_entity(db, src.parties.importer.id)
    with pytest.raises(ValidationError, match="cannot change now: the transfers below name it"):
        entities.update_entity(
            db, legal, importer.id, dataclasses.replace(importer, certifications=()), importer.row_version
        )
    assert entities.get_entity(db, importer.id).certifications == ("APEC CBPR",)


def test_a_party_named_by_many_transfers_reads_their_versions_in_one_statement(
    db: Database, admin: Actor, legal: Actor, manager: Actor
) -> None:
    """Across offices each statement is a round trip: an importer named by dozens of transfers (a cloud
    provider) must not cost one read per transfer when its certifications change."""
    from sqlalchemy import event

    src = approved_transfer(db, admin, legal, manager, eu=False)
    t = src.transfer
    for n in range(12):
        transfers.create_transfer(db, legal, transfers.with_changes(t, title=f"Another use {n}"))
    importer = entities.get_entity(db, src.parties.importer.id)
    said: list[str] = []

    def seen(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        said.append(statement)

    event.listen(db.engine, "before_cursor_execute", seen)
    try:
        entities.update_entity(
            db, legal, importer.id, dataclasses.replace(importer, certifications=()), importer.row_version
        )
    finally:
        event.remove(db.engine, "before_cursor_execute", seen)
    assert sum("FROM assessment" in s for s in said) == 1, said
    assert transfers.get_transfer(db, t.id).reassessment_needed


def test_a_party_changed_while_a_new_version_is_in_progress_reaches_that_version(
    db: Database, admin: Actor, legal: Actor, manager: Actor
) -> None:
    """Nothing is flagged while a new version is in progress because that version answers the change; so
    the version submitted must state the party as it now is. It was submitted (and approved, signed)
    still saying the importer held the APEC CBPR certification it had lost, and nothing was flagged."""
    src = approved_transfer(db, admin, legal, manager, eu=False)
    draft = service.new_version(db, legal, src.assessment.id)
    importer = entities.get_entity(db, src.parties.importer.id)
    entities.update_entity(
        db, legal, importer.id, dataclasses.replace(importer, certifications=()), importer.row_version
    )
    assert not transfers.get_transfer(db, src.transfer.id).reassessment_needed
    submitted = service.submit(db, legal, draft.id, TODAY)
    assert submitted.record.facts.importer_certifications == ()


def test_a_party_named_by_transfers_awaiting_review_names_each_of_them(
    db: Database, admin: Actor, legal: Actor, manager: Actor
) -> None:
    """An entity edited from the entity screen is refused because transfers naming it await review: the
    refusal said only the first of them and told the user to 'change the transfer in the new version', which
    is not where an entity is changed; once that version came back the next one refused the same way."""
    from sqlalchemy import select

    from tests.unit.teamwork_support import clone_approved
    from transfer_tool.storage.models.assessment import Assessment

    src = approved_transfer(db, admin, legal, manager, eu=False)
    (clone,) = clone_approved(db, src.transfer.id, 1)
    with db.read() as s:
        clone_version = s.scalar(select(Assessment.id).where(Assessment.transfer_id == clone))
    assert clone_version is not None
    for version in (src.assessment.id, clone_version):
        service.submit(db, legal, service.new_version(db, legal, version).id, TODAY)
    importer = entities.get_entity(db, src.parties.importer.id)
    with pytest.raises(ValidationError) as refused:
        entities.update_entity(
            db, legal, importer.id, dataclasses.replace(importer, certifications=()), importer.row_version
        )
    assert str(refused.value.message) == (
        f"{importer.name} cannot change now: the transfers below name it, and their versions awaiting review "
        f"assessed them with it as it was when submitted; nothing was saved. Ask the reviewer to return them "
        f"with comments, then change {importer.name} again."
    )
    references = [src.transfer.reference, transfers.get_transfer(db, clone).reference]
    assert [str(p.message) for p in refused.value.problems] == [
        f"{r} version 2: the importer's certifications" for r in sorted(references)
    ]
    assert entities.get_entity(db, importer.id).certifications == ("APEC CBPR",)
