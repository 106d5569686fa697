-- The PostgreSQL form of 004_checklist_order.sql (a server database starts with it).
ALTER TABLE handover_checklist ADD COLUMN position BIGINT NOT NULL DEFAULT 0;
