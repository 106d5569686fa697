-- Residents and staff registry: estate (buildings, units, rooms), residents, outside
-- organisations, departments and staff.

CREATE TABLE buildings (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE units (
  id INTEGER PRIMARY KEY,
  building_id INTEGER NOT NULL REFERENCES buildings(id),
  number TEXT NOT NULL,
  UNIQUE (building_id, number)
) STRICT;

CREATE TABLE rooms (
  id INTEGER PRIMARY KEY,
  unit_id INTEGER NOT NULL REFERENCES units(id),
  number TEXT NOT NULL,
  code TEXT NOT NULL UNIQUE, -- building-unit-room, e.g. 3-2-1502
  created_at TEXT NOT NULL,
  UNIQUE (unit_id, number)
) STRICT;

-- Phones are stored whole (R6-3: shown masked everywhere); the tails and the lower-cased
-- search text are kept beside them so search as you type needs no join and no FTS
-- (trigram FTS cannot match the one- and two-character Chinese terms clerks type).
CREATE TABLE residents (
  id INTEGER PRIMARY KEY,
  room_id INTEGER NOT NULL REFERENCES rooms(id),
  room_code TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('owner', 'tenant', 'family')),
  name TEXT NOT NULL CHECK (length(name) > 0),
  id_tail TEXT NOT NULL DEFAULT '' CHECK (length(id_tail) IN (0, 4)), -- never a whole ID number
  phone TEXT NOT NULL DEFAULT '',
  phone2 TEXT NOT NULL DEFAULT '',
  phone_tail TEXT NOT NULL DEFAULT '',
  phone2_tail TEXT NOT NULL DEFAULT '',
  move_in TEXT NOT NULL DEFAULT '',
  move_out TEXT NOT NULL DEFAULT '', -- '' while living there
  notes TEXT NOT NULL DEFAULT '',
  search_text TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX residents_room ON residents(room_id);
CREATE INDEX residents_room_code ON residents(room_code);
CREATE INDEX residents_phone_tail ON residents(phone_tail) WHERE phone_tail <> '';
CREATE INDEX residents_phone2_tail ON residents(phone2_tail) WHERE phone2_tail <> '';

CREATE TABLE organisations (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('outside_unit', 'contractor', 'parent_company', 'government', 'other')),
  contact TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  notes TEXT NOT NULL DEFAULT '',
  active INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE departments (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  organisation_id INTEGER REFERENCES organisations(id),
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE staff (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL CHECK (length(name) > 0),
  department_id INTEGER NOT NULL REFERENCES departments(id),
  post TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'left')),
  left_on TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX staff_department ON staff(department_id);
