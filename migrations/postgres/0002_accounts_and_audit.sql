-- Organizing bodies (São Paulo's council, Bogotá's institute…), each with its own rules.
CREATE TABLE organizations (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slug             TEXT NOT NULL UNIQUE,
    name             TEXT NOT NULL,
    default_locale   TEXT NOT NULL,
    rules            TEXT NOT NULL,              -- JSON: RegistrationRules
    voter_list_public BOOLEAN NOT NULL DEFAULT FALSE,
    created_at       BIGINT NOT NULL
);

-- A person who can sign in (passkey or access code). Holds no identity data beyond a name.
CREATE TABLE accounts (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_handle      TEXT NOT NULL UNIQUE,       -- random WebAuthn user id, never the row id
    display_name     TEXT NOT NULL,
    preferred_locale TEXT NOT NULL,
    managed          BOOLEAN NOT NULL DEFAULT FALSE, -- created by staff for someone without phone/email
    created_at       BIGINT NOT NULL
);

-- A person's registration with one organization. Migratory status is never stored; the
-- document number only as an HMAC, which makes a second registration with it impossible.
CREATE TABLE registrations (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organization_id  BIGINT NOT NULL REFERENCES organizations (id),
    account_id       BIGINT NOT NULL REFERENCES accounts (id),
    nationalities    TEXT NOT NULL,              -- comma-separated ISO codes or "stateless"
    birth_date       TEXT NOT NULL,              -- YYYY-MM-DD
    district         TEXT NOT NULL,
    gender           TEXT NOT NULL,
    email            TEXT,
    phone            TEXT,
    document_type    TEXT NOT NULL,
    document_hash    TEXT NOT NULL,
    residence_declared BOOLEAN NOT NULL,
    status           TEXT NOT NULL,              -- pending | verified | rejected | needs_correction
    status_reason    TEXT,
    created_at       BIGINT NOT NULL,
    UNIQUE (organization_id, document_hash),
    UNIQUE (organization_id, account_id)
);
CREATE INDEX registrations_by_status ON registrations (organization_id, status);

CREATE TABLE passkeys (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id       BIGINT NOT NULL REFERENCES accounts (id),
    credential_id    TEXT NOT NULL UNIQUE,       -- base64url
    passkey          TEXT NOT NULL,              -- JSON: webauthn-rs Passkey (public key, counter)
    label            TEXT NOT NULL,
    created_at       BIGINT NOT NULL,
    last_used_at     BIGINT
);
CREATE INDEX passkeys_by_account ON passkeys (account_id);

CREATE TABLE roles (
    organization_id  BIGINT NOT NULL REFERENCES organizations (id),
    account_id       BIGINT NOT NULL REFERENCES accounts (id),
    role             TEXT NOT NULL,
    granted_at       BIGINT NOT NULL,
    PRIMARY KEY (organization_id, account_id, role)
);

-- Printable single-use codes for voters without a passkey-capable device.
CREATE TABLE access_codes (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organization_id  BIGINT NOT NULL REFERENCES organizations (id),
    account_id       BIGINT NOT NULL REFERENCES accounts (id),
    code_hash        TEXT NOT NULL UNIQUE,
    expires_at       BIGINT NOT NULL,
    used_at          BIGINT,
    created_at       BIGINT NOT NULL
);

-- Single-use links that enrol a staff member (the first administrator comes from the CLI).
CREATE TABLE enrollment_invites (
    token_hash       TEXT PRIMARY KEY NOT NULL,
    organization_id  BIGINT NOT NULL REFERENCES organizations (id),
    role             TEXT NOT NULL,
    expires_at       BIGINT NOT NULL,
    used_at          BIGINT,
    created_at       BIGINT NOT NULL
);

-- Failed attempts, for rate limits that hold across server processes.
CREATE TABLE attempts (
    bucket           TEXT NOT NULL,
    at               BIGINT NOT NULL
);
CREATE INDEX attempts_by_bucket ON attempts (bucket, at);

-- Append-only, hash-chained log of every staff action: entry n carries the hash of
-- entry n-1, so removing or editing any entry breaks every hash after it.
CREATE TABLE audit_log (
    seq              BIGINT PRIMARY KEY,
    at               BIGINT NOT NULL,
    organization_id  BIGINT,
    actor_account_id BIGINT,
    action           TEXT NOT NULL,
    subject          TEXT NOT NULL,
    before_state     TEXT,
    after_state      TEXT,
    prev_hash        TEXT NOT NULL,
    hash             TEXT NOT NULL UNIQUE
);
CREATE INDEX audit_log_by_organization ON audit_log (organization_id, seq);

-- The chain's head, one row: appending locks it, so concurrent appends queue up.
CREATE TABLE audit_head (
    id               INTEGER PRIMARY KEY CHECK (id = 1),
    seq              BIGINT NOT NULL,
    hash             TEXT NOT NULL
);
INSERT INTO audit_head (id, seq, hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
