"""A re-assessment reason is stored with its catalogue id and values (migration 0022), so screens and the
report read it by id in any language; rows written before (no message) are shown as written. Both databases,
and team mode on PostgreSQL (the audit trail and `transfer-tool check` stay green)."""

from __future__ import annotations

from dataclasses import replace

import psycopg
from sqlalchemy import make_url, select, text, update

from tests import factories
from tests.conftest import PASSWORD, _seed
from tests.unit.test_team_admin_functions import _security_state, own_database
from tests.unit.test_team_database import Team, dba, team
from transfer_tool.accounts import users
from transfer_tool.accounts.permissions import Actor
from transfer_tool.countries import store
from transfer_tool.countries.model import Destination
from transfer_tool.domain import AdequacyStatus, Role, TransferStatus
from transfer_tool.i18n.engine_text import EngineText
from transfer_tool.i18n.stored_text import catalogue
from transfer_tool.records import audit, audit_drift
from transfer_tool.register import transfers
from transfer_tool.storage import migrate
from transfer_tool.storage.database import Database
from transfer_tool.storage.models.core import Transfer
from transfer_tool.storage.models.countries import ReassessmentFlag

__all__ = ["dba", "own_database", "team"]  # fixtures used here

GIVEN = "CJEU annulled the adequacy decision"


def _transfer(db: Database, actor: Actor, exporter_country: str, destination: str) -> int:
    exp = factories.entity(db, actor, f"Exporter in {exporter_country}", exporter_country)
    imp = factories.entity(db, actor, f"Importer in {destination}", destination)
    return transfers.create_transfer(db, actor, factories.transfer_input(exp.id, imp.id, destination)).id


def _withdrawn(us: Destination) -> Destination:
    return replace(
        us,
        regimes={
            **us.regimes,
            "EU": replace(us.regimes["EU"], status=AdequacyStatus.NOT_ADEQUATE, condition=""),
        },
    )


def _schrems_ii(db: Database, admin: Actor) -> None:
    us = store.get_destination(db, "US")
    store.update_destination(db, admin, _withdrawn(us), reason=GIVEN, expected_version=us.version)


def _reads_by_id_in_japanese(reason: str) -> None:
    """The reason is an EngineText; in Japanese nothing of it is left in English but the admin's words."""
    assert isinstance(reason, EngineText), type(reason)
    ja = catalogue("ja")
    shown = ja.translate(reason)
    assert ja.untranslated(reason) == [GIVEN], shown
    assert "十分性" in shown and "米国" in shown and GIVEN in shown and "第1版 → 第2版" in shown, shown


def test_a_flag_and_the_transfer_keep_the_reasons_id_and_read_it_in_japanese(
    db: Database, admin: Actor
) -> None:
    de_us = _transfer(db, admin, "DE", "US")
    _schrems_ii(db, admin)
    (flag,) = store.open_flags(db, de_us)
    assert flag.reason == (
        "United States — EU GDPR: status changed from Partial to Not adequate (withdrawn or annulled). "
        f"Reason given: “{GIVEN}”. Country data: version 1 → version 2."
    )  # the English: what is stored and audited
    _reads_by_id_in_japanese(flag.reason)
    view = transfers.get_transfer(db, de_us)
    assert view.reassessment_reason == flag.reason
    _reads_by_id_in_japanese(view.reassessment_reason)
    with db.read() as s:
        stored = s.scalar(
            select(ReassessmentFlag.reason_message).where(ReassessmentFlag.transfer_id == de_us)
        )
    assert isinstance(stored, dict) and stored["id"] == "{0} — {1}. Reason given: “{2}”. {3}."
    assert stored["args"][1] == {
        "id": "{0}: status changed from {1} to {2} (withdrawn or annulled)",
        "args": ["EU GDPR", "Partial", "Not adequate"],
    }
    assert stored["args"][3] == {"id": "Country data: version {0} → version {1}", "args": ["1", "2"]}
    # The status cleared with the flag: the reason and its message go together.
    with db.unit_of_work() as s:
        transfers.set_status(s, admin, de_us, TransferStatus.APPROVED, clear_reassessment=True)
    with db.read() as s:
        row = s.get(Transfer, de_us)
        assert row is not None and row.reassessment_message is None and row.reassessment_reason == ""
        assert s.scalar(text("SELECT count(*) FROM transfer WHERE reassessment_message IS NULL")) >= 1


def test_a_reason_stored_before_0022_is_shown_as_written(db: Database, admin: Actor) -> None:
    de_us = _transfer(db, admin, "DE", "US")
    _schrems_ii(db, admin)
    with db.unit_of_work() as s:
        s.execute(update(ReassessmentFlag).values(reason_message=None))
        s.execute(update(Transfer).values(reassessment_message=None))
    (flag,) = store.open_flags(db, de_us)
    reason = transfers.get_transfer(db, de_us).reassessment_reason
    for old in (flag.reason, reason):
        assert type(old) is str and "withdrawn or annulled" in old
        assert catalogue("ja").translate(old) == old  # its English, not a guess
    # A message that does not make the stored English (a row edited by hand) is not believed either.
    with db.unit_of_work() as s:
        s.execute(update(ReassessmentFlag).values(reason_message={"id": "{0}", "args": ["something else"]}))
    (flag,) = store.open_flags(db, de_us)
    assert type(flag.reason) is str and "withdrawn or annulled" in flag.reason


def _columns(db: Database, table: str) -> set[str]:
    with db.engine.connect() as c:
        if db.engine.dialect.name == "sqlite":
            return {r[1] for r in c.execute(text(f"PRAGMA table_info({table})"))}
        rows = c.execute(
            text(
                "SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = :t"
            ),
            {"t": table},
        )
        return {r[0] for r in rows}


def test_0021_to_0022_keeps_the_reasons_and_old_rows_read_as_written(db: Database, admin: Actor) -> None:
    de_us = _transfer(db, admin, "DE", "US")
    _schrems_ii(db, admin)
    english = str(store.open_flags(db, de_us)[0].reason)
    migrate.downgrade(db, "0021")
    try:
        assert "reason_message" not in _columns(db, "reassessment_flag")
        assert "reassessment_message" not in _columns(db, "transfer")
    finally:
        migrate.upgrade(db)
    assert migrate.current_revision(db) == migrate.head_revision(db)
    assert {"reason_message"} <= _columns(db, "reassessment_flag")
    assert {"reassessment_message"} <= _columns(db, "transfer")
    (flag,) = store.open_flags(db, de_us)
    assert flag.reason == english and type(flag.reason) is str  # the row from before: as written
    assert transfers.get_transfer(db, de_us).reassessment_reason == english
    assert audit.verify(db).ok


# ---- team mode on PostgreSQL ----------------------------------------------------------------------------


def test_in_team_mode_a_flag_with_its_message_keeps_the_audit_log_and_the_check_green(team: Team) -> None:
    admin_db = team.signed_in("admin")
    de_us = _transfer(team.dba, team.admin, "DE", "US")
    _schrems_ii(admin_db, team.admin)
    (flag,) = store.open_flags(admin_db, de_us)
    _reads_by_id_in_japanese(flag.reason)
    report = audit.verify(team.dba)
    assert report.ok, report.summary()
    assert audit_drift.drift(team.dba) == []
    # A legal user writing a reason's message in psql is recorded by the database's own audit trigger.
    lena = team.sql("lena")
    lena.execute(
        "UPDATE reassessment_flag SET reason_message = %s::json WHERE transfer_id = %s",
        ('{"id": "{0}", "args": ["x"]}', de_us),
    )
    lena.commit()
    with team.dba.read() as s:
        after = s.execute(
            text(
                "SELECT after FROM audit_event WHERE action = 'db_update' AND table_name = 'reassessment_flag' "
                "ORDER BY seq DESC LIMIT 1"
            )
        ).scalar_one()
    assert after == {"reason_message": {"id": "{0}", "args": ["x"]}}
    report = audit.verify(team.dba)
    assert report.ok, report.summary()


def test_a_team_database_of_0021_upgrades_to_0022_and_back_with_its_security_unchanged(
    own_database: tuple[str, str],
) -> None:
    url, name = own_database
    db = Database(url)
    plain = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
    try:
        migrate.upgrade(db)
        with psycopg.connect(plain) as conn:
            fresh = _security_state(conn, name)
        _seed(db)
        admin = users.create_first_admin(db, "admin", "Ada Admin", PASSWORD).actor()
        legal = users.create_user(db, admin, "lena", "Lena Legal", PASSWORD, Role.LEGAL).actor()
        de_us = _transfer(db, legal, "DE", "US")
        migrate.downgrade(db, "0021")
        assert "reassessment_message" not in _columns(db, "transfer")
        migrate.upgrade(db)
        with psycopg.connect(plain) as conn:
            assert _security_state(conn, name) == fresh  # 0022 changes no grant, policy, function or trigger
        person = Database(url, people_sign_in=True)
        try:
            users.authenticate(person, "admin", PASSWORD)
            _schrems_ii(person, admin)
            (flag,) = store.open_flags(person, de_us)
            _reads_by_id_in_japanese(flag.reason)
        finally:
            person.dispose()
        report = audit.verify(db)
        assert report.ok, report.summary()
        assert audit_drift.drift(db) == []
    finally:
        db.dispose()
