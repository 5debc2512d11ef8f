"""The SQL of a team database's guards on the records around an assessment version (migration 0023): its
evidence, its signed report, its deletion with the transfer, the transfer's approved status and its
re-assessment flags, the reviewer's comments and stored file content. Installed by
`team_security.install` after the workflow's guards (it uses `tt_sec.me`, `privileged` and
`xact_permit`); `downgrade_to_0022` removes it.

The services already keep these rules; the database must too, since each person can reach the tables from
psql with their own sign-in (found by attacking a team database, session 10).
"""

from __future__ import annotations

from sqlalchemy import Connection

from transfer_tool.storage.team_roles import SCHEMA, RoleNames, quote_ident, quote_literal

# Placeholders: s (schema), owner_lit.
RECORD_GUARDS = r"""
-- Whether this transaction holds an approval permit for a version of the transfer (xact_permit is the
-- owner's, so people ask through this).
CREATE FUNCTION {s}.approves_transfer(p_transfer integer) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT EXISTS (SELECT 1 FROM {s}.xact_permit p JOIN public.assessment a ON a.id = p.assessment_id
                 WHERE p.xact = pg_current_xact_id() AND p.from_status = 'submitted'
                   AND p.to_status = 'approved' AND a.transfer_id = p_transfer) $$;

-- Evidence is part of the version: it changes only while the version is an open draft or returned
-- version, and whoever changes it becomes one of its authors (four eyes counts evidence as an edit).
CREATE FUNCTION {s}.guard_evidence() RETURNS trigger LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp AS $$
DECLARE m record; a record; target integer;
BEGIN
  -- The owner: the DBA, or a cascade from a deleted draft (the assessment's own guard decided that).
  IF current_user = {owner_lit} OR {s}.privileged() THEN RETURN coalesce(NEW, OLD); END IF;
  SELECT * INTO m FROM {s}.me();
  IF m.id IS NULL OR NOT m.active THEN
    RAISE EXCEPTION 'your database sign-in has no active account in the tool' USING ERRCODE = '42501';
  END IF;
  FOREACH target IN ARRAY ARRAY[CASE WHEN TG_OP <> 'INSERT' THEN OLD.assessment_id END,
                                CASE WHEN TG_OP <> 'DELETE' THEN NEW.assessment_id END] LOOP
    CONTINUE WHEN target IS NULL;
    SELECT x.status, x.frozen, x.transfer_id, x.version_no, x.author_ids INTO a
      FROM public.assessment x WHERE x.id = target;
    IF FOUND AND (a.frozen OR a.status NOT IN ('draft', 'returned')) THEN
      RAISE EXCEPTION 'the evidence of a submitted or approved version cannot change; start a new version'
        USING ERRCODE = '42501';
    END IF;
    -- The reviewer's return opens the next version with the returned one's evidence: a copy, not an edit.
    CONTINUE WHEN TG_OP = 'INSERT' AND FOUND AND a.status = 'returned'
      AND {s}.revises_returned(a.transfer_id, a.version_no, a.author_ids)
      AND EXISTS (SELECT 1 FROM public.evidence_file e JOIN public.assessment p ON p.id = e.assessment_id
                   WHERE p.transfer_id = a.transfer_id AND p.version_no = a.version_no - 1
                     AND e.sha256 = NEW.sha256 AND e.label = NEW.label AND e.filename = NEW.filename);
    UPDATE public.assessment x SET author_ids = {s}.with_author(x.author_ids, m.id)
     WHERE x.id = target AND NOT coalesce(x.author_ids::jsonb, '[]') @> to_jsonb(m.id);
  END LOOP;
  RETURN coalesce(NEW, OLD);
END $$;

-- A submitted or approved version is a record: it is not deleted, alone or with its transfer. Checked
-- against the session (a cascade from a transfer runs as the owner).
CREATE FUNCTION {s}.guard_assessment_delete() RETURNS trigger LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF {s}.privileged() THEN RETURN OLD; END IF;
  IF OLD.status IN ('submitted', 'approved') THEN
    RAISE EXCEPTION 'a transfer with a submitted or approved assessment cannot be deleted; suspend it instead'
      USING ERRCODE = '42501';
  END IF;
  RETURN OLD;
END $$;

-- The signed report is stored by the approval it signs, in the transaction that holds its permit (who
-- may approve is tt_sec.transition's check), for the version it approves; it is never changed.
CREATE FUNCTION {s}.guard_signed_report() RETURNS trigger LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF current_user = {owner_lit} OR {s}.privileged() THEN RETURN coalesce(NEW, OLD); END IF;
  IF TG_OP = 'INSERT' AND {s}.permitted(NEW.assessment_id, 'submitted', 'approved')
     AND NEW.version_no = (SELECT x.version_no FROM public.assessment x WHERE x.id = NEW.assessment_id) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'a signed report is stored only by the approval it signs' USING ERRCODE = '42501';
END $$;

-- The register's approved (or, for "do not transfer", suspended) status comes from an approval, and so
-- do its next review date and the end of a re-assessment (the flag set when country data changed).
CREATE FUNCTION {s}.guard_transfer_status() RETURNS trigger LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp AS $$
DECLARE m record;
BEGIN
  IF current_user = {owner_lit} OR {s}.privileged() THEN RETURN NEW; END IF;
  -- Who recorded a transfer stays; its creator owns it until a manager or an admin hands it over.
  SELECT * INTO m FROM {s}.me();
  IF TG_OP = 'INSERT' AND (NEW.created_by IS DISTINCT FROM m.id OR NEW.owner_id IS DISTINCT FROM m.id)
     OR TG_OP = 'UPDATE' AND (NEW.created_by IS DISTINCT FROM OLD.created_by
                              OR NEW.owner_id IS DISTINCT FROM OLD.owner_id AND m.role NOT IN ('manager', 'admin')) THEN
    RAISE EXCEPTION 'a transfer is recorded in your own name and only a manager or an administrator hands it over'
      USING ERRCODE = '42501';
  END IF;
  IF (NEW.status IN ('approved', 'suspended') AND (TG_OP = 'INSERT' OR NEW.status IS DISTINCT FROM OLD.status)
      OR TG_OP = 'INSERT' AND NEW.next_review IS NOT NULL)
     AND NOT (TG_OP = 'UPDATE' AND {s}.approves_transfer(NEW.id)) THEN
    RAISE EXCEPTION 'a transfer is marked approved or suspended only by the approval of its assessment'
      USING ERRCODE = '42501';
  END IF;
  IF TG_OP = 'UPDATE' AND (OLD.reassessment_needed AND NOT NEW.reassessment_needed
                           OR NEW.next_review IS DISTINCT FROM OLD.next_review)
     AND NOT {s}.approves_transfer(NEW.id) THEN
    RAISE EXCEPTION 'a re-assessment is marked done, and the next review set, only by the approval of an assessment'
      USING ERRCODE = '42501';
  END IF;
  RETURN NEW;
END $$;

-- A re-assessment flag is cleared by the approval that answers it, and stays the transfer's (other changes
-- are audited by tt_audit).
CREATE FUNCTION {s}.guard_flag() RETURNS trigger LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF current_user = {owner_lit} OR {s}.privileged() THEN RETURN NEW; END IF;
  IF NEW.transfer_id IS DISTINCT FROM OLD.transfer_id
     OR (NEW.cleared_at IS DISTINCT FROM OLD.cleared_at AND NOT {s}.approves_transfer(OLD.transfer_id)) THEN
    RAISE EXCEPTION 'a re-assessment flag is cleared only by the approval of the new assessment'
      USING ERRCODE = '42501';
  END IF;
  RETURN NEW;
END $$;

-- The reviewer's step (tt_sec.transition's permit: submitted to approved or returned) changes the version's
-- status and review history and, on approval, its approval fields in the approver's own name; never the
-- answers the reviewer read (those change in a draft, by an author).
CREATE FUNCTION {s}.guard_review() RETURNS trigger LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp AS $$
DECLARE m record; o jsonb; n jsonb; step jsonb; own text[];
BEGIN
  IF current_user = {owner_lit} OR {s}.privileged() THEN RETURN NEW; END IF;
  IF OLD.status <> 'submitted' OR NEW.status NOT IN ('approved', 'returned') THEN RETURN NEW; END IF;
  SELECT * INTO m FROM {s}.me();
  o := OLD.record::jsonb; n := NEW.record::jsonb;
  own := CASE NEW.status WHEN 'approved'
         THEN ARRAY['status', 'history', 'approved_by', 'approved_at', 'reevaluation_date', 'appi_check_due']
         ELSE ARRAY['status', 'history'] END;
  step := n #> '{{record,history}}' -> -1;
  IF (o #> '{{record}}') - own IS DISTINCT FROM (n #> '{{record}}') - own OR o - 'record' IS DISTINCT FROM n - 'record'
     OR jsonb_typeof(n #> '{{record,history}}') IS DISTINCT FROM 'array'
     OR (n #> '{{record,history}}') - (-1) IS DISTINCT FROM coalesce(o #> '{{record,history}}', '[]')
     OR jsonb_array_length(n #> '{{record,history}}') <> jsonb_array_length(coalesce(o #> '{{record,history}}', '[]')) + 1
     OR step ->> 'action' IS DISTINCT FROM NEW.status::text OR step ->> 'by' IS DISTINCT FROM m.id::text
     OR NEW.assessor_id IS DISTINCT FROM OLD.assessor_id
     OR NEW.country_data_version IS DISTINCT FROM OLD.country_data_version THEN
    RAISE EXCEPTION 'a review changes only the version''s status and review history (and an approval its own fields), in your own name'
      USING ERRCODE = '42501';
  END IF;
  IF NEW.status = 'approved' AND (NEW.approver_id IS DISTINCT FROM m.id
     OR n #>> '{{record,approved_by}}' IS DISTINCT FROM m.id::text
     OR NEW.single_user_approval IS DISTINCT FROM
        (coalesce(OLD.author_ids::jsonb, '[]') @> to_jsonb(m.id) OR OLD.assessor_id IS NOT DISTINCT FROM m.id)) THEN
    RAISE EXCEPTION 'an approval is recorded in your own name (and marked when you are one of the version''s authors)'
      USING ERRCODE = '42501';
  END IF;
  IF NEW.status = 'returned' AND (NEW.approver_id IS NOT NULL OR NEW.approved_at IS NOT NULL) THEN
    RAISE EXCEPTION 'a returned version has no approver' USING ERRCODE = '42501';
  END IF;
  RETURN NEW;
END $$;

-- The version a return opens (tt_sec.revises_returned lets the reviewer insert it) holds the returned
-- version's answers, assessor and dataset: else the reviewer would write answers they are no author of.
CREATE FUNCTION {s}.guard_revision() RETURNS trigger LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp AS $$
DECLARE p record;
BEGIN
  IF current_user = {owner_lit} OR {s}.privileged() OR NEW.status <> 'returned' THEN RETURN NEW; END IF;
  SELECT x.record, x.assessor_id, x.country_data_version INTO p FROM public.assessment x
   WHERE x.transfer_id = NEW.transfer_id AND x.version_no = NEW.version_no - 1;
  IF NOT FOUND OR (p.record::jsonb #- '{{record,version}}') IS DISTINCT FROM (NEW.record::jsonb #- '{{record,version}}')
     OR NEW.record::jsonb #>> '{{record,version}}' IS DISTINCT FROM NEW.version_no::text
     OR NEW.assessor_id IS DISTINCT FROM p.assessor_id
     OR NEW.country_data_version IS DISTINCT FROM p.country_data_version THEN
    RAISE EXCEPTION 'the version a return opens holds the returned version''s answers' USING ERRCODE = '42501';
  END IF;
  RETURN NEW;
END $$;

-- An approval stores its signed report in the same transaction (checked at commit: the tool stores the
-- report before it marks the version approved).
CREATE FUNCTION {s}.guard_approval_signed() RETURNS trigger LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF {s}.privileged() OR NEW.status <> 'approved' OR OLD.status = 'approved' THEN RETURN NULL; END IF;
  IF NOT EXISTS (SELECT 1 FROM public.signed_report r WHERE r.assessment_id = NEW.id
                 AND r.version_no = NEW.version_no) THEN
    RAISE EXCEPTION 'an approval stores its signed report' USING ERRCODE = '42501';
  END IF;
  RETURN NULL;
END $$;

-- A reviewer's comment is written in the reviewer's own name, on the submitted version they return (the
-- grants let nobody change its words).
CREATE FUNCTION {s}.guard_review_comment() RETURNS trigger LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF current_user = {owner_lit} OR {s}.privileged() THEN RETURN NEW; END IF;
  IF NEW.author_id IS DISTINCT FROM (SELECT id FROM {s}.me()) THEN
    RAISE EXCEPTION 'a review comment is written in your own name' USING ERRCODE = '42501';
  END IF;
  IF (SELECT x.status::text FROM public.assessment x WHERE x.id = NEW.assessment_id) IS DISTINCT FROM 'submitted' THEN
    RAISE EXCEPTION 'a review comment is made on a submitted version, when returning it' USING ERRCODE = '42501';
  END IF;
  RETURN NEW;
END $$;

-- Content is addressed by its SHA-256: a row under another digest would stand in for a file not yet
-- stored (the tool keeps the first copy of each digest).
CREATE FUNCTION {s}.guard_blob() RETURNS trigger LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF {s}.privileged() THEN RETURN NEW; END IF;
  IF NEW.sha256 IS DISTINCT FROM encode(sha256(NEW.content), 'hex') OR NEW.size IS DISTINCT FROM length(NEW.content) THEN
    RAISE EXCEPTION 'stored content must match its digest and size' USING ERRCODE = '42501';
  END IF;
  RETURN NEW;
END $$;
"""

# (trigger, table, timing and events, function)
TRIGGERS = (
    ("tt_evidence", "evidence_file", "BEFORE INSERT OR UPDATE OR DELETE", "guard_evidence"),
    ("tt_keep_record", "assessment", "BEFORE DELETE", "guard_assessment_delete"),
    ("tt_review", "assessment", "BEFORE UPDATE", "guard_review"),
    ("tt_revision", "assessment", "BEFORE INSERT", "guard_revision"),
    ("tt_signed_report", "signed_report", "BEFORE INSERT OR UPDATE OR DELETE", "guard_signed_report"),
    ("tt_transfer_status", "transfer", "BEFORE INSERT OR UPDATE", "guard_transfer_status"),
    ("tt_flag", "reassessment_flag", "BEFORE UPDATE", "guard_flag"),
    ("tt_review_comment", "review_comment", "BEFORE INSERT", "guard_review_comment"),
    ("tt_blob", "blob", "BEFORE INSERT OR UPDATE", "guard_blob"),
)

# What 0022 granted on review_comment (the whole row); 0023 grants only the resolution's columns.
_COMMENT_UPDATE_0022 = ("legal", "manager", "admin")


def _run(conn: Connection, sql: str) -> None:
    conn.connection.driver_connection.execute(sql)  # type: ignore[union-attr]


def install(conn: Connection, names: RoleNames, tables: list[str]) -> None:
    """Create the guard functions and their triggers. Runs as the owner role, after the workflow's
    functions exist (`team_security.install`)."""
    _run(conn, RECORD_GUARDS.format(s=SCHEMA, owner_lit=quote_literal(names.owner)))
    _run(conn, f"REVOKE ALL ON FUNCTION {SCHEMA}.approves_transfer(integer) FROM PUBLIC")
    everyone = ", ".join(quote_ident(g) for g in names.groups)
    _run(conn, f"GRANT EXECUTE ON FUNCTION {SCHEMA}.approves_transfer(integer) TO {everyone}")
    for trigger, table, when, function in TRIGGERS:
        if table in tables:
            _run(conn, f"DROP TRIGGER IF EXISTS {trigger} ON public.{table}")
            _run(
                conn,
                f"CREATE TRIGGER {trigger} {when} ON public.{table} "
                f"FOR EACH ROW EXECUTE FUNCTION {SCHEMA}.{function}()",
            )
    if "assessment" in tables:  # at commit, after the version and its report are both written
        _run(conn, "DROP TRIGGER IF EXISTS tt_approval_signed ON public.assessment")
        _run(
            conn,
            "CREATE CONSTRAINT TRIGGER tt_approval_signed AFTER UPDATE ON public.assessment "
            f"DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION {SCHEMA}.guard_approval_signed()",
        )


def downgrade_to_0022(conn: Connection, names: RoleNames) -> None:
    """Undo migration 0023: drop the triggers and their functions, give back the whole-row UPDATE on
    review comments."""
    owner = quote_ident(names.owner)
    _run(
        conn,
        f"DO $$ BEGIN IF NOT pg_has_role(current_user, {quote_literal(names.owner)}, 'MEMBER') "
        f"THEN GRANT {owner} TO CURRENT_USER; END IF; END $$",
    )
    _run(conn, f"SET LOCAL ROLE {owner}")
    _run(conn, "DROP TRIGGER IF EXISTS tt_approval_signed ON public.assessment")
    _run(conn, f"DROP FUNCTION IF EXISTS {SCHEMA}.guard_approval_signed()")
    for trigger, table, _when, function in TRIGGERS:
        _run(conn, f"DROP TRIGGER IF EXISTS {trigger} ON public.{table}")
        _run(conn, f"DROP FUNCTION IF EXISTS {SCHEMA}.{function}()")
    _run(conn, f"DROP FUNCTION IF EXISTS {SCHEMA}.approves_transfer(integer)")
    groups = dict(zip(("legal", "manager", "admin"), names.groups, strict=True))
    for group in _COMMENT_UPDATE_0022:
        _run(conn, f"GRANT UPDATE ON public.review_comment TO {quote_ident(groups[group])}")
    _run(conn, "RESET ROLE")
