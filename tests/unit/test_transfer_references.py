"""Register references count the transfers stored: no gap after a rolled-back insert, no clash with a
reference an import brought in (issue 18: a lost draft's reference was a gap auditors ask about)."""

from __future__ import annotations

import pytest

from tests import factories
from transfer_tool.accounts.permissions import Actor
from transfer_tool.register import transfers
from transfer_tool.storage.database import Database


class _Abandoned(Exception):
    pass


def test_a_rolled_back_insert_leaves_no_gap(db: Database, legal: Actor) -> None:
    first = factories.transfer(db, legal)
    data = first.as_input()
    # A transaction that stored a transfer and then failed (a refused import, a failed copy): on
    # PostgreSQL the row id it drew is gone for good.
    with pytest.raises(_Abandoned), db.unit_of_work() as s:
        transfers.create_in(s, legal, data)
        raise _Abandoned
    second = transfers.create_transfer(db, legal, data)
    assert (first.reference, second.reference) == ("TR-000001", "TR-000002")


def test_the_next_reference_follows_an_imported_one(db: Database, legal: Actor) -> None:
    first = factories.transfer(db, legal)
    imported = transfers.create_transfer(db, legal, first.as_input(), reference="TR-000003")
    new = transfers.create_transfer(db, legal, first.as_input())  # the third row: not "TR-000003" again
    transfers.create_transfer(db, legal, first.as_input(), reference="TR-00009x")  # not a number: ignored
    after = transfers.create_transfer(db, legal, first.as_input())
    assert (imported.reference, new.reference, after.reference) == ("TR-000003", "TR-000004", "TR-000005")


def test_onward_transfers_keep_their_parents_reference(db: Database, legal: Actor) -> None:
    parent = factories.transfer(db, legal)
    child = transfers.add_onward_transfer(db, legal, parent.id, parent.as_input())
    sibling = transfers.create_transfer(db, legal, parent.as_input())
    assert (child.reference, sibling.reference) == ("TR-000001-01", "TR-000002")
