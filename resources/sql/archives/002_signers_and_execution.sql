-- Who signed on paper for a borrower without an account of their own (R1-1.2.5): the
-- name and ID document recorded on the checkout and return forms. Staff sign with their
-- own password and leave these empty.
ALTER TABLE archive_loans ADD COLUMN checkout_signer_name TEXT NOT NULL DEFAULT '';
ALTER TABLE archive_loans ADD COLUMN checkout_signer_id_document TEXT NOT NULL DEFAULT '';
ALTER TABLE archive_loans ADD COLUMN return_signer_name TEXT NOT NULL DEFAULT '';
ALTER TABLE archive_loans ADD COLUMN return_signer_id_document TEXT NOT NULL DEFAULT '';

-- When an incoming document was handled: filing is due some days later (R1-1.1.2(2)⑦).
ALTER TABLE documents ADD COLUMN handled_at TEXT;
UPDATE documents SET handled_at = updated_at WHERE status = 'handled';

-- An issued document is carried out (R4-1.8): pending from issue until recorded.
ALTER TABLE documents ADD COLUMN execution_status TEXT NOT NULL DEFAULT ''
  CHECK (execution_status IN ('', 'pending', 'carried_out'));
ALTER TABLE documents ADD COLUMN execution_note TEXT NOT NULL DEFAULT '';
ALTER TABLE documents ADD COLUMN executed_at TEXT;
ALTER TABLE documents ADD COLUMN executed_by TEXT NOT NULL DEFAULT '';
-- Documents issued before this version and already filed were closed on paper; those still
-- in circulation are followed up from now on.
UPDATE documents SET execution_status = 'pending'
  WHERE issued_at IS NOT NULL AND status <> 'filed';
CREATE INDEX documents_execution ON documents(execution_status);
