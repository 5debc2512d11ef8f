"""A team database's guard on a transfer changed after its assessment was approved (migration 0024).

The service flags such a transfer for re-assessment (transfer_tool/register/approved_changes.py) and
refuses the change while a version awaits review; a person with their own sign-in could still change the
transfer's row from psql, and the register, the privacy notice and the calendar would then state a transfer
the approval never covered, with nothing flagged. At commit (the service writes the flag in the same
transaction, after or before the row) the database refuses a change to what an assessment reads of a
transfer whose latest version is submitted, or approved without an open flag about the transfer's own
details and the transfer itself marked for re-assessment (`reassessment_needed`: what the register, the
dashboard and the re-assessment list read). The details are the service's own list (`ASSESSED_FIELDS`),
so the two cannot drift apart.
Installed by `team_security.install` after the record guards; `downgrade_to_0023` removes it.
"""

from __future__ import annotations

from sqlalchemy import JSON, Connection

from transfer_tool.storage.team_roles import SCHEMA, RoleNames, quote_ident, quote_literal

TRIGGER, FUNCTION = "tt_transfer_assessed", "guard_transfer_assessed"

# Placeholders: s (schema), owner_lit, before/after (the assessed columns of OLD and NEW),
# onward_before/onward_after (what a parent's assessment lists of an onward transfer), flag_kind.
_GUARD = r"""
CREATE FUNCTION {s}.{function}() RETURNS trigger LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp AS $$
DECLARE latest text; targets integer[] := '{{}}'; target integer;
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
    SELECT x.status::text INTO latest FROM public.assessment x WHERE x.transfer_id = target
     ORDER BY x.version_no DESC LIMIT 1;
    IF latest = 'submitted' THEN
      RAISE EXCEPTION 'a version awaiting review assessed this transfer (or the transfer whose onward transfer this is) as it was submitted: its details change in the next version, after the reviewer returns it'
        USING ERRCODE = '42501';
    END IF;
    -- The flag's row says why; the transfer's own mark (which only an approval takes off) is what the
    -- register, the dashboard and the re-assessment list read: both, as the transfer stands at commit.
    IF latest = 'approved' AND NOT (EXISTS (
         SELECT 1 FROM public.reassessment_flag f
          WHERE f.transfer_id = target AND f.kind = {flag_kind} AND f.cleared_at IS NULL)
       AND EXISTS (SELECT 1 FROM public.transfer t WHERE t.id = target AND t.reassessment_needed)) THEN
      RAISE EXCEPTION 'a change to what the approved assessment read (the transfer, or one of its onward transfers) flags the transfer for re-assessment: make it in the tool, which flags it'
        USING ERRCODE = '42501';
    END IF;
  END LOOP;
  RETURN NULL;
END $$;
"""


def assessed_columns() -> list[str]:
    """The transfer's columns an assessment reads, as the service lists them, each once."""
    from transfer_tool.register.approved_changes import ASSESSED_FIELDS  # the service's list, not a copy

    return list(dict.fromkeys(ASSESSED_FIELDS))


def onward_columns() -> list[str]:
    """What a parent's assessment lists of each onward transfer, as the service lists it."""
    from transfer_tool.register.approved_changes import ONWARD_FIELDS

    return list(ONWARD_FIELDS)


def _compared(row: str, names: list[str]) -> str:
    # json has no equality in PostgreSQL: compared as jsonb (the same value however it was written).
    from transfer_tool.storage.models.core import Transfer

    columns = Transfer.__table__.c
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
        flag_kind=quote_literal(TRANSFER_FLAG_KIND),
    )


def _run(conn: Connection, sql: str) -> None:
    conn.connection.driver_connection.execute(sql)  # type: ignore[union-attr]


def install(conn: Connection, names: RoleNames, tables: list[str]) -> None:
    """Create the guard and its trigger (as the owner role, inside `team_security.install`)."""
    if "transfer" not in tables or "reassessment_flag" not in tables:
        return
    _run(conn, f"DROP FUNCTION IF EXISTS {SCHEMA}.{FUNCTION}() CASCADE")
    _run(conn, function_sql(names))
    _run(
        conn,
        f"CREATE CONSTRAINT TRIGGER {TRIGGER} AFTER INSERT OR UPDATE OR DELETE ON public.transfer "
        "DEFERRABLE INITIALLY DEFERRED "
        f"FOR EACH ROW EXECUTE FUNCTION {SCHEMA}.{FUNCTION}()",
    )


def downgrade_to_0023(conn: Connection, names: RoleNames) -> None:
    """Undo migration 0024: drop the trigger and its function."""
    _run(
        conn,
        f"DO $$ BEGIN IF NOT pg_has_role(current_user, {quote_literal(names.owner)}, 'MEMBER') "
        f"THEN GRANT {quote_ident(names.owner)} TO CURRENT_USER; END IF; END $$",
    )
    _run(conn, f"SET LOCAL ROLE {quote_ident(names.owner)}")
    _run(conn, f"DROP TRIGGER IF EXISTS {TRIGGER} ON public.transfer")
    _run(conn, f"DROP FUNCTION IF EXISTS {SCHEMA}.{FUNCTION}()")
    _run(conn, "RESET ROLE")
