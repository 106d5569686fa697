-- Other desks see changes. Each audit row, that is each committed change, is announced on
-- the server's channel frontdesk_changes as "seq action entity entity_id"; PostgreSQL
-- delivers it when the transaction commits, and never for one rolled back. A desk on a
-- SQLite file watches the file's data version instead (ChangeFeed).
-- @postgresql
CREATE FUNCTION fd_announce_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('frontdesk_changes',
                    NEW.seq || ' ' || NEW.action || ' ' || NEW.entity || ' ' || NEW.entity_id);
  RETURN NULL;
END $$;
CREATE TRIGGER audit_log_announced AFTER INSERT ON audit_log
FOR EACH ROW EXECUTE FUNCTION fd_announce_change();
-- @end
