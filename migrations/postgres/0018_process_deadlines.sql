-- Issue 11: each phase's last day for any process (an election today; a conference
-- edition or an open call next), named by the process's text (`election:3`) as in the
-- audit log. The organization is kept beside it: a last day is a day on its clock.
CREATE TABLE process_deadlines (
    organization_id  BIGINT NOT NULL REFERENCES organizations (id),
    process          TEXT NOT NULL,
    phase            TEXT NOT NULL,
    last_day         TEXT NOT NULL,
    PRIMARY KEY (process, phase)
);

INSERT INTO process_deadlines (organization_id, process, phase, last_day)
SELECT e.organization_id, 'election:' || d.election_id, d.phase, d.last_day
FROM election_deadlines d JOIN elections e ON e.id = d.election_id;

DROP TABLE election_deadlines;
