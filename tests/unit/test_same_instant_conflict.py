"""A save that loses to another at the very same instant still shows whose version won (PostgreSQL).

On PostgreSQL a wizard save that writes the transfer reads it, checks its row version, then writes it; a
colleague's save committed between that read and that write made the write find no row of the version it
read. The conflict then carried no other version: the wizard's comparison showed nothing and "keep theirs"
kept nothing. SQLite runs one writer at a time, so there the colleague's save waits for this one.
"""

from __future__ import annotations

import threading
from typing import Any

import pytest

from tests.ui.review_support import fr_to_us
from transfer_tool.accounts.permissions import Actor
from transfer_tool.assessment import service
from transfer_tool.assessment.page_save import PageSave, SaveBase, save_wizard_page
from transfer_tool.errors import ConflictError
from transfer_tool.errors import NotFound as NotFoundError
from transfer_tool.register import entities, transfers
from transfer_tool.register.entities import EntityView
from transfer_tool.storage.database import Database


def test_a_save_that_loses_at_the_same_instant_carries_the_version_that_won(
    db: Database,
    db_url: str,
    backend: str,
    legal: Actor,
    manager: Actor,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    if backend == "sqlite":
        pytest.skip("SQLite runs one writer at a time: the colleague's save waits for this one")
    t = fr_to_us(db, legal)
    a = service.start_assessment(db, legal, t.id)
    t = transfers.get_transfer(db, t.id)
    base = SaveBase.of(t, a)
    other = Database(db_url)
    done: list[object] = []
    started: list[bool] = []

    def colleague_saves() -> None:
        mine = transfers.get_transfer(other, t.id)
        done.append(
            transfers.update_transfer(
                other, manager, t.id, transfers.with_changes(mine, title="Theirs"), mine.row_version
            )
        )

    real_check = transfers._check

    def meanwhile(*args: Any, **kwargs: Any) -> None:  # after this save read the transfer, before it writes
        if not started:  # once: the colleague's own save runs the same check
            started.append(True)
            worker = threading.Thread(target=colleague_saves)
            worker.start()
            worker.join(timeout=20)
        real_check(*args, **kwargs)

    monkeypatch.setattr(transfers, "_check", meanwhile)
    try:
        with pytest.raises(ConflictError) as lost:
            save_wizard_page(
                db,
                legal,
                PageSave(base, transfers.with_changes(t, title="Mine"), a.record, "transfer.parties"),
            )
    finally:
        other.dispose()
    assert done, "the colleague's save did not commit in between"
    theirs = lost.value.theirs
    assert isinstance(theirs, transfers.TransferView) and theirs.title == "Theirs"
    mine = lost.value.mine
    assert isinstance(mine, transfers.TransferInput) and mine.title == "Mine"
    assert transfers.get_transfer(db, t.id).title == "Theirs"


@pytest.mark.parametrize("through", ["register", "wizard"])
def test_a_party_removed_while_a_transfer_naming_it_is_saved_is_said_so(
    db: Database,
    db_url: str,
    backend: str,
    legal: Actor,
    admin: Actor,
    monkeypatch: pytest.MonkeyPatch,
    through: str,
) -> None:
    """An administrator removes an entity at the moment someone saves a new transfer naming it: the save
    checked the party exists, then wrote; the removal committed in between. The save's write then failed on
    the foreign key: a raw database error from the register's form, "(e.g. a version was started twice)"
    from the wizard. Now both say what happened and what to do."""
    if backend == "sqlite":
        pytest.skip("SQLite runs one writer at a time: the removal waits for the save")
    from tests import factories

    exp = factories.entity(db, admin, "Net Japan Co., Ltd.", "JP")
    imp = factories.entity(db, admin, "Leaving Inc.", "US")
    other, removed = _removed_once_checked(monkeypatch, db_url, admin, imp)
    data = factories.transfer_input(exp.id, imp.id, "US")
    try:
        with pytest.raises(ConflictError) as refused:
            if through == "register":
                transfers.create_transfer(db, legal, data)
            else:
                save_wizard_page(db, legal, PageSave(SaveBase(), data, None, "transfer.parties"))
    finally:
        other.dispose()
    assert removed
    message = refused.value.message
    assert "removed by someone else" in message and "started twice" not in message, message
    with pytest.raises(NotFoundError):
        entities.get_entity(db, imp.id)


def test_a_party_removed_while_a_file_naming_it_is_imported_is_said_so(
    db: Database,
    db_url: str,
    backend: str,
    legal: Actor,
    admin: Actor,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The import found the importer named in the file among the register's parties, then an administrator
    removed that party before the import's rows were written: the write failed on the foreign key, and the
    person importing saw a raw database error. Now it is a conflict that says to import again."""
    if backend == "sqlite":
        pytest.skip("SQLite runs one writer at a time: the removal waits for the import")
    from tests import factories
    from transfer_tool.register import register_import

    factories.entity(db, admin, "Net Japan Co.", "JP")
    leaving = factories.entity(db, admin, "Leaving Inc.", "US")
    other, removed = _removed_once_checked(monkeypatch, db_url, admin, leaving)
    csv = (
        "reference,title,exporter,exporter_country,exporter_role,importer,importer_country,importer_role,"
        "destination,data_categories,purposes,retention,volume,frequency,format_in_transit,format_at_rest,"
        "key_holder,special_categories,sensitive_details\n"
        "IMP-9,Support,Net Japan Co.,JP,controller,Leaving Inc.,US,processor,US,contact,respond_requests,"
        "1 year,10,continuous,encrypted,encrypted,exporter,no,\n"
    )
    try:
        with pytest.raises(ConflictError) as refused:
            register_import.import_csv(db, legal, csv.encode())
    finally:
        other.dispose()
    assert removed
    assert "removed by someone else while the file was imported" in refused.value.message
    assert transfers.find_by_reference(db, "IMP-9") is None  # nothing was imported
    monkeypatch.undo()
    assert register_import.import_csv(db, legal, csv.encode()).created == 1  # again: the party anew


def _removed_once_checked(
    monkeypatch: pytest.MonkeyPatch, db_url: str, admin: Actor, party: EntityView
) -> tuple[Database, list[bool]]:
    """After the first transfer check (the parties found, the transfer not yet written), an administrator
    on another connection removes `party`; the caller disposes of the connection returned."""
    other = Database(db_url)
    real_check = transfers._check
    removed: list[bool] = []

    def meanwhile(*args: Any, **kwargs: Any) -> None:
        real_check(*args, **kwargs)
        if not removed:
            removed.append(True)
            worker = threading.Thread(
                target=lambda: entities.delete_entity(other, admin, party.id, party.row_version)
            )
            worker.start()
            worker.join(timeout=20)

    monkeypatch.setattr(transfers, "_check", meanwhile)
    return other, removed
