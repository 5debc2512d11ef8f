"""The transfer register as an Excel workbook (openpyxl, imported by the callers only when needed).

Export: a sheet to read in one language (`register_reading`), a "Transfers" sheet (header row, drop-down lists for the closed fields and the countries, dates as
real dates, every text cell stored as text so `=1+1` stays text in Excel and LibreOffice), a "Columns" sheet
explaining each column in English and Japanese, and a "Lists" sheet with the values the drop-downs offer.
Import: the workbook is checked whole before a row is read (size, zip members, macros, encryption, hidden
sheets, merged cells); formula cells are read as their formula text and refused, never evaluated."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from transfer_tool import catalog
from transfer_tool.accounts.permissions import Action, Actor, require
from transfer_tool.countries.names import load_country_names
from transfer_tool.errors import ImportRefused, Problem, ValidationError
from transfer_tool.i18n.engine_text import error_text
from transfer_tool.i18n.terminology import Terminology
from transfer_tool.records import audit
from transfer_tool.register import register_search
from transfer_tool.register.register_columns import COLUMN_LIST, COLUMNS, MAX_ROWS, NAMES
from transfer_tool.register.register_reading import SHEET_NAMES, Labels, add_reading_sheet
from transfer_tool.register.register_table import Cell, SourceRow, SourceTable, check_header
from transfer_tool.register.transfer_csv import export_rows
from transfer_tool.storage.database import Database

SHEET = "Transfers"
HELP_SHEET = "Columns"
LISTS_SHEET = "Lists"
_MAX_UNPACKED = 200 * 1024 * 1024  # what the zip members may expand to (a small file can unpack to gigabytes)
_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\s[^>]*ref="([A-Z]+[0-9]+:[A-Z]+[0-9]+)"')
_ROW = re.compile(rb"<(?:\w+:)?row[\s>]")
_MAX_PROBLEM_CELLS = 20


# ---- import -------------------------------------------------------------------------------------------


def _check_package(raw: bytes) -> zipfile.ZipFile:
    try:
        package = zipfile.ZipFile(io.BytesIO(raw))
        names = package.namelist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise ImportRefused(
            "The workbook is damaged and cannot be opened. Open it in Excel, save it again and import that."
        ) from exc
    if sum(i.file_size for i in package.infolist()) > _MAX_UNPACKED:
        raise ImportRefused(
            error_text(
                "The workbook unpacks to more than {0} MB; split it and import the parts.",
                _MAX_UNPACKED // (1024 * 1024),
            )
        )
    if "xl/workbook.xml" not in names:
        raise ImportRefused(
            "The file is a zip archive but not an Excel workbook. Import an .xlsx workbook or a .csv file."
        )
    content_types = package.read("[Content_Types].xml") if "[Content_Types].xml" in names else b""
    if any(n.lower().endswith("vbaproject.bin") for n in names) or b"macroEnabled" in content_types:
        raise ImportRefused(
            "The workbook contains macros, which are refused. Save it as an Excel Workbook (.xlsx, without "
            "macros) and import that."
        )
    return package


def _scan(package: zipfile.ZipFile, sheet_path: str) -> tuple[int, list[str]]:
    """The sheet's row elements (counted) and merged ranges, read from its XML before openpyxl parses it,
    so a sheet of 100,000 rows is refused at once."""
    rows = 0
    found: list[str] = []
    with package.open(sheet_path) as stream:
        tail = b""
        while chunk := stream.read(1 << 20):
            data = tail + chunk
            rows += sum(1 for m in _ROW.finditer(data) if m.end() > len(tail))  # not counted with the tail
            found.extend(m.decode() for m in _MERGE.findall(data))
            tail = data[-200:]
            if len(found) > _MAX_PROBLEM_CELLS:
                break
    return rows, list(dict.fromkeys(found))


def _sheets(package: zipfile.ZipFile) -> list[tuple[str, str, str]]:
    """(name, zip member, state) of each sheet in order, from workbook.xml and its rels (no openpyxl)."""
    try:
        book = package.read("xl/workbook.xml")
        rels_name = "xl/_rels/workbook.xml.rels"
        rels = package.read(rels_name) if rels_name in package.namelist() else b""
    except (KeyError, zipfile.BadZipFile, OSError) as exc:
        raise ImportRefused(
            "The workbook is damaged and cannot be opened. Open it in Excel, save it again and import that."
        ) from exc
    out: list[tuple[str, str, str]] = []
    for m in re.finditer(rb"<(?:\w+:)?sheet\s[^>]*>", book):
        tag = m.group(0)
        name = re.search(rb'\sname="([^"]*)"', tag)
        rid = re.search(rb'\sr:id="([^"]*)"', tag) or re.search(rb'\s\w*:?id="([^"]*)"', tag)
        state = re.search(rb'\sstate="([^"]*)"', tag)
        path = ""
        if rid:
            rel = re.search(rb'<Relationship\s[^>]*Id="' + re.escape(rid.group(1)) + rb'"[^>]*>', rels)
            target = re.search(rb'Target="([^"]*)"', rel.group(0)) if rel else None
            if target:
                path = target.group(1).decode("utf-8")
                path = path.lstrip("/") if path.startswith("/") else f"xl/{path}"
        out.append(
            (
                _unescape(name.group(1).decode("utf-8")) if name else "",
                path,
                state.group(1).decode() if state else "visible",
            )
        )
    return out


def _unescape(text: str) -> str:
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&amp;", "&")


def read(raw: bytes) -> SourceTable:
    """The transfers sheet ("Transfers", else the first sheet) as rows; whole-file problems refuse it
    before openpyxl parses anything."""
    package = _check_package(raw)
    sheets = _sheets(package)
    hidden = [name for name, _, state in sheets if state != "visible"]
    if hidden:
        raise ImportRefused(
            "The workbook has hidden sheets; nothing hidden is imported. Unhide them (right-click a sheet "
            "tab > Unhide) and delete what should not be imported, then import again.",
            [Problem(error_text("sheet {0}", t), "the sheet is hidden") for t in hidden],
        )
    if not sheets:
        raise ImportRefused(
            "The workbook cannot be read. Open it in Excel, save it as an Excel Workbook (.xlsx) and import "
            "again."
        )
    title, path, _ = next((s for s in sheets if s[0] == SHEET), sheets[0])
    rows, merged = _scan(package, path) if path in package.namelist() else (0, [])
    if rows > 5 * MAX_ROWS:  # far too many row elements, empty or not: refused before parsing
        raise ImportRefused(
            error_text(
                "The sheet has more than {0} transfers; split it and import the parts.", format(MAX_ROWS, ",")
            )
        )
    if merged:
        raise ImportRefused(
            "The transfers sheet has merged cells; a merged cell belongs to no single transfer. Unmerge "
            "them (Home > Merge & Center > Unmerge Cells) and import again.",
            [Problem(error_text("sheet {0}, cells {1}", title, r), "merged cells") for r in merged],
        )
    try:
        book = load_workbook(io.BytesIO(raw), read_only=True, data_only=False, keep_links=False)
    except Exception as exc:  # openpyxl raises many kinds for a damaged package
        raise ImportRefused(
            "The workbook cannot be read. Open it in Excel, save it as an Excel Workbook (.xlsx) and import "
            "again."
        ) from exc
    try:
        return _rows(book[title] if title in book.sheetnames else book.worksheets[0])
    finally:
        book.close()


def _rows(ws: Any) -> SourceTable:
    it = ws.iter_rows()
    first = next(it, None)
    if first is None:
        raise ImportRefused(
            error_text("The sheet {0} is empty: put the header in row 1 and the transfers below.", ws.title)
        )
    header = ["" if c.value is None else str(c.value).strip() for c in first]
    while header and not header[-1]:
        header.pop()
    check_header(header, error_text("sheet {0}, row {1}", ws.title, 1))
    letters = {name: get_column_letter(i + 1) for i, name in enumerate(header)}
    rows: list[SourceRow] = []
    for number, cells in enumerate(it, start=2):
        values: dict[str, Cell] = {}
        formulas: set[str] = set()
        for i, cell in enumerate(cells[: len(header)]):
            value = cell.value
            if getattr(cell, "data_type", "") == "f":  # read as its text ("=A1+1"), never evaluated
                formulas.add(header[i])
            values[header[i]] = _cell(value)
        extra = [c for c in cells[len(header) :] if c.value not in (None, "")]
        if extra:
            raise ImportRefused(
                "A row has cells beyond the header's last column.",
                [
                    Problem(
                        error_text("sheet {0}, row {1}", ws.title, number),
                        "remove the cells right of the last column",
                    )
                ],
            )
        if all(v in (None, "") for v in values.values()):
            continue
        if len(rows) >= MAX_ROWS:
            raise ImportRefused(
                error_text(
                    "The sheet has more than {0} transfers; split it and import the parts.",
                    format(MAX_ROWS, ","),
                )
            )
        rows.append(
            SourceRow(
                error_text("sheet {0}, row {1}", ws.title, number), values, letters, frozenset(formulas)
            )
        )
    if not rows:
        raise ImportRefused(error_text("The sheet {0} has a header but no transfers.", ws.title))
    return SourceTable("xlsx", ws.title, tuple(header), tuple(rows))


def _cell(value: object) -> Cell:
    if value is None or isinstance(value, (str, int, float, bool, dt.date, dt.datetime)):
        return value
    if isinstance(value, dt.time):
        return value.isoformat()
    return str(value)  # an error value such as #N/A arrives as text


# ---- export -------------------------------------------------------------------------------------------


def export_xlsx(
    db: Database, actor: Actor, q: register_search.TransferQuery | None = None, lang: str = "en"
) -> bytes:
    """The workbook: a sheet to read in `lang` first, then the sheets to edit and import (both languages)."""
    require(actor, Action.READ)
    if lang not in SHEET_NAMES:
        raise ValidationError(error_text("unsupported language {0}; use en or ja", lang))
    with db.read() as s:
        audit.check_actor(s, actor)
    rows = list(export_rows(db, q or register_search.TransferQuery()))
    return workbook_bytes(rows, lang, catalog.all_items(db))


_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="DDE4EE")


def _text_cell(ws: Any, value: str, style: dict[str, Any] | None = None) -> Any:
    cell = WriteOnlyCell(ws, value=value)
    cell.data_type = "s"  # stored as text: "=1+1" or "contact;=1+1" is never a formula
    if value[:1] in ("=", "+", "-", "@"):
        cell.quotePrefix = True  # Excel and LibreOffice keep it text when the cell is edited
    for k, v in (style or {}).items():
        setattr(cell, k, v)
    return cell


def country_entry(names: Any, code: str) -> str:
    """A country as the drop-downs offer it and the export writes it: "JP — Japan / 日本" (the import
    reads the code before the dash, or a bare code)."""
    return f"{code} — {names.name(code, 'en')} / {names.name(code, 'ja')}"


def workbook_bytes(rows: Any, lang: str = "en", labels: Labels | None = None) -> bytes:
    """`labels`: the catalogues' entries by kind and code (default: the shipped catalogues)."""
    names = load_country_names()
    terms = Terminology.load()
    rows = list(rows)
    if labels is None:
        labels = {k: {i.code: i for i in items} for k, items in catalog.shipped_catalogs().items()}
    book = Workbook(write_only=True)
    book.properties.creator = ""  # openpyxl's default author is "openpyxl"
    book.properties.title = SHEET_NAMES[lang]
    book.properties.language = lang
    add_reading_sheet(
        book,
        rows,
        lang,
        labels,
        lambda code: names.name(code, lang) if names.is_known(code) else code,
        _text_cell,
        {"font": _HEADER_FONT, "fill": _HEADER_FILL},
    )
    ws = book.create_sheet(SHEET)
    ws.freeze_panes = "A2"
    for i, col in enumerate(COLUMN_LIST, start=1):
        ws.column_dimensions[get_column_letter(i)].width = 14 if col.values or col.country else 24
    ws.append([_text_cell(ws, c, {"font": _HEADER_FONT, "fill": _HEADER_FILL}) for c in NAMES])
    count = 0
    date_col = NAMES.index("next_review")
    volume_col = NAMES.index("volume")
    country_cols = {i for i, c in enumerate(COLUMN_LIST) if c.country and not c.multiple}
    for row in rows:
        out: list[Any] = []
        for i, value in enumerate(row):
            if i == date_col and value:
                cell = WriteOnlyCell(ws, value=dt.datetime.combine(dt.date.fromisoformat(value), dt.time()))
                cell.number_format = "yyyy-mm-dd"
                out.append(cell)
            elif i == volume_col and value:
                out.append(int(value))
            elif i in country_cols and value and names.is_known(value):
                out.append(_text_cell(ws, country_entry(names, value)))
            else:
                out.append(_text_cell(ws, value))
        ws.append(out)
        count += 1
    last = max(count + 1, 1000)
    lists = _lists(names)
    for i, col in enumerate(COLUMN_LIST, start=1):
        letter = get_column_letter(i)
        source = lists.get(col.name) or (lists["country"] if col.country and not col.multiple else None)
        if source is None:
            continue
        dv = DataValidation(
            type="list",
            formula1=source,
            allow_blank=True,
            showErrorMessage=True,
            errorTitle=col.name,
            error=f"Choose a value from the list. / 一覧から選んでください。 ({col.en})",
            showInputMessage=True,
            promptTitle=col.name[:32],
            prompt=(
                "Choose a country (code — name) or type its ISO code. / 国を選ぶか、ISOコードを入力してください。"
                if col.country
                else f"{col.en[:100]} / {col.ja[:100]}"
            )[:255],
        )
        dv.add(f"{letter}2:{letter}{last}")
        ws.data_validations.append(dv)
    date_letter = get_column_letter(date_col + 1)
    dates = DataValidation(
        type="date",
        operator="greaterThan",
        formula1="DATE(2000,1,1)",
        allow_blank=True,
        showErrorMessage=True,
        error="Enter a date. / 日付を入力してください。",
    )
    dates.add(f"{date_letter}2:{date_letter}{last}")
    ws.data_validations.append(dates)
    _help_sheet(book, terms)
    _lists_sheet(book, names, terms)
    out_stream = io.BytesIO()
    book.save(out_stream)
    return out_stream.getvalue()


def _closed_columns() -> list[tuple[int, str]]:
    return [(i, c.name) for i, c in enumerate([c for c in COLUMN_LIST if c.values])]


def _lists(names: Any) -> dict[str, str]:
    """Where each drop-down takes its values: a range of the Lists sheet."""
    out: dict[str, str] = {}
    for i, name in _closed_columns():
        letter = get_column_letter(i * 2 + 3)
        out[name] = f"{LISTS_SHEET}!${letter}$2:${letter}${len(COLUMNS[name].values) + 1}"
    out["country"] = f"{LISTS_SHEET}!$B$2:$B${len(names.codes) + 1}"
    return out


def _help_sheet(book: Workbook, terms: Terminology) -> None:
    ws = book.create_sheet(HELP_SHEET)
    ws.column_dimensions["A"].width = 24
    ws.column_dimensions["B"].width = 70
    ws.column_dimensions["C"].width = 60
    ws.column_dimensions["D"].width = 10
    bold = {"font": _HEADER_FONT, "fill": _HEADER_FILL}
    ws.append([_text_cell(ws, t, bold) for t in ("Column / 列", "English", "日本語", "Required / 必須")])
    wrap = {"alignment": Alignment(wrap_text=True, vertical="top")}
    for col in COLUMN_LIST:
        en, ja = col.en, col.ja
        if col.values and col.terms:
            en += ": " + ", ".join(f"{v} = {_label(terms, col.terms, v, 'en')}" for v in col.values)
            ja += "：" + "、".join(f"{v}＝{_label(terms, col.terms, v, 'ja')}" for v in col.values)
        ws.append(
            [
                _text_cell(ws, col.name),
                _text_cell(ws, en, wrap),
                _text_cell(ws, ja, wrap),
                _text_cell(ws, "yes / 必須" if col.required else ""),
            ]
        )
    ws.append([])
    notes = (
        (
            "Import",
            "All rows or none: any problem is listed by row and column and nothing is imported.",
            "全行を一括で取り込みます。問題があれば行と列を示し、何も取り込みません。",
        ),
        (
            "Formulas",
            "Formulas are never run; type values (formula cells are refused).",
            "数式は実行しません。値を入力してください（数式のセルは受け付けません）。",
        ),
    )
    for a, b, c in notes:
        ws.append([_text_cell(ws, a, bold), _text_cell(ws, b, wrap), _text_cell(ws, c, wrap)])


def _label(terms: Terminology, prefix: str, value: str, lang: str) -> str:
    key = f"{prefix}.{value}"
    return terms.get(key, lang) if terms.has(key) else value


def _lists_sheet(book: Workbook, names: Any, terms: Terminology) -> None:
    ws = book.create_sheet(LISTS_SHEET)
    closed = _closed_columns()
    header = ["country", "country (code — name) / 国（コード — 名称）"]
    for _, name in closed:
        header += [name, ""]
    ws.append([_text_cell(ws, h, {"font": _HEADER_FONT}) for h in header])
    codes = sorted(names.codes)
    depth = max(len(codes), *(len(COLUMNS[n].values) for _, n in closed))
    for r in range(depth):
        line: list[Any] = []
        if r < len(codes):
            code = codes[r]
            line += [_text_cell(ws, code), _text_cell(ws, country_entry(names, code))]
        else:
            line += [None, None]
        for _, name in closed:
            values = COLUMNS[name].values
            if r < len(values):
                col = COLUMNS[name]
                label = f"{_label(terms, col.terms, values[r], 'en')} / {_label(terms, col.terms, values[r], 'ja')}"
                line += [_text_cell(ws, values[r]), _text_cell(ws, label)]
            else:
                line += [None, None]
        ws.append(line)
