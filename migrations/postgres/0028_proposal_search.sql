-- Issue 14: full-text search of proposals with PostgreSQL's own engine: a generated
-- tsvector of each proposal's title and text ('simple' configuration: proposals come in
-- six languages, so words are not stemmed by any one of them) and its GIN index.
ALTER TABLE proposals ADD COLUMN search tsvector
    GENERATED ALWAYS AS (to_tsvector('simple', title || ' ' || body)) STORED;
CREATE INDEX proposals_search ON proposals USING GIN (search);

CREATE INDEX proposals_by_theme ON proposals (theme, id);
