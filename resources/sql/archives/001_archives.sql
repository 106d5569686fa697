-- Archives (R1, R5, R3-4.4) and documents (R4): categories, cabinets, volumes, items,
-- filing handovers, loans, incidents, inventories, transfers, disposals, documents and
-- the search index.

-- The filing scope as a tree (R1-1.1.2(1), R1-2.1, R5). `kind` decides loan rules:
-- official = 文书档案 (read on site only, R1-1.2.2), personnel = personal files (R4-1.5).
-- `custodian` follows R1-2.2: the department concerned or the GM's secretary.
CREATE TABLE archive_categories (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  parent_id INTEGER REFERENCES archive_categories(id),
  name_zh TEXT NOT NULL,
  name_en TEXT NOT NULL,
  kind TEXT NOT NULL DEFAULT 'general' CHECK (kind IN ('general', 'official', 'personnel')),
  custodian TEXT NOT NULL CHECK (custodian IN ('department', 'secretary')),
  sort_order INTEGER NOT NULL DEFAULT 0
) STRICT;

-- Dedicated cabinets (R1-1.1.2(2)⑧); confidential volumes need a locked one (R1-1.4.5).
CREATE TABLE archive_cabinets (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  locked INTEGER NOT NULL DEFAULT 0 CHECK (locked IN (0, 1))
) STRICT;

CREATE TABLE archive_volumes (
  id INTEGER PRIMARY KEY,
  number TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  category_id INTEGER NOT NULL REFERENCES archive_categories(id),
  department TEXT NOT NULL DEFAULT '',
  organisation TEXT NOT NULL DEFAULT '',
  custodian TEXT NOT NULL DEFAULT '',
  retention_years INTEGER NOT NULL CHECK (retention_years >= 0), -- 0: permanent
  eligible_on TEXT,                                              -- NULL: permanent
  confidentiality TEXT NOT NULL CHECK (confidentiality IN ('ordinary', 'secret', 'confidential')),
  cabinet TEXT NOT NULL REFERENCES archive_cabinets(code),
  shelf TEXT NOT NULL DEFAULT '',
  position TEXT NOT NULL DEFAULT '',
  date_from TEXT NOT NULL,
  date_to TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  sealed_at TEXT,
  sealed_by TEXT,
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'destroyed')),
  destroyed_at TEXT,
  disposal_id INTEGER
) STRICT;
CREATE INDEX archive_volumes_category ON archive_volumes(category_id, date_from);
CREATE INDEX archive_volumes_cabinet ON archive_volumes(cabinet, shelf, position);
CREATE INDEX archive_volumes_seal ON archive_volumes(status, sealed_at, created_at);
CREATE INDEX archive_volumes_eligible ON archive_volumes(status, eligible_on);

-- Filing is a handover (R1-1.1.2(2)⑥): who handed over, who received; both sign.
CREATE TABLE archive_filings (
  id INTEGER PRIMARY KEY,
  volume_id INTEGER NOT NULL REFERENCES archive_volumes(id),
  item_id INTEGER NOT NULL,
  handed_over_by TEXT NOT NULL,
  received_by TEXT NOT NULL,
  filed_at TEXT NOT NULL
) STRICT;

CREATE TABLE archive_items (
  id INTEGER PRIMARY KEY,
  volume_id INTEGER NOT NULL REFERENCES archive_volumes(id),
  seq_no INTEGER NOT NULL,
  title TEXT NOT NULL,
  item_date TEXT NOT NULL,
  original INTEGER NOT NULL CHECK (original IN (0, 1)),
  copy_reason TEXT NOT NULL DEFAULT '',
  pages INTEGER NOT NULL CHECK (pages > 0),
  responsible TEXT NOT NULL,
  document_id INTEGER,
  filed_at TEXT NOT NULL,
  UNIQUE (volume_id, seq_no),
  CHECK (original = 1 OR copy_reason <> '')
) STRICT;

-- Loans (R1-1.2, R4-1.3). status: approved (waiting for checkout) -> out -> returned.
CREATE TABLE archive_loans (
  id INTEGER PRIMARY KEY,
  borrower_kind TEXT NOT NULL CHECK (borrower_kind IN ('staff', 'parent_company', 'outside')),
  borrower_staff_id INTEGER,
  borrower_name TEXT NOT NULL,
  organisation TEXT NOT NULL DEFAULT '',
  introduction_letter TEXT NOT NULL DEFAULT '',
  id_document TEXT NOT NULL DEFAULT '',
  purpose TEXT NOT NULL,
  mode TEXT NOT NULL CHECK (mode IN ('on_site', 'lend')),
  due_date TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('approved', 'out', 'returned')),
  requested_by TEXT NOT NULL,
  requested_at TEXT NOT NULL,
  approved_by TEXT NOT NULL DEFAULT '',
  confidential INTEGER NOT NULL DEFAULT 0,
  checked_out_at TEXT,
  checkout_count INTEGER,
  checked_out_by TEXT,
  returned_at TEXT,
  return_count INTEGER,
  return_condition TEXT,
  returned_to TEXT
) STRICT;
CREATE INDEX archive_loans_due ON archive_loans(status, due_date);
CREATE INDEX archive_loans_staff ON archive_loans(borrower_staff_id, status);

CREATE TABLE archive_loan_lines (
  loan_id INTEGER NOT NULL REFERENCES archive_loans(id),
  volume_id INTEGER NOT NULL REFERENCES archive_volumes(id),
  item_count INTEGER NOT NULL,
  PRIMARY KEY (loan_id, volume_id)
) STRICT;
CREATE INDEX archive_loan_lines_volume ON archive_loan_lines(volume_id);

-- Loss, damage or leak (R1-1.2.6): needs a written report.
CREATE TABLE archive_incidents (
  id INTEGER PRIMARY KEY,
  loan_id INTEGER REFERENCES archive_loans(id),
  kind TEXT NOT NULL CHECK (kind IN ('missing', 'damage', 'leak')),
  description TEXT NOT NULL,
  opened_at TEXT NOT NULL,
  opened_by TEXT NOT NULL,
  report TEXT NOT NULL DEFAULT '',
  reported_at TEXT,
  reported_by TEXT,
  status TEXT NOT NULL CHECK (status IN ('open', 'reported'))
) STRICT;

CREATE TABLE archive_transfers (
  id INTEGER PRIMARY KEY,
  volume_id INTEGER NOT NULL REFERENCES archive_volumes(id),
  from_location TEXT NOT NULL,
  to_location TEXT NOT NULL,
  from_custodian TEXT NOT NULL,
  to_custodian TEXT NOT NULL,
  at TEXT NOT NULL,
  by_login TEXT NOT NULL
) STRICT;

-- Inventories: monthly (R1-1.1.3), annual (R1-1.3.6), inspections (R3-4.4.2).
CREATE TABLE archive_inventories (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('monthly', 'annual', 'inspection')),
  period TEXT NOT NULL,
  cabinet TEXT NOT NULL DEFAULT '',
  started_at TEXT NOT NULL,
  started_by TEXT NOT NULL,
  closed_at TEXT,
  closed_by TEXT,
  seven_preventions TEXT NOT NULL DEFAULT '',
  notes TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL CHECK (status IN ('open', 'closed'))
) STRICT;

CREATE TABLE archive_inventory_lines (
  inventory_id INTEGER NOT NULL REFERENCES archive_inventories(id),
  volume_id INTEGER NOT NULL REFERENCES archive_volumes(id),
  expected_cabinet TEXT NOT NULL,
  found_cabinet TEXT NOT NULL DEFAULT '',
  state TEXT NOT NULL CHECK (state IN ('pending', 'present', 'missing', 'misplaced')),
  damaged INTEGER NOT NULL DEFAULT 0,
  note TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (inventory_id, volume_id)
) STRICT;

-- Destruction (R1-1.5, R4-1.7): a disposal list approved by the GM, destroyed with a
-- second approver's signature; the volumes stay in the catalogue as tombstones.
CREATE TABLE archive_disposals (
  id INTEGER PRIMARY KEY,
  method TEXT NOT NULL CHECK (method IN ('shred', 'tear')),
  proposed_by TEXT NOT NULL,
  proposed_at TEXT NOT NULL,
  approved_by TEXT NOT NULL,
  second_approver TEXT NOT NULL DEFAULT '',
  destroyed_by TEXT NOT NULL DEFAULT '',
  destroyed_at TEXT,
  status TEXT NOT NULL CHECK (status IN ('approved', 'destroyed'))
) STRICT;

CREATE TABLE archive_disposal_lines (
  disposal_id INTEGER NOT NULL REFERENCES archive_disposals(id),
  volume_id INTEGER NOT NULL REFERENCES archive_volumes(id),
  PRIMARY KEY (disposal_id, volume_id)
) STRICT;

-- Documents (R4): incoming, outgoing, internal. An issued document never changes
-- (R4-1.9); a revision is a new row pointing at the previous version.
CREATE TABLE documents (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('incoming', 'outgoing', 'internal')),
  number TEXT NOT NULL DEFAULT '',
  title TEXT NOT NULL,
  body TEXT NOT NULL DEFAULT '',
  doc_type TEXT NOT NULL DEFAULT '',
  sender TEXT NOT NULL DEFAULT '',
  recipient TEXT NOT NULL DEFAULT '',
  department TEXT NOT NULL DEFAULT '',
  doc_date TEXT NOT NULL,
  confidentiality TEXT NOT NULL DEFAULT 'ordinary'
    CHECK (confidentiality IN ('ordinary', 'secret', 'confidential')),
  status TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  previous_id INTEGER REFERENCES documents(id),
  instructions TEXT NOT NULL DEFAULT '',
  circulated_to TEXT NOT NULL DEFAULT '',
  assigned_department TEXT NOT NULL DEFAULT '',
  result TEXT NOT NULL DEFAULT '',
  approved_by TEXT NOT NULL DEFAULT '',
  issued_at TEXT,
  filed_item_id INTEGER,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX documents_status ON documents(kind, status);
CREATE INDEX documents_number ON documents(number);

-- An issued document's fields are frozen in the database too (R4-1.9).
CREATE TRIGGER documents_issued_immutable BEFORE UPDATE OF title, body, number, doc_type, sender,
  recipient, doc_date, confidentiality ON documents
-- @sqlite
WHEN OLD.issued_at IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'an issued document is immutable'); END;
-- @postgresql
FOR EACH ROW WHEN (OLD.issued_at IS NOT NULL)
EXECUTE FUNCTION fd_refuse('an issued document is immutable');
-- @end

CREATE TABLE document_sequences (
  kind TEXT NOT NULL,
  year INTEGER NOT NULL,
  last_no INTEGER NOT NULL,
  PRIMARY KEY (kind, year)
) STRICT;

-- Borrowing documents (R4-1.3): date, purpose, handler, return date.
CREATE TABLE document_loans (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id),
  borrower TEXT NOT NULL,
  purpose TEXT NOT NULL,
  handler TEXT NOT NULL,
  lent_at TEXT NOT NULL,
  due_date TEXT NOT NULL,
  returned_at TEXT
) STRICT;

-- One search index over volumes, items and documents. `archive_search_text` holds
-- character unigrams and bigrams as opaque tokens, so any substring of any length is
-- one token (1-2 characters) or a phrase of consecutive bigrams (3 or more).
CREATE TABLE archive_search (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('volume', 'item', 'document')),
  ref_id INTEGER NOT NULL,
  volume_id INTEGER,
  number TEXT NOT NULL,
  title TEXT NOT NULL,
  date_from TEXT NOT NULL,
  date_to TEXT NOT NULL,
  category_id INTEGER,
  cabinet TEXT NOT NULL DEFAULT '',
  restricted INTEGER NOT NULL DEFAULT 0,
  UNIQUE (kind, ref_id)
) STRICT;
CREATE INDEX archive_search_number ON archive_search(number);
CREATE INDEX archive_search_volume ON archive_search(volume_id);
CREATE INDEX archive_search_date ON archive_search(date_from);

-- @sqlite
-- Contentless: a row is removed with the 'delete' command and its original tokens, which
-- the module recomputes from the title.
CREATE VIRTUAL TABLE archive_search_text USING fts5(unigrams, bigrams, content = '',
  tokenize = 'ascii');
-- @postgresql
-- The same tokens as SQLite's full-text table: character unigrams and bigrams, matched
-- through a GIN index on their 'simple' text-search vector (pg_trgm cannot match one or two
-- Chinese characters; these tokens can). rowid is the archive_search row.
CREATE TABLE archive_search_text (
  rowid BIGINT PRIMARY KEY REFERENCES archive_search(id) ON DELETE CASCADE,
  unigrams TEXT NOT NULL,
  bigrams TEXT NOT NULL,
  tokens tsvector GENERATED ALWAYS AS
    (to_tsvector('simple', unigrams || ' ' || bigrams)) STORED
);
CREATE INDEX archive_search_text_tokens ON archive_search_text USING gin (tokens);
-- @end

-- The filing scope (R1-1.1.2(1), R1-2.1, R5-a) with custodians by R1-2.2.
INSERT INTO archive_categories(id, code, parent_id, name_zh, name_en, kind, custodian, sort_order) VALUES
  (1, 'S1', NULL, '政府政策性、指示性文件', 'Government policy and directive documents', 'official', 'secretary', 1),
  (2, 'S2', NULL, '政府、集团给公司的批复、指示、通知', 'Replies, instructions and notices from government or the group', 'official', 'secretary', 2),
  (3, 'S3', NULL, '公司文件', 'Company documents', 'official', 'secretary', 3),
  (4, 'S4', NULL, '物业管理、维修保养计划及记录', 'Property management, repair and maintenance plans and records', 'general', 'department', 4),
  (5, 'S5', NULL, '保安、消防、安全记录', 'Security, fire and safety records', 'general', 'department', 5),
  (6, 'S6', NULL, '领导讲话、年度总结', 'Leaders'' speeches and annual summaries', 'general', 'department', 6),
  (7, 'S7', NULL, '经济合同、外包合同', 'Economic and outsourcing contracts', 'general', 'secretary', 7),
  (8, 'S8', NULL, '声像、图片资料', 'Audio, video and pictures', 'general', 'department', 8),
  (9, 'S9', NULL, '其他需要归档的文件', 'Other documents required to be filed', 'general', 'department', 9),
  (10, 'S10', NULL, '营业执照及相关文件', 'Business licence and related papers', 'official', 'secretary', 10),
  (11, 'P1', 4, '业主/住户档案', 'Owner and occupant files', 'general', 'department', 11),
  (12, 'P1a', 11, '入住资料', 'Move-in forms', 'general', 'department', 12),
  (13, 'P1b', 11, '遗留问题记录', 'Outstanding defect records', 'general', 'department', 13),
  (14, 'P1c', 11, '投诉记录', 'Complaint records', 'general', 'department', 14),
  (15, 'P2', 4, '清洁', 'Cleaning', 'general', 'department', 15),
  (16, 'P3', 4, '绿化', 'Greening', 'general', 'department', 16),
  (17, 'P4', 4, '值班记录', 'Duty records', 'general', 'department', 17),
  (18, 'P5', 4, '大厦巡查记录', 'Building inspection records', 'general', 'department', 18),
  (19, 'P6', 4, '公共区域维修记录', 'Public-area repair records', 'general', 'department', 19),
  (20, 'Q1', 9, '质量体系文件', 'Quality-system documents', 'general', 'department', 20),
  (21, 'Q2', 9, '质量记录', 'Quality records', 'general', 'department', 21),
  (22, 'H1', 3, '员工人事档案', 'Staff personal files', 'personnel', 'secretary', 22);
