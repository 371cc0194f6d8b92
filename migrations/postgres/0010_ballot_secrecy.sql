-- Issue 10 (secrecy). A ballot row names no channel and no polling station any more: at a
-- station where few people voted, those columns narrowed a ballot down to them. What the
-- closure reconciliation needs from the ballots is kept as counts on the station's row,
-- incremented in the transaction that stores each station ballot.
ALTER TABLE station_sessions ADD COLUMN kiosk_ballots BIGINT NOT NULL DEFAULT 0;
ALTER TABLE station_sessions ADD COLUMN paper_ballots BIGINT NOT NULL DEFAULT 0;
-- Paper sheets the poll worker counted in the box at closing (typed, not derived).
ALTER TABLE station_sessions ADD COLUMN sheets_found BIGINT;

-- Paper ballots were audited one by one; every other station ballot came from a kiosk.
UPDATE station_sessions SET paper_ballots = (
    SELECT COUNT(*) FROM audit_log a
    WHERE a.action = 'station.paper_ballot'
      AND a.subject = 'election:' || station_sessions.election_id || ':station:' || station_sessions.station_id
);
UPDATE station_sessions SET kiosk_ballots = (
    SELECT COUNT(*) FROM ballots b
    WHERE b.election_id = station_sessions.election_id AND b.station_id = station_sessions.station_id
) - paper_ballots;
UPDATE station_sessions SET sheets_found = paper_ballots WHERE closed_at IS NOT NULL;

-- A closure no longer publishes the station's valid/blank/null split (ballot content of a
-- group that may be smaller than the election's minimum group size).
ALTER TABLE station_sessions DROP COLUMN ballots, DROP COLUMN valid, DROP COLUMN blank,
    DROP COLUMN null_ballots;

-- Rewrite the marks and the ballots in key order inside this one transaction: the dropped
-- columns leave the heap, and every row gets this transaction's xmin, so no system column
-- keeps the order (or the transaction) in which ballots were cast. See `seal_ballot_box`.
CREATE TEMP TABLE ballots_copy ON COMMIT DROP AS
    SELECT election_id, tracking_code, content FROM ballots;
TRUNCATE ballots;
ALTER TABLE ballots DROP COLUMN channel, DROP COLUMN station_id;
INSERT INTO ballots (election_id, tracking_code, content)
    SELECT election_id, tracking_code, content FROM ballots_copy ORDER BY election_id, tracking_code;
CREATE TEMP TABLE marks_copy ON COMMIT DROP AS SELECT * FROM voter_marks;
TRUNCATE voter_marks;
INSERT INTO voter_marks SELECT * FROM marks_copy ORDER BY election_id, account_id;
