"""The register as a person reads it: the workbook's first sheet, in one language, with column headings in
words, countries, roles, statuses and catalogue entries by their names (never their codes), dates as dates.

An auditor or a colleague opens the file outside the tool and reads this sheet; the "Transfers" sheet
beside it keeps the codes, so the file imports back unchanged (the importer reads that sheet by name)."""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from transfer_tool.catalog import CatalogItem
from transfer_tool.domain import CatalogKind
from transfer_tool.i18n.terminology import Terminology
from transfer_tool.register.register_columns import NAMES

SHEET_NAMES = {"en": "Register", "ja": "移転台帳"}
NOTE = {
    "en": "For reading. To change transfers, edit the Transfers sheet and import the file; this sheet is "
    "not imported.",
    "ja": "閲覧用のシートです。移転を変更するには「Transfers」シートを編集してインポートしてください。"
    "このシートはインポートされません。",
}
# The heading of each column, in each language (the Columns sheet explains them at length).
HEADINGS: dict[str, tuple[str, str]] = {
    "reference": ("Reference", "参照番号"),
    "onward_of": ("Onward transfer of", "再移転の元の移転"),
    "title": ("Title", "件名"),
    "exporter": ("Data exporter", "データ輸出者"),
    "exporter_country": ("Exporter's country", "輸出者の所在国"),
    "exporter_role": ("Exporter's role", "輸出者の役割"),
    "importer": ("Data importer", "データ輸入者"),
    "importer_country": ("Importer's country", "輸入者の所在国"),
    "importer_role": ("Importer's role", "輸入者の役割"),
    "recipient_type": ("Recipient type", "提供先の種類"),
    "destination": ("Destination", "移転先の国・地域"),
    "data_categories": ("Categories of personal data", "個人データの項目"),
    "special_categories": ("Sensitive data", "要配慮個人情報等"),
    "sensitive_details": ("Sensitive data and restrictions", "要配慮個人情報等の内容と制限"),
    "data_subjects": ("Data subjects", "本人の区分"),
    "purposes": ("Purposes", "利用目的"),
    "legal_bases": ("Legal bases", "法的根拠"),
    "acquisition_routes": ("How the data was obtained", "取得経路"),
    "frequency": ("Frequency", "頻度"),
    "volume": ("Data subjects (number)", "本人の数"),
    "format_in_transit": ("Form in transit", "移転中の形式"),
    "format_at_rest": ("Form at rest", "保存時の形式"),
    "key_holder": ("Keys held by", "暗号鍵の保有者"),
    "storage_countries": ("Stored in", "保存国"),
    "remote_access_countries": ("Accessed remotely from", "リモートアクセス元"),
    "retention": ("Retention", "保存期間"),
    "retention_period": ("Retention period (policy)", "保存期間（ポリシー）"),
    "nature_of_processing": ("Nature of the processing", "取扱いの性質"),
    "notes": ("Notes", "備考"),
    "status": ("Assessment status", "評価の状況"),
    "next_review": ("Next re-evaluation", "次回再評価日"),
}
# Columns holding codes of the policy catalogues, and of the closed lists named in the terminology.
_CATALOGUE = {
    "recipient_type": CatalogKind.RECIPIENT_TYPE,
    "data_categories": CatalogKind.DATA_CATEGORY,
    "data_subjects": CatalogKind.DATA_SUBJECT,
    "purposes": CatalogKind.PURPOSE,
    "legal_bases": CatalogKind.LEGAL_BASIS,
    "acquisition_routes": CatalogKind.ACQUISITION_ROUTE,
    "retention_period": CatalogKind.RETENTION,
}
_TERMS = {
    "exporter_role": "role",
    "importer_role": "role",
    "frequency": "frequency",
    "format_in_transit": "format",
    "format_at_rest": "format",
    "key_holder": "keyholder",
    "status": "status",
    "special_categories": "doc",
}
_COUNTRIES = (
    "exporter_country",
    "importer_country",
    "destination",
    "storage_countries",
    "remote_access_countries",
)
_WIDE = (
    "title",
    "exporter",
    "importer",
    "data_categories",
    "purposes",
    "retention",
    "sensitive_details",
    "notes",
)

Labels = Mapping[CatalogKind, Mapping[str, CatalogItem]]


def reading_row(
    cells: Mapping[str, str], lang: str, labels: Labels, country: Callable[[str], str], terms: Terminology
) -> dict[str, object]:
    """One transfer's cells in words: a list becomes one entry a line; a date a date; a number a number."""
    out: dict[str, object] = {}
    for name in NAMES:
        value = cells.get(name, "")
        if not value:
            out[name] = ""
        elif name == "next_review":
            out[name] = dt.date.fromisoformat(value)
        elif name == "volume":
            out[name] = int(value)
        elif name in _CATALOGUE:
            known = labels.get(_CATALOGUE[name], {})
            out[name] = "\n".join(
                known[c].label(lang) if c in known else c for c in value.split(";") if c
            )  # a code no catalogue holds (an admin removed it) is all there is to show
        elif name in _TERMS:
            key = f"{_TERMS[name]}.{value}"
            out[name] = terms.get(key, lang) if terms.has(key) else value
        elif name in _COUNTRIES:
            out[name] = "\n".join(country(c) for c in value.split(";") if c)
        else:
            out[name] = value
    return out


def add_reading_sheet(
    book: Any,
    rows: Sequence[Sequence[str]],
    lang: str,
    labels: Labels,
    country: Callable[[str], str],
    text_cell: Callable[..., Any],
    header_style: dict[str, Any],
) -> None:
    """The first sheet of a write-only workbook: a note, the headings, one transfer a row."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter

    terms = Terminology.load()
    ws = book.create_sheet(SHEET_NAMES[lang], 0)
    ws.freeze_panes = "B3"
    # Printed or turned into a PDF: landscape pages, each with the headings and the reference.
    ws.page_setup.orientation = "landscape"
    ws.print_title_rows = "2:2"
    ws.print_title_cols = "A:A"
    widths = {name: 36 if name in _WIDE else 18 for name in NAMES}
    for i, name in enumerate(NAMES, start=1):
        ws.column_dimensions[get_column_letter(i)].width = widths[name]
    ws.append([text_cell(ws, NOTE[lang])])
    ws.append([text_cell(ws, HEADINGS[n][lang == "ja"], header_style) for n in NAMES])
    wrap = {"alignment": Alignment(wrap_text=True, vertical="top")}
    for number, row in enumerate(rows, start=3):
        cells = reading_row(dict(zip(NAMES, row, strict=False)), lang, labels, country, terms)
        # Neither Excel nor LibreOffice grows a row to its wrapped text on opening: a list's second entry
        # would be hidden. The height is set from the lines each cell needs at its column's width.
        lines = max(_lines(str(v), widths[n]) for n, v in cells.items() if isinstance(v, str))
        if lines > 1:
            ws.row_dimensions[number].height = min(409, 15 * lines)  # Excel's largest row height
        out: list[Any] = []
        for name in NAMES:
            value = cells[name]
            if isinstance(value, dt.date):
                cell = WriteOnlyCell(ws, value=dt.datetime.combine(value, dt.time()))
                cell.number_format = "yyyy-mm-dd" if lang == "en" else 'yyyy"年"m"月"d"日"'
                out.append(cell)
            elif isinstance(value, int):
                cell = WriteOnlyCell(ws, value=value)
                cell.number_format = "#,##0"
                out.append(cell)
            else:
                out.append(text_cell(ws, str(value), wrap))
        ws.append(out)


def _lines(text: str, width: int) -> int:
    """The lines `text` takes in a column `width` characters wide (a CJK character takes two)."""
    total = 0
    for line in text.split("\n"):
        size = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line)
        total += max(1, -(-size // max(1, width - 2)))
    return total
