-- The policy in force lives in the database: every version ever used, newest in force.
-- A version is stored when a database is created (the program's built-in policy), when the
-- program brings a newer built-in policy to a database that follows the built-in one, and
-- by the audited administrator action policy.apply. Audit rows name these versions.
CREATE TABLE policy_versions (
  id INTEGER PRIMARY KEY,
  version TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  source TEXT NOT NULL,
  origin TEXT NOT NULL CHECK (origin IN ('built-in', 'applied')),
  applied_at TEXT NOT NULL,
  applied_by TEXT NOT NULL
) STRICT;
CREATE INDEX policy_versions_version ON policy_versions(version);

CREATE TRIGGER policy_versions_no_update BEFORE UPDATE ON policy_versions
-- @sqlite
BEGIN SELECT RAISE(ABORT, 'policy versions are never changed'); END;
-- @postgresql
FOR EACH ROW EXECUTE FUNCTION fd_refuse('policy versions are never changed');
-- @end
CREATE TRIGGER policy_versions_no_delete BEFORE DELETE ON policy_versions
-- @sqlite
BEGIN SELECT RAISE(ABORT, 'policy versions are never deleted'); END;
-- @postgresql
FOR EACH ROW EXECUTE FUNCTION fd_refuse('policy versions are never deleted');
CREATE TRIGGER policy_versions_no_truncate BEFORE TRUNCATE ON policy_versions
FOR EACH STATEMENT EXECUTE FUNCTION fd_refuse('policy versions are never deleted');
-- @end
