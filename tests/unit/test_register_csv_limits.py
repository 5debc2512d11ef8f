"""The CSV importer's former weaknesses: each now a clear message naming line and column, and nothing
written, on SQLite and PostgreSQL alike (PostgreSQL used to answer with a traceback)."""

from __future__ import annotations

import pytest

from tests.unit.register_files import register_state
from transfer_tool.accounts.permissions import Actor
from transfer_tool.errors import ImportRefused
from transfer_tool.register import register_import, register_search, transfers
from transfer_tool.storage.database import Database

HEADER = "reference,exporter,exporter_country,importer,importer_country,destination,data_categories,purposes,retention,volume\n"
GOOD = "R-1,Net Japan,JP,Acme,US,US,contact,respond_requests,1 year,10\n"


def _line(**over: str) -> str:
    cells = dict(zip(HEADER.strip().split(","), GOOD.strip().split(","), strict=True))
    cells.update(over)
    return ",".join(cells.values()) + "\n"


def _refused(db: Database, actor: Actor, body: str, *expected: str) -> list[str]:
    before = register_state(db)
    with pytest.raises(ImportRefused) as err:
        register_import.import_csv(db, actor, body.encode())
    found = [str(p) for p in err.value.problems]
    for e in expected:
        assert any(e in f for f in found), (e, found)
    assert register_state(db) == before
    return found


@pytest.mark.parametrize(
    ("volume", "words"),
    [
        (str(2**63), f"{2**63} is too large: enter at most 2,147,483,647 data subjects"),
        (str(2**31), "2147483648 is too large"),
        ("-1", "the number of data subjects cannot be negative"),
    ],
)
def test_volumes_beyond_the_column_are_refused(db: Database, legal: Actor, volume: str, words: str) -> None:
    _refused(
        db, legal, HEADER + GOOD + _line(reference="R-2", volume=volume), f"line 3, column volume: {words}"
    )


def test_the_largest_volume_the_column_holds_is_accepted(db: Database, legal: Actor) -> None:
    register_import.import_csv(db, legal, (HEADER + _line(volume=str(2**31 - 1))).encode())
    assert transfers.get_transfer(db, register_search.search_ids(db)[0]).volume == 2**31 - 1


def test_references_longer_than_the_column_or_with_nul_are_refused(db: Database, legal: Actor) -> None:
    found = _refused(
        db,
        legal,
        HEADER + _line(reference="R" * 41) + _line(reference="R-\x00-2"),
        "line 2, column reference: keep this under 40 characters (it has 41)",
        "line 3, column reference: remove the NUL",
    )
    assert len(found) == 2


def test_a_reference_of_exactly_40_characters_is_accepted(db: Database, legal: Actor) -> None:
    register_import.import_csv(db, legal, (HEADER + _line(reference="R" * 40)).encode())
    assert register_search.search(db)[0].reference == "R" * 40


def test_huge_fields_are_capped(db: Database, legal: Actor) -> None:
    _refused(
        db,
        legal,
        HEADER + _line(retention="x" * 100_000),
        "line 2, column retention: keep this under 1000 characters (it has 100000)",
    )


def test_entity_errors_name_their_line_and_column(db: Database, legal: Actor) -> None:
    _refused(
        db,
        legal,
        HEADER
        + GOOD
        + _line(reference="R-2", importer="I" * 301)
        + _line(reference="R-3", exporter="Acme", exporter_country="US"),
        "line 3, column importer: keep this under 300 characters (it has 301)",
        "line 4, column importer: the importer must be a different entity from the exporter",
    )


def test_a_duplicated_header_column_is_refused(db: Database, legal: Actor) -> None:
    before = register_state(db)
    with pytest.raises(ImportRefused, match="names a column twice") as err:
        register_import.import_csv(
            db, legal, (HEADER.rstrip("\n") + ",volume\n" + GOOD.rstrip("\n") + ",11\n").encode()
        )
    assert [str(p) for p in err.value.problems] == ["line 1: column 'volume' appears 2 times"]
    assert register_state(db) == before


def test_a_reference_taken_in_the_database_is_named_with_its_line(db: Database, legal: Actor) -> None:
    register_import.import_csv(db, legal, (HEADER + GOOD).encode())
    _refused(
        db, legal, HEADER + _line(reference="R-9") + GOOD, "line 3, column reference: 'R-1' is already used"
    )


def test_preview_lists_problems_and_writes_nothing(db: Database, legal: Actor) -> None:
    body = HEADER + GOOD + _line(reference="R-2", volume=str(2**63))
    before = register_state(db)
    p = register_import.preview(body.encode(), "register.csv")
    assert [place for place, _ in p.rows] == ["line 2", "line 3"]
    assert [str(x) for x in p.problems] == [
        f"line 3, column volume: {2**63} is too large: enter at most 2,147,483,647 data subjects"
    ]
    assert register_state(db) == before


def test_the_preview_counts_every_row_and_shows_the_first(db: Database, legal: Actor) -> None:
    body = HEADER + "".join(_line(reference=f"R-{i}") for i in range(30))
    p = register_import.preview(body.encode(), "register.csv", limit=10, db=db)
    assert p.ok and p.total == 30 and len(p.rows) == 10
