-- Issue 11: each audit entry names the process its subject belongs to (`election:3` for
-- `election:3:station:2`), so that a process's entries are read by equality, never by
-- matching subject text. The column is derived from the hashed subject; `voz audit verify`
-- checks that it agrees. Filling it for existing entries needs the append-only trigger
-- lifted for this one statement.
ALTER TABLE audit_log ADD COLUMN process TEXT;

ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change;
UPDATE audit_log
SET process = split_part(subject, ':', 1) || ':' || split_part(subject, ':', 2)
WHERE subject LIKE 'election:%';
ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_change;

CREATE INDEX audit_log_process ON audit_log (process, seq);
