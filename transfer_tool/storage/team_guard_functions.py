"""The SQL of a team database's workflow door and guard triggers (issue #19, migration 0020): submit,
return and approve through `tt_sec.transition` (role and four eyes), the assessment's guard, the admin
tables' guard, and the privacy notice's guards (issue #24). Installed by `team_security.install`; text
only, formatted there.
"""

from __future__ import annotations

# Columns of a stored privacy notice (issue #24) that publishing leaves as they were generated.
NOTICE_FIXED = (
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


def row_of(record: str, columns: tuple[str, ...] = NOTICE_FIXED) -> str:
    """A row value of the trigger record's columns, JSON compared as jsonb (json has no equality)."""
    json_columns = ("sources", "entries", "unverified")
    values = (f"{record}.{c}::jsonb" if c in json_columns else f"{record}.{c}" for c in columns)
    return "ROW(" + ", ".join(values) + ")"


# Placeholders: s (schema), owner_lit, notice_fixed_new, notice_fixed_old.
GUARD_FUNCTIONS = r"""
CREATE TABLE {s}.xact_permit (xact xid8 NOT NULL, assessment_id integer NOT NULL, from_status text NOT NULL,
                              to_status text NOT NULL);
CREATE INDEX ON {s}.xact_permit (xact, assessment_id);

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
