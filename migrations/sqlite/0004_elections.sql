-- Council elections. `config` is the count's input (segments, seats, parity, tie-breaks,
-- candidates: the tally's election.json), so what is counted is what was configured.
CREATE TABLE elections (
    id               INTEGER PRIMARY KEY,
    organization_id  BIGINT NOT NULL REFERENCES organizations (id),
    slug             TEXT NOT NULL,
    title            TEXT NOT NULL,
    phase            TEXT NOT NULL,
    config           TEXT NOT NULL,
    created_at       BIGINT NOT NULL,
    UNIQUE (organization_id, slug)
);

-- Who has voted, in any channel. The primary key is the rule "one ballot per person
-- across all channels": a second mark cannot exist. No time is kept, and the rows sit in
-- account order, never in the order people voted.
CREATE TABLE voter_marks (
    election_id      BIGINT NOT NULL REFERENCES elections (id),
    account_id       BIGINT NOT NULL REFERENCES accounts (id),
    channel          TEXT NOT NULL,
    station_id       BIGINT,
    PRIMARY KEY (election_id, account_id)
) WITHOUT ROWID;

-- The ballots. Nothing here names a person or a time: no account, no id in common with
-- the marks, no timestamp; rows sit in the order of their random tracking code.
CREATE TABLE ballots (
    election_id      BIGINT NOT NULL REFERENCES elections (id),
    tracking_code    TEXT NOT NULL,
    content          TEXT NOT NULL,
    channel          TEXT NOT NULL,
    station_id       BIGINT,
    PRIMARY KEY (election_id, tracking_code)
) WITHOUT ROWID;
