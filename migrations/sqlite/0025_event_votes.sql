-- Issue 14: each conference event votes twice — its prioritisation (up to K of its
-- proposals per theme) and its delegate election — each in a poll of the platform's
-- ballot box (one mark per person, ballots that name no one, the seal). `rule` is the
-- vote's configuration as JSON; `result` its count once counted.
-- Status: standing (delegates only: participants put themselves forward) → voting →
-- counted.
CREATE TABLE event_votes (
    event_id         BIGINT NOT NULL REFERENCES conference_events (id),
    kind             TEXT NOT NULL,              -- priorities | delegates
    poll_id          BIGINT NOT NULL UNIQUE REFERENCES polls (id),
    rule             TEXT NOT NULL,
    status           TEXT NOT NULL,
    result           TEXT,
    PRIMARY KEY (event_id, kind)
);

-- Who stands as delegate at an event: checked-in participants, each with the public code
-- the count and the export name them by (c1, c2, …), and their own answer to "are you an
-- immigrant?" (the quota).
CREATE TABLE delegate_candidates (
    event_id         BIGINT NOT NULL REFERENCES conference_events (id),
    account_id       BIGINT NOT NULL REFERENCES accounts (id),
    code             TEXT NOT NULL,
    migrant          BOOLEAN NOT NULL,
    PRIMARY KEY (event_id, account_id),
    UNIQUE (event_id, code)
);

-- The delegates and the ranked reserve each event elected. A person is a delegate of one
-- event only: the partial index is that rule, whatever runs at once.
CREATE TABLE conference_delegates (
    conference_id    BIGINT NOT NULL REFERENCES conferences (id),
    event_id         BIGINT NOT NULL REFERENCES conference_events (id),
    account_id       BIGINT NOT NULL REFERENCES accounts (id),
    role             TEXT NOT NULL,              -- delegate | reserve
    rank             BIGINT NOT NULL,
    PRIMARY KEY (event_id, account_id)
);
CREATE UNIQUE INDEX conference_delegates_one_event
    ON conference_delegates (conference_id, account_id) WHERE role = 'delegate';
