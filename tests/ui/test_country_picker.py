"""The country picker: English and Japanese search, every regime's status at once."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from transfer_tool.countries import store
from ui.models.country_model import StatusRole
from ui.widgets.country_picker import CountryPicker
from ui.workers import DbWorker


@pytest.fixture
def picker(qtbot: QtBot, worker: DbWorker) -> CountryPicker:
    widget = CountryPicker(store.names(), "ja", worker)
    qtbot.addWidget(widget)
    widget.resize(800, 500)
    widget.show()
    return widget


@pytest.mark.parametrize(
    ("query", "code"),
    [("米国", "US"), ("アメリカ", "US"), ("韓国", "KR"), ("ドイツ", "DE"), ("germany", "DE")],
)
def test_finds_destinations_by_japanese_or_english_name(picker: CountryPicker, query: str, code: str) -> None:
    picker.set_query(query)  # setText: keyClicks would abort on non-ASCII
    assert picker.visible_codes()[0] == code
    assert picker.current_code() == code


def test_shows_the_status_under_each_regime_at_once(picker: CountryPicker) -> None:
    picker.set_query("米国")
    model = picker.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers[2:] == ["EU GDPR", "UK GDPR", "Swiss FADP", "Japan APPI", "Brazil LGPD"]
    row = model.row_of("US")
    statuses = {headers[c]: str(model.index(row, c).data(StatusRole)) for c in range(2, model.columnCount())}
    assert statuses["EU GDPR"] == "partial" and statuses["Japan APPI"] == "not_adequate"
    assert "Data Privacy Framework" in picker.detail.text()
    picker.set_query("韓国")
    kr = model.row_of("KR")
    # (EU) 2022/254 Art. 1 carves some processing out, SI 2022/1213 reg. 2(2) covers persons subject to the PIPA:
    # partial under both; not on the Swiss list.
    assert model.index(kr, 2).data() == "Partial"
    assert model.index(kr, 3).data() == "Partial"
    assert str(model.index(kr, 4).data(StatusRole)) == "not_adequate"
    # An adequacy nobody checked against its source says so where the destination is chosen.
    picker.set_query("Iceland")
    iceland = model.row_of("IS")
    assert model.index(iceland, 5).data() == "Adequate ⚠ unverified"  # APPI: PPC Notification not read
    assert "Unverified" in model.index(iceland, 5).data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(iceland, 6).data() == "Adequate"  # Brazil: Resolução CD/ANPD nº 32 read, checked


def test_enter_chooses_the_current_destination(qtbot: QtBot, picker: CountryPicker) -> None:
    qtbot.keyClicks(picker.search_box, "korea")
    with qtbot.waitSignal(picker.chosen) as blocker:
        qtbot.keyClick(picker.search_box, Qt.Key.Key_Return)
    assert blocker.args == ["KR"]


def test_empty_search_lists_every_destination(picker: CountryPicker) -> None:
    picker.set_query("")
    assert len(picker.visible_codes()) == len(store.names().codes)
