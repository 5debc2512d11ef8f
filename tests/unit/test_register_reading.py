"""The exported workbook's first sheet is for a person who opens the file outside the tool: headings in
words, in the chosen language; countries, roles, statuses and catalogue entries by name, never by code;
dates as dates; text typed as a formula stays text; and the file still imports back unchanged."""

from __future__ import annotations

import datetime as dt
import io
import re

import openpyxl
import pytest

from tests import factories
from tests.unit.register_files import date_of
from transfer_tool.accounts.permissions import Actor
from transfer_tool.domain import TransferStatus
from transfer_tool.errors import ValidationError
from transfer_tool.register import register_import, register_search, transfer_csv, transfer_xlsx, transfers
from transfer_tool.register.register_columns import NAMES
from transfer_tool.register.register_reading import HEADINGS, NOTE, SHEET_NAMES
from transfer_tool.storage.database import Database

# Codes the register stores for the transfer below; none of them may reach a cell a person reads.
CODES = (
    "controller",
    "processor",
    "subcontractor",
    "respond_requests",
    "customers",
    "contract",
    "continuous",
    "encrypted",
    "not_applicable",
    "approved",
    "from_person",
    "business_necessity",
    "special_category",
)
WORDS = {  # what the same cells say instead
    "en": (
        "Controller",
        "Processor",
        "United States",
        "Customers",
        "Approved",
        "Special-category / sensitive data",
    ),
    "ja": ("管理者", "処理者", "米国", "承認済み", "日本", "要配慮個人情報（健康、信条、犯罪歴等）"),
}


def _register(db: Database, actor: Actor) -> None:
    t = factories.transfer(
        db,
        actor,
        title='=HYPERLINK("http://x","click")',
        data_categories=("contact", "special_category"),
        special_categories=True,
        sensitive_details="Sick-leave days only.",
        acquisition_routes=("from_person",),
        retention_code="business_necessity",
        volume=12345,
    )
    with db.unit_of_work() as s:
        transfers.set_status(s, actor, t.id, TransferStatus.APPROVED, next_review=dt.date(2027, 3, 31))


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_first_sheet_reads_in_words_in_the_chosen_language(db: Database, legal: Actor, lang: str) -> None:
    _register(db, legal)
    raw = transfer_xlsx.export_xlsx(db, legal, lang=lang)
    book = openpyxl.load_workbook(io.BytesIO(raw))
    assert book.sheetnames[0] == SHEET_NAMES[lang]
    ws = book.worksheets[0]
    assert ws.cell(1, 1).value == NOTE[lang]
    header = [c.value for c in ws[2]]
    assert header == [HEADINGS[n][lang == "ja"] for n in NAMES]
    if lang == "ja":  # a Japanese reader's headings are Japanese
        assert all(isinstance(h, str) and re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", h) for h in header), (
            header
        )
    row = {n: c for n, c in zip(NAMES, ws[3], strict=True)}
    shown = [str(c.value) for c in row.values() if c.value is not None]
    lines = {line for cell in shown for line in cell.splitlines()}  # a list holds one entry a line
    assert lines.isdisjoint(CODES), sorted(lines & set(CODES))
    text = "\n".join(shown)
    for word in WORDS[lang]:
        assert word in text, word
    review = row["next_review"]
    assert date_of(review) == dt.date(2027, 3, 31)
    assert row["volume"].value == 12345 and row["volume"].data_type == "n"
    title = row["title"]
    assert title.data_type == "s" and title.quotePrefix  # typed as a formula, shown as text
    assert row["special_categories"].value == ("Yes" if lang == "en" else "はい")


def test_the_reading_sheet_does_not_change_what_imports(db: Database, legal: Actor) -> None:
    factories.transfer(
        db,
        legal,
        data_categories=("contact", "special_category"),
        special_categories=True,
        sensitive_details="Sick-leave days only.",
        retention_code="business_necessity",
    )
    before = list(transfer_csv.export_rows(db, register_search.TransferQuery()))
    raw = transfer_xlsx.export_xlsx(db, legal, lang="ja")
    for found in register_search.search(db):
        t = transfers.get_transfer(db, found.id)
        transfers.delete_transfer(db, legal, t.id, t.row_version)
    assert register_import.import_file(db, legal, raw, "register.xlsx").created == 1
    after = list(transfer_csv.export_rows(db, register_search.TransferQuery()))
    assert after == before


def test_an_unknown_language_is_refused(db: Database, legal: Actor) -> None:
    with pytest.raises(ValidationError, match="unsupported language"):
        transfer_xlsx.export_xlsx(db, legal, lang="de")
