"""An exported register imported into an empty register gives the same transfers: every field a user
enters in the transfer form, the sensitive-data flag and its details, and which transfer an onward
transfer continues (Excel and CSV alike)."""

from __future__ import annotations

import csv
import dataclasses
import io
from typing import Any

import pytest

from tests import factories
from transfer_tool.accounts.permissions import Actor
from transfer_tool.errors import ImportRefused, ValidationError
from transfer_tool.register import register_import, register_search, transfer_csv, transfer_xlsx, transfers
from transfer_tool.register.register_columns import NAMES
from transfer_tool.storage.database import Database

# Set by the workflow or the database, not by the person who typed the transfer.
_NOT_TYPED = {
    "id",
    "exporter_id",
    "importer_id",
    "parent_id",
    "status",
    "next_review",
    "owner_id",
    "owner_name",
    "row_version",
    "created_at",
    "updated_at",
    "onward",
    "reassessment_needed",
    "reassessment_reason",
}


def _typed(db: Database) -> dict[str, dict[str, object]]:
    """Each transfer as typed, by reference, with the reference of the transfer it continues."""
    out: dict[str, dict[str, object]] = {}
    for found in register_search.search(db):
        t = transfers.get_transfer(db, found.id)
        fields = {f.name: getattr(t, f.name) for f in dataclasses.fields(t) if f.name not in _NOT_TYPED}
        fields["onward_of"] = transfers.get_transfer(db, t.parent_id).reference if t.parent_id else ""
        out[t.reference] = fields
    return out


def _register(db: Database, actor: Actor) -> None:
    parent = factories.transfer(
        db,
        actor,
        title="Payroll with health data",
        data_categories=("contact", "health"),
        special_categories=True,
        sensitive_details="Sick-leave days only; no diagnosis. Access limited to payroll staff.",
        acquisition_routes=("from_person",),
        retention="",
        retention_code="business_necessity",
        nature_of_processing="Monthly payroll run; storage of pay slips.",
        notes="=cmd|' /C calc'!A0 typed by a user stays text",
    )
    sub = factories.entity(db, actor, "Manila Payroll Desk Inc.", "PH")
    for title in ("Second-line payroll support", "Pay slip printing"):
        transfers.add_onward_transfer(
            db,
            actor,
            parent.id,
            transfers.with_changes(
                parent, exporter_id=parent.importer_id, importer_id=sub.id, destination="PH", title=title
            ),
        )


def _empty(db: Database, actor: Actor) -> None:
    views = [transfers.get_transfer(db, found.id) for found in register_search.search(db)]
    for t in views:
        if t.parent_id is None:  # its onward transfers go with it
            transfers.delete_transfer(db, actor, t.id, t.row_version)


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_an_export_imported_into_an_empty_register_gives_the_same_transfers(
    db: Database, legal: Actor, kind: str
) -> None:
    _register(db, legal)
    before = _typed(db)
    assert sorted(before) == ["TR-000001", "TR-000001-01", "TR-000001-02"]
    assert before["TR-000001-02"]["onward_of"] == "TR-000001"
    raw = (
        transfer_xlsx.export_xlsx(db, legal)
        if kind == "xlsx"
        else transfer_csv.export_csv(db, legal).encode("utf-8")
    )
    _empty(db, legal)
    assert register_import.import_file(db, legal, raw, f"register.{kind}").created == 3
    assert _typed(db) == before


def test_an_onward_transfer_whose_parent_is_nowhere_is_named_with_its_row(db: Database, legal: Actor) -> None:
    cells = dict.fromkeys(NAMES, "")
    cells.update(
        exporter="Net Japan Co., Ltd.",
        exporter_country="JP",
        importer="Manila Desk Inc.",
        importer_country="PH",
        destination="PH",
        data_categories="contact",
        purposes="respond_requests",
        retention="1 year",
        onward_of="TR-009999",
    )
    out = io.StringIO()
    csv.writer(out).writerows([NAMES, [cells[n] for n in NAMES]])
    with pytest.raises(ImportRefused) as refused:
        register_import.import_file(db, legal, out.getvalue().encode(), "register.csv")
    assert [(str(p.location), str(p.message)) for p in refused.value.problems] == [
        (
            "line 2, column onward_of",
            "no transfer 'TR-009999' above this row or in the register: put the transfer it continues above "
            "it, or leave the cell empty",
        )
    ]
    assert register_search.search(db) == []


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_a_register_sorted_z_to_a_exports_each_parent_above_its_onward_transfers(
    db: Database, legal: Actor, kind: str
) -> None:
    """The export follows the register's order, and the import reads an onward row only below its parent:
    sorted Z to A (or by title, or status) the onward rows came first and the file was refused."""
    _register(db, legal)
    before = _typed(db)
    z_to_a = register_search.TransferQuery(descending=True)
    raw = (
        transfer_xlsx.export_xlsx(db, legal, z_to_a)
        if kind == "xlsx"
        else transfer_csv.export_csv(db, legal, z_to_a).encode("utf-8")
    )
    references = [r[0] for r in transfer_csv.export_rows(db, z_to_a)]
    assert references == ["TR-000001", "TR-000001-02", "TR-000001-01"]  # otherwise Z to A
    _empty(db, legal)
    assert register_import.import_file(db, legal, raw, f"register.{kind}").created == 3
    assert _typed(db) == before


def test_a_text_that_starts_with_an_apostrophe_and_a_formula_sign_comes_back_as_typed(
    db: Database, legal: Actor
) -> None:
    """The CSV export quotes a cell that starts like a formula ('=...) and the import takes that quote
    off; a text typed with such a quote lost it: "'-' means none" came back as "-' means none"."""
    factories.transfer(
        db, legal, retention="'-' means none", notes="''=kept", nature_of_processing="'plain quote"
    )
    before = _typed(db)
    raw = transfer_csv.export_csv(db, legal).encode("utf-8")
    _empty(db, legal)
    assert register_import.import_file(db, legal, raw, "register.csv").created == 1
    assert _typed(db) == before


def test_a_sub_recipient_added_after_one_was_removed_takes_the_next_free_number(
    db: Database, legal: Actor
) -> None:
    """Onward references were numbered by counting the onward transfers: with -01 removed and -02 left, the
    next one was numbered -02 again and refused ('TR-000001-02' is already used), in the app and in an
    import's onward row without a reference alike."""
    _register(db, legal)
    first = transfers.get_transfer(db, transfers.find_by_reference(db, "TR-000001-01") or 0)
    transfers.delete_transfer(db, legal, first.id, first.row_version)
    parent = transfers.get_transfer(db, transfers.find_by_reference(db, "TR-000001") or 0)
    desk = factories.entity(db, legal, "Manila Archive Inc.", "PH")
    sub = transfers.with_changes(
        parent, exporter_id=parent.importer_id, importer_id=desk.id, destination="PH", title="Archive"
    )
    added = transfers.add_onward_transfer(db, legal, parent.id, sub)
    assert added.reference == "TR-000001-03"
    rows = [
        r for r in transfer_csv.export_rows(db, register_search.TransferQuery()) if r[0] == added.reference
    ]
    rows[0][0] = ""  # the file's onward row without a reference: the tool numbers it
    out = io.StringIO()
    csv.writer(out).writerows([NAMES, *rows])
    assert register_import.import_file(db, legal, out.getvalue().encode(), "register.csv").created == 1
    assert sorted(_typed(db)) == ["TR-000001", "TR-000001-02", "TR-000001-03", "TR-000001-04"]


def test_the_form_keeps_free_text_within_what_the_file_takes_back(db: Database, legal: Actor) -> None:
    """The register file takes retention up to 1,000 characters and the other free texts up to 4,000; the
    transfer form took any length, so a longer note saved in the app made its export refused on import."""
    longest = {"retention": 1000, "sensitive_details": 4000, "nature_of_processing": 4000, "notes": 4000}
    for field, limit in longest.items():
        with pytest.raises(ValidationError) as refused:
            typed: dict[str, Any] = {  # transfer_input's fields, as factories.transfer takes them
                "special_categories": True,
                "sensitive_details": "Payroll only",
                field: "x" * (limit + 1),
            }
            factories.transfer(db, legal, **typed)
        assert [(p.location, str(p.message)) for p in refused.value.problems] == [
            (field, f"keep this under {limit} characters (it has {limit + 1})")
        ]
    factories.transfer(db, legal, special_categories=True, **{f: "長" * n for f, n in longest.items()})
    before = _typed(db)
    raw = transfer_xlsx.export_xlsx(db, legal)
    _empty(db, legal)
    assert register_import.import_file(db, legal, raw, "register.xlsx").created == 1
    assert _typed(db) == before


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_free_text_keeps_its_leading_and_trailing_spaces_and_line_breaks(
    db: Database, legal: Actor, kind: str
) -> None:
    """Every cell was trimmed on import: a note's indented first line, a closing line break or a tab the
    CSV export had quoted came back changed."""
    factories.transfer(
        db,
        legal,
        title="Payroll ",
        retention="  12 months after the contract ends",
        nature_of_processing="\tStorage\n\tConsultation\n",
        notes="  - indented list\n  - second item\n",
    )
    before = _typed(db)
    raw = (
        transfer_xlsx.export_xlsx(db, legal)
        if kind == "xlsx"
        else transfer_csv.export_csv(db, legal).encode("utf-8")
    )
    _empty(db, legal)
    assert register_import.import_file(db, legal, raw, f"register.{kind}").created == 1
    assert _typed(db) == before
