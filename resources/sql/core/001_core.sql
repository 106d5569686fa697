-- Core platform: audit chain, users and roles, e-signatures, approvals, settings.

CREATE TABLE audit_log (
  seq INTEGER PRIMARY KEY,
  at_utc TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  old_values TEXT NOT NULL,
  new_values TEXT NOT NULL,
  reason TEXT NOT NULL,
  policy_version TEXT NOT NULL,
  rules TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  row_hash TEXT NOT NULL
) STRICT;
CREATE INDEX audit_log_entity ON audit_log(entity, entity_id);
CREATE INDEX audit_log_time ON audit_log(at_utc);

-- @postgresql
-- SQLite's functions the portable SQL of every area may use, with SQLite's meaning:
-- group_concat(x [, separator]) joins non-null values (in the order rows arrive);
-- instr(text, part) is the 1-based position of part, 0 when absent.
CREATE FUNCTION fd_concat_step(acc text, value text, separator text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN value IS NULL THEN acc WHEN acc IS NULL THEN value
              ELSE acc || separator || value END
$$;
CREATE FUNCTION fd_concat_step(acc text, value text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$ SELECT fd_concat_step(acc, value, ',') $$;
CREATE AGGREGATE group_concat(text, text) (SFUNC = fd_concat_step, STYPE = text);
CREATE AGGREGATE group_concat(text) (SFUNC = fd_concat_step, STYPE = text);
CREATE FUNCTION instr(haystack text, needle text) RETURNS integer
LANGUAGE sql IMMUTABLE AS $$ SELECT strpos(haystack, needle) $$;
-- max(a, b) and min(a, b) of two values (the aggregates max(x) and min(x) are unchanged);
-- julianday(iso text) is the day number of an ISO date or UTC time.
CREATE FUNCTION max(a bigint, b bigint) RETURNS bigint
LANGUAGE sql IMMUTABLE AS $$ SELECT greatest(a, b) $$;
CREATE FUNCTION min(a bigint, b bigint) RETURNS bigint
LANGUAGE sql IMMUTABLE AS $$ SELECT least(a, b) $$;
CREATE FUNCTION julianday(t text) RETURNS double precision
LANGUAGE sql STABLE AS $$ SELECT extract(epoch FROM t::timestamptz) / 86400.0 + 2440587.5 $$;

CREATE FUNCTION fd_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '%', TG_ARGV[0] USING ERRCODE = 'integrity_constraint_violation';
END $$;

CREATE FUNCTION fd_audit_gapless() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.seq <> (SELECT coalesce(max(seq), 0) + 1 FROM audit_log) THEN
    RAISE EXCEPTION 'audit sequence must be gapless' USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END $$;
-- @end

-- Append-only: no update, no delete, and the sequence has no gaps.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
-- @sqlite
BEGIN SELECT RAISE(ABORT, 'audit rows are append-only'); END;
-- @postgresql
FOR EACH ROW EXECUTE FUNCTION fd_refuse('audit rows are append-only');
-- @end
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
-- @sqlite
BEGIN SELECT RAISE(ABORT, 'audit rows are append-only'); END;
-- @postgresql
FOR EACH ROW EXECUTE FUNCTION fd_refuse('audit rows are append-only');
-- TRUNCATE bypasses row triggers: refused as a statement.
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
FOR EACH STATEMENT EXECUTE FUNCTION fd_refuse('audit rows are append-only');
-- @end
CREATE TRIGGER audit_log_gapless BEFORE INSERT ON audit_log
-- @sqlite
WHEN NEW.seq <> (SELECT coalesce(max(seq), 0) + 1 FROM audit_log)
BEGIN SELECT RAISE(ABORT, 'audit sequence must be gapless'); END;
-- @postgresql
FOR EACH ROW EXECUTE FUNCTION fd_audit_gapless();
-- @end

CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  login TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  staff_id INTEGER,
  password_hash TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1,
  locked_until TEXT,
  attempts_reset_at TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE user_roles (
  user_id INTEGER NOT NULL REFERENCES users(id),
  role TEXT NOT NULL,
  PRIMARY KEY (user_id, role)
) STRICT;

CREATE TABLE login_attempts (
  id INTEGER PRIMARY KEY,
  login TEXT NOT NULL,
  at_utc TEXT NOT NULL,
  ok INTEGER NOT NULL
) STRICT;
CREATE INDEX login_attempts_login ON login_attempts(login, at_utc);

CREATE TABLE signatures (
  id INTEGER PRIMARY KEY,
  audit_seq INTEGER NOT NULL,
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  meaning TEXT NOT NULL,
  signer_user_id INTEGER NOT NULL REFERENCES users(id),
  signer_name TEXT NOT NULL,
  signed_at TEXT NOT NULL,
  content_hash TEXT NOT NULL
) STRICT;
CREATE INDEX signatures_entity ON signatures(entity, entity_id);
CREATE TRIGGER signatures_no_update BEFORE UPDATE ON signatures
-- @sqlite
BEGIN SELECT RAISE(ABORT, 'signatures are never changed'); END;
-- @postgresql
FOR EACH ROW EXECUTE FUNCTION fd_refuse('signatures are never changed');
-- @end
CREATE TRIGGER signatures_no_delete BEFORE DELETE ON signatures
-- @sqlite
BEGIN SELECT RAISE(ABORT, 'signatures are never deleted'); END;
-- @postgresql
FOR EACH ROW EXECUTE FUNCTION fd_refuse('signatures are never deleted');
CREATE TRIGGER signatures_no_truncate BEFORE TRUNCATE ON signatures
FOR EACH STATEMENT EXECUTE FUNCTION fd_refuse('signatures are never deleted');
-- @end

CREATE TABLE approvals (
  id INTEGER PRIMARY KEY,
  action TEXT NOT NULL,
  params TEXT NOT NULL,
  reason TEXT NOT NULL,
  requester_user_id INTEGER NOT NULL REFERENCES users(id),
  approver_role TEXT NOT NULL,
  rule_id TEXT NOT NULL,
  clause TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected')),
  requested_at TEXT NOT NULL,
  decided_by_user_id INTEGER REFERENCES users(id),
  decided_at TEXT,
  decision_note TEXT NOT NULL DEFAULT '',
  result_entity_id TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX approvals_pending ON approvals(status, approver_role);

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;
