"""An approval you can trust (issue 17, points 1 and 2), on SQLite and PostgreSQL.

- Approval binds the version, the tool's own rendering of it, and the approver's registered, trusted
  certificate: a self-signed certificate carrying the approver's name is refused, and so is version 1's
  report with a forged overlay offered as version 2's signed copy.
- Four eyes by authorship: whoever created, edited or submitted a version cannot return or approve it,
  whoever opened it.
- `sign` knows a report by the stored digest, never by its /Info metadata.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
from pathlib import Path

import pytest
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

from tests import approval_support
from tests.conftest import PASSWORD
from tests.time_zone import time_zone
from tests.unit.test_roles_matrix import TODAY, World, fingerprint
from transfer_tool import signing
from transfer_tool.accounts import users
from transfer_tool.accounts.permissions import Actor
from transfer_tool.assessment import approval, approval_store, service
from transfer_tool.assessment.evidence import find_by_pdf_hash
from transfer_tool.cli import main
from transfer_tool.domain import AssessmentStatus, Role
from transfer_tool.errors import PermissionDenied, ValidationError
from transfer_tool.signing import trust
from transfer_tool.storage.database import Database

ALL = frozenset(service.REQUIRED_ATTESTATIONS)
PASSPHRASE = "approver passphrase"


def _request(assessment_id: int, identity: Path, passphrase: str = PASSPHRASE) -> approval.ApprovalRequest:
    return approval.ApprovalRequest(assessment_id, identity, passphrase, "en", ALL, TODAY)


def _overlaid(pdf: bytes, text: bytes) -> bytes:
    """`pdf` with an incremental update drawing `text` over page 1 (the forged overlay)."""
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    stamp = writer.add_object(
        generic.StreamObject(stream_data=b"BT /F1 30 Tf 60 760 Td (" + text + b") Tj ET")
    )
    writer.add_stream_to_page(0, stamp)  # type: ignore[no-untyped-call]  # pyHanko leaves it unannotated
    out = io.BytesIO()
    writer.write(out)  # type: ignore[no-untyped-call]  # pyHanko leaves it unannotated
    return out.getvalue()


@pytest.fixture
def ken(db: Database, admin: Actor) -> Actor:
    return users.create_user(db, admin, "ken", "Ken Other", PASSWORD, Role.MANAGER).actor()


def test_a_self_signed_certificate_with_the_approvers_name_is_refused(
    db: Database, admin: Actor, legal: Actor, manager: Actor, ken: Actor, tmp_path: Path
) -> None:
    submitted = World(db, admin, legal, manager).submitted()
    forged = signing.create_self_signed_identity(
        manager.display_name, "max@example.com", PASSPHRASE, tmp_path
    )
    before = fingerprint(db)
    with pytest.raises(PermissionDenied, match="not registered as your own signing certificate"):
        approval.approve_and_sign(db, manager, _request(submitted.id, forged))
    assert fingerprint(db) == before

    # Trusted, but registered as someone else's: still not the approver's own.
    pem = signing.export_certificate_pem(forged, PASSPHRASE)
    view = trust.add_trusted(db, admin, pem, "Ken's signature", owner=ken.user_id)
    with pytest.raises(PermissionDenied, match="not registered as your own"):
        approval.approve_and_sign(db, manager, _request(submitted.id, forged))
    # Registered as the manager's own, then removed from the trust list: refused again.
    trust.remove_trusted(db, admin, view.id)
    trust.add_trusted(db, admin, pem, "Max's signature", owner=manager.user_id)
    mine = trust.list_trusted(db)[-1]
    trust.remove_trusted(db, admin, mine.id)
    with pytest.raises(PermissionDenied, match="not registered as your own"):
        approval.approve_and_sign(db, manager, _request(submitted.id, forged))
    assert service.get_assessment(db, submitted.id).status is AssessmentStatus.SUBMITTED

    # Registered and active: approved, and the stored copy starts with the tool's rendering.
    trust.add_trusted(db, admin, pem, "Max's signature", owner=manager.user_id)
    done = approval.approve_and_sign(db, manager, _request(submitted.id, forged))
    assert done.view.status is AssessmentStatus.APPROVED
    assert trust.verify_document(db, done.signed_pdf, isolated=False).ok


def test_a_ca_certificate_cannot_be_registered_as_a_persons_own(
    db: Database, admin: Actor, manager: Actor, tmp_path: Path
) -> None:
    from transfer_tool.signing.testing import make_test_pki

    pki = make_test_pki(tmp_path / "pki")
    with pytest.raises(ValidationError, match="CA certificate"):
        trust.add_trusted(db, admin, pki.ca_pem, "Our CA", owner=manager.user_id)


def test_version_1s_report_with_a_forged_overlay_is_not_kept_as_version_2s_copy(
    db: Database, admin: Actor, legal: Actor, manager: Actor, ken: Actor
) -> None:
    w = World(db, admin, legal, manager)
    v1 = approval_support.approve(db, manager, w.submitted().id, TODAY)
    signed_v1 = service.signed_report(db, v1.id)
    assert signed_v1 is not None
    ref = service.find_by_pdf_hash(db, hashlib.sha256(signed_v1).hexdigest())
    assert ref is not None
    # The stored copy records the rendering it signed: its first bytes, by digest and size.
    with db.read() as s:
        from sqlalchemy import select

        from transfer_tool.storage.models.assessment import SignedReport

        row = s.execute(select(SignedReport).where(SignedReport.assessment_id == v1.id)).scalar_one()
        size, digest = row.rendering_size, row.rendering_sha256
    assert size and hashlib.sha256(signed_v1[:size]).hexdigest() == digest
    rendering_v1 = signed_v1[:size]

    v2 = service.new_version(db, legal, v1.id)
    v2 = service.submit(db, legal, v2.id, TODAY)
    rendering_v2 = service.render_for_approval(db, v2.id, "en", ken, TODAY)
    approval_support.register(db, ken)
    identity = approval_support.identity_of("ken", ken.display_name)
    forged = signing.sign_pdf(
        _overlaid(rendering_v1, b"Version 2"),
        identity,
        approval_support.PASSPHRASE,
        reason="Approval",
        location="",
        signer_display_name=ken.display_name,
    )
    before = fingerprint(db)
    with pytest.raises(ValidationError) as refused:
        approval_store._store_approval(
            db,
            ken,
            v2.id,
            signed_pdf=forged,
            rendering=rendering_v2,
            lang="en",
            signer_name=ken.display_name,
            at=dt.datetime.combine(TODAY, dt.time(9), tzinfo=dt.UTC),
            attestations=ALL,
        )
    assert "not the tool's rendering of this version" in refused.value.details()
    assert fingerprint(db) == before
    # `verify` never calls the forged file the stored copy.
    checked = trust.verify_document(db, forged, isolated=False)
    assert not checked.matches_database

    # The one way to approve version 2 renders version 2 itself.
    done = approval_support.approve(db, ken, v2.id, TODAY)
    stored = service.signed_report(db, v2.id)
    assert stored is not None and done.status is AssessmentStatus.APPROVED
    assert trust.verify_document(db, stored, isolated=False).matches_database


def test_four_eyes_binds_whoever_edited_or_submitted_not_whoever_opened(
    db: Database, admin: Actor, legal: Actor, manager: Actor, ken: Actor
) -> None:
    w = World(db, admin, legal, manager)
    draft = w.draft()  # the legal user opened version 1
    assert service.authors_of(db, draft.id) == {legal.user_id}
    # The manager rewrites a field and submits it.
    from transfer_tool import demo

    ev = service.evaluate_assessment(db, draft.id, TODAY)
    record = demo.demo_record(draft.record, ev.destination, TODAY)
    edited = service.save_draft(db, manager, draft.id, record, draft.row_version)
    assert service.authors_of(db, draft.id) == {legal.user_id, manager.user_id}
    import dataclasses

    from transfer_tool.assessment.record import ConclusionRecord

    ev = service.evaluate_assessment(db, draft.id, TODAY)
    assert ev.recommendation is not None
    chosen = dataclasses.replace(edited.record, conclusion=ConclusionRecord(chosen=ev.recommendation))
    edited = service.save_draft(db, legal, draft.id, chosen, edited.row_version)
    submitted = service.submit(db, legal, draft.id, TODAY)
    approval_support.register(db, manager)
    before = fingerprint(db)
    for attempt in (
        lambda: approval_support.approve(db, manager, submitted.id, TODAY),
        lambda: service.return_with_comments(db, manager, submitted.id, [("general", "fine by me")]),
        lambda: service.render_for_approval(db, submitted.id, "en", manager, TODAY),
    ):
        with pytest.raises(PermissionDenied, match="four-eyes"):
            attempt()
    assert fingerprint(db) == before
    assert [q.own for q in service.review_queue(db, manager)] == [True]
    assert [q.own for q in service.review_queue(db, ken)] == [False]
    assert approval_support.approve(db, ken, submitted.id, TODAY).status is AssessmentStatus.APPROVED


def test_submitting_or_adding_evidence_makes_an_author(
    db: Database, admin: Actor, legal: Actor, manager: Actor, ken: Actor
) -> None:
    w = World(db, admin, legal, manager)
    a = w.submitted()
    a = service.return_with_comments(db, ken, a.id, [("evidence", "Attach the DPA.")])
    service.add_evidence(db, manager, a.id, "dpa.txt", b"agreement", "Signed DPA")  # the manager helps
    a = service.submit(db, legal, a.id, TODAY)
    assert manager.user_id in service.authors_of(db, a.id)
    with pytest.raises(PermissionDenied, match="four-eyes"):
        approval_support.approve(db, manager, a.id, TODAY)
    assert approval_support.approve(db, ken, a.id, TODAY).status is AssessmentStatus.APPROVED


def test_sign_ignores_the_metadata_a_changed_title_cannot_hide_the_report(
    db: Database,
    db_url: str,
    admin: Actor,
    legal: Actor,
    manager: Actor,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The old bypass: one character of /Info Title changed, and `sign` no longer knew the report. Now
    the report is known by digest; a changed file is no report of this database and approves nothing."""
    monkeypatch.setenv("TRANSFER_TOOL_PASSWORD", PASSWORD)
    monkeypatch.setenv("TRANSFER_TOOL_SIGNING_PASSPHRASE", approval_support.PASSPHRASE)
    a = World(db, admin, legal, manager).submitted()
    rendering = service.render_for_approval(db, a.id, "en", manager, TODAY)
    writer = IncrementalPdfFileWriter(io.BytesIO(rendering))
    info = writer.trailer["/Info"]
    info["/Title"] = generic.pdf_string(str(info["/Title"]).replace(" v1)", " v9)"))
    writer.update_container(info)
    buffer = io.BytesIO()
    writer.write(buffer)  # type: ignore[no-untyped-call]  # pyHanko leaves it unannotated
    retitled = tmp_path / "retitled.pdf"
    retitled.write_bytes(buffer.getvalue())
    identity = approval_support.identity_of("lena", legal.display_name)  # the assessor's own identity
    out = tmp_path / "signed.pdf"
    code = main(
        [
            "--database",
            db_url,
            "--user",
            "lena",
            "sign",
            str(retitled),
            "--identity",
            str(identity),
            "-o",
            str(out),
        ]
    )
    captured = capsys.readouterr()
    assert code == 0 and "approves nothing here" in captured.out
    # Nothing the tool offers takes that file as an approval: the version is still waiting for review.
    assert service.get_assessment(db, a.id).status is AssessmentStatus.SUBMITTED
    assert not trust.verify_document(db, out.read_bytes(), isolated=False).matches_database


def test_cli_approve_uses_the_same_checks(
    db: Database,
    db_url: str,
    admin: Actor,
    legal: Actor,
    manager: Actor,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("TRANSFER_TOOL_PASSWORD", PASSWORD)
    monkeypatch.setenv("TRANSFER_TOOL_SIGNING_PASSPHRASE", PASSPHRASE)
    a = World(db, admin, legal, manager).submitted()
    stranger = signing.create_self_signed_identity(
        manager.display_name, "max@example.com", PASSPHRASE, tmp_path
    )
    base = ["--database", db_url, "--user", "max"]
    assert main([*base, "report", a.reference, "-o", str(tmp_path / "read.pdf")]) == 0  # read it first
    token = approval_support.read_token(capsys.readouterr().out)
    argv = [*base, "approve", a.reference, "--identity", str(stranger), "--as-read", token]

    assert main([*argv, "--confirm", "no_such_thing"]) == 2
    assert "Unknown attestation" in capsys.readouterr().err
    assert main([*argv, "--confirm", "all"]) == 2
    err = capsys.readouterr().err
    assert "not registered as your own signing certificate" in err and "Traceback" not in err
    assert main([*argv, "--confirm", "description_accurate"]) == 2  # three attestations missing
    assert "confirm:" in capsys.readouterr().err

    trust.add_trusted(
        db, admin, signing.export_certificate_pem(stranger, PASSPHRASE), "Max", owner=manager.user_id
    )
    assert main([*argv, "--confirm", "all"]) == 0, capsys.readouterr().err
    out = capsys.readouterr().out
    assert f"approved: {a.reference} version 1" in out
    assert service.get_assessment(db, a.id).status is AssessmentStatus.APPROVED


def test_the_signed_report_and_the_stored_approval_state_one_moment(
    db: Database, admin: Actor, legal: Actor, manager: Actor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Rendering, signing and storing take time: a clock read once for the rendering and again for the
    storing put 06:51 in the signed history and 06:52 in the stored one (CI, at a minute's edge). The
    approval reads the time once. Here the clock moves a minute at every reading."""
    import itertools
    import subprocess

    from transfer_tool.assessment import versions
    from transfer_tool.report.renderer import render_report

    minutes = itertools.count()
    start = dt.datetime(2026, 12, 7, 6, 0, 30, tzinfo=dt.UTC)
    monkeypatch.setattr(versions, "utcnow", lambda: start + dt.timedelta(minutes=next(minutes)))
    submitted = World(db, admin, legal, manager).submitted()
    approval_support.register(db, manager)
    request = approval.ApprovalRequest(
        submitted.id,
        approval_support.identity_of(manager.username, manager.display_name),
        approval_support.PASSPHRASE,
        "en",
        ALL,
        TODAY,
        comment="Fine.",
    )
    done = approval.approve_and_sign(db, manager, request)
    stored = service.get_assessment(db, submitted.id)
    assert stored.approved_at is not None
    approved = stored.record.history[-1]
    assert approved.at == stored.approved_at

    def history(pdf: bytes, name: str) -> str:
        path = tmp_path / name
        path.write_bytes(pdf)
        text = subprocess.run(
            ["pdftotext", str(path), "-"], capture_output=True, check=True, text=True
        ).stdout
        squashed = "".join(text.split())
        return squashed.split("11.Reviewhistory")[-1].split("12.Evidence")[0]

    signed = history(done.signed_pdf, "signed.pdf")
    assert f"{stored.approved_at:%H:%M}UTCApprovedFine." in signed, signed
    later = render_report(service.build_report_data(db, submitted.id, TODAY), "en")
    assert history(later, "later.pdf") == signed


def test_the_signed_report_and_the_stored_version_state_one_last_update(
    db: Database, admin: Actor, legal: Actor, manager: Actor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The signed report says when the version was last updated: the approval, at its moment. The stored row
    said the clock's reading when it was written (another day at midnight, and a day other than the
    approval's whenever the approval's date is given), so every later copy of the report said another
    "last updated" than the signed one. Here the clock moves a minute at every reading."""
    import itertools
    import subprocess

    from transfer_tool.assessment import versions
    from transfer_tool.report.renderer import render_report

    minutes = itertools.count()
    start = dt.datetime(2026, 12, 7, 23, 58, 30, tzinfo=dt.UTC)
    monkeypatch.setattr(versions, "utcnow", lambda: start + dt.timedelta(minutes=next(minutes)))
    submitted = World(db, admin, legal, manager).submitted()
    approval_support.register(db, manager)
    request = approval.ApprovalRequest(
        submitted.id,
        approval_support.identity_of(manager.username, manager.display_name),
        approval_support.PASSPHRASE,
        "en",
        ALL,
        TODAY,
    )
    done = approval.approve_and_sign(db, manager, request)
    stored = service.get_assessment(db, submitted.id)
    assert stored.approved_at is not None and stored.updated_at == stored.approved_at

    def last_updated(pdf: bytes, name: str) -> str:
        path = tmp_path / name
        path.write_bytes(pdf)
        text = subprocess.run(
            ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, text=True
        ).stdout
        return next(
            line.split("Last updated", 1)[1].split()[0]
            for line in text.splitlines()
            if "Last updated" in line
        )

    signed = last_updated(done.signed_pdf, "signed.pdf")
    assert signed == f"{stored.approved_at:%Y-%m-%d}", signed
    later = render_report(service.build_report_data(db, submitted.id, TODAY), "en")
    assert last_updated(later, "later.pdf") == signed


def _stamp_text(pdf: bytes) -> str:
    """The visible signature's text: its appearance merged into the page (pdftotext reads no annotations)."""
    import pypdfium2

    doc = pypdfium2.PdfDocument(pdf)
    doc.init_forms()
    for page in doc:
        page.flatten()
    flat = io.BytesIO()
    doc.save(flat)
    return "\n".join(page.get_textpage().get_text_range() for page in pypdfium2.PdfDocument(flat.getvalue()))


def test_the_signatures_stamp_and_the_stored_copy_state_the_approvals_moment(
    db: Database, admin: Actor, legal: Actor, manager: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The visible signature says when it was signed, and the review history beside it when the version was
    approved: pyHanko read the clock again (after rendering, a minute later at a minute's edge) in the
    computer's time zone (another day and zone than the history's UTC). The stamp states the approval's
    moment, and so does the stored signed copy's "signed at" (the row took the clock's reading when
    written: another day whenever the date is given). Here the clock moves a minute at every reading."""
    import itertools

    from transfer_tool.assessment import versions

    minutes = itertools.count()
    start = dt.datetime(2026, 12, 7, 6, 50, 30, tzinfo=dt.UTC)
    monkeypatch.setattr(versions, "utcnow", lambda: start + dt.timedelta(minutes=next(minutes)))
    submitted = World(db, admin, legal, manager).submitted()
    approval_support.register(db, manager)
    request = approval.ApprovalRequest(
        submitted.id,
        approval_support.identity_of(manager.username, manager.display_name),
        approval_support.PASSPHRASE,
        "en",
        ALL,
        TODAY,
    )
    with time_zone("Asia/Tokyo"):
        done = approval.approve_and_sign(db, manager, request)
    stored = service.get_assessment(db, submitted.id)
    assert stored.approved_at is not None
    stamp = " ".join(_stamp_text(done.signed_pdf).split())
    assert f"Date: {stored.approved_at:%Y-%m-%d %H:%M} UTC" in stamp, stamp[-300:]
    copy = find_by_pdf_hash(db, hashlib.sha256(done.signed_pdf).hexdigest())
    assert copy is not None and copy.signed_at == stored.approved_at
