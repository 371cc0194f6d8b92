-- Issue 10: what the public reads of a closed election — the bulletin board, the exports,
-- the count and the turnout figures — is computed once, when the calendar moves (after
-- the seal), and read from here, never recounted per request. The small columns come
-- first: a page that reads the results never walks past the large export texts.
CREATE TABLE election_publications (
    election_id      BIGINT PRIMARY KEY REFERENCES elections (id),
    phase            TEXT NOT NULL,
    board_head       TEXT NOT NULL,
    board_parts      TEXT,
    ballot_count     BIGINT NOT NULL,
    computed_at      BIGINT NOT NULL,
    results          TEXT,
    election_json    TEXT NOT NULL,
    tracking_codes   TEXT NOT NULL,
    ballots_jsonl    TEXT NOT NULL
);
