-- Sessions. The cookie carries a random token; only its SHA-256 is stored, so a copy of
-- the database cannot be used to act as anyone. Times are unix milliseconds.
CREATE TABLE sessions (
    token_hash   TEXT PRIMARY KEY NOT NULL,
    account_id   BIGINT,
    created_at   BIGINT NOT NULL,
    expires_at   BIGINT NOT NULL
);
CREATE INDEX sessions_by_expiry ON sessions (expires_at);

-- Single-use, expiring server-side state of multi-step flows (WebAuthn ceremonies):
-- kept here rather than in process memory so any server process can finish a flow
-- another one started.
CREATE TABLE challenges (
    id           TEXT PRIMARY KEY NOT NULL,
    purpose      TEXT NOT NULL,
    state        TEXT NOT NULL,
    expires_at   BIGINT NOT NULL
);
CREATE INDEX challenges_by_expiry ON challenges (expires_at);
