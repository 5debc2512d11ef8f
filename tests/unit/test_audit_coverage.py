"""The audit log covers every table that matters: a scenario drives every service that changes data, and
after each step every row that was inserted, changed or deleted must be named by an audit event of that
step (directly, or by the event of the service that changed it as part of a larger act, as written in
COVERED_BY). Then one audit event of each kind is edited directly, and `transfer-tool audit verify`
must name it as the first broken link.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, cast

import pytest
from sqlalchemy import delete, select, update

from tests import factories
from tests.conftest import PASSWORD
from tests.unit.test_roles_matrix import TODAY, World, approve, certificate_pem
from transfer_tool import catalog
from transfer_tool.accounts import users
from transfer_tool.accounts.permissions import Actor
from transfer_tool.assessment import service
from transfer_tool.cli import main
from transfer_tool.countries import store as country_store
from transfer_tool.countries.model import RegimeEntry
from transfer_tool.domain import AdequacyStatus, CatalogKind, Role
from transfer_tool.errors import AuthenticationFailed
from transfer_tool.notice import service as notice_service
from transfer_tool.records import audit
from transfer_tool.register import entities, register_import, transfers
from transfer_tool.signing import trust
from transfer_tool.storage.base import Base
from transfer_tool.storage.database import Database
from transfer_tool.storage.models.core import AuditEvent

Row = dict[str, Any]
Snapshot = dict[str, dict[tuple[Any, ...], Row]]
LOG_TABLES = ("audit_event", "audit_head")


def snapshot(db: Database) -> Snapshot:
    out: Snapshot = {}
    with db.read() as s:
        for table in Base.metadata.sorted_tables:
            if table.name in LOG_TABLES:
                continue
            keys = [c.name for c in table.primary_key.columns]
            rows = s.execute(select(table)).mappings()
            out[table.name] = {tuple(r[k] for k in keys): dict(r) for r in rows}
    return out


@dataclass(frozen=True)
class Change:
    table: str
    key: tuple[Any, ...]
    old: Row | None
    new: Row | None

    @property
    def kind(self) -> str:
        return "insert" if self.old is None else "delete" if self.new is None else "update"

    @property
    def row(self) -> Row:
        row = self.new if self.new is not None else self.old
        assert row is not None
        return row

    @property
    def columns(self) -> set[str]:
        if self.old is None or self.new is None:
            return set(self.row)
        return {k for k in self.new if self.new[k] != self.old[k]} - {"row_version"}


def changes(before: Snapshot, after: Snapshot) -> list[Change]:
    out = []
    for table, rows in after.items():
        old_rows = before.get(table, {})
        for key in old_rows.keys() | rows.keys():
            old, new = old_rows.get(key), rows.get(key)
            if old != new:
                out.append(Change(table, key, old, new))
    return out


@dataclass(frozen=True)
class Event:
    seq: int
    action: str
    table_name: str
    record_id: str
    after: Any


def events_after(db: Database, seq: int) -> list[Event]:
    with db.read() as s:
        rows = s.execute(select(AuditEvent).where(AuditEvent.seq > seq).order_by(AuditEvent.seq)).scalars()
        return [Event(e.seq, e.action, e.table_name, e.record_id, e.after) for e in rows]


def last_seq(db: Database) -> int:
    with db.read() as s:
        return int(max([0, *s.execute(select(AuditEvent.seq)).scalars()]))


# ---- which event covers a changed row -------------------------------------------------------------------

Rule = Callable[[Change, list[Event], Snapshot], bool]


def _names(table: str, record: object, evs: list[Event], action: str | None = None) -> bool:
    return any(
        e.table_name == table and e.record_id == str(record) and (action is None or e.action == action)
        for e in evs
    )


def _deleted_with_transfer(transfer_id: object, evs: list[Event]) -> bool:
    return _names("transfer", transfer_id, evs, "delete")


def _transfer_of(assessment_id: object, before: Snapshot) -> object:
    return before["assessment"][(assessment_id,)]["transfer_id"]


def _after(e: Event, key: str) -> object:
    return e.after.get(key) if isinstance(e.after, dict) else None


# Sign-in bookkeeping (slow-down counter reset, password re-hash) and the user's own display language
# change without an event; SECURITY.md says so. Anything else on an account row needs one.
_UNAUDITED_ACCOUNT_COLUMNS = {"language", "failed_attempts", "last_failed_at", "password_hash"}

COVERED_BY: dict[str, Rule] = {
    "user_account": lambda c, evs, _: (
        _names("user_account", c.key[0], evs)
        or (c.kind == "update" and c.columns <= _UNAUDITED_ACCOUNT_COLUMNS)
    ),
    "entity": lambda c, evs, _: _names("entity", c.key[0], evs),
    "transfer": lambda c, evs, _: (
        _names("transfer", c.key[0], evs)
        or _names("transfer", f"destination={c.row['destination']}", evs, "flag_reassessment")
    ),
    "catalog_entry": lambda c, evs, _: _names("catalog_entry", f"{c.row['kind']}:{c.row['code']}", evs),
    "destination": lambda c, evs, _: _names("destination", c.row["code"], evs),
    "destination_version": lambda c, evs, _: any(
        e.table_name == "destination"
        and e.record_id == c.row["code"]
        and _after(e, "version") == c.row["version"]
        for e in evs
    ),
    # No service changes regimes (only seeding an empty database, itself an audited "seed" event).
    "regime": lambda c, evs, _: False,
    "assessment": lambda c, evs, before: (
        _names("assessment", c.key[0], evs)
        or (c.kind == "delete" and _deleted_with_transfer(c.row["transfer_id"], evs))
    ),
    "review_comment": lambda c, evs, before: (
        _names("review_comment", c.key[0], evs)
        or (c.kind == "insert" and _names("assessment", c.row["assessment_id"], evs, "return"))
        # Resubmitting answers the open comments (also those on the returned version it revises): the
        # submit event names them.
        or (
            c.columns == {"resolved_at", "resolved_by_name"}
            and any(
                e.action == "submit" and c.key[0] in cast(list[int], _after(e, "resolved_comments") or [])
                for e in evs
            )
        )
        or (c.kind == "delete" and _deleted_with_transfer(_transfer_of(c.row["assessment_id"], before), evs))
    ),
    "evidence_file": lambda c, evs, before: (
        _names("evidence_file", c.key[0], evs)
        # A new version starts with copies of the files of the version it came from.
        or (c.kind == "insert" and _names("assessment", c.row["assessment_id"], evs, "new_version"))
        or (c.kind == "delete" and _deleted_with_transfer(_transfer_of(c.row["assessment_id"], before), evs))
    ),
    "signed_report": lambda c, evs, _: (
        c.kind == "insert"
        and any(
            e.action == "approve"
            and e.record_id == str(c.row["assessment_id"])
            and _after(e, "signed_pdf_sha256") == c.row["sha256"]
            for e in evs
        )
    ),
    "blob": lambda c, evs, _: (
        c.kind == "insert"
        and any(c.key[0] in (_after(e, "sha256"), _after(e, "signed_pdf_sha256")) for e in evs)
    ),
    "trusted_certificate": lambda c, evs, _: _names("trusted_certificate", c.key[0], evs),
    "org_setting": lambda c, evs, _: any(
        e.table_name == "org_setting" and e.record_id in ("*", c.key[0]) for e in evs
    ),
    # Generated and published notices (issue #24): each generation and its publication is an event.
    "notice_generation": lambda c, evs, _: _names("notice_generation", c.key[0], evs),
    "reassessment_flag": lambda c, evs, _: (
        (c.kind == "insert" and _names("transfer", f"destination={c.row['destination']}", evs))
        # Cleared by approving the new version: the transfer's status event says so.
        or (c.columns == {"cleared_at"} and _names("transfer", c.row["transfer_id"], evs, "status"))
        or (c.kind == "delete" and _deleted_with_transfer(c.row["transfer_id"], evs))
    ),
}


# ---- the scenario ---------------------------------------------------------------------------------------


def _wrong_then_right_sign_in(db: Database) -> None:
    with pytest.raises(AuthenticationFailed):
        users.authenticate(db, "sam", "not the password")
    users.authenticate(db, "sam", PASSWORD)


def _flag_us(db: Database, admin: Actor) -> None:
    us = country_store.get_destination(db, "US")
    # Hypothetical: the EU's DPF annulled, and the PPC designating the US (flags the Japanese exporters).
    regimes = {
        **us.regimes,
        "EU": RegimeEntry("EU", AdequacyStatus.NOT_ADEQUATE, notes="DPF annulled"),
        "JP": RegimeEntry("JP", AdequacyStatus.ADEQUATE, notes="designated"),
    }
    annulled = dataclasses.replace(us, regimes=regimes)
    country_store.update_destination(
        db, admin, annulled, reason="CJEU annulled the DPF", expected_version=us.version
    )


def _import_countries(db: Database, admin: Actor) -> None:
    doc = json.loads(country_store.export_document(db))
    br = next(d for d in doc["destinations"] if d["code"] == "BR")
    br["regimes"]["EU"]["notes"] = "Review date confirmed."
    doc["dataset_version"] = "2026.12-audit"
    country_store.import_document(db, admin, json.dumps(doc, ensure_ascii=False).encode("utf-8"))


CSV = (
    b"reference,title,exporter,exporter_country,importer,importer_country,destination,"
    b"data_categories,purposes,retention,volume\n"
    b"AUD-1,Payroll,Net Japan Co.,JP,Payroll Pte,SG,SG,contact,respond_requests,1 year,10\n"
    b"AUD-2,Payroll backup,Net Japan Co.,JP,Payroll Pte,SG,SG,contact,respond_requests,1 year,10\n"
)


@dataclass
class Scenario:
    w: World
    steps: list[tuple[str, Callable[[], object]]]


def scenario(db: Database, admin: Actor, legal: Actor, manager: Actor) -> Scenario:
    w = World(db, admin, legal, manager)
    sam = users.create_user(db, admin, "sam", "Sam Assessor", PASSWORD, Role.LEGAL)
    state: dict[str, Any] = {}
    steps: list[tuple[str, Callable[[], object]]] = []

    def step(label: str) -> Callable[[Callable[[], object]], Callable[[], object]]:
        def add(fn: Callable[[], object]) -> Callable[[], object]:
            steps.append((label, fn))
            return fn

        return add

    step("create a user")(lambda: users.create_user(db, admin, "nina", "Nina New", PASSWORD, Role.LEGAL))
    step("change a user's role")(lambda: users.update_user(db, admin, sam.id, role=Role.MANAGER))
    step("deactivate a user")(lambda: users.update_user(db, admin, sam.id, active=False))
    step("reactivate a user")(lambda: users.update_user(db, admin, sam.id, active=True))
    step("sign-in failure, then success")(lambda: _wrong_then_right_sign_in(db))
    step("own display language")(lambda: users.set_language(db, legal, "ja"))
    item = catalog.CatalogItem(CatalogKind.PURPOSE, "audit_purpose", "7-9", "Audit purpose", "監査目的")
    step("catalogue entry created")(lambda: catalog.save_item(db, admin, item))
    step("catalogue entry changed")(
        lambda: catalog.save_item(db, admin, dataclasses.replace(item, label_en="Audited purpose"))
    )
    step("catalogue entry deactivated")(
        lambda: catalog.deactivate(db, admin, CatalogKind.PURPOSE, "audit_purpose")
    )

    def entity_changed() -> None:
        e = entities.create_entity(db, legal, entities.EntityInput(name="Audit Co", country="FR"))
        e = entities.update_entity(
            db, legal, e.id, dataclasses.replace(e, name="Audit Co SAS"), e.row_version
        )
        entities.delete_entity(db, legal, e.id, e.row_version)

    step("entity created, changed and removed")(entity_changed)

    def transfer_life() -> None:
        t = factories.transfer(db, legal)
        t = transfers.update_transfer(
            db, legal, t.id, transfers.with_changes(t, title="Renamed"), t.row_version
        )
        sub = factories.entity(db, legal, "Night Desk", "PH")
        transfers.add_onward_transfer(
            db, legal, t.id, factories.transfer_input(t.importer_id, sub.id, "PH", title="Night shift")
        )
        state["fr_us"] = factories.transfer(db, legal, "US")

    step("transfer created, changed, onward")(transfer_life)

    def delete_with_draft() -> None:
        t = w.demo_transfer()
        a = service.start_assessment(db, legal, t.id)
        service.add_evidence(db, legal, a.id, "draft-note.txt", b"draft", "Draft note")
        state["doomed"] = transfers.get_transfer(db, t.id)

    step("a transfer with a draft assessment")(delete_with_draft)
    step("that transfer deleted (assessment and evidence go with it)")(
        lambda: transfers.delete_transfer(db, legal, state["doomed"].id, state["doomed"].row_version)
    )
    step("CSV import")(lambda: register_import.import_csv(db, legal, CSV))

    def assessed() -> None:
        state["a"] = w.submitted()

    step("assessment started, saved, submitted")(assessed)

    def returned() -> None:
        # The returned version is kept frozen; the next version takes the changes (issue 18).
        state["a"] = service.return_with_comments(
            db, manager, state["a"].id, [("risk", "Explain the 10 %."), ("tools", "Which module?")]
        )

    step("returned with comments (the next version started)")(returned)
    step("one comment resolved")(
        lambda: service.resolve_comment(db, legal, service.comments_for(db, state["a"].id)[0].id)
    )

    def evidence() -> None:
        e = service.add_evidence(db, legal, state["a"].id, "dpa.pdf", b"%PDF-1.4 the DPA", "Signed DPA")
        gone = service.add_evidence(db, legal, state["a"].id, "old.txt", b"old", "Superseded note")
        service.remove_evidence(db, legal, gone.id)
        state["evidence"] = e

    step("evidence added and removed")(evidence)
    step("resubmitted (resolves the other comment)")(lambda: service.submit(db, legal, state["a"].id, TODAY))
    step("country data: US status changed (flags transfers)")(lambda: _flag_us(db, admin))
    step("approved with a signed report (clears the flags)")(lambda: approve(db, manager, state["a"].id))
    step("new version (evidence copied)")(lambda: service.new_version(db, legal, state["a"].id))
    step("country data imported (new dataset version)")(lambda: _import_countries(db, admin))

    def expiry() -> None:
        exp, imp = (
            factories.entity(db, legal, "Paris SA", "FR"),
            factories.entity(db, legal, "London Ltd", "GB"),
        )
        transfers.create_transfer(db, legal, factories.transfer_input(exp.id, imp.id, "GB"))
        assert country_store.check_expiries(db, admin, dt.date(2032, 1, 1)) >= 1

    step("an adequacy decision expires (flags transfers)")(expiry)
    step("organisation settings")(
        lambda: service.set_org_settings(
            db, admin, service.OrgSettings(risk_threshold=0.05, organisation_name="Net Japan")
        )
    )

    def notice() -> None:
        _, generated = notice_service.generate(db, legal, "EU", "en", today=TODAY)
        notice_service.publish(db, admin, generated.id, accept_unverified=True, today=TODAY)
        notice_service.set_notice_name(db, admin, state["fr_us"].importer_id, "name")

    step("privacy notice generated and published; a recipient may be named")(notice)

    def certificates() -> None:
        c = trust.add_trusted(db, admin, certificate_pem("Audit Signer"), "Audit signer")
        trust.remove_trusted(db, admin, c.id)
        state["pem"] = c

    step("certificate trusted, removed")(certificates)
    step("certificate trusted again")(
        lambda: trust.add_trusted(
            db,
            admin,
            state["pem"].pem if isinstance(state["pem"].pem, bytes) else state["pem"].pem.encode(),
            "Audit signer again",
        )
    )
    return Scenario(w, steps)


MUST_BE_EXERCISED = (
    "user_account",
    "entity",
    "transfer",
    "catalog_entry",
    "destination",
    "destination_version",
    "assessment",
    "review_comment",
    "evidence_file",
    "signed_report",
    "blob",
    "trusted_certificate",
    "org_setting",
    "reassessment_flag",
    "notice_generation",
)


def test_every_changed_row_of_every_table_is_named_by_an_audit_event(
    db: Database, admin: Actor, legal: Actor, manager: Actor, backend: str
) -> None:
    tables = {t.name for t in Base.metadata.sorted_tables} - set(LOG_TABLES)
    assert tables == set(COVERED_BY), "a new table needs a coverage rule here"

    sc = scenario(db, admin, legal, manager)
    regimes_before = snapshot(db)["regime"]
    covered: dict[str, int] = {}
    uncovered: list[str] = []
    for label, run in sc.steps:
        before, seq = snapshot(db), last_seq(db)
        run()
        evs = events_after(db, seq)
        for c in changes(before, snapshot(db)):
            if COVERED_BY[c.table](c, evs, before):
                covered[c.table] = covered.get(c.table, 0) + 1
            else:
                uncovered.append(f"{label}: {c.kind} {c.table} {c.key} {sorted(c.columns)}")
    print(f"\n[audit] {backend}: {sum(covered.values())} row changes, each named by an event: {covered}")
    assert uncovered == []
    assert [t for t in MUST_BE_EXERCISED if not covered.get(t)] == []
    # Regimes: no service changes them; the seeding of the shipped data is an audited event.
    assert snapshot(db)["regime"] == regimes_before
    assert any(e.action == "seed" and e.table_name == "destination" for e in events_after(db, 0))
    assert audit.verify(db).ok


# ---- audit verify names the first broken link -------------------------------------------------------------


def _verify_cli(url: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    capsys.readouterr()
    code = main(["--database", url, "audit", "verify"])
    out, err = capsys.readouterr()
    return code, out + err


def _tamper(db: Database, seq: int, column: str, value: object) -> None:
    with db.unit_of_work() as s:
        s.execute(update(AuditEvent).where(AuditEvent.seq == seq).values({column: value}))


@dataclass(frozen=True)
class Stored:
    """An audit row as read, kept after its session closed."""

    seq: int
    at: dt.datetime
    actor_name: str
    action: str
    table_name: str
    record_id: str
    before: Any
    after: Any

    @classmethod
    def of(cls, e: AuditEvent) -> Stored:
        return cls(e.seq, e.at, e.actor_name, e.action, e.table_name, e.record_id, e.before, e.after)


def _edits(e: Stored) -> list[tuple[str, object]]:
    return [
        ("after", {**(e.after or {}), "tampered": True}),
        ("before", {"forged": "before"}),
        ("actor_name", "mallory"),
        ("at", e.at + dt.timedelta(seconds=1)),
        ("record_id", f"{e.record_id}0"),
        ("action", "nothing"),
    ]


def test_audit_verify_names_the_first_broken_event_of_every_kind(
    db: Database, db_url: str, admin: Actor, legal: Actor, manager: Actor, capsys: pytest.CaptureFixture[str]
) -> None:
    sc = scenario(db, admin, legal, manager)
    for _, run in sc.steps:
        run()
    code, text = _verify_cli(db_url, capsys)
    assert code == 0 and "intact" in text, text

    with db.read() as s:
        every = [Stored.of(e) for e in s.execute(select(AuditEvent).order_by(AuditEvent.seq)).scalars()]
    kinds: dict[str, Stored] = {}
    for e in every:
        kinds.setdefault(e.table_name, e)
    assert set(MUST_BE_EXERCISED) - {
        "destination_version",
        "signed_report",
        "blob",
        "reassessment_flag",
    } <= set(kinds)
    checked = 0
    for i, (table, e) in enumerate(sorted(kinds.items())):
        column, forged = _edits(e)[i % 6]
        original = getattr(e, column)
        _tamper(db, e.seq, column, forged)
        code, text = _verify_cli(db_url, capsys)
        assert code == 1, (table, column, text)
        assert f"BROKEN at event {e.seq}:" in text and "changed after it was written" in text, text
        _tamper(db, e.seq, column, original)
        checked += 1
    code, text = _verify_cli(db_url, capsys)
    assert code == 0, text

    # Two edits: the earlier one is named. A deleted event in the middle is named as missing.
    first, later = every[5], every[-3]
    _tamper(db, later.seq, "actor_name", "mallory")
    _tamper(db, first.seq, "actor_name", "mallory")
    code, text = _verify_cli(db_url, capsys)
    assert code == 1 and f"BROKEN at event {first.seq}:" in text
    _tamper(db, first.seq, "actor_name", first.actor_name)
    code, text = _verify_cli(db_url, capsys)
    assert code == 1 and f"BROKEN at event {later.seq}:" in text
    _tamper(db, later.seq, "actor_name", later.actor_name)
    with db.unit_of_work() as s:
        s.execute(delete(AuditEvent).where(AuditEvent.seq == every[10].seq))
    code, text = _verify_cli(db_url, capsys)
    assert code == 1 and f"BROKEN at event {every[10].seq}: event {every[10].seq} is missing" in text
    print(f"\n[audit] tampered with one event of each of {checked} kinds: each named by audit verify")
