-- Each phase's last day, set by the commission and only ever extended (audited).
CREATE TABLE election_deadlines (
    election_id      BIGINT NOT NULL REFERENCES elections (id),
    phase            TEXT NOT NULL,
    last_day         TEXT NOT NULL,
    PRIMARY KEY (election_id, phase)
);
