-- Issue 11: a role held for one resource of a process, not the whole organization — a poll
-- worker for a polling station today; a rapporteur for an event, a juror for a call's
-- category next. `scope` is the resource as the audit log names it
-- (`election:3:station:2`), `process` the process it belongs to (`election:3`), so a
-- process's scoped roles are read by equality. Station assignments move here.
CREATE TABLE scoped_roles (
    organization_id  BIGINT NOT NULL REFERENCES organizations (id),
    process          TEXT NOT NULL,
    scope            TEXT NOT NULL,
    role             TEXT NOT NULL,
    account_id       BIGINT NOT NULL REFERENCES accounts (id),
    PRIMARY KEY (scope, role, account_id)
);
CREATE INDEX scoped_roles_process ON scoped_roles (process, role);

INSERT INTO scoped_roles (organization_id, process, scope, role, account_id)
SELECT e.organization_id, 'election:' || a.election_id,
       'election:' || a.election_id || ':station:' || a.station_id, 'poll_worker', a.account_id
FROM station_assignments a JOIN elections e ON e.id = a.election_id;
DROP TABLE station_assignments;

-- What a person declared they may not judge (a relative's candidacy; an application of
-- their own organization next): while declared, they cannot act on it. Declarations are
-- audited and kept; withdrawing one is not offered (a conflict does not end).
CREATE TABLE conflict_declarations (
    organization_id  BIGINT NOT NULL REFERENCES organizations (id),
    process          TEXT NOT NULL,
    subject          TEXT NOT NULL,
    account_id       BIGINT NOT NULL REFERENCES accounts (id),
    reason           TEXT NOT NULL,
    declared_at      BIGINT NOT NULL,
    PRIMARY KEY (subject, account_id)
);
CREATE INDEX conflict_declarations_process ON conflict_declarations (process, account_id);
