"""The register model: ids from search_ids, rows fetched lazily in pages, sorting by re-query."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from transfer_tool.accounts.permissions import Actor
from transfer_tool.domain import TransferStatus
from transfer_tool.register import register_search, transfers
from transfer_tool.register.register_search import SortKey, TransferQuery
from transfer_tool.storage.database import Database
from ui.models import register_model
from ui.models.register_model import COLUMN_KEYS, IdRole, RegisterModel, RowRole
from ui.services import Services
from ui.workers import DbWorker

MakeServices = Callable[..., Services]


def _model(worker: DbWorker, services: Services) -> RegisterModel:
    return RegisterModel(worker, services.country_name, "en", services.today)


def _col(key: str) -> int:
    return COLUMN_KEYS.index(key)


def _references(model: RegisterModel) -> list[str]:
    return [model.index(r, _col("reference")).data() for r in range(model.rowCount())]


def test_model_passes_qt_model_checks(
    qtmodeltester: ModelTester, worker: DbWorker, make_services: MakeServices, admin: Actor, seeded: list[int]
) -> None:
    model = _model(worker, make_services(admin))
    model.set_query(TransferQuery())
    assert model.rowCount() == len(seeded)
    qtmodeltester.check(model)


def test_rows_show_what_the_service_returns(
    worker: DbWorker, make_services: MakeServices, admin: Actor, seeded: list[int], db: Database
) -> None:
    model = _model(worker, make_services(admin))
    model.set_query(TransferQuery(sort=SortKey.REFERENCE))
    first = transfers.get_transfer(db, seeded[0])
    assert model.index(0, _col("reference")).data() == first.reference
    assert model.index(0, _col("title")).data() == first.title
    name = make_services(admin).country_name(first.destination)
    assert model.index(0, _col("destination")).data() == f"{name} ({first.destination})"
    assert model.index(0, _col("exporter")).data() == first.exporter_name
    assert model.index(0, 0).data(IdRole) == first.id
    statuses = {model.index(r, _col("status")).data() for r in range(model.rowCount())}
    assert {"Approved", "Draft", "New"} <= statuses
    flagged = [r for r in range(model.rowCount()) if model.index(r, _col("reassessment")).data() == "Needed"]
    assert len(flagged) == len(register_search.search_ids(db, TransferQuery(reassessment_needed=True)))


def test_destination_is_named_in_the_users_language(
    worker: DbWorker, make_services: MakeServices, admin: Actor, db: Database
) -> None:
    from tests.factories import transfer

    transfer(db, admin, "US")
    for language, expected in (("en", "United States (US)"), ("ja", "米国 (US)")):
        services = make_services(admin, language)
        model = RegisterModel(worker, services.country_name, language, services.today)
        model.set_query(TransferQuery())
        assert model.index(0, _col("destination")).data() == expected


def test_rows_are_fetched_lazily_a_page_at_a_time(
    worker: DbWorker,
    make_services: MakeServices,
    admin: Actor,
    seeded: list[int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(register_model, "PAGE_SIZE", 7)
    fetched: list[int] = []
    real_fetch = register_search.fetch_rows

    def counting_fetch(db: Database, ids: list[int]) -> list[register_search.TransferRow]:
        fetched.append(len(ids))
        return real_fetch(db, ids)

    monkeypatch.setattr(register_search, "fetch_rows", counting_fetch)
    model = _model(worker, make_services(admin))
    model.set_query(TransferQuery())
    assert fetched == [7]  # the first page comes with the ids
    assert model.cached_row(10) is None
    assert model.index(10, _col("reference")).data()  # asking for row 10 loads page 1 (rows 7-13)
    assert fetched == [7, 7]
    assert model.cached_row(13) is not None and model.cached_row(14) is None
    model.index(12, 0).data()
    assert fetched == [7, 7]  # already cached


def test_sorting_by_header_requeries_in_that_order(
    worker: DbWorker, make_services: MakeServices, admin: Actor, seeded: list[int], db: Database
) -> None:
    model = _model(worker, make_services(admin))
    model.set_query(TransferQuery())
    model.sort(_col("title"), Qt.SortOrder.DescendingOrder)
    assert model.query.sort == SortKey.TITLE and model.query.descending
    expected = [
        r.reference for r in register_search.search(db, TransferQuery(sort=SortKey.TITLE, descending=True))
    ]
    assert _references(model) == expected
    titles = [model.index(r, _col("title")).data() for r in range(model.rowCount())]
    assert titles == sorted(titles, reverse=True)
    model.sort(_col("reassessment"), Qt.SortOrder.AscendingOrder)  # not sortable: nothing changes
    assert model.query.sort == SortKey.TITLE


def test_filters_change_the_rows(
    worker: DbWorker, make_services: MakeServices, admin: Actor, seeded: list[int], db: Database
) -> None:
    model = _model(worker, make_services(admin))
    model.set_query(TransferQuery(country="US"))
    assert model.rowCount() > 0
    assert all(model.index(r, _col("destination")).data().endswith("(US)") for r in range(model.rowCount()))
    model.set_query(TransferQuery(status=TransferStatus.APPROVED))
    rows = [model.index(r, 0).data(RowRole) for r in range(model.rowCount())]
    assert rows and all(r.status == TransferStatus.APPROVED for r in rows)
    model.set_query(TransferQuery(text="no such transfer anywhere"))
    assert model.rowCount() == 0


def test_overdue_dates_are_marked(
    worker: DbWorker, make_services: MakeServices, admin: Actor, seeded: list[int], db: Database
) -> None:
    services = make_services(admin)
    model = _model(worker, services)
    model.set_query(TransferQuery(overdue_on=services.today()))
    assert model.rowCount() == len(register_search.search_ids(db, TransferQuery(overdue_on=services.today())))
    for r in range(model.rowCount()):
        index = model.index(r, _col("next_review"))
        assert index.data().startswith("\u26a0")
        assert "passed" in index.data(Qt.ItemDataRole.ToolTipRole)


def test_with_the_real_worker_thread_results_arrive_and_stale_ones_are_dropped(
    qtbot: QtBot, db: Database, make_services: MakeServices, admin: Actor, seeded: list[int]
) -> None:
    worker = DbWorker(db)  # a real background thread
    try:
        model = RegisterModel(worker, make_services(admin).country_name)
        with qtbot.waitSignal(model.loaded, timeout=5000) as blocker:
            model.set_query(TransferQuery(country="US"))
            model.set_query(TransferQuery(country="CN"))  # supersedes the first before it arrives
        qtbot.wait(100)  # let any late result of the first query arrive too
        assert blocker.args == [model.rowCount()]
        assert model.rowCount() == len(register_search.search_ids(db, TransferQuery(country="CN")))
        assert all(
            model.index(r, _col("destination")).data().endswith("(CN)") for r in range(model.rowCount())
        )
    finally:
        worker.shutdown()
