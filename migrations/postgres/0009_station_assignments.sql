-- Poll workers the commission assigned to a polling station. A station with no row here is
-- open to every poll worker of the organization (see `may_work_station`).
CREATE TABLE station_assignments (
    election_id  BIGINT NOT NULL REFERENCES elections (id),
    station_id   BIGINT NOT NULL,
    account_id   BIGINT NOT NULL REFERENCES accounts (id),
    PRIMARY KEY (election_id, station_id, account_id)
);
