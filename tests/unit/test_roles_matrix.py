"""Roles enforced in the services: every service function that changes data or reads restricted data,
called as legal, manager, admin and a deactivated account, against the policy written out below.

Allowed: the call succeeds. Denied: PermissionDenied, and nothing in the database changed (every table,
the audit log included, compared before and after). The four-eyes rule is checked through the services
and through the command line. A guard test fails when a service module gains a public function that
this file does not classify.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import importlib
import inspect
import itertools
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from tests import approval_support, factories, signed_pdfs
from tests.conftest import PASSWORD
from transfer_tool import catalog, demo
from transfer_tool.accounts import users
from transfer_tool.accounts.permissions import Actor
from transfer_tool.assessment import copying, due_calendar, page_save, reassessment, service
from transfer_tool.cli import main
from transfer_tool.countries import store as country_store
from transfer_tool.countries.model import Destination
from transfer_tool.domain import AssessmentStatus, CatalogKind, Role
from transfer_tool.errors import PermissionDenied
from transfer_tool.notice import service as notice_service
from transfer_tool.register import entities, register_import, transfer_csv, transfer_xlsx, transfers
from transfer_tool.signing import trust
from transfer_tool.storage.base import Base
from transfer_tool.storage.database import Database

TODAY = dt.date(2026, 11, 26)
ROLES = ("legal", "manager", "admin", "deactivated")

# ---- the policy ------------------------------------------------------------------------------------------
# Who may call each service function that takes the signed-in user. A deactivated account may call none
# of them: the open app keeps the Actor taken at sign-in, so the services check the account row.

EVERYONE = frozenset({"legal", "manager", "admin"})
REVIEWERS = frozenset({"manager", "admin"})
ADMINS = frozenset({"admin"})

ROLE_POLICY: dict[str, frozenset[str]] = {
    # accounts
    "accounts.users.create_user": ADMINS,
    "accounts.users.update_user": ADMINS,
    "accounts.users.remove_user": ADMINS,  # issue #19: deactivates for good; drops the PostgreSQL login role
    "accounts.users.list_users": ADMINS,
    # catalogues
    "catalog.save_item": ADMINS,
    "catalog.deactivate": ADMINS,
    # the register
    "register.entities.create_entity": EVERYONE,
    "register.entities.update_entity": EVERYONE,
    "register.entities.delete_entity": EVERYONE,
    "register.transfers.create_transfer": EVERYONE,
    "register.transfers.add_onward_transfer": EVERYONE,
    "register.transfers.update_transfer": EVERYONE,
    "register.transfers.delete_transfer": EVERYONE,
    "register.transfers.assign_transfers": REVIEWERS,  # issue #23: hand-over by an admin or a manager
    "register.register_import.import_csv": EVERYONE,
    "register.transfer_csv.export_csv": EVERYONE,
    "register.register_import.import_file": EVERYONE,
    "register.register_import.import_table": EVERYONE,
    "register.transfer_xlsx.export_xlsx": EVERYONE,
    "assessment.due_calendar.due_items": EVERYONE,
    "assessment.due_calendar.open_actions": EVERYONE,
    # country data
    "countries.editing.update_destination": ADMINS,
    "countries.editing.update_regime": ADMINS,
    "countries.exchange.import_document": ADMINS,
    "countries.flags.check_expiries": EVERYONE,  # start-up task: derives flags from stored dates only
    # assessments
    "assessment.org_settings.set_org_settings": ADMINS,
    "assessment.drafting.start_assessment": EVERYONE,
    "assessment.drafting.save_draft": EVERYONE,
    "assessment.page_save.save_wizard_page": EVERYONE,  # issue #20: the wizard's save, one transaction
    "assessment.drafting.submit": EVERYONE,
    "assessment.review.resolve_comment": EVERYONE,
    "assessment.drafting.new_version": EVERYONE,
    "assessment.review.review_queue": REVIEWERS,
    "assessment.review.return_with_comments": REVIEWERS,
    "assessment.reporting.render_for_approval": REVIEWERS,
    "assessment.approval.approve_and_sign": REVIEWERS,
    "assessment.evidence.add_evidence": EVERYONE,
    "assessment.copying.copy_transfer": EVERYONE,  # issue #23: new transfer from an existing one
    "assessment.reassessment.start_reassessment": EVERYONE,  # issue #23: bulk re-assessment
    "assessment.reassessment.reassess_many": EVERYONE,
    "assessment.evidence.remove_evidence": EVERYONE,
    # trusted certificates
    "signing.trust.add_trusted": ADMINS,
    "signing.trust.remove_trusted": ADMINS,
    # the privacy notice (issue #24): anyone may store a generation; admins publish and decide names
    "notice.service.generate": EVERYONE,
    "notice.service.publish": ADMINS,
    "notice.service.set_contact": ADMINS,
    "notice.service.set_notice_name": ADMINS,
    # the user's own display language: unaudited preference, allowed even to a deactivated account
    "accounts.users.set_language": EVERYONE | {"deactivated"},
}

# Public functions that take no signed-in user, and why none is needed.
OPEN_READ = "reads data every signed-in user may read (the register, country data, reports)"
PURE = "no database: checks, conversions or shipped files"
IN_TRANSACTION = "runs inside the calling service's transaction, after that service checked the role"
BEFORE_SIGN_IN = "runs before anyone is signed in (first admin, sign-in)"
FILE_LEVEL = "works on the database file; the operating-system account is the boundary"

NOT_ROLE_CHECKED: dict[str, str] = {
    **{f"register.transfers.{n}": OPEN_READ for n in ("get_transfer", "get_many", "find_by_reference")},
    **{
        f"register.register_search.{n}": OPEN_READ
        for n in ("search_ids", "fetch_rows", "search", "search_page", "count_by_status")
    },
    **{
        f"register.transfers.{n}": PURE
        for n in ("validate_transfer", "view", "with_changes", "removed_meanwhile")
    },
    **{
        f"register.transfers.{n}": IN_TRANSACTION
        for n in ("create_in", "update_in", "set_status", "onward_reference")
    },
    **{f"register.entities.{n}": OPEN_READ for n in ("get_entity", "list_entities", "entity_uses")},
    **{f"register.entities.{n}": PURE for n in ("text_problems", "validate_entity", "view")},
    **{f"register.entities.{n}": IN_TRANSACTION for n in ("create_in", "find_or_create")},
    "register.transfer_csv.read": PURE,
    "register.transfer_csv.export_rows": OPEN_READ,
    **{f"register.register_import.{n}": PURE for n in ("check_rows", "kind_of", "read_table", "preview")},
    "register.register_import.taken_references": OPEN_READ,
    "register.register_import.parents_in_review": OPEN_READ,  # the preview's and the import's checks
    **{f"register.transfer_xlsx.{n}": PURE for n in ("read", "workbook_bytes", "country_entry")},
    "assessment.due_calendar.ics_bytes": PURE,
    **{f"catalog.{n}": OPEN_READ for n in ("list_items", "all_items", "lists_and_labels")},
    "catalog.shipped_catalogs": PURE,
    "catalog.seed": IN_TRANSACTION,
    "accounts.users.get_user": OPEN_READ,
    "accounts.users.people": OPEN_READ,
    "assessment.reassessment.flagged_transfer_ids": OPEN_READ,
    "accounts.users.find_person": OPEN_READ,
    "accounts.users.slowdown_seconds": PURE,
    **{
        f"accounts.users.{n}": BEFORE_SIGN_IN
        for n in ("has_users", "create_first_admin", "authenticate", "note_sign_in")
    },
    **{
        f"countries.store.{n}": OPEN_READ
        for n in (
            "dataset",
            "cached_dataset",
            "held_dataset",
            "regimes",
            "get_destination",
            "list_destinations",
            "dataset_version",
            "history",
            "version",
            "diff_versions",
        )
    },
    **{f"countries.flags.{n}": OPEN_READ for n in ("open_flags", "transfers_affected")},
    "countries.exchange.export_document": OPEN_READ,
    "countries.store.search": PURE,
    "countries.flags.raised_after": PURE,  # which of the flags given a version does not answer
    **{f"countries.seeding.{n}": PURE for n in ("seed_rows", "shipped_digests")},  # shipped files only
    "countries.seeding.seed": IN_TRANSACTION,
    **{f"countries.flags.{n}": IN_TRANSACTION for n in ("flag_transfers", "flag_law_changes", "clear_flags")},
    "register.approved_changes.flag_if_approved": IN_TRANSACTION,  # inside update_in, after its role check
    "register.approved_changes.changed_labels": PURE,
    "register.approved_changes.onward_changed": PURE,
    "register.approved_changes.flag_parent_if_approved": IN_TRANSACTION,  # inside create_in/update_in/delete
    "register.approved_changes.flag_party_change": IN_TRANSACTION,  # inside update_entity, after its role check
    "register.approved_changes.latest_versions": IN_TRANSACTION,  # a read inside the flag or the import check
    "register.approved_changes.refusal": PURE,
    "countries.editing.apply_edit": IN_TRANSACTION,
    "assessment.org_settings.get_org_settings": OPEN_READ,
    **{
        f"assessment.versions.{n}": OPEN_READ
        for n in (
            "get_assessment",
            "authors_of",
            "list_for_transfer",
            "latest_for_transfer",
        )
    },
    **{f"assessment.drafting.{n}": OPEN_READ for n in ("evaluate_record", "evaluate_assessment")},
    **{f"assessment.review.{n}": OPEN_READ for n in ("comments_for", "changes_since_previous")},
    "assessment.reporting.build_report_data": OPEN_READ,
    **{f"assessment.reporting.{n}": PURE for n in ("read_report", "reading_digest")},
    **{f"assessment.due_dates.{n}": OPEN_READ for n in ("due_dates", "overdue", "dashboard")},
    "assessment.org_settings.validate_org_settings": PURE,
    "assessment.drafting.initial_record": PURE,
    **{f"assessment.drafting.{n}": IN_TRANSACTION for n in ("start_in", "save_draft_in")},
    "assessment.drafting.following": IN_TRANSACTION,  # the facts following the transfer: save, submit
    "assessment.approval_store.approval_problems": PURE,
    **{
        f"assessment.evidence.{n}": OPEN_READ
        for n in ("evidence_for", "read_evidence", "signed_report", "find_by_pdf_hash")
    },
    "assessment.evidence.sha256_hex": PURE,
    **{
        f"assessment.evidence.{n}": IN_TRANSACTION
        for n in (
            "store_blob",
            "load_blob",
            "evidence_rows",
            "copy_evidence",
            "store_signed_report",
            "add_author",
        )
    },
    **{
        f"signing.trust.{n}": OPEN_READ
        for n in ("list_trusted", "get_trusted", "trusted_pems", "trust_for_approval", "verify_document")
    },
    **{
        f"notice.service.{n}": OPEN_READ
        for n in ("preview", "preview_or_published", "generations", "last_published", "get_contact", "answer")
    },
    "notice.register_rows.register_items": OPEN_READ,
    **{f"signing.trust.{n}": PURE for n in ("parse_certificate", "fingerprint_of")},
    "signing.trust.registered_fingerprints": IN_TRANSACTION,
    **{
        f"records.backup.{n}": FILE_LEVEL
        for n in (
            "backup_dir",
            "list_backups",
            "backup_now",
            "daily_backup_if_due",
            "sqlite_checks",
            "check_database",
            "restore",
            "discard_interrupted_restore",
            "staging_path",
        )
    },
}

SERVICE_MODULES = (
    "register.transfers",
    "register.approved_changes",
    "register.register_search",
    "register.entities",
    "register.transfer_csv",
    "register.register_import",
    "register.transfer_xlsx",
    "assessment.due_calendar",
    "catalog",
    "accounts.users",
    "countries.store",
    "countries.seeding",
    "countries.flags",
    "countries.editing",
    "countries.exchange",
    "assessment.versions",
    "assessment.org_settings",
    "assessment.drafting",
    "assessment.page_save",
    "assessment.review",
    "assessment.approval_store",
    "assessment.reporting",
    "assessment.due_dates",
    "assessment.approval",
    "assessment.evidence",
    "signing.trust",
    "records.backup",
    "notice.service",
    "notice.register_rows",
    "assessment.copying",
    "assessment.reassessment",
)
# Modules with public functions taking a user that only call the services above (which check the role), or
# that only those services call with the user they checked (the audit log, the draft's one-statement save).
DELEGATING_MODULES = frozenset({"demo", "records.audit", "assessment.draft_statement"})


def _public_functions(module_name: str) -> set[str]:
    module = importlib.import_module(f"transfer_tool.{module_name}")
    return {
        f"{module_name}.{name}"
        for name, obj in vars(module).items()
        if inspect.isfunction(obj) and not name.startswith("_") and obj.__module__ == module.__name__
    }


def _function(qualified: str) -> Callable[..., object]:
    module_name, _, name = qualified.rpartition(".")
    fn: Callable[..., object] = getattr(importlib.import_module(f"transfer_tool.{module_name}"), name)
    return fn


# ---- the world each role is checked in ------------------------------------------------------------------


@dataclass
class World:
    db: Database
    admin: Actor  # prepares data (never the account under test, except as "admin")
    assessor: Actor  # a legal user who fills and submits the assessments the reviewers act on
    reviewer: Actor  # a manager who approves and returns while preparing
    counter: itertools.count[int] = field(default_factory=lambda: itertools.count(1))
    _parties: demo.DemoParties | None = None

    def n(self) -> int:
        return next(self.counter)

    def entity(self, country: str = "US") -> entities.EntityView:
        return factories.entity(self.db, self.admin, f"Recipient {self.n()}", country)

    def transfer(self, destination: str = "US") -> transfers.TransferView:
        return factories.transfer(self.db, self.admin, destination)

    def demo_transfer(self) -> transfers.TransferView:
        if self._parties is None:
            self._parties = demo.create_demo_parties(self.db, self.admin)
        t, _ = demo.create_demo_transfer(self.db, self.admin, self._parties, title=f"Support {self.n()}")
        return t

    def draft(self) -> service.AssessmentView:
        return service.start_assessment(self.db, self.assessor, self.demo_transfer().id)

    def submitted(self) -> service.AssessmentView:
        return demo.fill_and_submit(self.db, self.assessor, self.demo_transfer().id, TODAY)

    def returned(self) -> service.AssessmentView:
        a = self.submitted()
        return service.return_with_comments(self.db, self.reviewer, a.id, [("risk", "Explain the 10 %.")])

    def approved(self) -> service.AssessmentView:
        a = self.submitted()
        return approve(self.db, self.reviewer, a.id)


def approve(db: Database, actor: Actor, assessment_id: int) -> service.AssessmentView:
    return approval_support.approve(db, actor, assessment_id, TODAY)


def certificate_pem(common_name: str) -> bytes:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=365))
        .sign(key, hashes.SHA256())
    )
    return cert.public_bytes(serialization.Encoding.PEM)


CSV_HEADER = (
    "reference,title,exporter,exporter_country,importer,importer_country,destination,"
    "data_categories,purposes,retention,volume\n"
)


def _csv(n: int) -> bytes:
    rows = "".join(
        f"ROLE-{n}-{i},Line {i},Net Japan Co.,JP,Importer {i},US,US,contact,respond_requests,1 year,10\n"
        for i in range(3)
    )
    return (CSV_HEADER + rows).encode("utf-8")


def _country_import(db: Database, n: int) -> bytes:
    doc = json.loads(country_store.export_document(db))
    br = next(d for d in doc["destinations"] if d["code"] == "BR")
    br["regimes"]["EU"]["notes"] = f"Reviewed again ({n})."
    doc["dataset_version"] = f"role-check-{n}"
    return json.dumps(doc, ensure_ascii=False).encode("utf-8")


def _destination_edit(db: Database, n: int) -> tuple[Destination, int]:
    br = country_store.get_destination(db, "BR")
    eu = dataclasses.replace(br.regimes["EU"], notes=f"Checked by the role test ({n}).")
    return dataclasses.replace(br, regimes={**br.regimes, "EU": eu}), br.version


# Each case prepares what the call needs (as the setup accounts) and returns the call to make as the
# account under test. Preparation happens before the "nothing changed" snapshot.
Call = Callable[[Actor], object]
Prepare = Callable[[World], Call]


def _prep_update_user(w: World) -> Call:
    target = users.create_user(w.db, w.admin, f"target{w.n()}", "Target Person", PASSWORD, Role.LEGAL)
    return lambda a: users.update_user(w.db, a, target.id, display_name="Renamed Person")


def _prep_remove_user(w: World) -> Call:
    target = users.create_user(w.db, w.admin, f"leaving{w.n()}", "Leaving Person", PASSWORD, Role.LEGAL)
    return lambda a: users.remove_user(w.db, a, target.id)


def _prep_deactivate_item(w: World) -> Call:
    code = f"role_check_{w.n()}"
    catalog.save_item(w.db, w.admin, catalog.CatalogItem(CatalogKind.PURPOSE, code, "", "Role check", ""))
    return lambda a: catalog.deactivate(w.db, a, CatalogKind.PURPOSE, code)


def _prep_update_entity(w: World) -> Call:
    e = w.entity()
    data = entities.EntityInput(name=e.name + " Inc.", country=e.country)
    return lambda a: entities.update_entity(w.db, a, e.id, data, e.row_version)


def _prep_delete_entity(w: World) -> Call:
    e = w.entity()
    return lambda a: entities.delete_entity(w.db, a, e.id, e.row_version)


def _prep_create_transfer(w: World) -> Call:
    exp, imp = w.entity("JP"), w.entity("US")
    return lambda a: transfers.create_transfer(w.db, a, factories.transfer_input(exp.id, imp.id))


def _prep_onward(w: World) -> Call:
    t = w.transfer()
    sub = w.entity("PH")
    data = factories.transfer_input(t.importer_id, sub.id, "PH", title="Night shift in Manila")
    return lambda a: transfers.add_onward_transfer(w.db, a, t.id, data)


def _prep_update_transfer(w: World) -> Call:
    t = w.transfer()
    return lambda a: transfers.update_transfer(
        w.db, a, t.id, transfers.with_changes(t, title="Renamed line"), t.row_version
    )


def _prep_delete_transfer(w: World) -> Call:
    t = w.transfer()
    return lambda a: transfers.delete_transfer(w.db, a, t.id, t.row_version)


def _prep_assign_transfers(w: World) -> Call:
    t = w.transfer()
    assert w.assessor.user_id is not None
    return lambda a: transfers.assign_transfers(w.db, a, [t.id], w.assessor.user_id)


def _prep_copy_transfer(w: World) -> Call:
    t = w.demo_transfer()
    return lambda a: copying.copy_transfer(w.db, a, t.id)


def _prep_start_reassessment(w: World) -> Call:
    a = w.approved()
    return lambda actor: reassessment.start_reassessment(w.db, actor, a.transfer_id)


def _prep_reassess_many(w: World) -> Call:
    a = w.approved()
    return lambda actor: reassessment.reassess_many(w.db, actor, [a.transfer_id])


def _prep_import_document(w: World) -> Call:
    raw = _country_import(w.db, w.n())
    return lambda a: country_store.import_document(w.db, a, raw)


def _prep_update_regime(w: World) -> Call:
    extra = ["KR", "TW", "SG", "TH", "VN", "PH", "MY", "ID"][w.n() % 8]
    return lambda a: country_store.update_regime(
        w.db, a, "JP", exporter_countries=["JP", extra], reason="role check"
    )


def _prep_update_destination(w: World) -> Call:
    new, version = _destination_edit(w.db, w.n())
    return lambda a: country_store.update_destination(
        w.db,
        a,
        new,
        reason="role check",
        expected_version=version,
    )


def _prep_check_expiries(w: World) -> Call:
    # The EU's UK decision expires on 2031-12-27: a French exporter's transfer to GB gets flagged after.
    exp, imp = w.entity("FR"), w.entity("GB")
    transfers.create_transfer(w.db, w.admin, factories.transfer_input(exp.id, imp.id, "GB"))
    return lambda a: _expect_flagged(country_store.check_expiries(w.db, a, dt.date(2032, 1, 1)))


def _expect_flagged(n: int) -> int:
    assert n >= 1, "the expired UK decision flagged no transfer"
    return n


def _prep_save_draft(w: World) -> Call:
    d = w.draft()
    record = dataclasses.replace(d.record, procedural_notes="Checked by the role test.")
    return lambda a: service.save_draft(w.db, a, d.id, record, d.row_version)


def _prep_save_wizard_page(w: World) -> Call:
    d = w.draft()
    t = transfers.get_transfer(w.db, d.transfer_id)
    renamed = transfers.with_changes(t, title="Renamed by the role test")
    request = page_save.PageSave(page_save.SaveBase.of(t, d), renamed, d.record, "conclusion")
    return lambda a: page_save.save_wizard_page(w.db, a, request)


def _prep_submit(w: World) -> Call:
    r = w.returned()
    return lambda a: service.submit(w.db, a, r.id, TODAY)


def _prep_resolve(w: World) -> Call:
    r = w.returned()
    comment = service.comments_for(w.db, r.id)[0]
    return lambda a: service.resolve_comment(w.db, a, comment.id)


def _prep_new_version(w: World) -> Call:
    approved = w.approved()
    return lambda a: service.new_version(w.db, a, approved.id)


def _prep_return(w: World) -> Call:
    s = w.submitted()
    return lambda a: service.return_with_comments(w.db, a, s.id, [("general", "Add the DPA as evidence.")])


def _prep_render(w: World) -> Call:
    s = w.submitted()
    return lambda a: service.render_for_approval(w.db, s.id, "en", a, TODAY)


def _prep_approve(w: World) -> Call:
    s = w.submitted()
    return lambda a: approve(w.db, a, s.id)


def _prep_add_evidence(w: World) -> Call:
    d = w.draft()
    return lambda a: service.add_evidence(w.db, a, d.id, "dpa.pdf", b"%PDF-1.4 signed DPA", "Signed DPA")


def _prep_remove_evidence(w: World) -> Call:
    d = w.draft()
    e = service.add_evidence(w.db, w.assessor, d.id, "tia-note.txt", b"note", "Assessor's note")
    return lambda a: service.remove_evidence(w.db, a, e.id)


def _prep_remove_trusted(w: World) -> Call:
    c = trust.add_trusted(w.db, w.admin, certificate_pem(f"Signer {w.n()}"), "A signer")
    return lambda a: trust.remove_trusted(w.db, a, c.id)


def _simple(call: Callable[[World, Actor], object]) -> Prepare:
    return lambda w: lambda a: call(w, a)


def _prep_publish(w: World) -> Call:
    _, generated = notice_service.generate(w.db, w.admin, "JP", "en", today=TODAY)
    return lambda a: notice_service.publish(w.db, a, generated.id, accept_unverified=True, today=TODAY)


def _prep_notice_name(w: World) -> Call:
    e = entities.create_entity(w.db, w.admin, entities.EntityInput(name=f"Named Co {w.n()}", country="US"))
    return lambda a: notice_service.set_notice_name(w.db, a, e.id, "name")


CASES: dict[str, Prepare] = {
    "notice.service.generate": _simple(
        lambda w, a: notice_service.generate(w.db, a, "JP", "en", today=TODAY)
    ),
    "notice.service.publish": _prep_publish,
    "notice.service.set_contact": _simple(
        lambda w, a: notice_service.set_contact(w.db, a, {"en": "privacy@x"})
    ),
    "notice.service.set_notice_name": _prep_notice_name,
    "accounts.users.create_user": _simple(
        lambda w, a: users.create_user(w.db, a, f"new{w.n()}", "New Person", PASSWORD, Role.LEGAL)
    ),
    "accounts.users.update_user": _prep_update_user,
    "accounts.users.remove_user": _prep_remove_user,
    "accounts.users.list_users": _simple(lambda w, a: users.list_users(w.db, a)),
    "accounts.users.set_language": _simple(lambda w, a: users.set_language(w.db, a, "ja")),
    "catalog.save_item": _simple(
        lambda w, a: catalog.save_item(
            w.db,
            a,
            catalog.CatalogItem(CatalogKind.PURPOSE, f"new_{w.n()}", "4-1", "New purpose", "新しい目的"),
        )
    ),
    "catalog.deactivate": _prep_deactivate_item,
    "register.entities.create_entity": _simple(
        lambda w, a: entities.create_entity(
            w.db, a, entities.EntityInput(name=f"New Co {w.n()}", country="SG")
        )
    ),
    "register.entities.update_entity": _prep_update_entity,
    "register.entities.delete_entity": _prep_delete_entity,
    "register.transfers.create_transfer": _prep_create_transfer,
    "register.transfers.add_onward_transfer": _prep_onward,
    "register.transfers.update_transfer": _prep_update_transfer,
    "register.transfers.delete_transfer": _prep_delete_transfer,
    "register.transfers.assign_transfers": _prep_assign_transfers,
    "assessment.copying.copy_transfer": _prep_copy_transfer,
    "assessment.reassessment.start_reassessment": _prep_start_reassessment,
    "assessment.reassessment.reassess_many": _prep_reassess_many,
    "register.register_import.import_csv": _simple(
        lambda w, a: register_import.import_csv(w.db, a, _csv(w.n()))
    ),
    "register.transfer_csv.export_csv": _simple(lambda w, a: transfer_csv.export_csv(w.db, a)),
    "register.register_import.import_file": _simple(
        lambda w, a: register_import.import_file(w.db, a, _csv(w.n()), "register.csv")
    ),
    "register.register_import.import_table": _simple(
        lambda w, a: register_import.import_table(w.db, a, transfer_csv.read(_csv(w.n())))
    ),
    "register.transfer_xlsx.export_xlsx": _simple(lambda w, a: transfer_xlsx.export_xlsx(w.db, a)),
    "assessment.due_calendar.due_items": _simple(lambda w, a: due_calendar.due_items(w.db, a)),
    "assessment.due_calendar.open_actions": _simple(lambda w, a: due_calendar.open_actions(w.db, a, 1)),
    "countries.editing.update_destination": _prep_update_destination,
    "countries.editing.update_regime": _prep_update_regime,
    "countries.exchange.import_document": _prep_import_document,
    "countries.flags.check_expiries": _prep_check_expiries,
    "assessment.org_settings.set_org_settings": _simple(
        lambda w, a: service.set_org_settings(w.db, a, service.OrgSettings(risk_threshold=0.05))
    ),
    "assessment.drafting.start_assessment": lambda w: (
        lambda t: lambda a: service.start_assessment(w.db, a, t.id)
    )(w.demo_transfer()),
    "assessment.drafting.save_draft": _prep_save_draft,
    "assessment.page_save.save_wizard_page": _prep_save_wizard_page,
    "assessment.drafting.submit": _prep_submit,
    "assessment.review.resolve_comment": _prep_resolve,
    "assessment.drafting.new_version": _prep_new_version,
    "assessment.review.review_queue": _simple(lambda w, a: service.review_queue(w.db, a)),
    "assessment.review.return_with_comments": _prep_return,
    "assessment.reporting.render_for_approval": _prep_render,
    "assessment.approval.approve_and_sign": _prep_approve,
    "assessment.evidence.add_evidence": _prep_add_evidence,
    "assessment.evidence.remove_evidence": _prep_remove_evidence,
    "signing.trust.add_trusted": _simple(
        lambda w, a: trust.add_trusted(w.db, a, certificate_pem("New signer"), "New")
    ),
    "signing.trust.remove_trusted": _prep_remove_trusted,
}


def fingerprint(db: Database) -> str:
    """SHA-256 over every row of every table (the audit log too), in primary-key order."""
    digest = hashlib.sha256()
    # The driver's own values, without the ORM's type conversion: a changed row changes them all the same,
    # at a fraction of the cost (about a hundred fingerprints a role).
    with db.engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            digest.update(table.name.encode())
            order = ", ".join(f'"{c.name}"' for c in table.primary_key.columns)
            for row in conn.exec_driver_sql(f'SELECT * FROM "{table.name}" ORDER BY {order}'):
                digest.update(repr(tuple(row)).encode())
    return digest.hexdigest()


@dataclass(frozen=True)
class Outcome:
    function: str
    role: str
    expected: str  # "allowed" | "denied"
    got: str  # "allowed" | "denied" | "error: ..."
    unchanged: bool = True

    @property
    def ok(self) -> bool:
        return self.expected == self.got and self.unchanged


def _actor_for(role: str, db: Database, admin: Actor, legal: Actor, manager: Actor) -> Actor:
    if role == "legal":
        return legal
    if role == "manager":
        return manager
    if role == "admin":
        return admin
    # Signed in as an admin, then deactivated by another admin while the app stayed open.
    gone = users.create_user(db, admin, "gone", "Gone Admin", PASSWORD, Role.ADMIN).actor()
    assert gone.user_id is not None
    users.update_user(db, admin, gone.user_id, active=False)
    return gone


def check(w: World, function: str, role: str, actor: Actor) -> Outcome:
    expected = "allowed" if role in ROLE_POLICY[function] else "denied"
    call = CASES[function](w)
    before = fingerprint(w.db) if expected == "denied" else ""
    try:
        call(actor)
    except PermissionDenied:
        got = "denied"
    except Exception as exc:  # any other failure is a mismatch to report, with its reason
        got = f"error: {type(exc).__name__}: {exc}"
    else:
        got = "allowed"
    unchanged = expected != "denied" or fingerprint(w.db) == before
    return Outcome(function, role, expected, got, unchanged)


# ---- tests ----------------------------------------------------------------------------------------------


def test_every_public_service_function_is_classified() -> None:
    """A new public function in a service module must be put in ROLE_POLICY or NOT_ROLE_CHECKED."""
    found = set().union(*(_public_functions(m) for m in SERVICE_MODULES))
    classified = set(ROLE_POLICY) | set(NOT_ROLE_CHECKED)
    assert not set(ROLE_POLICY) & set(NOT_ROLE_CHECKED)
    assert sorted(found - classified) == [], "classify these in test_roles_matrix.py"
    assert sorted(classified - found) == [], "these no longer exist; remove them from the table"
    assert set(CASES) == set(ROLE_POLICY), "every function with a role policy needs a case that calls it"


def test_functions_taking_a_user_are_role_checked_or_run_inside_a_checked_service() -> None:
    for name in set(ROLE_POLICY) | set(NOT_ROLE_CHECKED):
        params = inspect.signature(_function(name)).parameters
        takes_user = "actor" in params or "approver" in params
        if name in ROLE_POLICY:
            assert takes_user, f"{name} has a role policy but takes no user"
        else:
            assert not takes_user or NOT_ROLE_CHECKED[name] == IN_TRANSACTION, (
                f"{name} takes the signed-in user: give it a role policy"
            )


def test_no_other_core_module_takes_the_signed_in_user_unclassified() -> None:
    """A new service module (a public function with an `actor`) must join SERVICE_MODULES."""
    root = Path(importlib.import_module("transfer_tool").__file__ or "").parent
    offenders = []
    for path in sorted(root.rglob("*.py")):
        rel = path.relative_to(root).with_suffix("")
        name = ".".join(rel.parts)
        if rel.parts[0] in ("cli", "storage") or rel.name in ("__init__", "__main__"):
            continue
        if name in SERVICE_MODULES or name in DELEGATING_MODULES or name == "accounts.permissions":
            continue
        offenders += [
            f"{name}.{fname}"
            for fname in sorted(_public_functions(name))
            if "actor" in inspect.signature(_function(fname)).parameters
        ]
    assert offenders == []


@pytest.mark.parametrize("role", ROLES)
def test_each_role_may_do_exactly_what_the_policy_says(
    db: Database, admin: Actor, legal: Actor, manager: Actor, role: str, backend: str
) -> None:
    assessor = users.create_user(db, admin, "sam", "Sam Assessor", PASSWORD, Role.LEGAL).actor()
    reviewer = users.create_user(db, admin, "rita", "Rita Reviewer", PASSWORD, Role.MANAGER).actor()
    w = World(db, admin, assessor, reviewer)
    actor = _actor_for(role, db, admin, legal, manager)
    outcomes = [check(w, function, role, actor) for function in ROLE_POLICY]
    allowed = sum(o.got == "allowed" for o in outcomes)
    denied = sum(o.got == "denied" for o in outcomes)
    print(f"\n[roles] {backend} {role}: {len(outcomes)} checks, {allowed} allowed, {denied} denied")
    wrong = [o for o in outcomes if not o.ok]
    assert wrong == []


# ---- four eyes ------------------------------------------------------------------------------------------


def test_four_eyes_the_assessor_may_neither_approve_nor_return_nor_render_their_own(
    db: Database, admin: Actor, manager: Actor
) -> None:
    w = World(db, admin, manager, manager)  # the manager assesses
    other = users.create_user(db, admin, "ken", "Ken Other", PASSWORD, Role.MANAGER).actor()
    own = w.submitted()
    approval_support.register(db, manager)  # so the refused attempts below change nothing at all
    before = fingerprint(db)
    for attempt in (
        lambda: approve(db, manager, own.id),
        lambda: service.return_with_comments(db, manager, own.id, [("general", "self review")]),
        lambda: service.render_for_approval(db, own.id, "en", manager, TODAY),
    ):
        with pytest.raises(PermissionDenied, match="four-eyes"):
            attempt()
    assert fingerprint(db) == before
    assert [q.own for q in service.review_queue(db, manager)] == [True]

    # An admin who assessed is bound too.
    w_admin = World(db, admin, admin, manager)
    admins_own = w_admin.submitted()
    approval_support.register(db, admin)
    with pytest.raises(PermissionDenied, match="four-eyes"):
        approve(db, admin, admins_own.id)

    # Another reviewer may; the approval is not marked single-user.
    done = approve(db, other, own.id)
    assert done.status is AssessmentStatus.APPROVED and not done.single_user_approval

    # Single-user mode: the assessor may approve their own, and the row says so.
    service.set_org_settings(db, admin, service.OrgSettings(single_user_mode=True))
    solo = approve(db, admin, admins_own.id)
    assert solo.status is AssessmentStatus.APPROVED and solo.single_user_approval


class _Cli:
    def __init__(self, url: str, capsys: pytest.CaptureFixture[str]) -> None:
        self.url = url
        self.capsys = capsys

    def __call__(self, *args: str, user: str) -> tuple[int, str]:
        self.capsys.readouterr()
        code = main(["--database", self.url, "--user", user, *args])
        out, err = self.capsys.readouterr()
        assert "Traceback" not in out + err
        return code, out + err


def test_four_eyes_and_roles_hold_through_the_command_line(
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
    monkeypatch.setenv("TRANSFER_TOOL_SIGNING_PASSPHRASE", signed_pdfs.PASSPHRASE)
    ken = users.create_user(db, admin, "ken", "Ken Other", PASSWORD, Role.MANAGER).actor()
    own = World(db, admin, manager, manager).submitted()  # "max" assessed it
    for who in (manager, ken):
        approval_support.register(db, who)
    cli = _Cli(db_url, capsys)

    def approve_as(username: str, display_name: str) -> tuple[int, str]:
        identity = approval_support.identity_of(username, display_name)
        code, text = cli("report", str(own.id), "-o", str(tmp_path / f"{username}.pdf"), user=username)
        assert code == 0, text
        token = approval_support.read_token(text)
        approve = ("approve", str(own.id), "--identity", str(identity), "--confirm", "all")
        return cli(*approve, *(("--as-read", token) if token else ()), user=username)

    code, text = approve_as("max", manager.display_name)
    assert code == 2 and "four-eyes" in text
    code, text = approve_as("lena", legal.display_name)
    assert code == 2 and "may not approve" in text
    assert service.get_assessment(db, own.id).status is AssessmentStatus.SUBMITTED
    code, text = approve_as("ken", ken.display_name)
    assert code == 0, text
    assert service.get_assessment(db, own.id).status is AssessmentStatus.APPROVED

    # `sign` knows the report by the digest of the stored rendering, and keeps four eyes for it.
    signed = service.signed_report(db, own.id)
    assert signed is not None
    stored = service.find_by_pdf_hash(db, hashlib.sha256(signed).hexdigest())
    assert stored is not None
    out = tmp_path / "countersigned.pdf"
    copy = tmp_path / "copy.pdf"
    copy.write_bytes(signed)
    sign = ("sign", str(copy), "--identity", str(signed_pdfs.identity()), "-o", str(out))
    code, text = cli(*sign, user="max")
    assert code == 2 and "four-eyes" in text and not out.exists()
    code, text = cli(*sign, user="ken")  # not an author; the copy is signed already, which it says
    assert code == 2 and "already signed" in text and not out.exists()

    # The same service checks stand behind the other commands: legal staff manage no users or trust.
    before = fingerprint(db)
    code, text = cli("users", "add", "eve", "--name", "Eve", "--role", "admin", user="lena")
    assert code == 2 and "may not manage users" in text
    pem = tmp_path / "cert.pem"
    pem.write_bytes(certificate_pem("Someone"))
    code, text = cli("trust", "add", str(pem), "--label", "Someone", user="lena")
    assert code == 2 and "may not manage trusted certificates" in text
    assert fingerprint(db) == before


def test_an_open_session_keeps_no_rights_its_account_lost(db: Database, admin: Actor, legal: Actor) -> None:
    """The Actor is taken at sign-in; a later role change or deactivation counts from the next call."""
    w = World(db, admin, legal, legal)
    boss = users.create_user(db, admin, "boss", "Bea Boss", PASSWORD, Role.MANAGER).actor()
    submitted = w.submitted()
    assert boss.user_id is not None
    approval_support.register(db, boss)
    users.update_user(db, admin, boss.user_id, role=Role.LEGAL)  # while Bea's app stays open
    before = fingerprint(db)
    with pytest.raises(PermissionDenied, match="was changed to legal since you signed in"):
        approve(db, boss, submitted.id)
    with pytest.raises(PermissionDenied, match="changed to legal"):
        service.review_queue(db, boss)
    assert fingerprint(db) == before

    # An admin may still change their own account (checked against the row before the change).
    second = users.create_user(db, admin, "root2", "Second Admin", PASSWORD, Role.ADMIN).actor()
    assert admin.user_id is not None and second.user_id is not None
    users.update_user(db, admin, admin.user_id, display_name="Ada A. Admin")
    users.update_user(db, admin, admin.user_id, role=Role.MANAGER)
    with pytest.raises(PermissionDenied, match="changed to manager"):
        users.list_users(db, admin)
    assert users.get_user(db, admin.user_id).role is Role.MANAGER
    users.update_user(db, second, admin.user_id, role=Role.ADMIN)
    assert [u.username for u in users.list_users(db, admin)][:1] == ["admin"]
