-- A supervisor's exception to the handover blockers (R2-2.4), where the policy allows one:
-- signed, with a reason, lifting only the blockers present when it was signed (by item).
CREATE TABLE handover_overrides (
  id INTEGER PRIMARY KEY,
  sheet_id INTEGER NOT NULL REFERENCES handover_sheets(id),
  approved_by_user_id INTEGER NOT NULL REFERENCES users(id),
  reason TEXT NOT NULL,
  signed_at TEXT NOT NULL,
  lifted TEXT NOT NULL                -- JSON [{rule, check, key, label}]
) STRICT;
CREATE INDEX handover_overrides_sheet ON handover_overrides(sheet_id);
CREATE INDEX handover_overrides_time ON handover_overrides(signed_at);

-- The incoming person confirms the waiting mail face to face (R6-6): which items, who
-- confirmed and who handed over.
CREATE TABLE handover_mail_confirmations (
  id INTEGER PRIMARY KEY,
  sheet_id INTEGER NOT NULL REFERENCES handover_sheets(id),
  mail_ids TEXT NOT NULL,             -- JSON array of mail_items ids
  confirmed_by_user_id INTEGER NOT NULL REFERENCES users(id),
  handed_by_user_id INTEGER NOT NULL REFERENCES users(id),
  confirmed_at TEXT NOT NULL
) STRICT;
CREATE INDEX handover_mail_confirmations_sheet ON handover_mail_confirmations(sheet_id);
