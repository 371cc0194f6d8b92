-- Issue 11: each audit entry names the process its subject belongs to (`election:3` for
-- `election:3:station:2`), so that a process's entries are read by equality, never by
-- matching subject text. The column is derived from the hashed subject; `voz audit verify`
-- checks that it agrees. Filling it for existing entries needs the append-only trigger
-- lifted for this one statement.
ALTER TABLE audit_log ADD COLUMN process TEXT;

DROP TRIGGER audit_log_no_update;
UPDATE audit_log
SET process = CASE
    WHEN instr(substr(subject, 10), ':') > 0
        THEN substr(subject, 1, 8 + instr(substr(subject, 10), ':'))
    ELSE subject
END
WHERE subject LIKE 'election:%';
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

CREATE INDEX audit_log_process ON audit_log (process, seq);
