-- Keys (R3-4.5): the owner-key slots of every room and their custody, the physical keys and
-- rings the office holds (tag, hook, copies, status), their history, loans (R3-4.5.5),
-- deposits and take-backs (领回), lost-key incidents. The area builds on the residents
-- registry (rooms, residents, staff).

-- Five owner-key slots per room (R3-4.5.3), each with its custody state.
CREATE TABLE key_slots (
  id INTEGER PRIMARY KEY,
  room_id INTEGER NOT NULL REFERENCES rooms(id),
  kind TEXT NOT NULL CHECK (kind IN ('security_door', 'interior_door', 'intercom_door',
                                     'water_meter_box', 'mailbox')),
  custody TEXT NOT NULL DEFAULT 'not_held'
    CHECK (custody IN ('not_held', 'owner_deposit', 'developer_handover', 'vacant')),
  key_id INTEGER,               -- the ring holding this slot's key while held
  changed_at TEXT NOT NULL,
  UNIQUE (room_id, kind)
) STRICT;
CREATE INDEX key_slots_custody ON key_slots(custody, room_id);

-- Deposits (业主托管, 开发商移交, 空置房): who brought the keys, the authorised persons who
-- may take them back; the form printed in two copies.
CREATE TABLE key_deposits (
  id INTEGER PRIMARY KEY,
  room_id INTEGER NOT NULL REFERENCES rooms(id),
  custody TEXT NOT NULL CHECK (custody IN ('owner_deposit', 'developer_handover', 'vacant')),
  depositor_resident_id INTEGER REFERENCES residents(id),
  depositor_name TEXT NOT NULL,
  depositor_id_tail TEXT NOT NULL DEFAULT '',
  depositor_phone TEXT NOT NULL DEFAULT '',
  authorised_name TEXT NOT NULL DEFAULT '',   -- a person the owner authorises to take them back
  authorised_id_tail TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  deposited_at TEXT NOT NULL,
  received_by TEXT NOT NULL
) STRICT;

-- A physical key or ring the office holds (R3-4.5.2, R3-4.5.4).
CREATE TABLE key_items (
  id INTEGER PRIMARY KEY,
  tag TEXT NOT NULL UNIQUE,
  category TEXT NOT NULL CHECK (category IN ('owner', 'public', 'equipment', 'water_meter')),
  room_id INTEGER REFERENCES rooms(id),           -- owner keys
  deposit_id INTEGER REFERENCES key_deposits(id), -- owner keys held on deposit
  building TEXT NOT NULL DEFAULT '',              -- public doors and windows: building, floor
  floor TEXT NOT NULL DEFAULT '',
  equipment TEXT NOT NULL DEFAULT '',             -- equipment rooms: the equipment
  label TEXT NOT NULL DEFAULT '',
  hook TEXT NOT NULL,                             -- cabinet and hook position
  copies INTEGER NOT NULL DEFAULT 1 CHECK (copies >= 1),
  emergency INTEGER NOT NULL DEFAULT 0 CHECK (emergency IN (0, 1)), -- in the category's emergency set
  status TEXT NOT NULL DEFAULT 'in' CHECK (status IN ('in', 'out', 'lost', 'retired')),
  registered_at TEXT NOT NULL,
  registered_by TEXT NOT NULL,
  retired_at TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX key_items_status ON key_items(status, category);
CREATE INDEX key_items_room ON key_items(room_id);

-- Every event of a key, kept for good.
CREATE TABLE key_history (
  id INTEGER PRIMARY KEY,
  key_id INTEGER NOT NULL REFERENCES key_items(id),
  at TEXT NOT NULL,
  event TEXT NOT NULL,
  detail TEXT NOT NULL DEFAULT '',
  by_login TEXT NOT NULL
) STRICT;
CREATE INDEX key_history_key ON key_history(key_id, id);

-- Loans (R3-4.5.5): registered, with a purpose; emergency loans of the emergency set wait
-- for the supervisor's countersignature.
CREATE TABLE key_loans (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('regular', 'emergency')),
  borrower_kind TEXT NOT NULL CHECK (borrower_kind IN ('staff', 'owner', 'outside')),
  borrower_staff_id INTEGER REFERENCES staff(id),
  borrower_resident_id INTEGER REFERENCES residents(id),
  borrower_name TEXT NOT NULL,
  organisation TEXT NOT NULL DEFAULT '',
  id_document TEXT NOT NULL DEFAULT '',
  purpose TEXT NOT NULL,
  purpose_note TEXT NOT NULL DEFAULT '',
  emergency_reason TEXT NOT NULL DEFAULT '',
  owner_authorisation TEXT NOT NULL DEFAULT '',
  owner_contacted_at TEXT NOT NULL DEFAULT '',
  owner_contacted_by TEXT NOT NULL DEFAULT '',
  escort_staff_id INTEGER REFERENCES staff(id),
  out_at TEXT NOT NULL,
  expected_return TEXT NOT NULL,
  lent_by TEXT NOT NULL,
  approval_id INTEGER,
  approved_by TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'out' CHECK (status IN ('out', 'returned')),
  returned_at TEXT NOT NULL DEFAULT '',
  returned_to TEXT NOT NULL DEFAULT '',
  return_count INTEGER NOT NULL DEFAULT 0,
  return_condition TEXT NOT NULL DEFAULT '',
  return_note TEXT NOT NULL DEFAULT '',
  countersign_due TEXT NOT NULL DEFAULT '',
  countersigned_by TEXT NOT NULL DEFAULT '',
  countersigned_at TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX key_loans_status ON key_loans(status, expected_return);
CREATE INDEX key_loans_staff ON key_loans(borrower_staff_id, status);

CREATE TABLE key_loan_lines (
  loan_id INTEGER NOT NULL REFERENCES key_loans(id),
  key_id INTEGER NOT NULL REFERENCES key_items(id),
  copies INTEGER NOT NULL CHECK (copies >= 1),
  PRIMARY KEY (loan_id, key_id)
) STRICT;
CREATE INDEX key_loan_lines_key ON key_loan_lines(key_id);

-- 领回: the owner or the person the owner authorised takes deposited keys back (not a loan).
CREATE TABLE key_takebacks (
  id INTEGER PRIMARY KEY,
  key_id INTEGER NOT NULL REFERENCES key_items(id),
  taker_kind TEXT NOT NULL CHECK (taker_kind IN ('owner', 'authorised')),
  taker_resident_id INTEGER REFERENCES residents(id),
  taker_name TEXT NOT NULL,
  taker_id_tail TEXT NOT NULL,
  taken_at TEXT NOT NULL,
  handed_by TEXT NOT NULL
) STRICT;

-- A lost key: reported, approved by the supervisor, the lock replacement noted.
CREATE TABLE key_incidents (
  id INTEGER PRIMARY KEY,
  key_id INTEGER NOT NULL REFERENCES key_items(id),
  loan_id INTEGER REFERENCES key_loans(id),
  circumstances TEXT NOT NULL,
  lock_replacement TEXT NOT NULL,
  owner_consent TEXT NOT NULL DEFAULT '',
  reported_by TEXT NOT NULL,
  approved_by TEXT NOT NULL,
  recorded_at TEXT NOT NULL
) STRICT;

CREATE TRIGGER key_history_no_update BEFORE UPDATE ON key_history
-- @sqlite
BEGIN SELECT RAISE(ABORT, 'key history is kept for good'); END;
-- @postgresql
FOR EACH ROW EXECUTE FUNCTION fd_refuse('key history is kept for good');
-- @end
CREATE TRIGGER key_history_no_delete BEFORE DELETE ON key_history
-- @sqlite
BEGIN SELECT RAISE(ABORT, 'key history is kept for good'); END;
-- @postgresql
FOR EACH ROW EXECUTE FUNCTION fd_refuse('key history is kept for good');
CREATE TRIGGER key_history_no_truncate BEFORE TRUNCATE ON key_history
FOR EACH STATEMENT EXECUTE FUNCTION fd_refuse('key history is kept for good');
-- @end
