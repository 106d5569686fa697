-- Duty (R2-2.1, R7-1.1.5, R8): the post a duty is kept at, so that the successor is the
-- next person on duty at the same post (R8-2.4); who approved a swap (R8-1.8); and the
-- unforeseen absences reported to the supervisor (R7-1.1.5).

-- Until now every duty was the department office's (R8-1.2).
ALTER TABLE duty_records ADD COLUMN post TEXT NOT NULL DEFAULT 'cs_office';
CREATE INDEX duty_records_post ON duty_records(post, id);

-- A swap takes effect once approved: the approval request and its approver.
ALTER TABLE duty_swaps ADD COLUMN approval_id INTEGER REFERENCES approvals(id);
ALTER TABLE duty_swaps ADD COLUMN approved_by_user_id INTEGER REFERENCES users(id);
CREATE INDEX duty_swaps_date ON duty_swaps(duty_date);

CREATE TABLE duty_absences (
  id INTEGER PRIMARY KEY,
  duty_date TEXT NOT NULL,
  user_id INTEGER NOT NULL REFERENCES users(id),
  reason TEXT NOT NULL,
  reported_at TEXT NOT NULL,
  reported_by_user_id INTEGER NOT NULL REFERENCES users(id)
) STRICT;
CREATE INDEX duty_absences_date ON duty_absences(duty_date);
