"""What a team database on PostgreSQL enforces itself (issue #19): roles, privileges, row-level security,
the workflow's and the admins' SECURITY DEFINER functions and the audit triggers. Installed by migration
0020, again by 0021, 0023 and 0024 (`install` always installs the latest; the SQL text is in team_*_functions.py).

- Every table is owned by a NOLOGIN owner role. People are login roles in one group role each (legal,
  manager, admin); the groups get SELECT where they may read and DML only where their role may write.
  Nothing is granted to PUBLIC.
- The audit tables are append-only for everyone but the owner: people write events only through
  `tt_sec.record_event` (which checks the actor is the caller and links the chain itself, so a save
  needs one call; `tt_sec.append_event` takes a client-linked event), and every change to
  an audited table that the tool did not record in the same transaction gets an event from a deferred
  trigger (`tt_sec.audit_row`), hashed exactly as `audit.event_hash` does, so `audit verify` checks it.
- A change to what an assessment reads of a transfer whose latest version is approved needs an open
  re-assessment flag about the transfer in the same transaction (the service writes one), and none is
  allowed while a version awaits review (`team_transfer_guard`, 0024).
- An assessment's life-cycle columns change only under a permit that `tt_sec.transition` grants after
  checking the caller's role and four eyes; the trigger `tt_sec.guard_assessment` refuses anything else,
  keeps `author_ids` growing (whoever edits a version becomes its author) and row-level security lets
  legal users update drafts and returned versions only.
- A stored privacy notice (issue #24) is inserted unpublished in the caller's name; only an active admin
  publishes it, and a published one never changes (`tt_sec.guard_notice`); only an active admin changes how
  the notice names an entity (`tt_sec.guard_notice_name`).
- Accounts and roles, the trust list and country data change only through the admin functions of
  `team_admin_functions` (an active admin in their own name, the services' rules); the admin group writes
  catalogues and settings directly, under the trigger `tt_sec.guard_admin_tables`.
- Members of the owner role (the DBA who migrates, superusers) are trusted: they can drop any trigger.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

from transfer_tool.storage import team_admin_functions, team_record_guards, team_transfer_guard
from transfer_tool.storage.team_audit_functions import AUDIT_FUNCTIONS, skipped_columns_sql
from transfer_tool.storage.team_guard_functions import GUARD_FUNCTIONS, row_of
from transfer_tool.storage.team_roles import SCHEMA, RoleNames, quote_ident, quote_literal

# Tables each group may change (SELECT on every table is granted to every group).
# The tool's services write exactly these (tests/unit/test_team_roles_matrix.py runs them as the roles).
_WRITE: dict[str, dict[str, str]] = {
    "legal": {
        "entity": "INSERT, UPDATE, DELETE",
        "transfer": "INSERT, UPDATE, DELETE",
        "assessment": "INSERT, UPDATE",
        "review_comment": "UPDATE (resolved_at, resolved_by_name)",  # its words stay the reviewer's (0023)
        "evidence_file": "INSERT, DELETE",
        "blob": "INSERT",
        "reassessment_flag": "INSERT, UPDATE",
        "notice_generation": "INSERT",
        "user_account": "UPDATE (language, last_signed_in_at, row_version)",
    },
    "manager": {
        "entity": "INSERT, UPDATE, DELETE",
        "transfer": "INSERT, UPDATE, DELETE",
        "assessment": "INSERT, UPDATE",
        "review_comment": "INSERT, UPDATE (resolved_at, resolved_by_name)",
        "evidence_file": "INSERT, DELETE",
        "blob": "INSERT",
        "signed_report": "INSERT",
        "reassessment_flag": "INSERT, UPDATE",
        "notice_generation": "INSERT",
        "user_account": "UPDATE (language, last_signed_in_at, row_version)",
    },
    "admin": {
        "entity": "INSERT, UPDATE, DELETE",
        "transfer": "INSERT, UPDATE, DELETE",
        "assessment": "INSERT, UPDATE",
        "review_comment": "INSERT, UPDATE (resolved_at, resolved_by_name)",
        "evidence_file": "INSERT, DELETE",
        "blob": "INSERT",
        "signed_report": "INSERT",
        "reassessment_flag": "INSERT, UPDATE",
        "notice_generation": "INSERT, UPDATE",
        # Accounts, the trust list and country data only through tt_sec's admin functions (migration 0021,
        # team_admin_functions); catalogues and settings stay direct, under tt_sec.guard_admin_tables.
        "user_account": "UPDATE (language, last_signed_in_at, row_version)",
        "catalog_entry": "INSERT, UPDATE",
        "org_setting": "INSERT, UPDATE",
    },
}

# Audited tables and their key column: a change no tool event covers gets an event from the database.
AUDITED: dict[str, str] = {
    "user_account": "id",
    "entity": "id",
    "transfer": "id",
    "assessment": "id",
    "review_comment": "id",
    "evidence_file": "id",
    "signed_report": "id",
    "catalog_entry": "id",
    "org_setting": "key",
    "regime": "code",
    "destination": "code",
    "destination_version": "id",
    "reassessment_flag": "id",
    "trusted_certificate": "id",
    "notice_generation": "id",
}

# Tables only an active admin account changes, whatever the group grants say (tt_sec.guard_admin_tables).
ADMIN_TABLES = (
    "user_account",
    "trusted_certificate",
    "destination",
    "destination_version",
    "regime",
    "catalog_entry",
    "org_setting",
)


def _run(conn: Connection, sql: str) -> None:
    # Straight to psycopg without parameters: no placeholder parsing (plpgsql uses %), several statements.
    conn.connection.driver_connection.execute(sql)  # type: ignore[union-attr]


def install(conn: Connection, names: RoleNames) -> None:
    """Create or update the roles, then own, grant, guard and audit every table (re-runnable)."""
    owner, s = quote_ident(names.owner), SCHEMA
    groups = {"legal": names.legal, "manager": names.manager, "admin": names.admin}
    # Roles are cluster-wide and survive a dropped database: create the missing ones only.
    for name in (names.owner, *names.groups):
        _run(
            conn,
            f"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = {quote_literal(name)}) "
            f"THEN CREATE ROLE {quote_ident(name)} NOLOGIN; END IF; END $$",
        )
    # Giving tables to the owner needs membership in it (a superuser has it anyway).
    _run(
        conn,
        f"DO $$ BEGIN IF NOT pg_has_role(current_user, {quote_literal(names.owner)}, 'MEMBER') "
        f"THEN GRANT {owner} TO CURRENT_USER; END IF; END $$",
    )
    tables = [
        r[0]
        for r in conn.execute(text("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"))
    ]
    # A new owner needs CREATE on the tables' schema. PostgreSQL 15 took it from PUBLIC on `public`, so an
    # installer that is no superuser (the set-up docs/team-setup.md gives) was refused here; as the
    # database's owner it may grant it (and a superuser's grant changes nothing it needs).
    _run(
        conn,
        f"DO $$ BEGIN IF NOT has_schema_privilege({quote_literal(names.owner)}, 'public', 'CREATE') "
        f"THEN GRANT CREATE ON SCHEMA public TO {owner}; END IF; END $$",
    )
    for t in tables:
        _run(conn, f"ALTER TABLE public.{quote_ident(t)} OWNER TO {owner}")
    for name in (names.owner, *names.groups):  # PUBLIC has it on a stock database, not on a re-made schema
        _run(
            conn,
            f"DO $$ BEGIN IF NOT has_schema_privilege({quote_literal(name)}, 'public', 'USAGE') "
            f"THEN GRANT USAGE ON SCHEMA public TO {quote_ident(name)}; END IF; END $$",
        )
    _run(conn, f"DROP SCHEMA IF EXISTS {s} CASCADE")
    _run(conn, f"CREATE SCHEMA {s} AUTHORIZATION {owner}")
    _run(conn, f"SET LOCAL ROLE {owner}")
    _run(
        conn,
        AUDIT_FUNCTIONS.format(
            s=s,
            owner_lit=quote_literal(names.owner),
            login_lit=quote_literal(names.login_prefix),
            legal_lit=quote_literal(names.legal),
            manager_lit=quote_literal(names.manager),
            admin_lit=quote_literal(names.admin),
            skipped=skipped_columns_sql(),
        ),
    )
    _run(
        conn,
        GUARD_FUNCTIONS.format(
            s=s,
            owner_lit=quote_literal(names.owner),
            notice_fixed_new=row_of("NEW"),
            notice_fixed_old=row_of("OLD"),
        ),
    )
    everyone = ", ".join(quote_ident(g) for g in groups.values())
    _run(conn, "REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC")
    _run(conn, "REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM PUBLIC")
    _run(conn, f"REVOKE ALL ON ALL FUNCTIONS IN SCHEMA {s} FROM PUBLIC")
    _run(conn, f"REVOKE ALL ON ALL TABLES IN SCHEMA {s} FROM PUBLIC")
    _run(conn, f"GRANT USAGE ON SCHEMA {s} TO {everyone}")
    for t in tables:
        _run(conn, f"REVOKE ALL ON public.{quote_ident(t)} FROM {everyone}")
        _run(conn, f"GRANT SELECT ON public.{quote_ident(t)} TO {everyone}")
    _run(conn, f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {everyone}")
    for group, writes in _WRITE.items():
        for table, privileges in writes.items():
            if table in tables:
                if "(" in privileges:
                    verb, columns = privileges.split(" ", 1)
                    grant = f"{verb} {columns}"
                else:
                    grant = privileges
                _run(conn, f"GRANT {grant} ON public.{quote_ident(table)} TO {quote_ident(groups[group])}")
    # What people call: the workflow's door, the audit log's door, and who they are.
    for fn in (
        "transition(integer, text)",
        "append_event(integer, timestamptz, integer, text, text, text, text, json, json, text, text)",
        "lock_head()",
        "record_event(timestamptz, integer, text, text, text, text, json, json, text)",
        "me()",
        "privileged()",
        "permitted(integer, text, text)",
        "revises_returned(integer, integer, json)",
        "with_author(json, integer)",
        "login_prefix()",
        "owner_role()",
        "group_role(text)",
        "canonical(jsonb)",
        "event_hash(integer, timestamptz, integer, text, text, text, text, jsonb, jsonb, text)",
    ):
        _run(conn, f"GRANT EXECUTE ON FUNCTION {s}.{fn} TO {everyone}")
    team_admin_functions.install(conn, names)
    team_record_guards.install(conn, names, tables)  # evidence, signed reports, deletions (0023)
    team_transfer_guard.install(conn, names, tables)  # a transfer changed after approval (0024)
    for table, key in AUDITED.items():
        if table in tables:
            _run(
                conn,
                f"CREATE CONSTRAINT TRIGGER tt_audit AFTER INSERT OR UPDATE OR DELETE ON public.{table} "
                f"DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION {s}.audit_row({quote_literal(key)})",
            )
    _run(
        conn,
        f"CREATE TRIGGER tt_guard BEFORE INSERT OR UPDATE ON public.assessment "
        f"FOR EACH ROW EXECUTE FUNCTION {s}.guard_assessment()",
    )
    if "notice_generation" in tables:
        _run(
            conn,
            "CREATE TRIGGER tt_notice BEFORE INSERT OR UPDATE ON public.notice_generation "
            f"FOR EACH ROW EXECUTE FUNCTION {s}.guard_notice()",
        )
        _run(
            conn,
            "CREATE TRIGGER tt_notice_name BEFORE INSERT OR UPDATE ON public.entity "
            f"FOR EACH ROW EXECUTE FUNCTION {s}.guard_notice_name()",
        )
    for table in ADMIN_TABLES:
        if table in tables:
            _run(
                conn,
                f"CREATE TRIGGER tt_admin_only BEFORE INSERT OR UPDATE OR DELETE ON public.{table} "
                f"FOR EACH ROW EXECUTE FUNCTION {s}.guard_admin_tables()",
            )
    _install_row_security(conn, names)
    _run(conn, "RESET ROLE")


def _install_row_security(conn: Connection, names: RoleNames) -> None:
    legal, manager, admin = (quote_ident(g) for g in names.groups)
    me = f"{SCHEMA}.me()"
    statements = [
        # A legal user edits drafts and returned versions (and submits them), never approved ones.
        "ALTER TABLE public.assessment ENABLE ROW LEVEL SECURITY",
        f"CREATE POLICY read_all ON public.assessment FOR SELECT TO {legal}, {manager}, {admin} USING (true)",
        f"CREATE POLICY start_drafts ON public.assessment FOR INSERT TO {legal}, {manager}, {admin} "
        "WITH CHECK (status IN ('draft', 'returned') AND NOT frozen)",  # returned: see revises_returned
        f"CREATE POLICY legal_edits_drafts ON public.assessment FOR UPDATE TO {legal} "
        "USING (status IN ('draft', 'returned')) WITH CHECK (status IN ('draft', 'returned', 'submitted'))",
        f"CREATE POLICY reviewers_edit_unfrozen ON public.assessment FOR UPDATE TO {manager}, {admin} "
        "USING (NOT frozen) WITH CHECK (true)",
        # Everyone sees every account and changes their own preferences only; an admin changes accounts
        # through tt_sec.add_account / change_account (migration 0021 retired the policy admins_manage).
        "ALTER TABLE public.user_account ENABLE ROW LEVEL SECURITY",
        f"CREATE POLICY read_all ON public.user_account FOR SELECT TO {legal}, {manager}, {admin} USING (true)",
        f"CREATE POLICY own_preferences ON public.user_account FOR UPDATE TO {legal}, {manager}, {admin} "
        f"USING (id = (SELECT id FROM {me})) WITH CHECK (id = (SELECT id FROM {me}))",
    ]
    _run(conn, "DROP POLICY IF EXISTS admins_manage ON public.user_account")
    for sql in statements:
        if sql.startswith("CREATE POLICY "):  # re-runnable: a later migration calls install again
            name, table = sql.split()[2], sql.split()[4]
            _run(conn, f"DROP POLICY IF EXISTS {name} ON {table}")
        _run(conn, sql)


def uninstall(conn: Connection, names: RoleNames) -> None:
    """Undo `install` inside the database (the cluster-wide roles stay: other databases may use them)."""
    for table in AUDITED:
        _run(conn, f"DROP TRIGGER IF EXISTS tt_audit ON public.{table}")
    _run(conn, "DROP TRIGGER IF EXISTS tt_guard ON public.assessment")
    _run(conn, "DROP TRIGGER IF EXISTS tt_notice ON public.notice_generation")
    _run(conn, "DROP TRIGGER IF EXISTS tt_notice_name ON public.entity")
    for table in ADMIN_TABLES:
        _run(conn, f"DROP TRIGGER IF EXISTS tt_admin_only ON public.{table}")
    for trigger, table, _when, _function in team_record_guards.TRIGGERS:
        _run(conn, f"DROP TRIGGER IF EXISTS {trigger} ON public.{table}")
    _run(conn, "DROP TRIGGER IF EXISTS tt_approval_signed ON public.assessment")
    _run(conn, f"DROP TRIGGER IF EXISTS {team_transfer_guard.TRIGGER} ON public.transfer")
    _run(conn, f"DROP TRIGGER IF EXISTS {team_transfer_guard.PARTY_TRIGGER} ON public.entity")
    for table, policies in (
        ("assessment", ("read_all", "start_drafts", "legal_edits_drafts", "reviewers_edit_unfrozen")),
        ("user_account", ("read_all", "own_preferences", "admins_manage")),
    ):
        for p in policies:
            _run(conn, f"DROP POLICY IF EXISTS {p} ON public.{table}")
        _run(conn, f"ALTER TABLE public.{table} DISABLE ROW LEVEL SECURITY")
    _run(conn, f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE")
    for (table,) in conn.execute(text("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")):
        _run(conn, f"ALTER TABLE public.{quote_ident(table)} OWNER TO CURRENT_USER")


def missing_privileges(conn: Connection, names: RoleNames) -> list[str]:
    """The statements a DBA must run before this sign-in can set up the team database ([] when none)."""
    me = conn.execute(
        text(
            "SELECT current_user::text AS name, rolsuper, rolcreaterole, current_database()::text AS db "
            "FROM pg_roles WHERE rolname = current_user"
        )
    ).one()
    if me.rolsuper:
        return []
    who, needed = quote_ident(me.name), []
    roles = (names.owner, *names.groups)
    existing = {
        r[0]
        for r in conn.execute(
            text("SELECT rolname FROM pg_roles WHERE rolname = ANY(:n)"), {"n": list(roles)}
        )
    }
    if not me.rolcreaterole:
        needed.append(f"ALTER ROLE {who} CREATEROLE;  -- creates the group roles and people's sign-ins")
    elif int((conn.dialect.server_version_info or (0,))[0]) >= 16:
        for r in sorted(existing):
            needed.append(f"GRANT {quote_ident(r)} TO {who} WITH ADMIN OPTION;")
    checks = (
        (
            "has_database_privilege(current_user, current_database(), 'CREATE')",
            f"GRANT CREATE ON DATABASE {quote_ident(me.db)} TO {who};  -- the schema {SCHEMA}",
        ),
        (
            "has_schema_privilege(current_user, 'public', 'CREATE')",
            f"GRANT CREATE ON SCHEMA public TO {who};  -- the tool's tables",
        ),
    )
    for check, grant in checks:
        if not conn.execute(text(f"SELECT {check}")).scalar():
            needed.append(grant)
    # The owner role is given the tables, which needs CREATE on `public`: everyone had it before PostgreSQL
    # 15; since, `install` grants it, which the database's owner may do and another sign-in only if given so.
    if not conn.execute(text(_OWNER_MAY_CREATE), {"owner": names.owner}).scalar():
        needed.append(
            f"GRANT CREATE ON SCHEMA public TO {who} WITH GRANT OPTION;  "
            f"-- it gives the owner role {quote_ident(names.owner)} the tables"
        )
    return needed


# Whether the owner role will have CREATE on `public` (it has it, everyone has it) or this sign-in can give it.
_OWNER_MAY_CREATE = """
SELECT EXISTS (SELECT FROM pg_roles r WHERE r.rolname = :owner AND has_schema_privilege(r.oid, 'public', 'CREATE'))
    OR EXISTS (SELECT FROM pg_namespace n, aclexplode(n.nspacl) a
               WHERE n.nspname = 'public' AND a.grantee = 0 AND a.privilege_type = 'CREATE')
    OR has_schema_privilege(current_user, 'public', 'CREATE WITH GRANT OPTION')
"""
