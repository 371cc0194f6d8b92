-- Issue 15: open calls with a jury (Bogotá IDPAC festival pattern). A call belongs to an
-- organization and moves through its phases (draft → open → document_check → fixes →
-- jury → public_vote → selection → awards → follow_up, `calls::call::Phase`). Texts
-- people read in several languages are `[["es", "…"], ["ar", "…"]]`, the original first.
CREATE TABLE calls (
    id               INTEGER PRIMARY KEY,
    organization_id  BIGINT NOT NULL REFERENCES organizations (id),
    slug             TEXT NOT NULL,
    titles           TEXT NOT NULL,
    texts            TEXT NOT NULL,              -- Markdown, per language
    currency         TEXT NOT NULL,              -- ISO 4217: COP, BRL
    phase            TEXT NOT NULL,
    scale_max        BIGINT NOT NULL,
    public_vote_weight BIGINT NOT NULL,          -- percent, 0–50; 0: no public vote
    minimum_score    BIGINT NOT NULL,            -- hundredths of a point (6000 = 60.00)
    tie_break        TEXT NOT NULL,              -- ["jury", "earlier", "lot"]
    lot_seed         TEXT NOT NULL,
    anonymous_jurors BOOLEAN NOT NULL,           -- the jury record names jurors "Juror 1", …
    min_migrant_members BIGINT NOT NULL,         -- eligibility: at least this many migrants
    created_at       BIGINT NOT NULL,
    UNIQUE (organization_id, slug)
);

-- Categories (culture, gastronomy, …): how many awards, how many in reserve, and the
-- incentive per award in the call's currency (whole units).
CREATE TABLE call_categories (
    id               INTEGER PRIMARY KEY,
    call_id          BIGINT NOT NULL REFERENCES calls (id),
    code             TEXT NOT NULL,
    position         BIGINT NOT NULL,
    names            TEXT NOT NULL,
    awards           BIGINT NOT NULL,
    reserve          BIGINT NOT NULL,
    incentive        BIGINT NOT NULL,
    UNIQUE (call_id, code)
);

-- The rubric: criteria with whole weights adding up to 100, scored 0..scale_max.
CREATE TABLE call_criteria (
    call_id          BIGINT NOT NULL REFERENCES calls (id),
    code             TEXT NOT NULL,
    position         BIGINT NOT NULL,
    names            TEXT NOT NULL,
    weight           BIGINT NOT NULL,
    PRIMARY KEY (call_id, code)
);

-- Documents the call asks for, per applicant type (["individual", "group", …]).
CREATE TABLE call_documents (
    call_id          BIGINT NOT NULL REFERENCES calls (id),
    code             TEXT NOT NULL,
    position         BIGINT NOT NULL,
    names            TEXT NOT NULL,
    applicant_types  TEXT NOT NULL,
    PRIMARY KEY (call_id, code)
);

-- An application: one per account and call. `status`: draft | submitted | fix_requested
-- | eligible | rejected. The receipt number is given at submission, which is final.
-- `locale` is the language the applicant hears decisions in; `email`, when given, also
-- receives them.
CREATE TABLE call_applications (
    id               INTEGER PRIMARY KEY,
    call_id          BIGINT NOT NULL REFERENCES calls (id),
    category_id      BIGINT NOT NULL REFERENCES call_categories (id),
    applicant_id     BIGINT NOT NULL REFERENCES accounts (id),
    applicant_type   TEXT NOT NULL,              -- individual | group | organization | registered_organization
    title            TEXT NOT NULL,
    summary          TEXT NOT NULL,
    language         TEXT NOT NULL,
    organization_name TEXT,
    legal_id         TEXT,
    email            TEXT,
    locale           TEXT NOT NULL,
    status           TEXT NOT NULL,
    receipt          TEXT,
    submitted_at     BIGINT,
    check_reason     TEXT,
    fix_by           TEXT,                       -- YYYY-MM-DD
    created_at       BIGINT NOT NULL,
    updated_at       BIGINT NOT NULL,
    UNIQUE (call_id, applicant_id),
    UNIQUE (call_id, receipt)
);
CREATE INDEX call_applications_by_status ON call_applications (call_id, category_id, status);

-- The people behind an application, in order: an individual's leader and alternate, a
-- group's members (at least 3), an organization's representative. `migrant` is their
-- own answer (for the call's eligibility rule); no migratory status is asked.
CREATE TABLE call_members (
    application_id   BIGINT NOT NULL REFERENCES call_applications (id),
    position         BIGINT NOT NULL,
    role             TEXT NOT NULL,              -- leader | alternate | member
    name             TEXT NOT NULL,
    document         TEXT NOT NULL,
    migrant          BOOLEAN NOT NULL,
    PRIMARY KEY (application_id, position)
);

-- Files attached to an application, per required document; a fix adds a newer one
-- (the older stays, for the record). The bytes are in the file store, named by digest.
CREATE TABLE call_files (
    id               INTEGER PRIMARY KEY,
    application_id   BIGINT NOT NULL REFERENCES call_applications (id),
    document         TEXT NOT NULL,
    digest           TEXT NOT NULL,
    kind             TEXT NOT NULL,              -- pdf | jpeg | png | webp
    size             BIGINT NOT NULL,
    name             TEXT NOT NULL,              -- as the applicant's device named it
    uploaded_at      BIGINT NOT NULL
);
CREATE INDEX call_files_by_application ON call_files (application_id, document, id);

-- A juror's scores: one row per criterion, and one justification per application.
-- Conflicted jurors have none (`conflict_declarations`). Hidden from other jurors until
-- the jury closes.
CREATE TABLE call_scores (
    application_id   BIGINT NOT NULL REFERENCES call_applications (id),
    juror_id         BIGINT NOT NULL REFERENCES accounts (id),
    criterion        TEXT NOT NULL,
    score            BIGINT NOT NULL,
    PRIMARY KEY (application_id, juror_id, criterion)
);
CREATE TABLE call_justifications (
    application_id   BIGINT NOT NULL REFERENCES call_applications (id),
    juror_id         BIGINT NOT NULL REFERENCES accounts (id),
    justification    TEXT NOT NULL,
    scored_at        BIGINT NOT NULL,
    PRIMARY KEY (application_id, juror_id)
);

-- The published selection: the jury record as `voz select` prints it, plus who published.
CREATE TABLE call_selections (
    call_id          BIGINT PRIMARY KEY REFERENCES calls (id),
    record           TEXT NOT NULL,
    published_at     BIGINT NOT NULL,
    published_by     BIGINT NOT NULL REFERENCES accounts (id)
);

-- Awards and their follow-up: payment, final report, visits.
CREATE TABLE call_awards (
    application_id   BIGINT PRIMARY KEY REFERENCES call_applications (id),
    amount           BIGINT NOT NULL,
    paid_on          TEXT,                       -- YYYY-MM-DD; NULL: not yet paid
    report_digest    TEXT,
    report_kind      TEXT,
    report_at        BIGINT
);
CREATE TABLE call_visits (
    id               INTEGER PRIMARY KEY,
    application_id   BIGINT NOT NULL REFERENCES call_awards (application_id),
    visited_on       TEXT NOT NULL,
    note             TEXT NOT NULL,
    recorded_by      BIGINT NOT NULL REFERENCES accounts (id)
);

-- A person's inbox: what happened to what they submitted, stored as a message code and
-- its parameters and written out in the reader's language when read.
CREATE TABLE inbox_messages (
    id               INTEGER PRIMARY KEY,
    account_id       BIGINT NOT NULL REFERENCES accounts (id),
    organization_id  BIGINT NOT NULL REFERENCES organizations (id),
    kind             TEXT NOT NULL,
    params           TEXT NOT NULL,
    link             TEXT NOT NULL,
    created_at       BIGINT NOT NULL,
    read_at          BIGINT
);
CREATE INDEX inbox_by_account ON inbox_messages (account_id, id);

-- Emails waiting for the operator's SMTP server (sent by a background task; kept with
-- their outcome).
CREATE TABLE email_outbox (
    id               INTEGER PRIMARY KEY,
    to_address       TEXT NOT NULL,
    subject          TEXT NOT NULL,
    body             TEXT NOT NULL,
    created_at       BIGINT NOT NULL,
    sent_at          BIGINT,
    attempts         BIGINT NOT NULL DEFAULT 0,
    last_error       TEXT
);
CREATE INDEX email_outbox_pending ON email_outbox (sent_at, id);
