"""The register as an Excel workbook: export (text stays text, drop-down lists, real dates, a bilingual
column sheet), import all or nothing with every problem named by sheet, row and column, and the round trips
through the tool's own export, an Excel-laid-out workbook and LibreOffice."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

from tests import factories
from tests.unit.register_files import (
    HEADER,
    Formula,
    date_of,
    excel_workbook,
    register_state,
    row,
    text_of,
)
from transfer_tool.accounts.permissions import Actor
from transfer_tool.errors import ImportRefused
from transfer_tool.register import register_import, register_search, transfer_csv, transfer_xlsx, transfers
from transfer_tool.storage.database import Database


def _export_rows(db: Database) -> list[list[str]]:
    return list(transfer_csv.export_rows(db, register_search.TransferQuery()))


def _empty_register(db: Database, actor: Actor) -> None:
    for t in register_search.search(db):
        view = transfers.get_transfer(db, t.id)
        transfers.delete_transfer(db, actor, view.id, view.row_version)


def _tricky_register(db: Database, actor: Actor) -> None:
    factories.transfer(db, actor, title='=HYPERLINK("http://x","click")', data_categories=("contact", "=1+1"))
    factories.transfer(
        db, actor, "IN", title="+81 3 1234", data_subjects=("@staff", "-1+1"), volume=2**31 - 1
    )
    factories.transfer(db, actor, "CN", title="給与計算（本社）", retention="5 years after the contract ends")


def test_export_keeps_text_as_text_and_offers_lists_dates_and_a_bilingual_guide(
    db: Database, legal: Actor
) -> None:
    _tricky_register(db, legal)
    raw = transfer_xlsx.export_xlsx(db, legal)
    book = openpyxl.load_workbook(io.BytesIO(raw))
    assert book.sheetnames == ["Register", "Transfers", "Columns", "Lists"]  # the first one to read
    ws = book["Transfers"]
    header = [c.value for c in ws[1]]
    assert header == transfer_csv.COLUMNS
    cells = {c.value: c for r in ws.iter_rows(min_row=2) for c in r if isinstance(c.value, str)}
    for text in ('=HYPERLINK("http://x","click")', "contact;=1+1", "@staff;-1+1", "+81 3 1234"):
        assert cells[text].data_type == "s", text  # stored as a string, never as a formula
        if text[0] in "=+-@":
            assert cells[text].quotePrefix, text  # and kept text when someone edits the cell in Excel
    volume = ws.cell(row=3, column=header.index("volume") + 1)
    assert volume.value == 2**31 - 1 and volume.data_type == "n"
    lists = {str(dv.sqref).split(":")[0][:-1]: dv.formula1 for dv in ws.data_validations.dataValidation}
    letter = {name: openpyxl.utils.get_column_letter(i + 1) for i, name in enumerate(header)}
    for name in ("status", "exporter_role", "importer_role", "frequency", "destination", "exporter_country"):
        assert letter[name] in lists, name
    assert lists[letter["destination"]].startswith("Lists!$B$2")
    offered = [r[1].value for r in book["Lists"].iter_rows(min_row=2) if r[1].value]
    assert (
        "JP — Japan / 日本" in offered and "IN — India / インド" in offered
    )  # code and name, both languages
    exporters = {r[header.index("exporter_country")].value for r in ws.iter_rows(min_row=2)}
    assert exporters == {"JP — Japan / 日本"}  # written as the drop-down offers it
    guide = book["Columns"]
    rows = {r[0].value: (r[1].value, r[2].value) for r in guide.iter_rows(min_row=2) if r[0].value}
    assert "ISO" in text_of(rows["destination"][0]) and "移転先" in text_of(rows["destination"][1])
    assert "管理者" in text_of(rows["exporter_role"][1]) or "controller" in text_of(rows["exporter_role"][1])


def test_next_review_is_a_real_date(db: Database, legal: Actor) -> None:
    t = factories.transfer(db, legal)
    with db.unit_of_work() as s:
        transfers.set_status(s, legal, t.id, t.status, next_review=dt.date(2027, 3, 31))
    ws = openpyxl.load_workbook(io.BytesIO(transfer_xlsx.export_xlsx(db, legal)))["Transfers"]
    cell = ws.cell(row=2, column=transfer_csv.COLUMNS.index("next_review") + 1)
    assert date_of(cell) == dt.date(2027, 3, 31)


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_workbooks_properties_name_no_library(db: Database, legal: Actor, lang: str) -> None:
    """Excel's File > Info said author 'openpyxl' (the library's default): no author a person did not
    write; the title names the register in the workbook's language."""
    factories.transfer(db, legal)
    properties = openpyxl.load_workbook(
        io.BytesIO(transfer_xlsx.export_xlsx(db, legal, lang=lang))
    ).properties
    assert properties.creator in (None, "") and properties.lastModifiedBy in (None, "")
    assert properties.title == {"en": "Register", "ja": "移転台帳"}[lang] and properties.language == lang


def test_own_export_round_trips(db: Database, legal: Actor) -> None:
    _tricky_register(db, legal)
    before = _export_rows(db)
    raw = transfer_xlsx.export_xlsx(db, legal)
    _empty_register(db, legal)
    result = register_import.import_file(db, legal, raw, "register.xlsx")
    assert result.created == 3
    assert _export_rows(db) == before


def test_csv_export_round_trips_formula_like_text(db: Database, legal: Actor) -> None:
    _tricky_register(db, legal)
    before = _export_rows(db)
    text = transfer_csv.export_csv(db, legal)
    assert "'=1+1" in text or "contact;=1+1" in text
    _empty_register(db, legal)
    assert register_import.import_file(db, legal, text.encode(), "register.csv").created == 3
    assert _export_rows(db) == before


def test_a_workbook_laid_out_as_excel_writes_it_imports(db: Database, legal: Actor) -> None:
    raw = excel_workbook(
        [
            ("Transfers", [HEADER, row(1, next_review=dt.date(2027, 1, 5)), row(2, volume=2.0), row(3)]),
            ("Notes", [["anything on another sheet is ignored"]]),
        ]
    )
    assert register_import.import_file(db, legal, raw, "from-excel.xlsx").created == 3
    got = {t.reference: t for t in register_search.search(db)}
    assert set(got) == {"XL-00001", "XL-00002", "XL-00003"}
    assert transfers.get_transfer(db, got["XL-00002"].id).volume == 2


def test_japanese_excels_phonetic_guides_and_rich_text_are_not_part_of_the_text(
    db: Database, legal: Actor
) -> None:
    """Japanese Excel stores each typed name with its reading (furigana) beside it in the shared strings,
    and formatted text as runs: the imported text is what the cell shows, without the reading."""
    name, reading = "日本ネット株式会社", "ニホンネットカブシキガイシャ"
    title = "Payroll (HR)"
    raw = excel_workbook(
        [
            (
                "Transfers",
                [HEADER, row(1, importer=name, title=title, importer_country="JP", destination="JP")],
            )
        ],
        readings={name: reading},
        runs={title: [("Payroll ", False), ("(HR)", True)]},
    )
    import zipfile

    shared = zipfile.ZipFile(io.BytesIO(raw)).read("xl/sharedStrings.xml").decode()
    assert "<rPh" in shared and reading in shared and "<b/>" in shared  # the fixture carries both
    assert register_import.import_file(db, legal, raw, "ja-excel.xlsx").created == 1
    view = transfers.get_transfer(db, register_search.search(db)[0].id)
    assert view.title == title
    assert view.importer_name == name  # never "日本ネット株式会社ニホンネットカブシキガイシャ"


def test_countries_picked_from_the_drop_down_import_as_their_codes(db: Database, legal: Actor) -> None:
    """Issue #22: the country drop-downs offer code and name; what a user picks there (or types as a bare
    code, in any case) is read as the code, in single and in ;-separated country columns."""
    raw = excel_workbook(
        [
            (
                "Transfers",
                [
                    [*HEADER, "storage_countries"],
                    [*row(1, destination="IN — India / インド"), "US — United States / アメリカ合衆国; de"],
                    [*row(2, destination="sg"), ""],
                ],
            )
        ]
    )
    assert register_import.import_file(db, legal, raw, "picked.xlsx").created == 2
    got = {t.reference: transfers.get_transfer(db, t.id) for t in register_search.search(db)}
    assert got["XL-00001"].destination == "IN"
    assert got["XL-00001"].storage_countries == ("US", "DE")
    assert got["XL-00002"].destination == "SG"


def test_a_country_entry_with_an_unknown_code_is_named(db: Database, legal: Actor) -> None:
    raw = excel_workbook([("Transfers", [HEADER, row(1, destination="XQ — Nowhere")])])
    with pytest.raises(ImportRefused) as caught:
        register_import.import_file(db, legal, raw, "bad.xlsx")
    assert any("XQ" in p.message and "destination" in p.location for p in caught.value.problems)


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_a_workbook_saved_by_libreoffice_round_trips(db: Database, legal: Actor, tmp_path: Path) -> None:
    _tricky_register(db, legal)
    before = _export_rows(db)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "register.xlsx").write_bytes(transfer_xlsx.export_xlsx(db, legal))
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--headless",
            "--convert-to",
            "xlsx:Calc MS Excel 2007 XML",
            "--outdir",
            str(tmp_path / "out"),
            str(tmp_path / "in" / "register.xlsx"),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    saved = (tmp_path / "out" / "register.xlsx").read_bytes()
    ws = openpyxl.load_workbook(io.BytesIO(saved))["Transfers"]
    assert all(c.data_type != "f" for r in ws.iter_rows() for c in r)  # LibreOffice kept =1+1 as text
    _empty_register(db, legal)
    assert register_import.import_file(db, legal, saved, "register.xlsx").created == 3
    assert _export_rows(db) == before


def test_every_problem_is_named_by_sheet_row_and_column_and_nothing_is_written(
    db: Database, legal: Actor
) -> None:
    raw = excel_workbook(
        [
            (
                "Transfers",
                [
                    HEADER,
                    row(1),
                    row(2, destination="ZZ", volume=Formula("=A1*2")),
                    row(3, next_review="next week", retention=None),
                    row(4, volume=2**31),
                ],
            )
        ]
    )
    before = register_state(db)
    preview = register_import.preview(raw, "register.xlsx")
    assert len(preview.rows) == 4 and not preview.ok
    found = [str(p) for p in preview.problems]
    assert "sheet Transfers, row 3, column G (destination): 'ZZ' is not a known country code" in found
    assert any(
        p.startswith("sheet Transfers, row 3, column K (volume): the cell holds the formula") for p in found
    )
    assert any(
        p.startswith("sheet Transfers, row 4, column L (next_review): 'next week' is text") for p in found
    )
    assert "sheet Transfers, row 4, column J (retention): fill in this required column" in found
    assert any(
        p.startswith("sheet Transfers, row 5, column K (volume): 2147483648 is too large") for p in found
    )
    with pytest.raises(ImportRefused) as err:
        register_import.import_file(db, legal, raw, "register.xlsx")
    assert [str(p) for p in err.value.problems] == found
    assert register_state(db) == before


def _refused(db: Database, legal: Actor, raw: bytes, name: str, *words: str) -> ImportRefused:
    before = register_state(db)
    with pytest.raises(ImportRefused) as err:
        register_import.import_file(db, legal, raw, name)
    for w in words:
        assert w in err.value.details(), (w, err.value.details())
    assert "Traceback" not in err.value.details()
    assert register_state(db) == before
    preview = register_import.preview(raw, name)
    assert not preview.ok and preview.message == err.value.message
    return err.value


def test_wrong_file_types_are_refused(db: Database, legal: Actor) -> None:
    _refused(db, legal, b"%PDF-1.7\n...", "register.pdf", "Files of type .pdf cannot be imported")
    _refused(db, legal, b"%PDF-1.7\n...", "register.xlsx", "not an Excel workbook")
    _refused(db, legal, b"\x89PNG\r\n\x1a\n....", "register.csv", "not a CSV text file")
    docx = io.BytesIO()
    import zipfile

    with zipfile.ZipFile(docx, "w") as z:
        z.writestr("word/document.xml", "<w:document/>")
    _refused(db, legal, docx.getvalue(), "register.xlsx", "zip archive but not an Excel workbook")
    _refused(db, legal, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "old.xls", "Excel 97-2003")


def test_an_encrypted_workbook_is_refused(db: Database, legal: Actor, tmp_path: Path) -> None:
    import msoffcrypto.format.ooxml

    plain = excel_workbook([("Transfers", [HEADER, row(1)])])
    out = io.BytesIO()
    msoffcrypto.format.ooxml.OOXMLFile(io.BytesIO(plain)).encrypt("secret", out)
    _refused(db, legal, out.getvalue(), "register.xlsx", "protected with a password", "Remove the password")


def test_workbooks_with_macros_are_refused(db: Database, legal: Actor) -> None:
    raw = excel_workbook([("Transfers", [HEADER, row(1)])], macros=True)
    _refused(db, legal, raw, "register.xlsm", "macro-enabled", ".xlsx")
    _refused(db, legal, raw, "renamed.xlsx", "contains macros")


def test_merged_cells_are_refused_with_their_range(db: Database, legal: Actor) -> None:
    raw = excel_workbook([("Transfers", [HEADER, row(1), row(2)])], merged=["B2:B3"])
    err = _refused(db, legal, raw, "register.xlsx", "merged cells", "Unmerge")
    assert [str(p) for p in err.problems] == ["sheet Transfers, cells B2:B3: merged cells"]


def test_hidden_sheets_are_refused(db: Database, legal: Actor) -> None:
    raw = excel_workbook([("Transfers", [HEADER, row(1)]), ("Secret", [["x"]])], hidden=["Secret"])
    err = _refused(db, legal, raw, "register.xlsx", "hidden sheets", "Unhide")
    assert [str(p) for p in err.problems] == ["sheet Secret: the sheet is hidden"]


@pytest.mark.slow
def test_a_hundred_thousand_rows_are_refused(db: Database, legal: Actor) -> None:
    raw = excel_workbook([("Transfers", [HEADER, *(row(i) for i in range(100_000))])])
    assert len(raw) < 20 * 1024 * 1024
    _refused(db, legal, raw, "register.xlsx", "more than 10,000 transfers", "split it")


def test_a_file_over_20_mb_is_refused_before_it_is_parsed(db: Database, legal: Actor) -> None:
    raw = b"PK\x03\x04" + bytes(21 * 1024 * 1024)  # not even a valid zip: the size is checked first
    _refused(db, legal, raw, "register.xlsx", "The file is 21 MB; the limit is 20 MB")


def test_a_duplicated_header_column_is_refused(db: Database, legal: Actor) -> None:
    raw = excel_workbook([("Transfers", [[*HEADER, "title"], [*row(1), "other title"]])])
    _refused(db, legal, raw, "register.xlsx", "names a column twice", "column 'title' appears 2 times")
