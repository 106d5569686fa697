-- A sheet's item checklist keeps the policy's order in a column of its own (the order the
-- rows were written in, which PostgreSQL does not keep).
ALTER TABLE handover_checklist ADD COLUMN position INTEGER NOT NULL DEFAULT 0;
-- @sqlite
UPDATE handover_checklist SET position = rowid;
-- @end
