-- Issue 14: the plan. Approved proposals become actions (numbered A1, A2, … per edition)
-- with the bodies responsible; each action has indicators with a baseline, a target per
-- year and a status, updated over the plan's years (every update kept).
CREATE TABLE plan_actions (
    id               INTEGER PRIMARY KEY,
    conference_id    BIGINT NOT NULL REFERENCES conferences (id),
    number           BIGINT NOT NULL,
    title            TEXT NOT NULL,
    responsible      TEXT NOT NULL,
    created_at       BIGINT NOT NULL,
    UNIQUE (conference_id, number)
);

-- The consolidated proposals an action comes from.
CREATE TABLE plan_action_sources (
    action_id        BIGINT NOT NULL REFERENCES plan_actions (id),
    consolidated_id  BIGINT NOT NULL REFERENCES consolidated_proposals (id),
    PRIMARY KEY (action_id, consolidated_id)
);

CREATE TABLE plan_indicators (
    id               INTEGER PRIMARY KEY,
    action_id        BIGINT NOT NULL REFERENCES plan_actions (id),
    name             TEXT NOT NULL,
    unit             TEXT NOT NULL,
    baseline         REAL NOT NULL,
    targets          TEXT NOT NULL,              -- [[2020, 10.0], [2021, 20.0]]
    status           TEXT NOT NULL,              -- not_started | in_progress | achieved | delayed
    current_value    REAL
);

-- Every status update of an indicator, oldest first.
CREATE TABLE plan_indicator_updates (
    indicator_id     BIGINT NOT NULL REFERENCES plan_indicators (id),
    at               BIGINT NOT NULL,
    value            REAL,
    status           TEXT NOT NULL,
    note             TEXT NOT NULL,
    by_account       BIGINT NOT NULL REFERENCES accounts (id)
);
CREATE INDEX plan_indicator_updates_by_indicator ON plan_indicator_updates (indicator_id, at);
