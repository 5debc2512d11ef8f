"""A team database's guard on a transfer changed after its assessment was approved (migration 0024).

The service flags such a transfer for re-assessment (transfer_tool/register/approved_changes.py) and
refuses the change while a version awaits review; a person with their own sign-in could still change the
transfer's row from psql, and the register, the privacy notice and the calendar would then state a transfer
the approval never covered, with nothing flagged. At commit (the service writes the flag in the same
transaction, after or before the row) the database refuses a change to what an assessment reads of a
transfer whose latest version is submitted, or approved without an open flag about the transfer's own
details and the transfer itself marked for re-assessment (`reassessment_needed`: what the register, the
dashboard and the re-assessment list read). The same holds for what the assessment reads around the
transfer: its onward transfers (inserted, changed in what the parent lists of them, deleted) and its
parties (the exporter's country, the importer's country, group membership and certifications, checked on
the entity for every transfer naming it). The details are the service's own lists (`approved_changes`),
so the two cannot drift apart.
Installed by `team_security.install` after the record guards; `downgrade_to_0023` removes it.
"""

from __future__ import annotations

from sqlalchemy import JSON, Connection

from transfer_tool.storage.team_roles import SCHEMA, RoleNames, quote_ident, quote_literal

TRIGGER, FUNCTION = "tt_transfer_assessed", "guard_transfer_assessed"
PARTY_TRIGGER, PARTY_FUNCTION = "tt_party_assessed", "guard_party_assessed"

# Placeholders: s (schema), owner_lit, flag_kind, before/after (the assessed columns of OLD and NEW),
# onward_before/onward_after (what a parent's assessment lists of an onward transfer), exporter_before/after
# and importer_before/after (what an assessment reads of its parties).
_GUARD = r"""
-- Refuses, unless the transfer's latest version is neither awaiting review nor approved without the
-- transfer flagged: an open flag about its own details (the row says why) and its mark, which only an
-- approval takes off and which the register, the dashboard and the re-assessment list read; both as the
-- transfer stands at commit.
CREATE FUNCTION {s}.require_flagged(p_transfer integer) RETURNS void LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp AS $$
DECLARE latest text;
BEGIN
  SELECT x.status::text INTO latest FROM public.assessment x WHERE x.transfer_id = p_transfer
   ORDER BY x.version_no DESC LIMIT 1;
  IF latest = 'submitted' THEN
    RAISE EXCEPTION 'a version awaiting review assessed this transfer (its parties and onward transfers included) as it was submitted: it changes in the next version, after the reviewer returns it'
      USING ERRCODE = '42501';
  END IF;
  IF latest = 'approved' AND NOT (EXISTS (
       SELECT 1 FROM public.reassessment_flag f
        WHERE f.transfer_id = p_transfer AND f.kind = {flag_kind} AND f.cleared_at IS NULL)
     AND EXISTS (SELECT 1 FROM public.transfer t WHERE t.id = p_transfer AND t.reassessment_needed)) THEN
    RAISE EXCEPTION 'a change to what the approved assessment read (the transfer, its parties or its onward transfers) flags the transfer for re-assessment: make it in the tool, which flags it'
      USING ERRCODE = '42501';
  END IF;
END $$;

CREATE FUNCTION {s}.{function}() RETURNS trigger LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp AS $$
DECLARE targets integer[] := '{{}}'; target integer;
BEGIN
  IF current_user = {owner_lit} OR {s}.privileged() THEN RETURN NULL; END IF;
  IF TG_OP = 'INSERT' THEN
    -- A new onward transfer: its parent's assessment did not list it.
    IF NEW.parent_id IS NOT NULL THEN targets := targets || NEW.parent_id; END IF;
  ELSIF TG_OP = 'DELETE' THEN
    IF OLD.parent_id IS NOT NULL THEN targets := targets || OLD.parent_id; END IF;
  ELSE
    IF ROW({before}) IS DISTINCT FROM ROW({after}) THEN targets := targets || NEW.id; END IF;
    IF OLD.parent_id IS DISTINCT FROM NEW.parent_id OR ROW({onward_before}) IS DISTINCT FROM ROW({onward_after}) THEN
      IF OLD.parent_id IS NOT NULL THEN targets := targets || OLD.parent_id; END IF;
      IF NEW.parent_id IS NOT NULL AND NEW.parent_id IS DISTINCT FROM OLD.parent_id THEN
        targets := targets || NEW.parent_id;
      END IF;
    END IF;
  END IF;
  FOREACH target IN ARRAY targets LOOP
    PERFORM {s}.require_flagged(target);
  END LOOP;
  RETURN NULL;
END $$;

-- A party's details that assessments read: every transfer naming it in that role.
CREATE FUNCTION {s}.{party_function}() RETURNS trigger LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp AS $$
DECLARE target integer;
BEGIN
  IF current_user = {owner_lit} OR {s}.privileged() THEN RETURN NULL; END IF;
  FOR target IN
    SELECT t.id FROM public.transfer t
     WHERE (t.exporter_id = NEW.id AND ROW({exporter_before}) IS DISTINCT FROM ROW({exporter_after}))
        OR (t.importer_id = NEW.id AND ROW({importer_before}) IS DISTINCT FROM ROW({importer_after}))
  LOOP
    PERFORM {s}.require_flagged(target);
  END LOOP;
  RETURN NULL;
END $$;
"""


def assessed_columns() -> list[str]:
    """The transfer's columns an assessment reads, as the service lists them, each once."""
    from transfer_tool.register.approved_changes import ASSESSED_FIELDS  # the service's list, not a copy

    return list(dict.fromkeys(ASSESSED_FIELDS))


def party_columns() -> tuple[list[str], list[str]]:
    """What an assessment reads of its exporter and of its importer, as the service lists them."""
    from transfer_tool.register.approved_changes import EXPORTER_FIELDS, IMPORTER_FIELDS

    return list(EXPORTER_FIELDS), list(IMPORTER_FIELDS)


def onward_columns() -> list[str]:
    """What a parent's assessment lists of each onward transfer, as the service lists it."""
    from transfer_tool.register.approved_changes import ONWARD_FIELDS

    return list(ONWARD_FIELDS)


def _compared(row: str, names: list[str], table: str = "transfer") -> str:
    # json has no equality in PostgreSQL: compared as jsonb (the same value however it was written).
    from transfer_tool.storage.models.core import Entity, Transfer

    columns = (Transfer if table == "transfer" else Entity).__table__.c
    return ", ".join(
        f"{row}.{quote_ident(c)}::jsonb" if isinstance(columns[c].type, JSON) else f"{row}.{quote_ident(c)}"
        for c in names
    )


def function_sql(names: RoleNames) -> str:
    from transfer_tool.register.approved_changes import TRANSFER_FLAG_KIND

    return _GUARD.format(
        s=SCHEMA,
        function=FUNCTION,
        owner_lit=quote_literal(names.owner),
        before=_compared("OLD", assessed_columns()),
        after=_compared("NEW", assessed_columns()),
        onward_before=_compared("OLD", onward_columns()),
        onward_after=_compared("NEW", onward_columns()),
        party_function=PARTY_FUNCTION,
        exporter_before=_compared("OLD", party_columns()[0], "entity"),
        exporter_after=_compared("NEW", party_columns()[0], "entity"),
        importer_before=_compared("OLD", party_columns()[1], "entity"),
        importer_after=_compared("NEW", party_columns()[1], "entity"),
        flag_kind=quote_literal(TRANSFER_FLAG_KIND),
    )


def _run(conn: Connection, sql: str) -> None:
    conn.connection.driver_connection.execute(sql)  # type: ignore[union-attr]


def install(conn: Connection, names: RoleNames, tables: list[str]) -> None:
    """Create the guards and their triggers (as the owner role, inside `team_security.install`)."""
    if not {"transfer", "entity", "assessment", "reassessment_flag"} <= set(tables):
        return
    _drop(conn)
    _run(conn, function_sql(names))
    # Called by the triggers as the person: theirs to execute, nobody else's (functions are PUBLIC's).
    _run(conn, f"REVOKE ALL ON FUNCTION {SCHEMA}.require_flagged(integer) FROM PUBLIC")
    everyone = ", ".join(quote_ident(g) for g in names.groups)
    _run(conn, f"GRANT EXECUTE ON FUNCTION {SCHEMA}.require_flagged(integer) TO {everyone}")
    for trigger, table, events, function in (
        (TRIGGER, "transfer", "INSERT OR UPDATE OR DELETE", FUNCTION),
        (PARTY_TRIGGER, "entity", "UPDATE", PARTY_FUNCTION),
    ):
        _run(
            conn,
            f"CREATE CONSTRAINT TRIGGER {trigger} AFTER {events} ON public.{table} "
            f"DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION {SCHEMA}.{function}()",
        )


def _drop(conn: Connection) -> None:
    _run(conn, f"DROP TRIGGER IF EXISTS {TRIGGER} ON public.transfer")
    _run(conn, f"DROP TRIGGER IF EXISTS {PARTY_TRIGGER} ON public.entity")
    for function in (f"{FUNCTION}()", f"{PARTY_FUNCTION}()", "require_flagged(integer)"):
        _run(conn, f"DROP FUNCTION IF EXISTS {SCHEMA}.{function}")


def downgrade_to_0023(conn: Connection, names: RoleNames) -> None:
    """Undo migration 0024: drop the triggers and their functions."""
    _run(
        conn,
        f"DO $$ BEGIN IF NOT pg_has_role(current_user, {quote_literal(names.owner)}, 'MEMBER') "
        f"THEN GRANT {quote_ident(names.owner)} TO CURRENT_USER; END IF; END $$",
    )
    _run(conn, f"SET LOCAL ROLE {quote_ident(names.owner)}")
    _drop(conn)
    _run(conn, "RESET ROLE")
