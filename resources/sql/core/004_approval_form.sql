-- An approval request carries the form it approves as its requester filled it in: each
-- field's label and its value in words (linked records named), in both languages. The
-- approver reads and signs this, not the stored parameters.
ALTER TABLE approvals ADD COLUMN form TEXT NOT NULL DEFAULT '';
-- A list finds the request that made its record (a custody item's, a loan's request number).
CREATE INDEX approvals_result ON approvals(action, result_entity_id);
