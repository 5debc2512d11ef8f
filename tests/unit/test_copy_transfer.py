"""Issue #23, point 1: "New transfer from this one" copies the register data, the onward transfers and the
assessor's answers into a new draft; each copied answer is a missing item ("copied from TR-… version n")
until confirmed; facts and regimes come from the new transfer, so a tool of a regime the new exporter is
not under is left behind (EU exporter → JP exporter: the EU tool is not carried into the APPI regime)."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select

from tests.conftest import PASSWORD
from tests.unit.teamwork_support import TODAY, approved_transfer
from transfer_tool import demo
from transfer_tool.accounts import users
from transfer_tool.accounts.permissions import Actor
from transfer_tool.assessment import copying, derivation, evidence, service
from transfer_tool.cli import main
from transfer_tool.domain import AssessmentStatus, Role, TransferStatus
from transfer_tool.errors import ValidationError
from transfer_tool.register import entities, transfers
from transfer_tool.report.renderer import render_report
from transfer_tool.storage.database import Database
from transfer_tool.storage.models.assessment import EvidenceFile
from transfer_tool.storage.models.core import AuditEvent, Transfer


def _missing(db: Database, assessment_id: int) -> list[str]:
    return [str(g) for g in service.evaluate_assessment(db, assessment_id, TODAY).missing]


def test_a_copy_from_an_eu_exporter_to_a_jp_exporter_leaves_the_eu_tool_behind(
    db: Database, admin: Actor, legal: Actor, manager: Actor
) -> None:
    src = approved_transfer(db, admin, legal, manager, eu=True)
    eu_regimes = src.assessment.record.regimes.codes()
    assert eu_regimes and all(src.assessment.record.tool_for(r) for r in eu_regimes)

    out = copying.copy_transfer(db, legal, src.transfer.id, exporter_id=src.parties.exporter.id)

    new = service.get_assessment(db, out.assessment_id)
    rec = new.record
    assert out.transfer.exporter_id == src.parties.exporter.id and out.transfer.exporter_country == "JP"
    assert out.transfer.id != src.transfer.id and out.transfer.reference != src.transfer.reference
    assert out.transfer.owner_id == legal.user_id and out.transfer.status is TransferStatus.DRAFT
    assert rec.facts.exporter_country == "JP"
    jp_regimes = rec.regimes.codes()
    assert jp_regimes and not set(jp_regimes) & set(eu_regimes)
    assert rec.tools == ()  # the EU tool is not carried into the APPI regime
    assert out.left_behind == eu_regimes
    assert not any(k.startswith(derivation.TOOL_PREFIX) for k in rec.to_confirm)
    # same destination: the law-and-practice answers, measures, risk and evidence come along, to confirm
    assert rec.law_practice == src.assessment.record.law_practice
    assert rec.measures == src.assessment.record.measures
    assert set(rec.to_confirm) == {
        derivation.LAW_PRACTICE,
        derivation.MEASURES,
        derivation.PROCEDURAL_NOTES,
        derivation.RISK,
        derivation.EVIDENCE,
    }
    assert rec.derived_from == out.derived_from
    assert out.derived_from is not None and out.derived_from.reference == src.transfer.reference
    assert rec.status is AssessmentStatus.DRAFT and rec.version == 1 and rec.history == ()
    assert rec.conclusion.chosen is None  # the conclusion is the assessor's own call, never copied
    missing = _missing(db, out.assessment_id)
    ref = f"{src.transfer.reference} version 1"
    assert any(m.startswith("Step 2: no transfer tool chosen for") for m in missing)
    assert f"Step 3: the law-and-practice answers were copied from {ref}: check and confirm them" in missing
    assert f"Step 4: the measures were copied from {ref}: check and confirm them" in missing


def test_a_copy_to_the_same_exporter_keeps_the_tool_until_confirmed_and_links_evidence(
    db: Database, admin: Actor, legal: Actor, manager: Actor
) -> None:
    src = approved_transfer(db, admin, legal, manager, eu=False)
    with db.read() as s:
        blobs_before = s.execute(select(func.count()).select_from(EvidenceFile)).scalar_one()
    out = copying.copy_transfer(db, legal, src.transfer.id)
    rec = service.get_assessment(db, out.assessment_id).record
    assert rec.tools == src.assessment.record.tools
    tool_keys = [f"{derivation.TOOL_PREFIX}{t.regime}" for t in rec.tools]
    assert set(tool_keys) <= set(rec.to_confirm)
    assert out.left_behind == ()
    # the onward transfer came along, under the new reference, from the same importer
    (onward,) = out.transfer.onward
    # Numbered as the app numbers a sub-recipient, and its create event records that reference (it was
    # "-00", renamed after the event that recorded a temporary one).
    assert onward.reference == f"{out.transfer.reference}-01"
    with db.read() as s:
        created = s.scalars(
            select(AuditEvent.after).where(
                AuditEvent.action == "create",
                AuditEvent.table_name == "transfer",
                AuditEvent.record_id == str(onward.id),
            )
        ).all()
    assert [a["reference"] for a in created] == [onward.reference]
    assert onward.exporter_id == src.transfer.importer_id
    # evidence: a new link to the same stored content
    files = evidence.evidence_for(db, out.assessment_id)
    assert [(f.filename, f.sha256) for f in files] == [
        (f.filename, f.sha256) for f in evidence.evidence_for(db, src.assessment.id)
    ]
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(EvidenceFile)) == blobs_before + 1
    missing = _missing(db, out.assessment_id)
    assert any("copied from" in m for m in missing)
    a = service.get_assessment(db, out.assessment_id)
    with pytest.raises(ValidationError):
        service.submit(db, legal, a.id, TODAY)  # unconfirmed copied answers block submission
    # confirming the tool removes only its item; confirming everything removes them all
    a = service.save_draft(db, legal, a.id, derivation.confirm(a.record, tool_keys[0]), a.row_version)
    assert tool_keys[0] not in a.record.to_confirm and a.record.derived_from == out.derived_from
    a = service.save_draft(db, legal, a.id, derivation.confirm(a.record), a.row_version)
    assert not any("copied from" in m for m in _missing(db, a.id))
    assert a.record.derived_from == out.derived_from  # the provenance stays


def test_a_copy_to_another_destination_brings_no_law_answers(
    db: Database, admin: Actor, legal: Actor, manager: Actor
) -> None:
    src = approved_transfer(db, admin, legal, manager, eu=False)
    t = transfers.get_transfer(db, src.transfer.id)
    with db.unit_of_work() as s:  # the source as if it went to India (answers judged US law)
        row = s.get(Transfer, t.id)
        assert row is not None
        row.destination = "IN"
    out = copying.copy_transfer(db, legal, t.id)
    rec = service.get_assessment(db, out.assessment_id).record
    assert derivation.LAW_PRACTICE not in rec.to_confirm and derivation.RISK not in rec.to_confirm
    assert all(a.applies is None for a in rec.law_practice.laws)
    assert rec.confirmed_conditions == ()


def test_nothing_is_written_when_the_copy_is_refused(db: Database, admin: Actor, legal: Actor) -> None:
    parties = demo.create_demo_parties(db, admin)
    t, _ = demo.create_demo_transfer(db, legal, parties)
    with db.read() as s:
        before = s.scalar(select(func.count()).select_from(Transfer))
    with pytest.raises(ValidationError):  # exporter = importer
        copying.copy_transfer(db, legal, t.id, exporter_id=parties.importer.id)
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Transfer)) == before


def test_a_copy_of_a_transfer_without_assessment_starts_a_plain_draft(
    db: Database, admin: Actor, legal: Actor
) -> None:
    parties = demo.create_demo_parties(db, admin)
    t, _ = demo.create_demo_transfer(db, legal, parties)
    viewer = users.create_user(db, admin, "vic", "Vic Viewer", PASSWORD, Role.LEGAL).actor()
    out = copying.copy_transfer(db, viewer, t.id)
    assert out.derived_from is None and out.to_confirm == ()
    assert service.get_assessment(db, out.assessment_id).record.derived_from is None
    assert out.transfer.owner_id == viewer.user_id


def test_the_command_line_copies_the_demo_transfer_to_the_eu_exporter(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`transfers copy REF --exporter ID` on the demo (JP exporter, approved and signed): the copy for the
    EU subsidiary leaves the APPI tool behind and lists what to confirm."""
    built = demo.build_demo(tmp_path / "demo", TODAY)
    monkeypatch.setenv("TRANSFER_TOOL_PASSWORD", demo.DEMO_PASSWORD)
    db = Database(built.database_url)
    try:
        eu = next(e for e in entities.list_entities(db) if e.country == "DE")
    finally:
        db.dispose()
    capsys.readouterr()
    code = main(
        [
            "--database",
            built.database_url,
            "--user",
            demo.ASSESSOR.username,
            "transfers",
            "copy",
            built.transfer_reference,
            "--exporter",
            str(eu.id),
        ]
    )
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0].startswith("created TR-") and "Net Japan Europe GmbH" in lines[0]
    assert f"copied from {built.transfer_reference} version 2" in out  # the approved one, after a return
    assert "not copied: the transfer tool for" in out and "(the new exporter is not under it)" in out
    assert "  onward: " in out
    code = main(["--database", built.database_url, "transfers", "copy", "TR-999999"])
    assert code == 2


def test_the_pdf_of_a_copied_draft_says_which_assessment_it_was_derived_from(
    db: Database, admin: Actor, legal: Actor, manager: Actor
) -> None:
    src = approved_transfer(db, admin, legal, manager, eu=False)
    out = copying.copy_transfer(db, legal, src.transfer.id)
    data = service.build_report_data(db, out.assessment_id, TODAY)
    expected = {
        "en": f"Derived from{src.transfer.reference},version1",
        "ja": f"複写元の評価{src.transfer.reference}第1版",
    }
    for lang, text in expected.items():
        reader = PdfReader(io.BytesIO(render_report(data, lang)))
        first = re.sub(r"\s+", "", reader.pages[0].extract_text())
        assert text.replace(" ", "") in first
    original = service.build_report_data(db, src.assessment.id, TODAY)
    assert original.derived_from == ""
    reader = PdfReader(io.BytesIO(render_report(original, "en")))
    assert "Derivedfrom" not in re.sub(r"\s+", "", reader.pages[0].extract_text())
