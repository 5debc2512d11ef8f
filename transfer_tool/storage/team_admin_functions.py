"""The doors for an admin's changes on a team database (issue #19 point 2, migration 0021): accounts and
roles, the trust list and country data are written only by these SECURITY DEFINER functions, which check
that the caller (`session_user`) is an active admin acting in their own name, apply the services' rules
(the last active admin stays; a stale row version is refused) and write the row. The admin group keeps
SELECT on those tables and nothing else but its own preferences (`team_security._WRITE`).

The tool's audit event for the change is written by the service in the same transaction, as before
(`audit.record` -> `tt_sec.record_event`); if a caller skips it, the deferred `tt_sec.audit_row` trigger
writes one at commit. The DBA's sign-in (a member of the owner role: the installer, seeding) is trusted
and may name the tool's own actor ("system").

`install` runs inside `team_security.install` (as the owner role); `downgrade_to_0020` restores what
migration 0020 installed.
"""

from __future__ import annotations

from sqlalchemy import Connection

from transfer_tool.storage.team_roles import SCHEMA, RoleNames, quote_ident, quote_literal

# Placeholders: s (schema). Each function returns the row it wrote, so the service's ORM object is
# refreshed in the same round trip.
ADMIN_FUNCTIONS = r"""
-- In whose name an admin change is written: an active admin account, in its own name only. Called from
-- the definer functions below (so it runs as the owner); nobody may call it directly.
CREATE FUNCTION {s}.acting_admin(p_by text, p_what text) RETURNS text LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp AS $$
DECLARE m record;
BEGIN
  IF {s}.privileged() THEN RETURN p_by; END IF;
  SELECT * INTO m FROM {s}.me();
  IF m.id IS NULL OR NOT m.active OR m.role <> 'admin' THEN
    RAISE EXCEPTION 'only an administrator may change % (your role: %)', p_what, coalesce(m.role, 'none')
      USING ERRCODE = '42501';
  END IF;
  IF p_by IS DISTINCT FROM m.username THEN
    RAISE EXCEPTION 'a change can only be made in your own name' USING ERRCODE = '42501';
  END IF;
  RETURN m.username;
END $$;

-- users.create_user / create_first_admin: a new active account (its login role is made by the caller's
-- CREATEROLE, in the same transaction).
CREATE FUNCTION {s}.add_account(p_by text, p_username text, p_display_name text, p_email text, p_role text,
    p_password_hash text) RETURNS SETOF public.user_account
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  PERFORM {s}.acting_admin(p_by, 'accounts');
  IF p_username IS NULL OR p_username !~ '^[A-Za-z0-9_.@-]{{2,64}}$' THEN
    RAISE EXCEPTION 'a user name has 2-64 letters, digits or . _ @ -' USING ERRCODE = '22023';
  END IF;
  IF coalesce(btrim(p_display_name), '') = '' THEN
    RAISE EXCEPTION 'an account needs the person''s name' USING ERRCODE = '22023';
  END IF;
  RETURN QUERY INSERT INTO public.user_account (username, display_name, email, role, password_hash, active,
      language, failed_attempts, row_version, created_at)
    VALUES (p_username, p_display_name, coalesce(p_email, ''), p_role, p_password_hash, true, '', 0, 1,
            clock_timestamp())
    RETURNING *;
END $$;

-- users.update_user / remove_user: role, active, name, password (NULL: unchanged). The row must still be
-- at p_row_version; the last active admin keeps the role and stays active. Active admins are locked first
-- (in id order), so two admins demoting each other at once cannot both succeed.
CREATE FUNCTION {s}.change_account(p_by text, p_id integer, p_row_version integer, p_role text,
    p_active boolean, p_display_name text, p_password_hash text) RETURNS SETOF public.user_account
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE o public.user_account; v_role text; v_active boolean;
BEGIN
  PERFORM {s}.acting_admin(p_by, 'accounts');
  PERFORM 1 FROM public.user_account u WHERE (u.role = 'admin' AND u.active) OR u.id = p_id
    ORDER BY u.id FOR UPDATE;
  SELECT * INTO o FROM public.user_account u WHERE u.id = p_id;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'account % does not exist', p_id USING ERRCODE = 'P0002';
  END IF;
  IF o.row_version <> p_row_version THEN
    RAISE EXCEPTION 'the account was changed by someone else; nothing was saved' USING ERRCODE = '40001';
  END IF;
  v_role := coalesce(p_role, o.role::text);
  v_active := coalesce(p_active, o.active);
  IF o.role = 'admin' AND o.active AND (v_role <> 'admin' OR NOT v_active) AND NOT EXISTS (
       SELECT 1 FROM public.user_account u WHERE u.role = 'admin' AND u.active AND u.id <> p_id) THEN
    RAISE EXCEPTION 'the last active administrator cannot lose the admin role or be deactivated'
      USING ERRCODE = '42501';
  END IF;
  IF p_display_name IS NOT NULL AND btrim(p_display_name) = '' THEN
    RAISE EXCEPTION 'an account needs the person''s name' USING ERRCODE = '22023';
  END IF;
  IF v_role IS NOT DISTINCT FROM o.role::text AND v_active IS NOT DISTINCT FROM o.active
     AND coalesce(p_display_name, o.display_name) IS NOT DISTINCT FROM o.display_name
     AND coalesce(p_password_hash, o.password_hash) IS NOT DISTINCT FROM o.password_hash
     AND (p_password_hash IS NULL OR o.failed_attempts = 0) THEN
    RETURN NEXT o;  -- nothing changes: no new row version (as the ORM leaves an unchanged row alone)
    RETURN;
  END IF;
  RETURN QUERY UPDATE public.user_account u SET role = v_role, active = v_active,
      display_name = coalesce(p_display_name, u.display_name),
      password_hash = coalesce(p_password_hash, u.password_hash),
      failed_attempts = CASE WHEN p_password_hash IS NULL THEN u.failed_attempts ELSE 0 END,
      row_version = u.row_version + 1
    WHERE u.id = p_id RETURNING u.*;
END $$;

-- The SHA-256 of a PEM certificate's DER bytes, as trust.fingerprint_of computes it.
CREATE FUNCTION {s}.pem_fingerprint(p_pem text) RETURNS text LANGUAGE sql IMMUTABLE
SET search_path = pg_catalog, pg_temp AS $$
  SELECT encode(sha256(decode(regexp_replace(p_pem, '-----(BEGIN|END) CERTIFICATE-----|\s', '', 'g'),
                              'base64')), 'hex') $$;

-- A certificate registered as someone's own must be an active account's.
CREATE FUNCTION {s}.check_certificate_owner(p_user_id integer) RETURNS void LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF p_user_id IS NOT NULL AND NOT EXISTS (
       SELECT 1 FROM public.user_account u WHERE u.id = p_user_id AND u.active) THEN
    RAISE EXCEPTION 'there is no active account % to register the certificate for', p_user_id
      USING ERRCODE = '22023';
  END IF;
END $$;

-- trust.add_trusted, a certificate new to the list: one PEM certificate; the fingerprint is computed here.
CREATE FUNCTION {s}.add_certificate(p_by text, p_label text, p_pem text, p_subject text,
    p_not_after timestamptz, p_user_id integer) RETURNS SETOF public.trusted_certificate
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE v_by text := {s}.acting_admin(p_by, 'the trust list'); v_fp text;
BEGIN
  IF coalesce(btrim(p_label), '') = '' OR length(p_label) > 200 THEN
    RAISE EXCEPTION 'a trusted certificate needs a label of at most 200 characters' USING ERRCODE = '22023';
  END IF;
  IF p_pem !~ '^-----BEGIN CERTIFICATE-----\n[A-Za-z0-9+/=\n]+-----END CERTIFICATE-----\n?$' THEN
    RAISE EXCEPTION 'the trust list takes one PEM certificate' USING ERRCODE = '22023';
  END IF;
  PERFORM {s}.check_certificate_owner(p_user_id);
  v_fp := {s}.pem_fingerprint(p_pem);
  IF EXISTS (SELECT 1 FROM public.trusted_certificate c WHERE c.fingerprint_sha256 = v_fp) THEN
    RAISE EXCEPTION 'this certificate is already in the trust list' USING ERRCODE = '23505';
  END IF;
  RETURN QUERY INSERT INTO public.trusted_certificate (label, pem, fingerprint_sha256, subject, not_after,
      added_by, added_at, active, user_id)
    VALUES (p_label, p_pem, v_fp, p_subject, p_not_after, v_by, clock_timestamp(), true, p_user_id)
    RETURNING *;
END $$;

-- trust.add_trusted, a certificate removed earlier: trusted again under a new label and owner.
CREATE FUNCTION {s}.reactivate_certificate(p_by text, p_id integer, p_label text, p_user_id integer)
RETURNS SETOF public.trusted_certificate
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE v_by text := {s}.acting_admin(p_by, 'the trust list');
BEGIN
  IF coalesce(btrim(p_label), '') = '' OR length(p_label) > 200 THEN
    RAISE EXCEPTION 'a trusted certificate needs a label of at most 200 characters' USING ERRCODE = '22023';
  END IF;
  PERFORM {s}.check_certificate_owner(p_user_id);
  RETURN QUERY UPDATE public.trusted_certificate c SET active = true, label = p_label, user_id = p_user_id,
      added_by = v_by, added_at = clock_timestamp()
    WHERE c.id = p_id AND NOT c.active RETURNING c.*;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'trusted certificate % is not a removed one', p_id USING ERRCODE = 'P0002';
  END IF;
END $$;

-- trust.remove_trusted: kept, deactivated.
CREATE FUNCTION {s}.deactivate_certificate(p_by text, p_id integer) RETURNS SETOF public.trusted_certificate
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  PERFORM {s}.acting_admin(p_by, 'the trust list');
  RETURN QUERY UPDATE public.trusted_certificate c SET active = false WHERE c.id = p_id AND c.active
    RETURNING c.*;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'trusted certificate % is not in the list', p_id USING ERRCODE = 'P0002';
  END IF;
END $$;

-- countries.store.update_regime: the regime's data, if the row is still at p_row_version.
CREATE FUNCTION {s}.update_regime(p_by text, p_code text, p_row_version integer, p_data json)
RETURNS SETOF public.regime
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE v_by text := {s}.acting_admin(p_by, 'country data'); o public.regime;
BEGIN
  SELECT * INTO o FROM public.regime r WHERE r.code = p_code FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'regime % does not exist', p_code USING ERRCODE = 'P0002';
  END IF;
  IF o.row_version <> p_row_version THEN
    RAISE EXCEPTION 'the % regime was changed by someone else; nothing was saved', p_code
      USING ERRCODE = '40001';
  END IF;
  IF (p_data::jsonb ->> 'code') IS DISTINCT FROM p_code THEN
    RAISE EXCEPTION 'the data is not the % regime''s', p_code USING ERRCODE = '22023';
  END IF;
  RETURN QUERY UPDATE public.regime r SET data = p_data, updated_by = v_by, updated_at = clock_timestamp(),
      row_version = r.row_version + 1
    WHERE r.code = p_code RETURNING r.*;
END $$;

-- countries.store's edit and import of a destination: its next version, and that version kept in
-- destination_version with who, when and why. The row must still be at p_row_version and the version
-- before p_version.
CREATE FUNCTION {s}.save_destination(p_by text, p_code text, p_row_version integer, p_version integer,
    p_data json, p_reason text, p_dataset_version text) RETURNS SETOF public.destination
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE v_by text := {s}.acting_admin(p_by, 'country data'); o public.destination;
        v_at timestamptz := clock_timestamp();
BEGIN
  SELECT * INTO o FROM public.destination d WHERE d.code = p_code FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'destination % does not exist', p_code USING ERRCODE = 'P0002';
  END IF;
  IF o.row_version <> p_row_version OR o.version <> p_version - 1 THEN
    RAISE EXCEPTION '% was changed by someone else (version %); nothing was saved', p_code, o.version
      USING ERRCODE = '40001';
  END IF;
  IF (p_data::jsonb ->> 'code') IS DISTINCT FROM p_code
     OR (p_data::jsonb ->> 'version') IS DISTINCT FROM p_version::text THEN
    RAISE EXCEPTION 'the data is not version % of %', p_version, p_code USING ERRCODE = '22023';
  END IF;
  IF coalesce(btrim(p_reason), '') = '' THEN
    RAISE EXCEPTION 'a change of country data says why' USING ERRCODE = '22023';
  END IF;
  INSERT INTO public.destination_version (code, version, data, changed_at, changed_by, reason, dataset_version)
    VALUES (p_code, p_version, p_data, v_at, v_by, p_reason, coalesce(p_dataset_version, ''));
  RETURN QUERY UPDATE public.destination d SET version = p_version, data = p_data, updated_by = v_by,
      updated_at = v_at, row_version = d.row_version + 1
    WHERE d.code = p_code RETURNING d.*;
END $$;
"""

# What the admin group may call (EXECUTE), with the argument types that name each function.
ADMIN_CALLS = (
    "add_account(text, text, text, text, text, text)",
    "change_account(text, integer, integer, text, boolean, text, text)",
    "add_certificate(text, text, text, text, timestamptz, integer)",
    "reactivate_certificate(text, integer, text, integer)",
    "deactivate_certificate(text, integer)",
    "update_regime(text, text, integer, json)",
    "save_destination(text, text, integer, integer, json, text, text)",
)
_HELPERS = ("acting_admin(text, text)", "pem_fingerprint(text)", "check_certificate_owner(integer)")


def _run(conn: Connection, sql: str) -> None:
    conn.connection.driver_connection.execute(sql)  # type: ignore[union-attr]


def install(conn: Connection, names: RoleNames) -> None:
    """Create the functions and let the admin group call them. Runs as the owner role, after the schema
    `tt_sec` and its identity functions exist (`team_security.install`)."""
    _run(conn, ADMIN_FUNCTIONS.format(s=SCHEMA))
    for fn in (*ADMIN_CALLS, *_HELPERS):
        _run(conn, f"REVOKE ALL ON FUNCTION {SCHEMA}.{fn} FROM PUBLIC")
    for fn in ADMIN_CALLS:
        _run(conn, f"GRANT EXECUTE ON FUNCTION {SCHEMA}.{fn} TO {quote_ident(names.admin)}")


# What migration 0020 let the admin group write directly, and its policy on user_account.
_ADMIN_WRITES_0020 = {
    "user_account": "INSERT, UPDATE, DELETE",
    "regime": "INSERT, UPDATE",
    "destination": "INSERT, UPDATE",
    "destination_version": "INSERT",
    "trusted_certificate": "INSERT, UPDATE",
}


def downgrade_to_0020(conn: Connection, names: RoleNames) -> None:
    """Undo migration 0021: drop the functions, give the admin group its direct writes back and the
    user_account policies of 0020."""
    owner, admin = quote_ident(names.owner), quote_ident(names.admin)
    legal, manager = quote_ident(names.legal), quote_ident(names.manager)
    _run(
        conn,
        f"DO $$ BEGIN IF NOT pg_has_role(current_user, {quote_literal(names.owner)}, 'MEMBER') "
        f"THEN GRANT {owner} TO CURRENT_USER; END IF; END $$",
    )
    _run(conn, f"SET LOCAL ROLE {owner}")
    for fn in (*ADMIN_CALLS, *_HELPERS):
        _run(conn, f"DROP FUNCTION IF EXISTS {SCHEMA}.{fn}")
    _run(
        conn, f"REVOKE UPDATE (language, last_signed_in_at, row_version) ON public.user_account FROM {admin}"
    )
    for table, privileges in _ADMIN_WRITES_0020.items():
        _run(conn, f"GRANT {privileges} ON public.{table} TO {admin}")
    me = f"{SCHEMA}.me()"
    _run(conn, "DROP POLICY IF EXISTS own_preferences ON public.user_account")
    _run(
        conn,
        f"CREATE POLICY own_preferences ON public.user_account FOR UPDATE TO {legal}, {manager} "
        f"USING (id = (SELECT id FROM {me})) WITH CHECK (id = (SELECT id FROM {me}))",
    )
    _run(conn, "DROP POLICY IF EXISTS admins_manage ON public.user_account")
    _run(
        conn,
        f"CREATE POLICY admins_manage ON public.user_account FOR ALL TO {admin} USING (true) WITH CHECK (true)",
    )
    _run(conn, "RESET ROLE")
