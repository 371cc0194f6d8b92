-- Issue 10 (one person, several documents): pairs of registrations that staff checked and
-- found to be different people, so the possible-duplicate flag stops asking (audited).
-- `registration_a` < `registration_b`.
CREATE TABLE duplicate_dismissals (
    organization_id  BIGINT NOT NULL REFERENCES organizations (id),
    registration_a   BIGINT NOT NULL REFERENCES registrations (id),
    registration_b   BIGINT NOT NULL REFERENCES registrations (id),
    dismissed_by     BIGINT NOT NULL REFERENCES accounts (id),
    dismissed_at     BIGINT NOT NULL,
    PRIMARY KEY (registration_a, registration_b)
);
-- Possible duplicates share a birth date: the flag looks them up by it.
CREATE INDEX registrations_by_birth_date ON registrations (organization_id, birth_date);
