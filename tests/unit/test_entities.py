"""Entities (issue 18): a party entered by mistake can be corrected and removed; removal is refused while a
transfer names it, and the refusal lists those transfers by reference and role."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tests import factories
from transfer_tool.accounts.permissions import Actor
from transfer_tool.errors import ConflictError, NotFound, ValidationError
from transfer_tool.i18n.stored_text import translate
from transfer_tool.records import audit
from transfer_tool.register import entities, transfers
from transfer_tool.storage.database import Database


def test_an_unused_entity_is_removed_with_an_audit_event(db: Database, legal: Actor) -> None:
    wrong = factories.entity(db, legal, "Acme Suport Inc.", "US")
    entities.delete_entity(db, legal, wrong.id, wrong.row_version)
    with pytest.raises(NotFound):
        entities.get_entity(db, wrong.id)
    assert [e.name for e in entities.list_entities(db)] == []
    assert audit.verify(db).ok


def test_removal_is_refused_while_used_naming_each_transfer_and_role(db: Database, legal: Actor) -> None:
    jp = factories.entity(db, legal, "Net Japan Co., Ltd.", "JP")
    us = factories.entity(db, legal, "Cloud Desk Inc.", "US")
    sub = factories.entity(db, legal, "Mumbai Helpdesk Pvt. Ltd.", "IN")
    t = transfers.create_transfer(db, legal, factories.transfer_input(jp.id, us.id, title="Support desk"))
    transfers.add_onward_transfer(
        db, legal, t.id, factories.transfer_input(us.id, sub.id, "IN", title="Second-level support")
    )
    onward_ref = transfers.get_transfer(db, t.id).onward[0].reference
    with pytest.raises(ValidationError) as refused:
        entities.delete_entity(db, legal, us.id, us.row_version)
    assert refused.value.message.startswith("Cloud Desk Inc. is a party to these transfers")
    assert [p.message for p in refused.value.problems] == [
        f"{t.reference} Support desk: importer",
        f"{onward_ref} Second-level support: exporter",
    ]
    assert entities.get_entity(db, us.id).name == "Cloud Desk Inc."  # still there
    assert [(u.reference, u.as_importer) for u in entities.entity_uses(db, sub.id)] == [(onward_ref, True)]
    # The refusal reads in Japanese too.
    assert translate(refused.value.problems[0].message, "ja") == f"{t.reference} Support desk：データ輸入者"
    # Once the transfers name another party, it goes.
    other = factories.entity(db, legal, "Cloud Desk LLC", "US")
    current = transfers.get_transfer(db, t.id)
    transfers.update_transfer(
        db, legal, t.id, replace(current.as_input(), importer_id=other.id), current.row_version
    )
    onward = transfers.get_transfer(db, t.id).onward[0]
    transfers.delete_transfer(db, legal, onward.id, onward.row_version)
    entities.delete_entity(db, legal, us.id, us.row_version)
    assert us.id not in {e.id for e in entities.list_entities(db)}


def test_an_entity_changed_meanwhile_is_not_removed(db: Database, legal: Actor) -> None:
    e = factories.entity(db, legal, "Acme", "US")
    entities.update_entity(db, legal, e.id, replace(e, name="Acme Inc."), e.row_version)
    with pytest.raises(ConflictError):
        entities.delete_entity(db, legal, e.id, e.row_version)
    assert entities.get_entity(db, e.id).name == "Acme Inc."


def test_entities_of_one_name_are_listed_in_the_order_they_were_entered(db: Database, legal: Actor) -> None:
    """Two parties may share a name (one company in two countries); the list a person picks from keeps one
    order for them. Sorted by name alone, the database returned them in the order it found the rows, which
    on PostgreSQL an edit changes (the edited row is written anew at the end of the table)."""
    first = factories.entity(db, legal, "Acme", "US")
    second = factories.entity(db, legal, "Acme", "IN")
    entities.update_entity(db, legal, first.id, replace(first, country="CA"), first.row_version)
    assert [e.id for e in entities.list_entities(db)] == [first.id, second.id]
    assert [e.id for e in entities.list_entities(db, "acm")] == [first.id, second.id]
