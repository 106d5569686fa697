-- Verified backups: one row per copy that passed the integrity check and the audit chain
-- walk, so every desk sees when the database was last safely copied.

CREATE TABLE backup_runs (
  id INTEGER PRIMARY KEY,
  at_utc TEXT NOT NULL,
  path TEXT NOT NULL,
  audit_rows INTEGER NOT NULL CHECK (audit_rows >= 0),
  audit_head TEXT NOT NULL,
  size_bytes INTEGER NOT NULL CHECK (size_bytes >= 0)
) STRICT;
CREATE INDEX backup_runs_time ON backup_runs(at_utc);

-- A record of a copy is never rewritten.
CREATE TRIGGER backup_runs_no_update BEFORE UPDATE ON backup_runs
-- @sqlite
BEGIN SELECT RAISE(ABORT, 'backup records are never changed'); END;
-- @postgresql
FOR EACH ROW EXECUTE FUNCTION fd_refuse('backup records are never changed');
-- @end
CREATE TRIGGER backup_runs_no_delete BEFORE DELETE ON backup_runs
-- @sqlite
BEGIN SELECT RAISE(ABORT, 'backup records are never deleted'); END;
-- @postgresql
FOR EACH ROW EXECUTE FUNCTION fd_refuse('backup records are never deleted');
CREATE TRIGGER backup_runs_no_truncate BEFORE TRUNCATE ON backup_runs
FOR EACH STATEMENT EXECUTE FUNCTION fd_refuse('backup records are never deleted');
-- @end
