-- What an election says beyond the count (segment names, who may stand, channels,
-- polling stations): see `ElectionSettings`.
ALTER TABLE elections ADD COLUMN settings TEXT NOT NULL DEFAULT '{}';

-- Candidacies: one per person (the filer) per election. The final list (accepted, or
-- accepted on appeal) becomes the count's candidates, with id "c<id>".
CREATE TABLE candidacies (
    id               INTEGER PRIMARY KEY,
    election_id      BIGINT NOT NULL REFERENCES elections (id),
    account_id       BIGINT NOT NULL REFERENCES accounts (id),
    segment          TEXT NOT NULL,
    kind             TEXT NOT NULL,
    name             TEXT NOT NULL,
    representative   TEXT,
    nationality      TEXT NOT NULL,
    gender           TEXT NOT NULL,
    date             TEXT NOT NULL,
    platform         TEXT NOT NULL,
    status           TEXT NOT NULL,
    reason           TEXT,
    appeal           TEXT,
    appeal_decision  TEXT,
    created_at       BIGINT NOT NULL,
    UNIQUE (election_id, account_id)
);

-- The public calendar of an election is read from its audit entries.
CREATE INDEX audit_log_by_subject ON audit_log (subject, seq);
