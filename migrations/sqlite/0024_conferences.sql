-- Issue 14: conference proposal rounds. An edition belongs to an organization and moves
-- through its phases (draft → preparation → events → consolidation → plenary → plan →
-- monitoring, `conferences::edition::Phase`). Texts people read in several languages
-- (names, themes, levels) are `[["pt-BR", "…"], ["ar", "…"]]`, the original first.
CREATE TABLE conferences (
    id               INTEGER PRIMARY KEY,
    organization_id  BIGINT NOT NULL REFERENCES organizations (id),
    slug             TEXT NOT NULL,
    names            TEXT NOT NULL,
    starts_on        TEXT NOT NULL,              -- YYYY-MM-DD
    ends_on          TEXT NOT NULL,
    levels           TEXT NOT NULL,              -- [{"code": "municipal", "names": [...]}]
    phase            TEXT NOT NULL,
    created_at       BIGINT NOT NULL,
    UNIQUE (organization_id, slug)
);

-- Themes (eixos), numbered from 1 in the order the edition lists them: E1, E2, …
CREATE TABLE conference_themes (
    conference_id    BIGINT NOT NULL REFERENCES conferences (id),
    number           BIGINT NOT NULL,
    names            TEXT NOT NULL,
    PRIMARY KEY (conference_id, number)
);

-- Regional pre-conferences (created by organizers, approved as created) and free
-- conferences (registered by a civil-society group through the public form, pending
-- until organizers approve them or send them back with a reason).
CREATE TABLE conference_events (
    id               INTEGER PRIMARY KEY,
    conference_id    BIGINT NOT NULL REFERENCES conferences (id),
    slug             TEXT NOT NULL,
    kind             TEXT NOT NULL,              -- pre_conference | free_conference
    name             TEXT NOT NULL,
    organizer        TEXT NOT NULL,
    held_on          TEXT NOT NULL,              -- YYYY-MM-DD
    place            TEXT,
    online_link      TEXT,
    expected_audience BIGINT NOT NULL,
    languages        TEXT NOT NULL,              -- ["pt-BR", "es"]
    status           TEXT NOT NULL,              -- pending | approved | returned
    status_reason    TEXT,
    registered_by    BIGINT REFERENCES accounts (id),
    created_at       BIGINT NOT NULL,
    UNIQUE (conference_id, slug)
);
CREATE INDEX conference_events_by_status ON conference_events (conference_id, status);

-- Who takes part in an event: registered, then checked in at the door by staff. Only
-- checked-in participants submit proposals and vote at the event. `migrant` is the
-- participant's own answer to "are you an immigrant?" (for the delegate quota); no
-- migratory status is ever asked or stored.
CREATE TABLE event_participants (
    event_id         BIGINT NOT NULL REFERENCES conference_events (id),
    account_id       BIGINT NOT NULL REFERENCES accounts (id),
    migrant          BOOLEAN NOT NULL,
    registered_at    BIGINT NOT NULL,
    checked_in_at    BIGINT,
    checked_in_by    BIGINT REFERENCES accounts (id),
    PRIMARY KEY (event_id, account_id)
);

-- A proposal as written at an event, in the language it was written in. `outcome` is
-- what consolidation or its author decided apart from feeding consolidated proposals:
-- open | out_of_scope | withdrawn. Moderation hides it with a reason (kept, shown as
-- "hidden by moderation").
CREATE TABLE proposals (
    id               INTEGER PRIMARY KEY,
    event_id         BIGINT NOT NULL REFERENCES conference_events (id),
    theme            BIGINT NOT NULL,
    level            TEXT NOT NULL,
    language         TEXT NOT NULL,
    title            TEXT NOT NULL,
    body             TEXT NOT NULL,
    author_id        BIGINT NOT NULL REFERENCES accounts (id),
    outcome          TEXT NOT NULL DEFAULT 'open',
    hidden_reason    TEXT,
    created_at       BIGINT NOT NULL
);
CREATE INDEX proposals_by_event ON proposals (event_id, theme);

-- Translations of a proposal's title and text, one per language.
CREATE TABLE proposal_translations (
    proposal_id      BIGINT NOT NULL REFERENCES proposals (id),
    language         TEXT NOT NULL,
    title            TEXT NOT NULL,
    body             TEXT NOT NULL,
    PRIMARY KEY (proposal_id, language)
) WITHOUT ROWID;

-- One support per person and proposal: the key is the rule.
CREATE TABLE proposal_supports (
    proposal_id      BIGINT NOT NULL REFERENCES proposals (id),
    account_id       BIGINT NOT NULL REFERENCES accounts (id),
    PRIMARY KEY (proposal_id, account_id)
) WITHOUT ROWID;

-- Consolidated proposals, coded per theme (E3-12) or motions (M1, …); their text's every
-- version is kept in `consolidated_versions` (the row holds the latest).
CREATE TABLE consolidated_proposals (
    id               INTEGER PRIMARY KEY,
    conference_id    BIGINT NOT NULL REFERENCES conferences (id),
    code             TEXT NOT NULL,
    theme            BIGINT NOT NULL,
    motion           BOOLEAN NOT NULL,
    title            TEXT NOT NULL,
    body             TEXT NOT NULL,
    created_at       BIGINT NOT NULL,
    UNIQUE (conference_id, code)
);

CREATE TABLE consolidated_versions (
    consolidated_id  BIGINT NOT NULL REFERENCES consolidated_proposals (id),
    version          BIGINT NOT NULL,
    title            TEXT NOT NULL,
    body             TEXT NOT NULL,
    edited_by        BIGINT NOT NULL REFERENCES accounts (id),
    edited_at        BIGINT NOT NULL,
    PRIMARY KEY (consolidated_id, version)
);

-- Lineage: every source proposal of a consolidated one (a source may feed several).
CREATE TABLE consolidated_sources (
    consolidated_id  BIGINT NOT NULL REFERENCES consolidated_proposals (id),
    proposal_id      BIGINT NOT NULL REFERENCES proposals (id),
    PRIMARY KEY (consolidated_id, proposal_id)
);
CREATE INDEX consolidated_sources_by_proposal ON consolidated_sources (proposal_id);
