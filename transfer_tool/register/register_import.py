"""Importing the transfer register from a file (CSV or Excel): every row is checked before anything is
written, every problem is named by sheet (or line), row and column, and a file is imported whole or not at
all. `preview()` runs the same checks without writing, for the app's preview dialog."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import PurePath

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from transfer_tool.accounts.permissions import Action, Actor, require
from transfer_tool.codes import is_known
from transfer_tool.domain import AssessmentStatus, DataFormat, Frequency, KeyHolder, PartyRole
from transfer_tool.errors import ConflictError, ImportRefused, Problem, ValidationError
from transfer_tool.i18n.engine_text import EngineText, error_text
from transfer_tool.register import approved_changes, entities, transfers
from transfer_tool.register.assumed_answers import ASSUMABLE
from transfer_tool.register.register_columns import COLUMNS, MAX_BYTES, NAMES, REQUIRED
from transfer_tool.register.register_table import Cell, SourceRow, SourceTable
from transfer_tool.register.transfers import MAX_VOLUME
from transfer_tool.storage.database import Database, foreign_key_violation
from transfer_tool.storage.models.core import Entity, Transfer


@dataclass(frozen=True)
class PreparedRow:
    place: str
    reference: str
    exporter: tuple[str, str]  # name, country
    importer: tuple[str, str]
    data: transfers.TransferInput  # with placeholder entity ids 1 and 2
    reference_at: str = ""  # where the reference cell is, for a problem found in the database
    onward_of: str = ""  # the reference of the transfer this one continues (an onward transfer)
    onward_of_at: str = ""


@dataclass(frozen=True)
class ImportPreview:
    """What the file holds and what is wrong with it; nothing was written."""

    kind: str
    sheet: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, tuple[str, ...]], ...]  # (place, cells as shown) of every row read
    problems: tuple[Problem, ...]
    message: str = ""  # the whole-file refusal, when the file could not be read at all
    total: int = 0  # rows in the file (`rows` holds the first ones only)

    @property
    def ok(self) -> bool:
        return not self.problems and not self.message


@dataclass(frozen=True)
class ImportResult:
    created: int


def _where(row: SourceRow, column: str) -> str:
    letter = row.letters.get(column)
    return _with_column(row.place, f"{letter} ({column})" if letter else column)


def _with_column(place: str, column: str) -> str:
    """A problem's place with its column: "sheet {0}, row {1}" becomes "sheet {0}, row {1}, column {2}", so
    the whole place is one catalogue message (each reader makes its places with error_text)."""
    if isinstance(place, EngineText):
        return error_text(f"{place.msgid}, column {{{len(place.args)}}}", *place.args, column)
    return f"{place}, column {column}"


def _shown(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _split(v: str) -> tuple[str, ...]:
    return tuple(x.strip() for x in v.replace(",", ";").split(";") if x.strip())


# A country as the workbook's drop-down offers it, "JP — Japan / 日本": the code before the dash counts.
_COUNTRY_ENTRY = re.compile(r"^([A-Za-z]{2})\s+[—–-]\s+\S")


def _country_codes(text: str, multiple: bool) -> str:
    def code(part: str) -> str:
        m = _COUNTRY_ENTRY.match(part.strip())
        return m.group(1) if m else part.strip()

    return ";".join(code(p) for p in text.split(";")) if multiple else code(text)


_AS_TYPED = frozenset({"title", "retention", "sensitive_details", "nature_of_processing", "notes"})


def _text(row: SourceRow, col: str, problems: list[Problem]) -> str:
    value = row.cells.get(col)
    if col in row.formulas:
        problems.append(
            Problem(
                _where(row, col),
                error_text(
                    "the cell holds the formula {0}; formulas are never run: type the value itself "
                    "(or paste values only)",
                    _shown(value)[:60],
                ),
            )
        )
        return ""
    shown = _shown(value)
    # Free text as typed (an indented first line, a closing line break); codes and names trimmed.
    text = shown if col in _AS_TYPED and shown.strip() else shown.strip()
    if COLUMNS[col].country:
        text = _country_codes(text, COLUMNS[col].multiple)
    limit = COLUMNS[col].limit
    if len(text) > limit:
        problems.append(
            Problem(
                _where(row, col), error_text("keep this under {0} characters (it has {1})", limit, len(text))
            )
        )
    if "\x00" in text:
        problems.append(Problem(_where(row, col), "remove the NUL (\\0) character; it cannot be stored"))
    return text


def _volume(row: SourceRow, problems: list[Problem]) -> int | None:
    value = row.cells.get("volume")
    if "volume" in row.formulas or value is None or value == "":
        _text(row, "volume", problems)
        return None
    number: int | None = None
    if isinstance(value, bool):
        number = None
    elif isinstance(value, int):
        number = value
    elif isinstance(value, float) and value.is_integer():
        number = int(value)
    elif isinstance(value, str):
        digits = value.strip().replace(",", "")
        # isdecimal, not isdigit: '²' is a digit that int() refuses; one sign only ('--5' broke int()).
        if digits.removeprefix("-").isdecimal():
            number = int(digits)
    if number is None:
        problems.append(
            Problem(
                _where(row, "volume"),
                error_text("'{0}' is not a whole number of data subjects", _shown(value)[:40]),
            )
        )
        return None
    if number < 0:
        problems.append(Problem(_where(row, "volume"), "the number of data subjects cannot be negative"))
        return None
    if number > MAX_VOLUME:
        problems.append(
            Problem(
                _where(row, "volume"),
                error_text(
                    "{0} is too large: enter at most {1} data subjects", number, format(MAX_VOLUME, ",")
                ),
            )
        )
        return None
    return number


# A date as Excel writes it into a CSV in the computer's locale (2027/12/7, 12/7/2027, 7.12.2027).
_LOCALE_DATE = re.compile(r"\d{1,4}[/.\-]\d{1,2}[/.\-]\d{1,4}")


def _date(row: SourceRow, problems: list[Problem], kind: str) -> None:
    """`next_review` is shown, not imported; a date typed as text is named so the sheet can be fixed."""
    value = row.cells.get("next_review")
    if "next_review" in row.formulas:
        _text(row, "next_review", problems)
    elif isinstance(value, str) and value.strip():
        if kind == "csv" and _LOCALE_DATE.fullmatch(value.strip()):
            return  # a CSV holds only text: a re-saved export's dates, in a column never read
        try:
            dt.date.fromisoformat(value.strip())
        except ValueError:
            problems.append(
                Problem(
                    _where(row, "next_review"),
                    error_text(
                        "'{0}' is text, not a date: enter a date (YYYY-MM-DD, or format the cell as a "
                        "date in Excel)",
                        value.strip()[:40],
                    ),
                )
            )


_ENUMS: dict[str, tuple[type[PartyRole] | type[Frequency] | type[DataFormat] | type[KeyHolder], object]] = {
    "exporter_role": (PartyRole, PartyRole.CONTROLLER),
    "importer_role": (PartyRole, PartyRole.PROCESSOR),
    "frequency": (Frequency, Frequency.CONTINUOUS),
    "format_in_transit": (DataFormat, DataFormat.ENCRYPTED),
    "format_at_rest": (DataFormat, DataFormat.CLEAR),
    "key_holder": (KeyHolder, KeyHolder.NOT_APPLICABLE),
}


def _closed(row: SourceRow, col: str, text: str, problems: list[Problem]) -> str:
    allowed = COLUMNS[col].values
    if text and text.lower() not in allowed:
        problems.append(
            Problem(_where(row, col), error_text("'{0}' is not one of: {1}", text[:40], ", ".join(allowed)))
        )
        return ""
    return text.lower()


def _reference(row: SourceRow, text: str, problems: list[Problem]) -> None:
    if any((ord(ch) < 32 and ch != "\x00") or ord(ch) == 127 for ch in text):  # NUL: named already
        problems.append(Problem(_where(row, "reference"), "a reference cannot hold control characters"))


# Which column a problem of the core's transfer rules belongs to (the rules name fields).
_FIELD_COLUMN = {"exporter_id": "exporter", "importer_id": "importer", "retention_code": "retention_period"}


def check_rows(table: SourceTable) -> tuple[list[PreparedRow], list[Problem]]:
    """Every row against every rule; the rows that pass come back ready to write."""
    problems: list[Problem] = []
    prepared: list[PreparedRow] = []
    seen_refs: dict[str, str] = {}
    for row in table.rows:
        before = len(problems)
        text = {c: _text(row, c, problems) for c in NAMES if c not in ("volume", "next_review")}
        volume = _volume(row, problems)
        _date(row, problems, table.kind)
        for col in REQUIRED:
            if col == "retention" and text["retention_period"]:
                continue  # the policy's retention period says it (as in the transfer form)
            if not text.get(col) and col not in row.formulas:
                problems.append(Problem(_where(row, col), "fill in this required column"))
        for col in ("exporter_country", "importer_country", "destination"):
            if text[col] and not is_known(text[col].upper()):
                problems.append(
                    Problem(_where(row, col), error_text("'{0}' is not a known country code", text[col]))
                )
        values = {c: _closed(row, c, text[c], problems) for c in _ENUMS}
        _closed(row, "status", text["status"], problems)
        special = _closed(row, "special_categories", text["special_categories"], problems) == "yes"
        ref = text["reference"]
        if ref and ref == text["onward_of"]:
            problems.append(Problem(_where(row, "onward_of"), "a transfer cannot continue itself"))
        if ref:
            _reference(row, ref, problems)
            if ref in seen_refs:
                problems.append(
                    Problem(_where(row, "reference"), error_text("'{0}' is also in {1}", ref, seen_refs[ref]))
                )
            seen_refs.setdefault(ref, row.place)
        for who in ("exporter", "importer"):
            if text[who] and text[f"{who}_country"]:
                party = entities.EntityInput(name=text[who], country=text[f"{who}_country"].upper())
                for p in entities.validate_entity(party):
                    col = who if p.location == "name" else f"{who}_country"
                    if col == f"{who}_country" and not is_known(party.country):
                        continue  # already named above
                    problems.append(Problem(_where(row, col), p.message))
        if text["exporter"] and (text["exporter"], text["exporter_country"].upper()) == (
            text["importer"],
            text["importer_country"].upper(),
        ):
            problems.append(
                Problem(_where(row, "importer"), "the importer must be a different entity from the exporter")
            )
        if len(problems) > before:
            problems[before:] = list(dict.fromkeys(problems[before:]))  # a cell's problem named once
            continue
        opts = {c: (cls(values[c]) if values[c] else default) for c, (cls, default) in _ENUMS.items()}
        # A blank cell takes its column's default, which nobody stated: the transfer says so (`assumed`),
        # and its assessment asks for each until someone does.
        blank = {c for c in (*_ENUMS, "special_categories") if not text[c]}
        if opts["format_at_rest"] is DataFormat.CLEAR:
            blank.discard("key_holder")  # nobody holds keys to clear data: "not applicable" is no guess
        data = transfers.TransferInput(
            exporter_id=1,
            importer_id=2,
            destination=text["destination"].upper(),
            title=text["title"],
            recipient_type=text["recipient_type"],
            data_categories=_split(text["data_categories"]),
            special_categories=special,
            sensitive_details=text["sensitive_details"],
            data_subjects=_split(text["data_subjects"]),
            purposes=_split(text["purposes"]),
            legal_bases=_split(text["legal_bases"]),
            acquisition_routes=_split(text["acquisition_routes"]),
            volume=volume,
            storage_countries=tuple(c.upper() for c in _split(text["storage_countries"])),
            remote_access_countries=tuple(c.upper() for c in _split(text["remote_access_countries"])),
            retention=text["retention"],
            retention_code=text["retention_period"],
            nature_of_processing=text["nature_of_processing"],
            notes=text["notes"],
            assumed=tuple(c for c in ASSUMABLE if c in blank),
            **opts,  # type: ignore[arg-type]
        )
        rule_problems = transfers.validate_transfer(data)
        for p in rule_problems:
            col = _FIELD_COLUMN.get(p.location, p.location)
            problems.append(Problem(_where(row, col) if col in COLUMNS else row.place, p.message))
        if not rule_problems:
            prepared.append(
                PreparedRow(
                    row.place,
                    ref,
                    (text["exporter"], text["exporter_country"].upper()),
                    (text["importer"], text["importer_country"].upper()),
                    data,
                    _where(row, "reference"),
                    text["onward_of"],
                    _where(row, "onward_of"),
                )
            )
    return prepared, problems


# ---- reading a file -----------------------------------------------------------------------------------


def kind_of(raw: bytes, filename: str) -> str:
    """Which reader a file needs: "csv" or "xlsx"; anything else is refused with what to do."""
    suffix = PurePath(filename).suffix.lower()
    if suffix in (".xlsm", ".xltm", ".xlsb"):
        raise ImportRefused(
            error_text(
                "{0} is a macro-enabled or binary workbook, which is refused: save it as an Excel "
                "Workbook (.xlsx) and import that.",
                PurePath(filename).name,
            )
        )
    if raw.startswith(b"\xd0\xcf\x11\xe0"):
        if b"E\x00n\x00c\x00r\x00y\x00p\x00t\x00e\x00d\x00P\x00a\x00c\x00k\x00a\x00g\x00e" in raw:
            raise ImportRefused(
                "The workbook is protected with a password. Remove the password (Excel: File > Info > "
                "Protect Workbook > Encrypt with Password, then clear it), save, and import again."
            )
        raise ImportRefused(
            "The file is an old Excel 97-2003 workbook (.xls). Save it as an Excel Workbook (.xlsx) or as "
            "CSV UTF-8 and import that."
        )
    if raw.startswith(b"PK\x03\x04"):
        if suffix in ("", ".xlsx", ".xltx"):
            return "xlsx"
        if suffix in (".csv", ".txt"):
            raise ImportRefused(
                error_text(
                    "{0} is not UTF-8 text: it is a zip archive such as an Excel workbook. Import the "
                    "workbook as .xlsx, or save it as 'CSV UTF-8' and import that.",
                    PurePath(filename).name,
                )
            )
        raise ImportRefused(
            error_text(
                "{0} is a zip archive, not a register: import an .xlsx workbook or a .csv file.",
                PurePath(filename).name,
            )
        )
    if suffix in (".xlsx", ".xltx"):
        raise ImportRefused(
            error_text(
                "{0} is not an Excel workbook (its content is not .xlsx). Save it from Excel as "
                "an Excel Workbook (.xlsx) and import again.",
                PurePath(filename).name,
            )
        )
    if suffix in ("", ".csv", ".txt"):
        if raw.startswith((b"%PDF", b"\x89PNG", b"\xff\xd8\xff", b"GIF8")) or b"\x00\x00" in raw[:4096]:
            raise ImportRefused("The file is not a CSV text file. Import an .xlsx workbook or a .csv file.")
        return "csv"
    raise ImportRefused(
        error_text(
            "Files of type {0} cannot be imported. Import an Excel workbook (.xlsx) or a CSV file (.csv).",
            suffix,
        )
    )


def read_table(raw: bytes, filename: str) -> SourceTable:
    if len(raw) > MAX_BYTES:
        raise ImportRefused(
            error_text(
                "The file is {0} MB; the limit is {1} MB. Split it and import the parts.",
                len(raw) // (1024 * 1024),
                MAX_BYTES // (1024 * 1024),
            )
        )
    kind = kind_of(raw, filename)
    if kind == "xlsx":
        from transfer_tool.register import transfer_xlsx  # openpyxl only when a workbook is read

        return transfer_xlsx.read(raw)
    from transfer_tool.register import transfer_csv

    return transfer_csv.read(raw)


def taken_references(db: Database, prepared: Sequence[PreparedRow]) -> list[Problem]:
    """References of the file that the register already has (read only; nothing is written)."""
    wanted = {row.reference: row for row in prepared if row.reference}
    names = list(wanted)
    taken: set[str] = set()
    with db.read() as s:
        for start in range(0, len(names), 500):
            chunk = names[start : start + 500]
            taken.update(s.scalars(select(Transfer.reference).where(Transfer.reference.in_(chunk))))
    return [
        # Said with what to do: a register exported and imported back met only "'TR-000001' is already used".
        Problem(
            wanted[r].reference_at,
            error_text(
                "'{0}' is already used: import adds new transfers and never changes those in the register; "
                "remove this row, or empty its reference to add it as a new transfer",
                r,
            ),
        )
        for r in names
        if r in taken
    ]


def parents_in_review(db: Database, prepared: Sequence[PreparedRow]) -> list[Problem]:
    """Onward rows continuing a transfer of the register whose latest version awaits review: the import
    refuses them (that version assessed the transfer with the onward transfers it had). Read only."""
    above: set[str] = set()
    wanted: list[PreparedRow] = []
    for row in prepared:
        if row.onward_of and row.onward_of not in above:  # not one written by the rows above it
            wanted.append(row)
        if row.reference:
            above.add(row.reference)
    names = list(dict.fromkeys(row.onward_of for row in wanted))
    if not names:
        return []
    found: dict[str, int] = {}
    with db.read() as s:
        for start in range(0, len(names), 500):
            chunk = names[start : start + 500]
            rows = s.execute(select(Transfer.reference, Transfer.id).where(Transfer.reference.in_(chunk)))
            found.update((reference, tid) for reference, tid in rows)
        if not found:
            return []
        latest = approved_changes.latest_versions(s, list(found.values()))
    problems = []
    for row in wanted:
        version = latest.get(found.get(row.onward_of, 0))
        if version is not None and version[0] is AssessmentStatus.SUBMITTED:
            text = approved_changes.refusal(row.onward_of, version[1], [approved_changes.ONWARD_LABEL])
            problems.append(Problem(row.onward_of_at, text))
    return problems


def preview(raw: bytes, filename: str, limit: int = 2000, db: Database | None = None) -> ImportPreview:
    """The rows (the first `limit`) and every problem, without writing anything; with `db`, references
    the register already has are named too."""
    try:
        table = read_table(raw, filename)
    except ImportRefused as exc:
        return ImportPreview("", "", (), (), tuple(exc.problems), exc.message)
    prepared, problems = check_rows(table)
    if db is not None:
        problems += taken_references(db, prepared) + parents_in_review(db, prepared)
    rows = tuple((r.place, tuple(_shown(r.cells.get(c)) for c in table.columns)) for r in table.rows[:limit])
    return ImportPreview(table.kind, table.sheet, table.columns, rows, tuple(problems), total=len(table.rows))


def import_file(db: Database, actor: Actor, raw: bytes, filename: str) -> ImportResult:
    """Import every row or none: each problem is named by place and column, and nothing is written."""
    require(actor, Action.IMPORT_EXPORT)
    require(actor, Action.EDIT_TRANSFERS)
    return import_table(db, actor, read_table(raw, filename))


def import_csv(db: Database, actor: Actor, raw: bytes) -> ImportResult:
    """Import every row of a CSV file or none (the `transfers import-csv` command)."""
    require(actor, Action.IMPORT_EXPORT)
    require(actor, Action.EDIT_TRANSFERS)
    return import_table(db, actor, read_table(raw, "register.csv"))


def import_table(db: Database, actor: Actor, table: SourceTable) -> ImportResult:
    require(actor, Action.IMPORT_EXPORT)
    require(actor, Action.EDIT_TRANSFERS)
    prepared, problems = check_rows(table)
    problems += taken_references(db, prepared) + parents_in_review(db, prepared)
    if problems:
        raise ImportRefused(
            error_text(
                "The file was refused: {0} problem(s) in {1} row(s). Nothing was imported; fix "
                "the places below and import again.",
                len(problems),
                len(table.rows),
            ),
            problems,
        )
    try:
        with db.unit_of_work() as s:
            created = _write(s, actor, prepared, problems)
            if problems:
                raise ImportRefused(
                    error_text("The file was refused: {0} problem(s). Nothing was imported.", len(problems)),
                    problems,
                )
    except IntegrityError as exc:  # PostgreSQL: a party found above was removed before the rows were written
        if not foreign_key_violation(exc):
            raise
        raise ConflictError(
            error_text(
                "A party or transfer the file names was removed by someone else while the file was imported; "
                "nothing was imported. Import the file again: a party no longer in the register is added anew."
            )
        ) from exc
    return ImportResult(created)


def _where_field(place: str, location: str) -> str:
    column = _FIELD_COLUMN.get(location, location)
    return _with_column(place, column) if column in COLUMNS else place


def _write(s: Session, actor: Actor, prepared: Sequence[PreparedRow], problems: list[Problem]) -> int:
    cache: dict[tuple[str, str], Entity] = {}
    n = 0
    for row in prepared:
        try:
            exp = entities.find_or_create(s, actor, *row.exporter, cache)
            imp = entities.find_or_create(s, actor, *row.importer, cache)
            data = transfers.TransferInput(
                **{**row.data.__dict__, "exporter_id": exp.id, "importer_id": imp.id}
            )
            parent = (
                s.scalar(select(Transfer).where(Transfer.reference == row.onward_of))
                if row.onward_of
                else None
            )
            if row.onward_of and parent is None:
                problems.append(_no_parent(row))
                continue
            reference = row.reference
            if parent is not None and not reference:  # numbered as the app numbers a sub-recipient
                reference = transfers.onward_reference(parent)
            transfers.create_in(s, actor, data, reference=reference, parent_id=parent.id if parent else None)
            if parent is not None:
                s.refresh(parent)  # the next sub-recipient of the same parent takes the next number
        except ValidationError as exc:  # a rule that needs the database (a reference already used)
            problems.extend(
                Problem(_where_field(row.place, p.location), p.message)
                for p in exc.problems or [Problem("", exc.message)]
            )
            continue
        n += 1
    return n


def _no_parent(row: PreparedRow) -> Problem:
    """An onward row whose transfer is neither written above it nor in the register."""
    return Problem(
        row.onward_of_at,
        error_text(
            "no transfer '{0}' above this row or in the register: put the transfer it continues above it, or "
            "leave the cell empty",
            row.onward_of[:40],
        ),
    )
