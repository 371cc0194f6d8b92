-- A candidate's photo: one small square JPEG, re-encoded on the server (no metadata).
-- `digest` (hex SHA-256 of `jpeg`) names the version in URLs and in the audit log.
CREATE TABLE candidacy_photos (
    candidacy_id  BIGINT PRIMARY KEY REFERENCES candidacies (id),
    digest        TEXT NOT NULL,
    jpeg          BYTEA NOT NULL
);
