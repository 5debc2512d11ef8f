"""Import and export of the transfer register as CSV. An import is checked whole before anything is written."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy.orm import Session

from transfer_tool import audit, entities, transfers
from transfer_tool.codes import is_known
from transfer_tool.csv_safety import neutralise
from transfer_tool.domain import DataFormat, Frequency, KeyHolder, PartyRole
from transfer_tool.errors import ImportRefused, Problem
from transfer_tool.permissions import Action, Actor, require
from transfer_tool.storage.database import Database
from transfer_tool.storage.models.core import Entity

COLUMNS = [
    "reference",
    "title",
    "exporter",
    "exporter_country",
    "exporter_role",
    "importer",
    "importer_country",
    "importer_role",
    "recipient_type",
    "destination",
    "data_categories",
    "data_subjects",
    "purposes",
    "legal_bases",
    "frequency",
    "volume",
    "format_in_transit",
    "format_at_rest",
    "key_holder",
    "storage_countries",
    "remote_access_countries",
    "retention",
    "status",
]
REQUIRED = [
    "exporter",
    "exporter_country",
    "importer",
    "importer_country",
    "destination",
    "data_categories",
    "purposes",
    "retention",
]
MAX_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class ImportResult:
    created: int


def _split(v: str) -> tuple[str, ...]:
    return tuple(x.strip() for x in v.replace(",", ";").split(";") if x.strip())


def _enum(
    value: str,
    cls: type[PartyRole] | type[Frequency] | type[DataFormat] | type[KeyHolder],
    default: object,
    line: int,
    col: str,
    problems: list[Problem],
) -> object:
    if not value:
        return default
    try:
        return cls(value.strip().lower())
    except ValueError:
        allowed = ", ".join(m.value for m in cls)
        problems.append(Problem(f"line {line}", f"{col} '{value}' is not one of: {allowed}"))
        return default


def parse(raw: bytes) -> list[tuple[int, dict[str, str]]]:
    if len(raw) > MAX_BYTES:
        raise ImportRefused(
            f"The file is {len(raw) // (1024 * 1024)} MB; the limit is {MAX_BYTES // (1024 * 1024)} MB. "
            "Split it and import the parts."
        )
    try:
        text = raw.decode("utf-8-sig")  # a spreadsheet's byte-order mark is accepted
    except UnicodeDecodeError as exc:
        raise ImportRefused(
            f"The file is not UTF-8 text (byte {exc.start} cannot be read). "
            "Save it as 'CSV UTF-8' and import again."
        ) from exc
    reader = csv.DictReader(io.StringIO(text, newline=""), strict=True)  # a file cut mid-cell is refused
    header = reader.fieldnames or []
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise ImportRefused(
            "The file's header lacks required columns.",
            [Problem("line 1", f"missing column '{c}'") for c in missing],
        )
    unknown = [c for c in header if c not in COLUMNS]
    if unknown:
        raise ImportRefused(
            "The file's header has columns the tool does not know.",
            [Problem("line 1", f"unknown column '{c}' (expected: {', '.join(COLUMNS)})") for c in unknown],
        )
    rows = []
    try:
        for row in reader:
            if None in row:
                raise ImportRefused(
                    "A line has more cells than the header.",
                    [Problem(f"line {reader.line_num}", "too many cells; check quoting")],
                )
            rows.append((reader.line_num, {k: (v or "").strip() for k, v in row.items()}))
    except csv.Error as exc:
        raise ImportRefused(f"The CSV cannot be read: {exc} (near line {reader.line_num}).") from exc
    if not rows:
        raise ImportRefused("The file has a header but no transfers.")
    return rows


def import_csv(db: Database, actor: Actor, raw: bytes) -> ImportResult:
    """Import every row or none: each bad row is reported by line and reason, and nothing is written."""
    require(actor, Action.IMPORT_EXPORT)
    require(actor, Action.EDIT_TRANSFERS)
    rows = parse(raw)
    problems: list[Problem] = []
    seen_refs: dict[str, int] = {}
    prepared = []
    for line, r in rows:
        before = len(problems)
        for col in REQUIRED:
            if not r.get(col):
                problems.append(Problem(f"line {line}", f"'{col}' is empty"))
        for col in ("exporter_country", "importer_country", "destination"):
            if r.get(col) and not is_known(r[col].upper()):
                problems.append(Problem(f"line {line}", f"{col} '{r[col]}' is not a known country code"))
        vol = None
        if r.get("volume"):
            try:
                vol = int(r["volume"])
            except ValueError:
                problems.append(Problem(f"line {line}", f"volume '{r['volume']}' is not a whole number"))
        ref = r.get("reference", "")
        if ref:
            if ref in seen_refs:
                problems.append(Problem(f"line {line}", f"reference '{ref}' also on line {seen_refs[ref]}"))
            seen_refs[ref] = line
        opts = {
            "exporter_role": _enum(
                r.get("exporter_role", ""), PartyRole, PartyRole.CONTROLLER, line, "exporter_role", problems
            ),
            "importer_role": _enum(
                r.get("importer_role", ""), PartyRole, PartyRole.PROCESSOR, line, "importer_role", problems
            ),
            "frequency": _enum(
                r.get("frequency", ""), Frequency, Frequency.CONTINUOUS, line, "frequency", problems
            ),
            "format_in_transit": _enum(
                r.get("format_in_transit", ""),
                DataFormat,
                DataFormat.ENCRYPTED,
                line,
                "format_in_transit",
                problems,
            ),
            "format_at_rest": _enum(
                r.get("format_at_rest", ""), DataFormat, DataFormat.CLEAR, line, "format_at_rest", problems
            ),
            "key_holder": _enum(
                r.get("key_holder", ""), KeyHolder, KeyHolder.NOT_APPLICABLE, line, "key_holder", problems
            ),
        }
        if len(problems) == before:
            prepared.append((line, r, vol, opts))
    if problems:
        raise ImportRefused(
            f"The file was refused: {len(problems)} problem(s) in {len(rows)} row(s). "
            "Nothing was imported; fix the lines below and import again.",
            problems,
        )
    with db.unit_of_work() as s:
        created = _write(s, actor, prepared, problems)
        if problems:
            raise ImportRefused(
                f"The file was refused: {len(problems)} problem(s). Nothing was imported.", problems
            )
    return ImportResult(created)


def _write(
    s: Session,
    actor: Actor,
    prepared: list[tuple[int, dict[str, str], int | None, dict[str, object]]],
    problems: list[Problem],
) -> int:
    cache: dict[tuple[str, str], Entity] = {}
    n = 0
    for line, r, vol, opts in prepared:
        exp = entities.find_or_create(s, actor, r["exporter"], r["exporter_country"].upper(), cache)
        imp = entities.find_or_create(s, actor, r["importer"], r["importer_country"].upper(), cache)
        data = transfers.TransferInput(
            exporter_id=exp.id,
            importer_id=imp.id,
            destination=r["destination"].upper(),
            title=r.get("title", ""),
            recipient_type=r.get("recipient_type", ""),
            data_categories=_split(r["data_categories"]),
            data_subjects=_split(r.get("data_subjects", "")),
            purposes=_split(r["purposes"]),
            legal_bases=_split(r.get("legal_bases", "")),
            volume=vol,
            storage_countries=tuple(c.upper() for c in _split(r.get("storage_countries", ""))),
            remote_access_countries=tuple(c.upper() for c in _split(r.get("remote_access_countries", ""))),
            retention=r["retention"],
            **opts,  # type: ignore[arg-type]
        )
        try:
            transfers.create_in(s, actor, data, reference=r.get("reference", ""))
        except Exception as exc:  # a rule the row check missed: report the line, roll back everything
            from transfer_tool.errors import ValidationError

            if isinstance(exc, ValidationError):
                problems.extend(
                    Problem(f"line {line}", str(p)) for p in exc.problems or [Problem("", exc.message)]
                )
                continue
            raise
        n += 1
    return n


def export_csv(db: Database, actor: Actor, q: transfers.TransferQuery | None = None) -> str:
    require(actor, Action.READ)
    with db.read() as s:
        audit.check_actor(s, actor)  # a deactivated account's open session exports nothing
    q = q or transfers.TransferQuery()
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(COLUMNS)
    for row in _export_rows(db, q):
        w.writerow([neutralise(c) for c in row])
    return out.getvalue()


def _export_rows(db: Database, q: transfers.TransferQuery) -> Iterable[list[str]]:
    for t in transfers.get_many(db, transfers.search_ids(db, q)):
        yield [
            t.reference,
            t.title,
            t.exporter_name,
            t.exporter_country,
            t.exporter_role.value,
            t.importer_name,
            t.importer_country,
            t.importer_role.value,
            t.recipient_type,
            t.destination,
            ";".join(t.data_categories),
            ";".join(t.data_subjects),
            ";".join(t.purposes),
            ";".join(t.legal_bases),
            t.frequency.value,
            "" if t.volume is None else str(t.volume),
            t.format_in_transit.value,
            t.format_at_rest.value,
            t.key_holder.value,
            ";".join(t.storage_countries),
            ";".join(t.remote_access_countries),
            t.retention,
            t.status.value,
        ]
