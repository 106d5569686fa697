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

-- Append-only: no update, no delete, and the sequence has no gaps.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit rows are append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit rows are append-only'); END;
CREATE TRIGGER audit_log_gapless BEFORE INSERT ON audit_log
WHEN NEW.seq <> (SELECT coalesce(max(seq), 0) + 1 FROM audit_log)
BEGIN SELECT RAISE(ABORT, 'audit sequence must be gapless'); END;

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
BEGIN SELECT RAISE(ABORT, 'signatures are never changed'); END;
CREATE TRIGGER signatures_no_delete BEFORE DELETE ON signatures
BEGIN SELECT RAISE(ABORT, 'signatures are never deleted'); END;

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
