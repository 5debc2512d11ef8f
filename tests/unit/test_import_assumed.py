"""A register import states no answer nobody gave, on SQLite and PostgreSQL.

A row may leave the roles, the frequency, the forms of the data, the key holder and "special categories"
blank; the import takes each column's default (the column's header says which). Before, the transfer then
held those defaults as if someone had answered, and the TIA stated them: "Importer: processor", "Sensitive
data: no", "In transit: encrypted", all approved and signed although nobody said so. Now the transfer keeps
which answers it assumed (`assumed`), its assessment counts each as a missing item (no submission, so no
signed report, states them) until the assessor chooses the answer or confirms the one shown, and a value
changed is a value given.
"""

from __future__ import annotations

import dataclasses

import pytest

from tests.unit.test_roles_matrix import TODAY
from transfer_tool.accounts.permissions import Actor
from transfer_tool.assessment import service
from transfer_tool.domain import DataFormat, PartyRole
from transfer_tool.errors import ValidationError
from transfer_tool.register import register_import, transfers
from transfer_tool.storage.database import Database

HEADER = (
    "reference,title,exporter,exporter_country,exporter_role,importer,importer_country,importer_role,"
    "destination,data_categories,purposes,retention,volume,frequency,format_in_transit,format_at_rest,"
    "key_holder,special_categories,sensitive_details\n"
)
BLANKS = "IMP-1,Blanks,Net Japan Co.,JP,,Cloud Desk Inc.,US,,US,contact,respond_requests,1 year,10,,,,,,\n"
STATED = (
    "IMP-2,Stated,Net Japan Co.,JP,controller,Cloud Desk Inc.,US,processor,US,contact,respond_requests,"
    "1 year,10,continuous,encrypted,encrypted,exporter,no,\n"
)
PSEUDONYMISED = (
    "IMP-3,Keys unsaid,Net Japan Co.,JP,controller,Cloud Desk Inc.,US,processor,US,contact,"
    "respond_requests,1 year,10,continuous,encrypted,pseudonymised,,no,\n"
)
ALL_ASSUMED = (
    "exporter_role",
    "importer_role",
    "frequency",
    "format_in_transit",
    "format_at_rest",
    "special_categories",
)


def _imported(db: Database, legal: Actor) -> dict[str, transfers.TransferView]:
    result = register_import.import_csv(db, legal, (HEADER + BLANKS + STATED + PSEUDONYMISED).encode())
    assert result.created == 3
    return {
        ref: transfers.get_transfer(db, transfers.find_by_reference(db, ref) or 0)
        for ref in ("IMP-1", "IMP-2", "IMP-3")
    }


def _assumed_gaps(db: Database, assessment: service.AssessmentView) -> list[str]:
    missing = service.evaluate_record(db, assessment.record, TODAY).missing
    return [g.field for g in missing if g.field.startswith("assumed.")]


def test_blank_cells_are_kept_as_assumed_not_as_answers(db: Database, legal: Actor) -> None:
    t = _imported(db, legal)
    assert t["IMP-1"].assumed == ALL_ASSUMED  # clear at rest (the default): "no key holder" is no guess
    assert t["IMP-1"].importer_role is PartyRole.PROCESSOR  # the default still stands in
    assert t["IMP-2"].assumed == ()
    assert t["IMP-3"].assumed == ("key_holder",)  # pseudonymised: who holds the keys decides use case 2


def test_each_assumed_answer_is_a_missing_item_until_given(db: Database, legal: Actor) -> None:
    t = _imported(db, legal)["IMP-1"]
    a = service.start_assessment(db, legal, t.id)
    assert _assumed_gaps(db, a) == [
        "assumed.exporter_role",
        "assumed.importer_role",
        "assumed.frequency",
        "assumed.format_in_transit",
        "assumed.format_at_rest",
        "assumed.sensitive_data",
    ]
    message = next(
        str(g)
        for g in service.evaluate_record(db, a.record, TODAY).missing
        if g.field == "assumed.importer_role"
    )
    assert "the importer's role was not given in the imported file" in message
    with pytest.raises(ValidationError) as refused:
        service.submit(db, legal, a.id, TODAY)
    assert any(p.location.endswith("assumed.importer_role") for p in refused.value.problems)

    # A value changed is a value given; the others stay assumed. A transfer never takes a new assumption.
    t = transfers.get_transfer(db, t.id)  # starting the assessment set its register status
    t = transfers.update_transfer(
        db, legal, t.id, transfers.with_changes(t, format_in_transit=DataFormat.CLEAR), t.row_version
    )
    assert "format_in_transit" not in t.assumed and "format_at_rest" in t.assumed
    again = transfers.with_changes(t, assumed=(*t.assumed, "format_in_transit", "key_holder"))
    t = transfers.update_transfer(db, legal, t.id, again, t.row_version)
    assert "format_in_transit" not in t.assumed and "key_holder" not in t.assumed
    # Confirmed as shown: the transfer is saved without them (the wizard's button does this).
    t = transfers.update_transfer(db, legal, t.id, transfers.with_changes(t, assumed=()), t.row_version)
    assert t.assumed == ()
    with pytest.raises(ValidationError) as refused:  # the submission follows the transfer as it now is
        service.submit(db, legal, a.id, TODAY)
    assert not any("assumed." in p.location for p in refused.value.problems), refused.value.problems
    assert any("law_practice" in p.location for p in refused.value.problems)  # the rest still to answer


def test_a_copy_of_the_transfer_keeps_what_nobody_gave(db: Database, legal: Actor) -> None:
    t = _imported(db, legal)["IMP-1"]
    copy = transfers.create_transfer(db, legal, dataclasses.replace(t.as_input(), title="Copy"))
    assert copy.assumed == ALL_ASSUMED


def test_the_draft_report_states_no_assumed_answer(db: Database, legal: Actor) -> None:
    """The PDF and the Word draft print "Not answered" where nobody answered, as for any blank answer."""
    import io

    import docx
    import pypdfium2

    from transfer_tool.report.docx_export import render_docx
    from transfer_tool.report.renderer import render_report

    def squashed(text: str) -> str:
        return " ".join(text.split())

    imported = _imported(db, legal)
    for ref, given in (("IMP-1", False), ("IMP-2", True)):
        a = service.start_assessment(db, legal, imported[ref].id)
        data = service.build_report_data(db, a.id, TODAY)
        pdf = squashed(
            " ".join(
                p.get_textpage().get_text_range() for p in pypdfium2.PdfDocument(render_report(data, "en"))
            )
        )
        document = docx.Document(io.BytesIO(render_docx(data, "en")))
        word = squashed(" ".join(c.text for t in document.tables for r in t.rows for c in r.cells))
        for shown in (pdf, word):
            for label, answer in (
                ("Frequency of the transfer", "Continuous"),
                ("Format in transit", "Encrypted"),
                ("Sensitive data", "None"),
                ("Restrictions and safeguards for sensitive data", "Not applicable"),
            ):
                assert (f"{label} {answer} " in shown) is given, (ref, label)
                assert (f"{label} Not answered" in shown) is not given, (ref, label)
            assert ("United States · Processor" in shown) is given, ref
            assert ("United States · Not answered" in shown) is not given, ref


def test_an_export_leaves_the_assumed_cells_blank_so_they_import_back_assumed(
    db: Database, legal: Actor
) -> None:
    import csv
    import io

    from transfer_tool.register import transfer_csv

    _imported(db, legal)
    exported = transfer_csv.export_csv(db, legal)
    rows = {r["reference"]: r for r in csv.DictReader(io.StringIO(exported))}
    assert rows["IMP-1"]["importer_role"] == "" and rows["IMP-1"]["special_categories"] == ""
    assert rows["IMP-2"]["importer_role"] == "processor" and rows["IMP-2"]["special_categories"] == "no"
    # Imported again (as new transfers, under new references), what nobody gave is still not given.
    again = exported.replace("IMP-", "AGAIN-")
    assert register_import.import_csv(db, legal, again.encode()).created == 3
    found = transfers.find_by_reference(db, "AGAIN-1")
    assert found is not None and transfers.get_transfer(db, found).assumed == ALL_ASSUMED


def test_transfers_show_says_which_answers_nobody_gave(
    db: Database, db_url: str, legal: Actor, capsys: pytest.CaptureFixture[str]
) -> None:
    from transfer_tool.cli import main

    _imported(db, legal)
    assert main(["--database", db_url, "transfers", "show", "IMP-1"]) == 0
    out = capsys.readouterr().out
    assert "not given:     exporter_role, importer_role, frequency" in out, out
    assert main(["--database", db_url, "transfers", "show", "IMP-2"]) == 0
    assert "not given" not in capsys.readouterr().out
