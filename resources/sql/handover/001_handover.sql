-- Shift handover (R2), front desk (R6) and duty log (R8).
-- Times are ISO-8601 UTC text from the clock (R2-1.1); money is integer fen.

CREATE TABLE handover_sheets (
  id INTEGER PRIMARY KEY,
  post TEXT NOT NULL,
  shift TEXT NOT NULL,
  shift_date TEXT NOT NULL,
  opened_at TEXT NOT NULL,
  outgoing_user_id INTEGER NOT NULL REFERENCES users(id),
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'completed')),
  incoming_user_id INTEGER REFERENCES users(id),       -- signed in to take over
  unfit_user_id INTEGER REFERENCES users(id),          -- R2-2.4 (4)
  unfit_condition TEXT NOT NULL DEFAULT '',
  override_by_user_id INTEGER REFERENCES users(id),
  override_reason TEXT NOT NULL DEFAULT '',
  override_at TEXT,
  completed_at TEXT,
  content TEXT NOT NULL DEFAULT ''                     -- canonical content, frozen on completion
) STRICT;
CREATE INDEX handover_sheets_post ON handover_sheets(post, status, id);
CREATE INDEX handover_sheets_date ON handover_sheets(shift_date);

CREATE TABLE handover_matters (
  id INTEGER PRIMARY KEY,
  sheet_id INTEGER NOT NULL REFERENCES handover_sheets(id),
  post TEXT NOT NULL,
  cause TEXT NOT NULL,
  course TEXT NOT NULL DEFAULT '',
  result TEXT NOT NULL DEFAULT '',
  severity TEXT NOT NULL DEFAULT 'normal' CHECK (severity IN ('normal', 'major', 'emergency')),
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'handled')),
  created_at TEXT NOT NULL,
  created_by_user_id INTEGER NOT NULL REFERENCES users(id),
  handled_at TEXT,
  handled_sheet_id INTEGER REFERENCES handover_sheets(id)
) STRICT;
CREATE INDEX handover_matters_sheet ON handover_matters(sheet_id);
CREATE INDEX handover_matters_open ON handover_matters(post, status, sheet_id);
CREATE INDEX handover_matters_handled ON handover_matters(handled_sheet_id);

CREATE TABLE handover_instructions (
  id INTEGER PRIMARY KEY,
  sheet_id INTEGER NOT NULL REFERENCES handover_sheets(id),
  post TEXT NOT NULL,
  issued_by TEXT NOT NULL,
  text TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  acknowledged_at TEXT,
  acknowledged_by_user_id INTEGER REFERENCES users(id),
  acknowledged_sheet_id INTEGER REFERENCES handover_sheets(id)
) STRICT;
CREATE INDEX handover_instructions_open ON handover_instructions(post, acknowledged_at, sheet_id);

CREATE TABLE handover_checklist (
  sheet_id INTEGER NOT NULL REFERENCES handover_sheets(id),
  item TEXT NOT NULL,
  title_en TEXT NOT NULL,
  title_zh TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'unconfirmed' CHECK (state IN ('unconfirmed', 'present', 'missing')),
  note TEXT NOT NULL DEFAULT '',
  confirmed_by_user_id INTEGER REFERENCES users(id),
  confirmed_at TEXT,
  PRIMARY KEY (sheet_id, item)
) STRICT;

CREATE TABLE handover_equipment_ops (
  id INTEGER PRIMARY KEY,
  sheet_id INTEGER NOT NULL REFERENCES handover_sheets(id),
  equipment TEXT NOT NULL,
  operation TEXT NOT NULL CHECK (operation IN ('start', 'stop')),
  state TEXT NOT NULL CHECK (state IN ('in_progress', 'completed')),
  started_at TEXT NOT NULL,
  finished_at TEXT,
  recorded_by_user_id INTEGER NOT NULL REFERENCES users(id)
) STRICT;
CREATE INDEX handover_equipment_sheet ON handover_equipment_ops(sheet_id, state);

CREATE TABLE handover_addenda (
  id INTEGER PRIMARY KEY,
  sheet_id INTEGER NOT NULL REFERENCES handover_sheets(id),
  text TEXT NOT NULL,
  added_at TEXT NOT NULL,
  added_by_user_id INTEGER NOT NULL REFERENCES users(id)
) STRICT;

-- A completed sheet is immutable (corrections are addenda).
CREATE TRIGGER handover_sheets_frozen BEFORE UPDATE ON handover_sheets
-- @sqlite
WHEN OLD.status = 'completed'
BEGIN SELECT RAISE(ABORT, 'a completed handover sheet is immutable'); END;
-- @postgresql
FOR EACH ROW WHEN (OLD.status = 'completed')
EXECUTE FUNCTION fd_refuse('a completed handover sheet is immutable');
CREATE TRIGGER handover_sheets_kept BEFORE DELETE ON handover_sheets
FOR EACH ROW WHEN (OLD.status = 'completed')
EXECUTE FUNCTION fd_refuse('a completed handover sheet is immutable');
-- @end

-- Mail register: letters, newspapers, periodicals for owners (R6-6).
CREATE TABLE mail_items (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('letter', 'newspaper', 'periodical', 'parcel')),
  addressee TEXT NOT NULL,
  unit TEXT NOT NULL DEFAULT '',
  resident_id INTEGER,
  sender TEXT NOT NULL DEFAULT '',
  received_at TEXT NOT NULL,
  received_by_user_id INTEGER NOT NULL REFERENCES users(id),
  status TEXT NOT NULL DEFAULT 'waiting' CHECK (status IN ('waiting', 'delivered')),
  delivered_at TEXT,
  delivered_by_user_id INTEGER REFERENCES users(id),
  delivered_to TEXT NOT NULL DEFAULT '',
  delivery_method TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX mail_items_status ON mail_items(status, received_at);

-- Item custody and forwarding, only with approval (R6-4).
CREATE TABLE custody_items (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('custody', 'forwarding')),
  item TEXT NOT NULL,
  depositor TEXT NOT NULL,
  recipient TEXT NOT NULL,
  unit TEXT NOT NULL DEFAULT '',
  resident_id INTEGER,
  requested_by_user_id INTEGER NOT NULL REFERENCES users(id),
  keeper_staff_id INTEGER NOT NULL DEFAULT 0,
  approved_by_user_id INTEGER REFERENCES users(id),
  received_at TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'held' CHECK (status IN ('held', 'released')),
  released_at TEXT,
  released_to TEXT NOT NULL DEFAULT '',
  released_by_user_id INTEGER REFERENCES users(id)
) STRICT;
CREATE INDEX custody_items_status ON custody_items(status);

-- Phone log (R8-2.6) and the front-desk phone bill (R6-2).
CREATE TABLE phone_calls (
  id INTEGER PRIMARY KEY,
  taken_at TEXT NOT NULL,
  taken_by_user_id INTEGER NOT NULL REFERENCES users(id),
  caller TEXT NOT NULL,
  caller_phone TEXT NOT NULL DEFAULT '',
  resident_id INTEGER,
  subject TEXT NOT NULL,
  follow_up TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX phone_calls_time ON phone_calls(taken_at);

CREATE TABLE phone_bills (
  month TEXT PRIMARY KEY,             -- yyyy-MM
  amount_fen INTEGER NOT NULL CHECK (amount_fen >= 0),
  quota_fen INTEGER NOT NULL CHECK (quota_fen >= 0),
  recorded_at TEXT NOT NULL,
  recorded_by_user_id INTEGER NOT NULL REFERENCES users(id)
) STRICT;

-- Duty log (R8).
CREATE TABLE duty_records (
  id INTEGER PRIMARY KEY,
  duty_date TEXT NOT NULL,
  user_id INTEGER NOT NULL REFERENCES users(id),
  staff_id INTEGER NOT NULL DEFAULT 0,
  started_at TEXT NOT NULL,
  ended_at TEXT,
  status TEXT NOT NULL DEFAULT 'on' CHECK (status IN ('on', 'ended')),
  happenings TEXT NOT NULL DEFAULT '',
  handling TEXT NOT NULL DEFAULT '',
  successor_user_id INTEGER REFERENCES users(id),
  override_by_user_id INTEGER REFERENCES users(id),
  override_reason TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX duty_records_status ON duty_records(status, id);
CREATE INDEX duty_records_date ON duty_records(duty_date);

CREATE TABLE duty_inspections (
  id INTEGER PRIMARY KEY,
  duty_id INTEGER NOT NULL REFERENCES duty_records(id),
  area TEXT NOT NULL,
  condition TEXT NOT NULL DEFAULT '',
  hygiene TEXT NOT NULL DEFAULT '',
  staff_quality TEXT NOT NULL DEFAULT '',
  discipline TEXT NOT NULL DEFAULT '',
  findings TEXT NOT NULL DEFAULT '',
  inspected_at TEXT NOT NULL
) STRICT;
CREATE INDEX duty_inspections_duty ON duty_inspections(duty_id);

CREATE TABLE duty_lighting_checks (
  id INTEGER PRIMARY KEY,
  duty_id INTEGER NOT NULL REFERENCES duty_records(id),
  slot TEXT NOT NULL,                 -- HH:mm, one of the set times (R8-1.5)
  lights_ok INTEGER NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  checked_at TEXT NOT NULL,
  UNIQUE (duty_id, slot)
) STRICT;

CREATE TABLE duty_incidents (
  id INTEGER PRIMARY KEY,
  duty_id INTEGER NOT NULL REFERENCES duty_records(id),
  title TEXT NOT NULL,
  description TEXT NOT NULL,
  handling TEXT NOT NULL DEFAULT '',
  severity TEXT NOT NULL CHECK (severity IN ('normal', 'major')),
  occurred_at TEXT NOT NULL,
  report_due_at TEXT,                 -- major: end of the next office day (R8-1.6)
  report TEXT NOT NULL DEFAULT '',
  reported_at TEXT,
  reported_by_user_id INTEGER REFERENCES users(id)
) STRICT;
CREATE INDEX duty_incidents_due ON duty_incidents(severity, reported_at);

CREATE TABLE duty_swaps (
  id INTEGER PRIMARY KEY,
  duty_date TEXT NOT NULL,
  from_user_id INTEGER NOT NULL REFERENCES users(id),
  to_user_id INTEGER NOT NULL REFERENCES users(id),
  reason TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  recorded_by_user_id INTEGER NOT NULL REFERENCES users(id)
) STRICT;
