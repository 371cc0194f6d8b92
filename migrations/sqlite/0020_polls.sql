-- Issue 11: the ballot box belongs to a poll, not to an election, so that a conference's
-- prioritisation vote, a plenary vote and an open call's public vote use the same box
-- (one mark per person, ballots that name no one, the seal). A poll has a kind and an
-- owner (the process it belongs to, as the audit log names it: `election:3`). Every
-- existing election gets its poll, numbered as the election.
CREATE TABLE polls (
    id               INTEGER PRIMARY KEY,
    organization_id  BIGINT NOT NULL REFERENCES organizations (id),
    kind             TEXT NOT NULL,
    owner            TEXT NOT NULL,
    UNIQUE (owner, kind)
);
INSERT INTO polls (id, organization_id, kind, owner)
SELECT id, organization_id, 'election', 'election:' || id FROM elections;

ALTER TABLE elections ADD COLUMN poll_id BIGINT REFERENCES polls (id);
UPDATE elections SET poll_id = id;
CREATE UNIQUE INDEX elections_poll ON elections (poll_id);

-- The marks and the ballots, keyed by poll, rewritten in key order (as the seal leaves
-- them). Same columns, same rules: one mark per person and poll; a ballot is a random
-- tracking code and its canonical content, nothing else.
CREATE TABLE voter_marks_by_poll (
    poll_id          BIGINT NOT NULL REFERENCES polls (id),
    account_id       BIGINT NOT NULL REFERENCES accounts (id),
    channel          TEXT NOT NULL,
    station_id       BIGINT,
    PRIMARY KEY (poll_id, account_id)
) WITHOUT ROWID;
INSERT INTO voter_marks_by_poll (poll_id, account_id, channel, station_id)
SELECT election_id, account_id, channel, station_id FROM voter_marks
ORDER BY election_id, account_id;
DROP TABLE voter_marks;
ALTER TABLE voter_marks_by_poll RENAME TO voter_marks;

CREATE TABLE ballots_by_poll (
    poll_id          BIGINT NOT NULL REFERENCES polls (id),
    tracking_code    TEXT NOT NULL,
    content          TEXT NOT NULL,
    PRIMARY KEY (poll_id, tracking_code)
) WITHOUT ROWID;
INSERT INTO ballots_by_poll (poll_id, tracking_code, content)
SELECT election_id, tracking_code, content FROM ballots ORDER BY election_id, tracking_code;
DROP TABLE ballots;
ALTER TABLE ballots_by_poll RENAME TO ballots;
