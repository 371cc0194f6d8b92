-- Issue 14: deliberation on an event's proposals.

-- Every text a proposal has had, version 1 as submitted; an accepted amendment adds the
-- next. `proposals` keeps the current text (what search and the record read).
CREATE TABLE proposal_versions (
    proposal_id      BIGINT NOT NULL REFERENCES proposals (id),
    version          BIGINT NOT NULL,
    title            TEXT NOT NULL,
    body             TEXT NOT NULL,
    amendment_id     BIGINT,
    created_at       BIGINT NOT NULL,
    PRIMARY KEY (proposal_id, version)
) WITHOUT ROWID;
INSERT INTO proposal_versions (proposal_id, version, title, body, amendment_id, created_at)
    SELECT id, 1, title, body, NULL, created_at FROM proposals;

-- Comments, threaded by `parent_id` (a comment on the same proposal). Moderation hides
-- one with a reason; it stays, shown as "hidden by moderation".
CREATE TABLE proposal_comments (
    id               INTEGER PRIMARY KEY,
    proposal_id      BIGINT NOT NULL REFERENCES proposals (id),
    parent_id        BIGINT REFERENCES proposal_comments (id),
    author_id        BIGINT NOT NULL REFERENCES accounts (id),
    body             TEXT NOT NULL,
    hidden_reason    TEXT,
    created_at       BIGINT NOT NULL
);
CREATE INDEX proposal_comments_by_proposal ON proposal_comments (proposal_id, id);

-- An amendment: a participant's new title and text for a proposal, with why; the
-- event's rapporteur accepts it (the proposal takes the text as its next version) or
-- rejects it with a reason. `based_on` is the version it was written against.
CREATE TABLE proposal_amendments (
    id               INTEGER PRIMARY KEY,
    proposal_id      BIGINT NOT NULL REFERENCES proposals (id),
    author_id        BIGINT NOT NULL REFERENCES accounts (id),
    based_on         BIGINT NOT NULL,
    title            TEXT NOT NULL,
    body             TEXT NOT NULL,
    note             TEXT NOT NULL,
    status           TEXT NOT NULL DEFAULT 'proposed'
                     CHECK (status IN ('proposed', 'accepted', 'rejected')),
    reason           TEXT,
    decided_by       BIGINT REFERENCES accounts (id),
    decided_at       BIGINT,
    created_at       BIGINT NOT NULL
);
CREATE INDEX proposal_amendments_by_proposal ON proposal_amendments (proposal_id, id);

-- Reports of abusive content (a proposal or a comment), one per person and item; the
-- moderators' queue is the unresolved ones. `resolution`: hidden | kept.
CREATE TABLE content_reports (
    id               INTEGER PRIMARY KEY,
    conference_id    BIGINT NOT NULL REFERENCES conferences (id),
    subject          TEXT NOT NULL,
    reporter_id      BIGINT NOT NULL REFERENCES accounts (id),
    reason           TEXT NOT NULL,
    created_at       BIGINT NOT NULL,
    resolution       TEXT CHECK (resolution IN ('hidden', 'kept')),
    resolved_by      BIGINT REFERENCES accounts (id),
    resolved_at      BIGINT,
    UNIQUE (subject, reporter_id)
);
CREATE INDEX content_reports_open ON content_reports (conference_id, resolution);
