"""What a team database on PostgreSQL enforces itself (issue #19): roles, privileges, row-level security,
the workflow's SECURITY DEFINER functions and the audit triggers. Installed by migration 0020.

- Every table is owned by a NOLOGIN owner role. People are login roles in one group role each (legal,
  manager, admin); the groups get SELECT where they may read and DML only where their role may write.
  Nothing is granted to PUBLIC.
- The audit tables are append-only for everyone but the owner: people write events only through
  `tt_sec.record_event` (which checks the actor is the caller and links the chain itself, so a save
  needs one call; `tt_sec.append_event` takes a client-linked event), and every change to
  an audited table that the tool did not record in the same transaction gets an event from a deferred
  trigger (`tt_sec.audit_row`), hashed exactly as `audit.event_hash` does, so `audit verify` checks it.
- An assessment's life-cycle columns change only under a permit that `tt_sec.transition` grants after
  checking the caller's role and four eyes; the trigger `tt_sec.guard_assessment` refuses anything else,
  keeps `author_ids` growing (whoever edits a version becomes its author) and row-level security lets
  legal users update drafts and returned versions only.
- A stored privacy notice (issue #24) is inserted unpublished in the caller's name; only an active admin
  publishes it, and a published one never changes (`tt_sec.guard_notice`); only an active admin changes how
  the notice names an entity (`tt_sec.guard_notice_name`).
- Members of the owner role (the DBA who migrates, superusers) are trusted: they can drop any trigger.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

from transfer_tool.storage.team_roles import SCHEMA, RoleNames, quote_ident, quote_literal

# Tables each group may change (SELECT on every table is granted to every group).
# The tool's services write exactly these (tests/unit/test_team_roles_matrix.py runs them as the roles).
_WRITE: dict[str, dict[str, str]] = {
    "legal": {
        "entity": "INSERT, UPDATE, DELETE",
        "transfer": "INSERT, UPDATE, DELETE",
        "assessment": "INSERT, UPDATE",
        "review_comment": "UPDATE",
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
        "review_comment": "INSERT, UPDATE",
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
        "review_comment": "INSERT, UPDATE",
        "evidence_file": "INSERT, DELETE",
        "blob": "INSERT",
        "signed_report": "INSERT",
        "reassessment_flag": "INSERT, UPDATE",
        "notice_generation": "INSERT, UPDATE",
        "user_account": "INSERT, UPDATE, DELETE",
        "catalog_entry": "INSERT, UPDATE",
        "org_setting": "INSERT, UPDATE",
        "regime": "INSERT, UPDATE",
        "destination": "INSERT, UPDATE",
        "destination_version": "INSERT",
        "trusted_certificate": "INSERT, UPDATE",
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

# Columns of a stored privacy notice (issue #24) that publishing leaves as they were generated.
_NOTICE_FIXED = (
    "regime",
    "lang",
    "group_by",
    "register_version",
    "dataset_version",
    "sources",
    "entries",
    "unverified",
    "created_by",
    "created_at",
    "row_count",
)

# Columns the database's own events leave out: bookkeeping, and content kept elsewhere by digest.
_SKIPPED_COLUMNS = ("row_version", "updated_at", "password_hash", "record", "text", "entries")

_FUNCTIONS = r"""
CREATE TABLE {s}.xact_audited (xact xid8 NOT NULL, table_name text NOT NULL, record_id text NOT NULL);
CREATE INDEX ON {s}.xact_audited (xact, table_name, record_id);
CREATE TABLE {s}.xact_permit (xact xid8 NOT NULL, assessment_id integer NOT NULL, from_status text NOT NULL,
                              to_status text NOT NULL);
CREATE INDEX ON {s}.xact_permit (xact, assessment_id);

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

CREATE FUNCTION {s}.single_user_mode() RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp AS $$
  SELECT coalesce((SELECT value::jsonb = 'true'::jsonb FROM public.org_setting WHERE key = 'single_user_mode'),
                  false) $$;

-- The one door for submit, return and approve: checks the caller's role and four eyes (whoever created,
-- edited or submitted the version cannot return or approve it) and grants this transaction a permit.
CREATE FUNCTION {s}.transition(p_assessment integer, p_to text) RETURNS void LANGUAGE plpgsql
SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE m record; a record; trusted boolean := {s}.privileged();
BEGIN
  SELECT * INTO m FROM {s}.me();
  IF NOT trusted AND (m.id IS NULL OR NOT m.active) THEN
    RAISE EXCEPTION 'your database sign-in has no active account in the tool' USING ERRCODE = '42501';
  END IF;
  SELECT x.status, x.author_ids::jsonb AS authors, x.assessor_id INTO a
    FROM public.assessment x WHERE x.id = p_assessment FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'assessment % does not exist', p_assessment USING ERRCODE = 'P0002';
  END IF;
  IF p_to = 'submitted' THEN
    IF a.status NOT IN ('draft', 'returned') THEN
      RAISE EXCEPTION 'only a draft or returned version can be submitted' USING ERRCODE = '42501';
    END IF;
  ELSIF p_to IN ('approved', 'returned') THEN
    IF a.status <> 'submitted' THEN
      RAISE EXCEPTION 'only a submitted version can be approved or returned' USING ERRCODE = '42501';
    END IF;
    IF NOT trusted THEN
      IF m.role NOT IN ('manager', 'admin') THEN
        RAISE EXCEPTION 'your role (%) may not approve or return assessments', m.role USING ERRCODE = '42501';
      END IF;
      IF NOT {s}.single_user_mode() AND (a.authors @> to_jsonb(m.id) OR a.assessor_id = m.id) THEN
        RAISE EXCEPTION 'you created, edited or submitted this version, so another manager must review it (four-eyes rule)'
          USING ERRCODE = '42501';
      END IF;
    END IF;
  ELSE
    RAISE EXCEPTION 'no transition to %', p_to USING ERRCODE = '22023';
  END IF;
  INSERT INTO {s}.xact_permit VALUES (pg_current_xact_id(), p_assessment, a.status, p_to);
END $$;

CREATE FUNCTION {s}.permitted(p_assessment integer, p_from text, p_to text) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT EXISTS (SELECT 1 FROM {s}.xact_permit p WHERE p.xact = pg_current_xact_id()
                 AND p.assessment_id = p_assessment AND p.from_status = p_from AND p.to_status = p_to) $$;

-- A return opens the next version (status returned) for the assessor: allowed only in the transaction
-- that returned the version before it, with that version's authors (the reviewer does not become one).
CREATE FUNCTION {s}.revises_returned(p_transfer integer, p_version integer, p_authors json) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT EXISTS (SELECT 1 FROM public.assessment a JOIN {s}.xact_permit p
                   ON p.assessment_id = a.id AND p.xact = pg_current_xact_id()
                  AND p.from_status = 'submitted' AND p.to_status = 'returned'
                 WHERE a.transfer_id = p_transfer AND a.version_no = p_version - 1 AND a.frozen
                   AND coalesce(a.author_ids::jsonb, '[]') = coalesce(p_authors::jsonb, '[]')) $$;

-- Accounts, roles, the trust list, country data, catalogues and settings: only an active admin, checked
-- against the account's role (a DBA's stray group grant does not make someone an admin).
CREATE FUNCTION {s}.guard_admin_tables() RETURNS trigger LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp AS $$
DECLARE m record;
BEGIN
  IF current_user = {owner_lit} OR {s}.privileged() THEN RETURN coalesce(NEW, OLD); END IF;
  SELECT * INTO m FROM {s}.me();
  IF TG_TABLE_NAME = 'user_account' AND TG_OP = 'UPDATE' THEN
    IF m.id = OLD.id AND m.active AND NEW.role IS NOT DISTINCT FROM OLD.role
       AND NEW.active IS NOT DISTINCT FROM OLD.active AND NEW.username IS NOT DISTINCT FROM OLD.username
       AND NEW.password_hash IS NOT DISTINCT FROM OLD.password_hash THEN
      RETURN NEW;  -- one's own preferences (the column grants limit what else could differ)
    END IF;
  END IF;
  IF m.id IS NULL OR NOT m.active OR m.role <> 'admin' THEN
    RAISE EXCEPTION 'only an administrator may change % (your role: %)', TG_TABLE_NAME, coalesce(m.role, 'none')
      USING ERRCODE = '42501';
  END IF;
  RETURN coalesce(NEW, OLD);
END $$;

CREATE FUNCTION {s}.with_author(p_authors json, p_id integer) RETURNS json LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN coalesce(p_authors::jsonb, '[]') @> to_jsonb(p_id) THEN coalesce(p_authors, '[]'::json)
              ELSE (coalesce(p_authors::jsonb, '[]') || to_jsonb(p_id))::json END $$;

-- Privacy-notice generations (issue #24): anyone stores one, unpublished and in their own name; only an
-- active admin publishes one, in their own name, changing nothing but the text and who published it when
-- (the published text drops the draft's marks); a published notice is never changed, since later diffs
-- compare with it. The group grants alone would let a legal user insert a row already "published".
CREATE FUNCTION {s}.guard_notice() RETURNS trigger LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp AS $$
DECLARE m record;
BEGIN
  IF current_user = {owner_lit} OR {s}.privileged() THEN RETURN NEW; END IF;
  SELECT * INTO m FROM {s}.me();
  IF m.id IS NULL OR NOT m.active THEN
    RAISE EXCEPTION 'your database sign-in has no active account in the tool' USING ERRCODE = '42501';
  END IF;
  IF TG_OP = 'INSERT' THEN
    IF NEW.published OR NEW.published_at IS NOT NULL OR NEW.published_by <> ''
       OR NEW.created_by IS DISTINCT FROM m.username THEN
      RAISE EXCEPTION 'a notice is stored unpublished and in your own name; an administrator publishes it'
        USING ERRCODE = '42501';
    END IF;
    RETURN NEW;
  END IF;
  IF m.role <> 'admin' THEN
    RAISE EXCEPTION 'only an administrator may publish a notice (your role: %)', m.role USING ERRCODE = '42501';
  END IF;
  IF OLD.published THEN
    RAISE EXCEPTION 'a published notice is not changed; generate and publish a new one' USING ERRCODE = '42501';
  END IF;
  IF NOT NEW.published OR NEW.published_at IS NULL OR NEW.published_by IS DISTINCT FROM m.username
     OR ({notice_fixed_new}) IS DISTINCT FROM ({notice_fixed_old}) THEN
    RAISE EXCEPTION 'publishing a notice changes only its text and who published it when'
      USING ERRCODE = '42501';
  END IF;
  RETURN NEW;
END $$;

-- Whether the published notice may name an entity is an admin's decision (entities are everyone's to edit):
-- a new entity is shown by its category, and only an active admin changes that.
CREATE FUNCTION {s}.guard_notice_name() RETURNS trigger LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp AS $$
DECLARE m record; before text;
BEGIN
  IF current_user = {owner_lit} OR {s}.privileged() THEN RETURN NEW; END IF;
  IF TG_OP = 'INSERT' THEN before := 'category'; ELSE before := OLD.notice_name; END IF;
  IF NEW.notice_name IS NOT DISTINCT FROM before THEN RETURN NEW; END IF;
  SELECT * INTO m FROM {s}.me();
  IF m.id IS NULL OR NOT m.active OR m.role <> 'admin' THEN
    RAISE EXCEPTION 'only an administrator decides how the privacy notice names an entity (your role: %)',
      coalesce(m.role, 'none') USING ERRCODE = '42501';
  END IF;
  RETURN NEW;
END $$;

-- Runs as the caller (not SECURITY DEFINER), so current_user tells a direct change from the owner's.
CREATE FUNCTION {s}.guard_assessment() RETURNS trigger LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp AS $$
DECLARE m record; lifecycle boolean; content boolean;
BEGIN
  IF current_user = {owner_lit} OR {s}.privileged() THEN RETURN NEW; END IF;
  SELECT * INTO m FROM {s}.me();
  IF m.id IS NULL OR NOT m.active THEN
    RAISE EXCEPTION 'your database sign-in has no active account in the tool' USING ERRCODE = '42501';
  END IF;
  IF (NEW.record::jsonb #>> '{{record,status}}') IS DISTINCT FROM NEW.status::text THEN
    RAISE EXCEPTION 'the record''s status must be the row''s status' USING ERRCODE = '42501';
  END IF;
  IF TG_OP = 'INSERT' THEN
    IF NEW.status = 'returned' AND NOT NEW.frozen AND NEW.approver_id IS NULL AND NEW.approved_at IS NULL
       AND NOT NEW.single_user_approval
       AND {s}.revises_returned(NEW.transfer_id, NEW.version_no, NEW.author_ids) THEN
      RETURN NEW;  -- the open revision of a version returned in this transaction keeps its authors
    END IF;
    IF NEW.status <> 'draft' OR NEW.frozen OR NEW.approver_id IS NOT NULL OR NEW.approved_at IS NOT NULL
       OR NEW.single_user_approval THEN
      RAISE EXCEPTION 'a new version starts as a draft' USING ERRCODE = '42501';
    END IF;
    NEW.author_ids := {s}.with_author(NEW.author_ids, m.id);
    RETURN NEW;
  END IF;
  IF OLD.frozen OR OLD.status = 'approved' THEN
    RAISE EXCEPTION 'an approved version is frozen; start a new version' USING ERRCODE = '42501';
  END IF;
  lifecycle := NEW.status IS DISTINCT FROM OLD.status OR NEW.frozen IS DISTINCT FROM OLD.frozen
    OR NEW.approver_id IS DISTINCT FROM OLD.approver_id OR NEW.approved_at IS DISTINCT FROM OLD.approved_at
    OR NEW.single_user_approval IS DISTINCT FROM OLD.single_user_approval
    OR NEW.transfer_id IS DISTINCT FROM OLD.transfer_id OR NEW.version_no IS DISTINCT FROM OLD.version_no;
  IF lifecycle AND NOT {s}.permitted(OLD.id, OLD.status::text, NEW.status::text) THEN
    RAISE EXCEPTION 'an assessment''s status changes only through submit, return or approve in the tool'
      USING ERRCODE = '42501';
  END IF;
  content := NEW.record::jsonb IS DISTINCT FROM OLD.record::jsonb
    OR NEW.country_data_version IS DISTINCT FROM OLD.country_data_version
    OR NEW.assessor_id IS DISTINCT FROM OLD.assessor_id;
  IF OLD.status = 'submitted' AND content AND NEW.status = 'submitted' THEN
    RAISE EXCEPTION 'a submitted version cannot be edited' USING ERRCODE = '42501';
  END IF;
  IF NEW.assessor_id IS DISTINCT FROM OLD.assessor_id AND NOT (OLD.assessor_id IS NULL AND NEW.assessor_id = m.id) THEN
    RAISE EXCEPTION 'the assessor of a version cannot be changed' USING ERRCODE = '42501';
  END IF;
  IF NOT (coalesce(NEW.author_ids::jsonb, '[]') @> coalesce(OLD.author_ids::jsonb, '[]')) THEN
    RAISE EXCEPTION 'the authors of a version cannot be removed' USING ERRCODE = '42501';
  END IF;
  IF OLD.status IN ('draft', 'returned') AND (content OR NEW.status = 'submitted') THEN
    NEW.author_ids := {s}.with_author(NEW.author_ids, m.id);
  END IF;
  RETURN NEW;
END $$;
"""


def _sql_list(values: tuple[str, ...]) -> str:
    return "ARRAY[" + ", ".join(quote_literal(v) for v in values) + "]::text[]"


def _row_of(record: str, columns: tuple[str, ...]) -> str:
    """A row value of the trigger record's columns, JSON compared as jsonb (json has no equality)."""
    json_columns = ("sources", "entries", "unverified")
    values = (f"{record}.{c}::jsonb" if c in json_columns else f"{record}.{c}" for c in columns)
    return "ROW(" + ", ".join(values) + ")"


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
        _FUNCTIONS.format(
            s=s,
            owner_lit=quote_literal(names.owner),
            login_lit=quote_literal(names.login_prefix),
            legal_lit=quote_literal(names.legal),
            manager_lit=quote_literal(names.manager),
            admin_lit=quote_literal(names.admin),
            skipped=_sql_list(_SKIPPED_COLUMNS),
            notice_fixed_new=_row_of("NEW", _NOTICE_FIXED),
            notice_fixed_old=_row_of("OLD", _NOTICE_FIXED),
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
        # Everyone sees every account; people other than admins change their own preferences only.
        "ALTER TABLE public.user_account ENABLE ROW LEVEL SECURITY",
        f"CREATE POLICY read_all ON public.user_account FOR SELECT TO {legal}, {manager}, {admin} USING (true)",
        f"CREATE POLICY own_preferences ON public.user_account FOR UPDATE TO {legal}, {manager} "
        f"USING (id = (SELECT id FROM {me})) WITH CHECK (id = (SELECT id FROM {me}))",
        f"CREATE POLICY admins_manage ON public.user_account FOR ALL TO {admin} USING (true) WITH CHECK (true)",
    ]
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
    return needed
