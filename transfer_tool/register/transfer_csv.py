"""The transfer register as CSV: reading a file for the importer (`register_import.read_table` calls
`read`; the importer checks and writes, all or nothing) and writing the export (formula-safe)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from transfer_tool.accounts.permissions import Action, Actor, require
from transfer_tool.errors import ImportRefused, Problem
from transfer_tool.i18n.engine_text import error_text
from transfer_tool.records import audit
from transfer_tool.register import register_search, transfers
from transfer_tool.register.csv_safety import neutralise, restore
from transfer_tool.register.register_columns import MAX_BYTES, MAX_ROWS, NAMES
from transfer_tool.register.register_table import SourceRow, SourceTable, check_header
from transfer_tool.storage.database import Database

COLUMNS = NAMES
__all__ = ["COLUMNS", "export_csv", "export_rows", "read"]


def read(raw: bytes) -> SourceTable:
    if len(raw) > MAX_BYTES:
        raise ImportRefused(
            error_text(
                "The file is {0} MB; the limit is {1} MB. Split it and import the parts.",
                len(raw) // (1024 * 1024),
                MAX_BYTES // (1024 * 1024),
            )
        )
    try:
        text = raw.decode("utf-8-sig")  # a spreadsheet's byte-order mark is accepted
    except UnicodeDecodeError as exc:
        raise ImportRefused(
            error_text(
                "The file is not UTF-8 text (byte {0} cannot be read). Save it as 'CSV UTF-8' and "
                "import again.",
                exc.start,
            )
        ) from exc
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)  # a file cut mid-cell is refused
    try:
        header = [h.strip() for h in next(reader, [])]
        while header and not header[-1]:  # Excel saves its used range: empty cells right of the header
            header.pop()
        check_header(header, error_text("line {0}", 1))
        rows: list[SourceRow] = []
        for cells in reader:
            if not any(c.strip() for c in cells):
                continue
            if any(c.strip() for c in cells[len(header) :]):
                raise ImportRefused(
                    "A line has more cells than the header.",
                    [Problem(error_text("line {0}", reader.line_num), "too many cells; check quoting")],
                )
            if len(rows) >= MAX_ROWS:
                raise ImportRefused(
                    error_text(
                        "The file has more than {0} transfers; split it and import the parts.",
                        format(MAX_ROWS, ","),
                    )
                )
            values = {h: restore(c) for h, c in zip(header, cells, strict=False)}
            rows.append(SourceRow(error_text("line {0}", reader.line_num), dict(values)))
    except csv.Error as exc:
        raise ImportRefused(
            error_text(
                "The CSV cannot be read near line {0}: {1}. Check the quoting of that line.",
                reader.line_num,
                exc,
            )
        ) from exc
    if not rows:
        raise ImportRefused("The file has a header but no transfers.")
    return SourceTable("csv", "", tuple(header), tuple(rows))


def export_csv(db: Database, actor: Actor, q: register_search.TransferQuery | None = None) -> str:
    require(actor, Action.READ)
    with db.read() as s:
        audit.check_actor(s, actor)  # a deactivated account's open session exports nothing
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(NAMES)
    for row in export_rows(db, q or register_search.TransferQuery()):
        w.writerow([neutralise(c) for c in row])
    return out.getvalue()


def _parents_first(found: list[transfers.TransferView]) -> list[transfers.TransferView]:
    """The register's order, except that an onward transfer follows the transfer it continues: the import
    reads an onward row only below its parent, and a register sorted Z to A or by title put it above."""
    present = {t.id for t in found}
    waiting: dict[int, list[transfers.TransferView]] = {}
    out: list[transfers.TransferView] = []
    done: set[int] = set()

    def put(t: transfers.TransferView) -> None:
        out.append(t)
        done.add(t.id)
        for child in waiting.pop(t.id, []):
            put(child)

    for t in found:
        if t.parent_id in present and t.parent_id not in done:
            waiting.setdefault(t.parent_id, []).append(t)
        else:
            put(t)
    return out


def export_rows(db: Database, q: register_search.TransferQuery) -> Iterable[list[str]]:
    """The register's rows as text, in the order of `NAMES` (dates as YYYY-MM-DD): every field a user
    enters, so an export imported into an empty register gives the same transfers."""
    found = _parents_first(list(transfers.get_many(db, register_search.search_ids(db, q))))
    references = {t.id: t.reference for t in found}
    outside = sorted({t.parent_id for t in found if t.parent_id and t.parent_id not in references})
    references.update((t.id, t.reference) for t in transfers.get_many(db, outside))  # a filtered export
    for t in found:
        cells = {
            "reference": t.reference,
            "onward_of": references.get(t.parent_id, "") if t.parent_id else "",
            "title": t.title,
            "exporter": t.exporter_name,
            "exporter_country": t.exporter_country,
            "exporter_role": t.exporter_role.value,
            "importer": t.importer_name,
            "importer_country": t.importer_country,
            "importer_role": t.importer_role.value,
            "recipient_type": t.recipient_type,
            "destination": t.destination,
            "data_categories": ";".join(t.data_categories),
            "special_categories": "yes" if t.special_categories else "no",
            "sensitive_details": t.sensitive_details,
            "data_subjects": ";".join(t.data_subjects),
            "purposes": ";".join(t.purposes),
            "legal_bases": ";".join(t.legal_bases),
            "acquisition_routes": ";".join(t.acquisition_routes),
            "frequency": t.frequency.value,
            "volume": "" if t.volume is None else str(t.volume),
            "format_in_transit": t.format_in_transit.value,
            "format_at_rest": t.format_at_rest.value,
            "key_holder": t.key_holder.value,
            "storage_countries": ";".join(t.storage_countries),
            "remote_access_countries": ";".join(t.remote_access_countries),
            "retention": t.retention,
            "retention_period": t.retention_code,
            "nature_of_processing": t.nature_of_processing,
            "notes": t.notes,
            "status": t.status.value,
            "next_review": t.next_review.isoformat() if t.next_review else "",
        }
        for name in t.assumed:  # nobody gave it: blank, as imported (imported back, still to confirm)
            cells[name] = ""
        yield [cells[name] for name in NAMES]
