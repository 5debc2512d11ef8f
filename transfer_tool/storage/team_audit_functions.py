"""The SQL of a team database's identity and audit-chain functions (issue #19, migration 0020): who is
signed in (`tt_sec.me`), whether the session is the DBA's, Python's canonical JSON and event hash, the
doors through which people append audit events, and the deferred trigger that audits every change nobody
recorded. Installed by `team_security.install`; text only, formatted there.
"""

from __future__ import annotations

from transfer_tool.storage.team_roles import quote_literal

# Columns the database's own events leave out: bookkeeping, and content kept elsewhere by digest.
SKIPPED_COLUMNS = ("row_version", "updated_at", "password_hash", "record", "text", "entries")


def skipped_columns_sql() -> str:
    return "ARRAY[" + ", ".join(quote_literal(v) for v in SKIPPED_COLUMNS) + "]::text[]"


# Placeholders: s (schema), owner_lit, login_lit, legal_lit, manager_lit, admin_lit, skipped.
AUDIT_FUNCTIONS = r"""
CREATE TABLE {s}.xact_audited (xact xid8 NOT NULL, table_name text NOT NULL, record_id text NOT NULL);
CREATE INDEX ON {s}.xact_audited (xact, table_name, record_id);

CREATE FUNCTION {s}.owner_role() RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT {owner_lit}::text $$;
CREATE FUNCTION {s}.login_prefix() RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT {login_lit}::text $$;
CREATE FUNCTION {s}.group_role(p_role text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE p_role WHEN 'legal' THEN {legal_lit} WHEN 'manager' THEN {manager_lit}
                     WHEN 'admin' THEN {admin_lit} END $$;

-- Whether the session is the DBA's (a member of the owner role, or a superuser): trusted, not checked.
CREATE FUNCTION {s}.privileged() RETURNS boolean LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp AS $$ SELECT pg_has_role(session_user, {owner_lit}, 'MEMBER') $$;

-- The account of the person signed in to this session (no row when the login role has none).
CREATE FUNCTION {s}.me(OUT id integer, OUT username text, OUT role text, OUT active boolean)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT u.id, u.username::text, u.role::text, u.active FROM public.user_account u
   WHERE {login_lit} || u.username = session_user::text $$;

-- Python's audit.canonical(): json.dumps(sort_keys=True, ensure_ascii=False, separators=(",", ":")).
CREATE FUNCTION {s}.canonical(v jsonb) RETURNS text LANGUAGE plpgsql IMMUTABLE
SET search_path = pg_catalog, pg_temp AS $$
DECLARE out text;
BEGIN
  CASE jsonb_typeof(v)
  WHEN 'object' THEN
    SELECT '{{' || coalesce(string_agg(to_jsonb(k)::text || ':' || {s}.canonical(v -> k), ','
                                       ORDER BY k COLLATE "C"), '') || '}}'
      INTO out FROM jsonb_object_keys(v) AS k;
  WHEN 'array' THEN
    SELECT '[' || coalesce(string_agg({s}.canonical(e), ',' ORDER BY i), '') || ']'
      INTO out FROM jsonb_array_elements(v) WITH ORDINALITY AS t(e, i);
  ELSE
    out := v::text;
  END CASE;
  RETURN out;
END $$;

-- audit.event_hash(), for the events the database writes itself.
CREATE FUNCTION {s}.event_hash(p_seq integer, p_at timestamptz, p_actor_id integer, p_actor_name text,
    p_action text, p_table text, p_record text, p_before jsonb, p_after jsonb, p_prev text)
RETURNS text LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT encode(sha256(convert_to({s}.canonical(jsonb_build_array(
    p_seq, to_char(p_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') || '+00:00', p_actor_id,
    p_actor_name, p_action, p_table, p_record, p_before, p_after, p_prev)), 'UTF8')), 'hex') $$;

-- The chain's head, locked for this transaction; created for an empty log; NULL when it was deleted.
CREATE FUNCTION {s}.lock_head(OUT last_seq integer, OUT last_hash text)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  SELECT h.last_seq, h.last_hash INTO last_seq, last_hash FROM public.audit_head h WHERE h.id = 1 FOR UPDATE;
  IF NOT FOUND THEN
    IF EXISTS (SELECT 1 FROM public.audit_event) THEN
      last_seq := NULL; last_hash := NULL; RETURN;
    END IF;
    INSERT INTO public.audit_head (id, last_seq, last_hash) VALUES (1, 0, repeat('0', 64));
    last_seq := 0; last_hash := repeat('0', 64);
  END IF;
END $$;

CREATE FUNCTION {s}._append(p_seq integer, p_at timestamptz, p_actor_id integer, p_actor_name text,
    p_action text, p_table text, p_record text, p_before json, p_after json, p_prev text, p_hash text)
RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE h record;
BEGIN
  SELECT * INTO h FROM {s}.lock_head();
  IF h.last_seq IS NULL THEN
    RAISE EXCEPTION 'the audit head is missing; nothing was saved' USING ERRCODE = 'P0001';
  END IF;
  IF p_seq <> h.last_seq + 1 OR p_prev <> h.last_hash THEN
    RAISE EXCEPTION 'audit event % does not follow the chain''s head %', p_seq, h.last_seq
      USING ERRCODE = '40001';
  END IF;
  INSERT INTO public.audit_event (seq, at, actor_id, actor_name, action, table_name, record_id, before,
                                  after, prev_hash, hash)
  VALUES (p_seq, p_at, p_actor_id, p_actor_name, p_action, p_table, p_record, p_before, p_after, p_prev,
          p_hash);
  UPDATE public.audit_head SET last_seq = p_seq, last_hash = p_hash WHERE id = 1;
  INSERT INTO {s}.xact_audited VALUES (pg_current_xact_id(), p_table, p_record);
END $$;

-- An event a person writes is in their own name, at the present time (the owner and superusers are trusted).
-- Called from the definer functions below, so it runs with the owner's rights; nobody else may call it.
CREATE FUNCTION {s}.check_own_event(p_at timestamptz, p_actor_id integer, p_actor_name text) RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE m record;
BEGIN
  IF NOT {s}.privileged() THEN
    SELECT * INTO m FROM {s}.me();
    IF m.id IS NULL OR NOT m.active OR p_actor_id IS DISTINCT FROM m.id OR p_actor_name <> m.username THEN
      RAISE EXCEPTION 'an audit event can only be written in your own name' USING ERRCODE = '42501';
    END IF;
    IF abs(extract(epoch FROM (p_at - clock_timestamp()))) > 300 THEN
      RAISE EXCEPTION 'an audit event must carry the present time' USING ERRCODE = '42501';
    END IF;
  END IF;
END $$;

-- The tool's own events (audit.record): the caller may write events in their own name only, at the
-- present time, linked to the head; the hash is the client's (`audit verify` re-checks every one).
CREATE FUNCTION {s}.append_event(p_seq integer, p_at timestamptz, p_actor_id integer, p_actor_name text,
    p_action text, p_table text, p_record text, p_before json, p_after json, p_prev text, p_hash text)
RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  PERFORM {s}.check_own_event(p_at, p_actor_id, p_actor_name);
  PERFORM {s}._append(p_seq, p_at, p_actor_id, p_actor_name, p_action, p_table, p_record, p_before,
                      p_after, p_prev, p_hash);
END $$;

-- audit.record's one call (issue #19 point 5: each call is a round trip across offices): the same checks
-- as append_event, but the chain's link is made here under the head lock. The client sends the event's
-- canonical text without seq and prev hash (`p_hashed`: canonical([at, actor_id, ..., after]) less its
-- brackets); it must hold the event's own fields, and the hash is taken over that exact text, so it is
-- audit.event_hash's to the byte. Returns the seq, prev hash and hash it wrote.
CREATE FUNCTION {s}.record_event(p_at timestamptz, p_actor_id integer, p_actor_name text, p_action text,
    p_table text, p_record text, p_before json, p_after json, p_hashed text,
    OUT seq integer, OUT prev_hash text, OUT hash text)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE h record;
BEGIN
  PERFORM {s}.check_own_event(p_at, p_actor_id, p_actor_name);
  IF ('[' || p_hashed || ']')::jsonb IS DISTINCT FROM jsonb_build_array(
       to_char(p_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') || '+00:00', p_actor_id, p_actor_name,
       p_action, p_table, p_record, p_before::jsonb, p_after::jsonb) THEN
    RAISE EXCEPTION 'the hashed text is not the audit event''s' USING ERRCODE = '42501';
  END IF;
  SELECT * INTO h FROM {s}.lock_head();
  IF h.last_seq IS NULL THEN
    RAISE EXCEPTION 'the audit head is missing; nothing was saved' USING ERRCODE = 'P0001';
  END IF;
  seq := h.last_seq + 1;
  prev_hash := h.last_hash;
  hash := encode(sha256(convert_to('[' || seq || ',' || p_hashed || ',' || to_jsonb(prev_hash)::text || ']',
                                   'UTF8')), 'hex');
  PERFORM {s}._append(seq, p_at, p_actor_id, p_actor_name, p_action, p_table, p_record, p_before, p_after,
                      prev_hash, hash);
END $$;

-- An event the database writes itself, hashed here.
CREATE FUNCTION {s}.write_event(p_action text, p_table text, p_record text, p_before jsonb, p_after jsonb)
RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE h record; m record; v_at timestamptz := date_trunc('microseconds', clock_timestamp());
        v_name text; v_hash text;
BEGIN
  SELECT * INTO h FROM {s}.lock_head();
  IF h.last_seq IS NULL THEN
    RAISE EXCEPTION 'the audit head is missing; nothing was saved' USING ERRCODE = 'P0001';
  END IF;
  SELECT * INTO m FROM {s}.me();
  v_name := coalesce(m.username, session_user::text);
  v_hash := {s}.event_hash(h.last_seq + 1, v_at, m.id, v_name, p_action, p_table, p_record, p_before,
                           p_after, h.last_hash);
  PERFORM {s}._append(h.last_seq + 1, v_at, m.id, v_name, p_action, p_table, p_record, p_before::json,
                      p_after::json, h.last_hash, v_hash);
END $$;

-- Deferred to the commit, so the tool's own event for the same row (written later in the transaction
-- than the row change) is known by then; a change nobody recorded gets an event of its own.
CREATE FUNCTION {s}.audit_row() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp AS $$
DECLARE key text := TG_ARGV[0]; o jsonb; n jsonb; rid text; b jsonb := '{{}}'; a jsonb := '{{}}'; k text;
BEGIN
  IF {s}.privileged() THEN RETURN NULL; END IF;
  o := CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) END;
  n := CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) END;
  rid := coalesce(n, o) ->> key;
  IF EXISTS (SELECT 1 FROM {s}.xact_audited x WHERE x.xact = pg_current_xact_id()
             AND x.table_name = TG_TABLE_NAME AND x.record_id = rid) THEN
    RETURN NULL;
  END IF;
  FOR k IN SELECT jsonb_object_keys(coalesce(n, o)) LOOP
    CONTINUE WHEN k = ANY ({skipped});
    IF o IS NULL OR n IS NULL OR (o -> k) IS DISTINCT FROM (n -> k) THEN
      IF o IS NOT NULL THEN b := b || jsonb_build_object(k, o -> k); END IF;
      IF n IS NOT NULL THEN a := a || jsonb_build_object(k, n -> k); END IF;
    END IF;
  END LOOP;
  IF coalesce(n, o) ? 'record' AND (o IS NULL OR n IS NULL OR (o -> 'record') IS DISTINCT FROM (n -> 'record')) THEN
    IF o IS NOT NULL THEN b := b || jsonb_build_object('record_sha256',
         encode(sha256(convert_to({s}.canonical(o -> 'record'), 'UTF8')), 'hex')); END IF;
    IF n IS NOT NULL THEN a := a || jsonb_build_object('record_sha256',
         encode(sha256(convert_to({s}.canonical(n -> 'record'), 'UTF8')), 'hex')); END IF;
  END IF;
  IF TG_OP = 'UPDATE' AND a = '{{}}'::jsonb THEN RETURN NULL; END IF;
  PERFORM {s}.write_event('db_' || lower(TG_OP), TG_TABLE_NAME, rid,
                          CASE WHEN o IS NULL THEN NULL ELSE b END, CASE WHEN n IS NULL THEN NULL ELSE a END);
  RETURN NULL;
END $$;
"""
