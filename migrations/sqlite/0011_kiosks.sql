-- A polling station's kiosks (issue 10): devices paired to one station of one election
-- with a one-time code shown on the poll-worker screen. A kiosk holds only its own
-- credential (the cookie's SHA-256 is kept here) — never a staff session — and shows a
-- ballot only after a poll worker marked someone for it. Nothing here names a person.
-- The kiosk ballots of the old design waited on the poll worker's own device: gone.
DROP TABLE kiosk_tokens;

CREATE TABLE kiosks (
    election_id      BIGINT NOT NULL REFERENCES elections (id),
    station_id       BIGINT NOT NULL,
    number           BIGINT NOT NULL,
    token_hash       TEXT NOT NULL UNIQUE,
    ballot_ready     BOOLEAN NOT NULL DEFAULT FALSE,
    paired_at        BIGINT NOT NULL,
    retired_at       BIGINT,
    PRIMARY KEY (election_id, station_id, number)
);

-- One-time pairing codes (their SHA-256), valid a few minutes.
CREATE TABLE kiosk_pairings (
    code_hash        TEXT PRIMARY KEY NOT NULL,
    election_id      BIGINT NOT NULL REFERENCES elections (id),
    station_id       BIGINT NOT NULL,
    expires_at       BIGINT NOT NULL
);
