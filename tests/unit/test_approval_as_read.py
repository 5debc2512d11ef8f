"""An approval signs what its approver read, on SQLite and PostgreSQL.

While a version awaits review, the words its report shows but the assessment does not analyse (the
transfer's title and notes, a party's name, address and contact, a catalogue entry's label, a person's
name) stay editable. The reviewer reads the report, then approves; the approval renders the report again.
Without a check, the signed PDF could state words the signer never read. The approval now carries what
the reviewer read (`ApprovalRequest.as_read`, the Review screen's preview; `approve --as-read` on the
command line) and is refused when the version, read in the same transaction as the approved rendering,
no longer shows exactly that.
"""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests import approval_support
from tests.conftest import PASSWORD
from tests.unit.test_roles_matrix import TODAY, World, fingerprint
from transfer_tool import catalog
from transfer_tool.accounts.permissions import Actor
from transfer_tool.assessment import approval, service
from transfer_tool.assessment.reporting import ReadReport, reading_digest
from transfer_tool.cli import main
from transfer_tool.domain import AssessmentStatus
from transfer_tool.errors import ConflictError
from transfer_tool.register import entities, transfers
from transfer_tool.storage.database import Database

CHANGED = "changed after you opened it"


def pdf_text(pdf: bytes) -> str:
    """The PDF's text as a reader finds it, line breaks and runs of spaces as one space."""
    import pypdfium2

    pages = [page.get_textpage().get_text_range() for page in pypdfium2.PdfDocument(pdf)]
    return " ".join(" ".join(pages).split())


def _read(db: Database, assessment_id: int) -> ReadReport:
    """What the Review screen's preview shows the reviewer."""
    return service.read_report(service.build_report_data(db, assessment_id, TODAY), TODAY)


def _approve(db: Database, manager: Actor, assessment_id: int, read: ReadReport) -> approval.ApprovalDone:
    approval_support.register(db, manager)
    request = approval.ApprovalRequest(
        assessment_id,
        approval_support.identity_of(manager.username, manager.display_name or manager.username),
        approval_support.PASSPHRASE,
        "en",
        approval_support.ALL_ATTESTATIONS,
        TODAY,
        as_read=read,
    )
    return approval.approve_and_sign(db, manager, request)


def test_what_a_report_shows_has_one_digest_whatever_its_language(
    db: Database, db_url: str, admin: Actor, legal: Actor, manager: Actor
) -> None:
    submitted = World(db, admin, legal, manager).submitted()
    data = service.build_report_data(db, submitted.id, TODAY)
    shown = repr(data)
    assert " object at 0x" not in shown  # every value has a repr of its contents: the digest is stable
    assert "set(" not in shown  # a set's repr has its order from the process's string hashing
    assert reading_digest(data) == reading_digest(service.build_report_data(db, submitted.id, TODAY))
    # Another process, another string hashing (the command line's `report`, then `approve`): the same.
    probe = (
        "import datetime as dt, sys; from transfer_tool.storage.database import Database; "
        "from transfer_tool.assessment import service; from transfer_tool.assessment.reporting import "
        "reading_digest; db = Database(sys.argv[1]); "
        "print(reading_digest(service.build_report_data(db, int(sys.argv[2]), dt.date.fromisoformat(sys.argv[3]))))"
    )
    for seed in ("1", "2"):
        done = subprocess.run(
            [sys.executable, "-c", probe, db_url, str(submitted.id), TODAY.isoformat()],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        )
        assert done.stdout.strip() == reading_digest(data), seed
    token = service.read_report(data, TODAY).token()
    assert ReadReport.from_token(token) == ReadReport(TODAY, reading_digest(data)[:32])
    for bad in ("", "20261207", "2026-12-07-abc", "20261332-" + "0" * 32, "20261207-" + "g" * 32):
        assert ReadReport.from_token(bad) is None, bad


def test_the_version_as_read_is_approved(db: Database, admin: Actor, legal: Actor, manager: Actor) -> None:
    submitted = World(db, admin, legal, manager).submitted()
    done = _approve(db, manager, submitted.id, _read(db, submitted.id))
    assert done.view.status is AssessmentStatus.APPROVED
    # The command line's shorter reading (the token) binds the same way.
    other = World(db, admin, legal, manager).submitted()
    token = _read(db, other.id).token()
    read = ReadReport.from_token(token)
    assert read is not None
    assert _approve(db, manager, other.id, read).view.status is AssessmentStatus.APPROVED


def _refused_then_read_again(
    db: Database, manager: Actor, assessment_id: int, read: ReadReport, now_shown: str
) -> None:
    approval_support.register(db, manager)  # the approver's certificate, registered once beforehand
    before = fingerprint(db)
    with pytest.raises(ConflictError, match=CHANGED):
        _approve(db, manager, assessment_id, read)
    assert fingerprint(db) == before  # nothing approved, nothing stored
    assert service.get_assessment(db, assessment_id).status is AssessmentStatus.SUBMITTED
    # Read again, the same approval goes through and the signed report says what was read the second time.
    done = _approve(db, manager, assessment_id, _read(db, assessment_id))
    assert now_shown in pdf_text(done.signed_pdf)


def test_a_title_changed_after_reading_stops_the_approval(
    db: Database, admin: Actor, legal: Actor, manager: Actor
) -> None:
    submitted = World(db, admin, legal, manager).submitted()
    read = _read(db, submitted.id)
    t = transfers.get_transfer(db, submitted.transfer_id)
    # The title is the register's own (not assessed): it stays editable while the version awaits review.
    transfers.update_transfer(
        db, legal, t.id, transfers.with_changes(t, title="Payroll, not support"), t.row_version
    )
    _refused_then_read_again(db, manager, submitted.id, read, "Payroll, not support")


def test_a_partys_address_changed_after_reading_stops_the_approval(
    db: Database, admin: Actor, legal: Actor, manager: Actor
) -> None:
    submitted = World(db, admin, legal, manager).submitted()
    read = _read(db, submitted.id)
    t = transfers.get_transfer(db, submitted.transfer_id)
    e = entities.get_entity(db, t.importer_id)
    entities.update_entity(
        db, legal, e.id, dataclasses.replace(e, address="99 Elsewhere Road, Austin TX"), e.row_version
    )
    _refused_then_read_again(db, manager, submitted.id, read, "99 Elsewhere Road")


def test_a_catalogue_label_changed_after_reading_stops_the_approval(
    db: Database, admin: Actor, legal: Actor, manager: Actor
) -> None:
    submitted = World(db, admin, legal, manager).submitted()
    data = service.build_report_data(db, submitted.id, TODAY)
    read = service.read_report(data, TODAY)
    shown = data.transfer.purposes[0]
    kind, items = next(
        (kind, items)
        for kind, items in catalog.all_items(db).items()
        if any(i.label_en == shown.label.get("en") for i in items.values())  # type: ignore[union-attr]
    )
    item = next(i for i in items.values() if i.label_en == shown.label.get("en"))  # type: ignore[union-attr]
    assert kind is item.kind
    catalog.save_item(db, admin, dataclasses.replace(item, label_en="Customer care (renamed)"), read=item)
    _refused_then_read_again(db, manager, submitted.id, read, "Customer care (renamed)")


def test_the_command_line_approves_what_report_wrote(
    db: Database,
    db_url: str,
    admin: Actor,
    legal: Actor,
    manager: Actor,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`report` of a version awaiting review prints a token of what the file shows; `approve --as-read`
    approves only while the version still shows that."""
    monkeypatch.setenv("TRANSFER_TOOL_PASSWORD", PASSWORD)
    monkeypatch.setenv("TRANSFER_TOOL_SIGNING_PASSPHRASE", approval_support.PASSPHRASE)
    approval_support.register(db, manager)
    a = World(db, admin, legal, manager).submitted()
    day = TODAY.isoformat()
    base = ["--database", db_url, "--user", "max"]
    assert main([*base, "report", a.reference, "--on", day, "-o", str(tmp_path / "read.pdf")]) == 0
    out = capsys.readouterr().out
    token = approval_support.read_token(out)
    assert ReadReport.from_token(token) is not None, out
    identity = approval_support.identity_of(manager.username, manager.display_name or manager.username)
    approve = [*base, "approve", a.reference, "--identity", str(identity), "--confirm", "all", "--on", day]

    assert main([*approve, "--as-read", "not-a-token"]) == 2
    assert "is not a token" in capsys.readouterr().err
    assert main(approve) == 2  # as the Review screen: no approval of a report its approver has not read
    err = capsys.readouterr().err
    assert f"Read the report before approving it: `transfer-tool report {a.reference} -o tia.pdf`" in err
    assert "Nothing was approved" in err and "Traceback" not in err
    assert service.get_assessment(db, a.id).status is AssessmentStatus.SUBMITTED
    t = transfers.get_transfer(db, a.transfer_id)
    transfers.update_transfer(db, legal, t.id, transfers.with_changes(t, title="Renamed"), t.row_version)
    assert main([*approve, "--as-read", token]) == 2
    err = capsys.readouterr().err
    assert CHANGED in err and "Traceback" not in err
    assert service.get_assessment(db, a.id).status is AssessmentStatus.SUBMITTED

    assert main([*base, "report", a.reference, "--on", day, "-o", str(tmp_path / "again.pdf")]) == 0
    token = approval_support.read_token(capsys.readouterr().out)
    assert main([*approve, "--as-read", token]) == 0, capsys.readouterr().err
    assert service.get_assessment(db, a.id).status is AssessmentStatus.APPROVED
    # An approved version's report prints no token: there is nothing left to approve.
    assert main([*base, "report", a.reference, "-o", str(tmp_path / "approved.pdf")]) == 0
    assert "--as-read" not in capsys.readouterr().out
