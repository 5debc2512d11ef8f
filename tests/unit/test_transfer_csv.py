"""CSV import is all-or-nothing with line-numbered reasons; export neutralises formulas."""

from __future__ import annotations

import csv
import io

import pytest

from tests import factories
from transfer_tool.accounts.permissions import Actor
from transfer_tool.errors import ImportRefused
from transfer_tool.register import register_import, register_search, transfer_csv
from transfer_tool.storage.database import Database

HEADER = "reference,exporter,exporter_country,importer,importer_country,destination,data_categories,purposes,retention,volume\n"


def _rows(n: int) -> str:
    return "".join(
        f"R-{i},Net Japan,JP,Importer {i % 7},US,US,contact;financial,respond_requests,1 year,{i}\n"
        for i in range(n)
    )


def test_import_a_thousand_rows(db: Database, legal: Actor) -> None:
    result = register_import.import_csv(db, legal, (HEADER + _rows(1000)).encode())
    assert result.created == 1000
    assert len(register_search.search_ids(db, register_search.TransferQuery(country="US"))) == 1000
    assert len(register_search.search_ids(db, register_search.TransferQuery(text="Importer 3"))) > 100


def test_bad_rows_refuse_the_whole_file_and_each_is_named(db: Database, legal: Actor) -> None:
    body = (
        HEADER
        + _rows(3)
        + "R-x,Net Japan,JP,Imp,US,ZZ,contact,respond_requests,1 year,5\n"  # line 5: bad destination
        + "R-y,Net Japan,JP,Imp,US,US,contact,respond_requests,,5\n"  # line 6: no retention
        + "R-0,Net Japan,JP,Imp,US,US,contact,respond_requests,1y,many\n"
    )  # line 7: dup ref, bad volume
    with pytest.raises(ImportRefused) as err:
        register_import.import_csv(db, legal, body.encode())
    msgs = [str(p) for p in err.value.problems]
    assert any(m.startswith("line 5") and "ZZ" in m for m in msgs)
    assert any(m.startswith("line 6") and "retention" in m for m in msgs)
    assert any(m.startswith("line 7") and "also in line 2" in m for m in msgs)
    assert any(m.startswith("line 7") and "whole number" in m for m in msgs)
    assert register_search.search_ids(db) == []


@pytest.mark.parametrize(
    ("raw", "words"),
    [
        (b"exporter,importer\nA,B\n", "lacks required columns"),
        ((HEADER.rstrip("\n") + ",colour\n").encode(), "does not know"),
        (HEADER.encode(), "no transfers"),
        ("caf\xe9".encode("latin-1"), "not UTF-8"),
    ],
)
def test_malformed_files_are_refused_clearly(db: Database, legal: Actor, raw: bytes, words: str) -> None:
    with pytest.raises(ImportRefused, match=words):
        register_import.import_csv(db, legal, raw)


def test_byte_order_mark_is_accepted(db: Database, legal: Actor) -> None:
    assert register_import.import_csv(db, legal, b"\xef\xbb\xbf" + (HEADER + _rows(2)).encode()).created == 2


def test_export_neutralises_formula_injection(db: Database, legal: Actor) -> None:
    factories.transfer(db, legal, title='=HYPERLINK("http://x","click")')
    factories.transfer(db, legal, "IN", title="@SUM(A1)")
    factories.transfer(db, legal, "CN", title="-1+1")
    text = transfer_csv.export_csv(db, legal)
    titles = [r["title"] for r in csv.DictReader(io.StringIO(text))]
    assert sorted(titles) == sorted(['\'=HYPERLINK("http://x","click")', "'@SUM(A1)", "'-1+1"])


@pytest.mark.parametrize("volume", ["--5", "²", "-"])
def test_a_volume_that_only_looks_like_digits_is_named_not_a_crash(
    db: Database, legal: Actor, volume: str
) -> None:
    """'--5' and '²' passed the digit test and then broke int(): the check and the import stopped with a
    traceback instead of naming the cell."""
    body = HEADER + f"R-1,Net Japan,JP,Imp,US,US,contact,respond_requests,1 year,{volume}\n"
    found = register_import.preview(body.encode(), "register.csv", db=db)
    assert [(str(p.location), str(p.message)) for p in found.problems] == [
        ("line 2, column volume", f"'{volume}' is not a whole number of data subjects")
    ]
    with pytest.raises(ImportRefused):
        register_import.import_csv(db, legal, body.encode())
    assert register_search.search_ids(db) == []


def test_empty_cells_right_of_the_header_are_ignored_as_in_a_workbook(db: Database, legal: Actor) -> None:
    """Excel saves a sheet's whole used range as CSV: a column once touched right of the last one adds an
    empty cell to every line, header included. The workbook reader ignores such cells; the CSV reader
    refused the file ('unknown column ''', 'too many cells')."""
    body = (
        HEADER.rstrip("\n")
        + ",,\n"
        + "R-1,Net Japan,JP,Imp,US,US,contact,respond_requests,1 year,5,,\n"
        + "R-2,Net Japan,JP,Imp,US,US,contact,respond_requests,1 year,6\n"
    )
    assert register_import.import_csv(db, legal, body.encode()).created == 2
    extra = HEADER + "R-3,Net Japan,JP,Imp,US,US,contact,respond_requests,1 year,7,,surprise\n"
    with pytest.raises(ImportRefused) as refused:
        register_import.import_csv(db, legal, extra.encode())
    assert [str(p) for p in refused.value.problems] == ["line 2: too many cells; check quoting"]


@pytest.mark.parametrize("date", ["2027/12/7", "12/7/2027", "07.12.2027", "2027-12-07"])
def test_a_next_review_date_as_excel_saves_it_in_a_csv_is_accepted(
    db: Database, legal: Actor, date: str
) -> None:
    """An exported CSV opened in Excel and saved again writes dates as the computer's locale shows them
    (Japanese Excel 2027/12/7, American 12/7/2027): every approved row was refused as 'text, not a date',
    in a column the import does not even read. Words are still named."""
    header = HEADER.rstrip("\n") + ",next_review\n"
    body = header + f"R-1,Net Japan,JP,Imp,US,US,contact,respond_requests,1 year,5,{date}\n"
    assert register_import.import_csv(db, legal, body.encode()).created == 1
    words = header + "R-2,Net Japan,JP,Imp,US,US,contact,respond_requests,1 year,5,next year\n"
    with pytest.raises(ImportRefused) as refused:
        register_import.import_csv(db, legal, words.encode())
    assert [str(p.location) for p in refused.value.problems] == ["line 2, column next_review"]
