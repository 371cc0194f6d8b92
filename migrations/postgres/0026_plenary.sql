-- Issue 14: the final plenary. Delegates are credentialled at the door; when a delegate
-- is absent, a reserve of the same event is credentialled in their place (`replaces`).
CREATE TABLE plenary_credentials (
    conference_id    BIGINT NOT NULL REFERENCES conferences (id),
    account_id       BIGINT NOT NULL REFERENCES accounts (id),
    event_id         BIGINT NOT NULL REFERENCES conference_events (id),
    via              TEXT NOT NULL,              -- delegate | reserve
    replaces         BIGINT REFERENCES accounts (id),
    checked_in_at    BIGINT NOT NULL,
    checked_in_by    BIGINT NOT NULL REFERENCES accounts (id),
    PRIMARY KEY (conference_id, account_id)
);
-- One absent delegate is replaced once.
CREATE UNIQUE INDEX plenary_credentials_replaces
    ON plenary_credentials (conference_id, replaces) WHERE replaces IS NOT NULL;

-- The plenary votes theme by theme (theme 0: the motions), each in a poll of the
-- platform's ballot box; `result` is the count once counted.
CREATE TABLE plenary_votes (
    conference_id    BIGINT NOT NULL REFERENCES conferences (id),
    theme            BIGINT NOT NULL,
    poll_id          BIGINT NOT NULL UNIQUE REFERENCES polls (id),
    rule             TEXT NOT NULL,
    status           TEXT NOT NULL,              -- voting | counted
    result           TEXT,
    PRIMARY KEY (conference_id, theme)
);
