-- A polling station's day: opened, then closed with its reconciliation. A closed row is
-- never updated again (the store only writes while `closed_at` is NULL).
CREATE TABLE station_sessions (
    election_id      BIGINT NOT NULL REFERENCES elections (id),
    station_id       BIGINT NOT NULL,
    opened_by        BIGINT NOT NULL REFERENCES accounts (id),
    opened_at        BIGINT NOT NULL,
    closed_by        BIGINT REFERENCES accounts (id),
    closed_at        BIGINT,
    marked           BIGINT,
    ballots          BIGINT,
    valid            BIGINT,
    blank            BIGINT,
    null_ballots     BIGINT,
    justification    TEXT,
    PRIMARY KEY (election_id, station_id)
);

-- Kiosk ballots waiting at a station: one per person marked "kiosk", used once. Nothing
-- here names the person or a time; rows sit in the order of their random hash.
CREATE TABLE kiosk_tokens (
    election_id      BIGINT NOT NULL REFERENCES elections (id),
    token_hash       TEXT NOT NULL,
    station_id       BIGINT NOT NULL,
    PRIMARY KEY (election_id, token_hash)
);
