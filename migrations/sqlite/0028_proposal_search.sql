-- Issue 14: full-text search of proposals with SQLite's own engine (FTS5): an index of
-- each proposal's title and text, kept by triggers, accents and case aside.
CREATE VIRTUAL TABLE proposals_fts USING fts5(
    title, body, content = 'proposals', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO proposals_fts (rowid, title, body) SELECT id, title, body FROM proposals;
CREATE TRIGGER proposals_fts_insert AFTER INSERT ON proposals BEGIN
    INSERT INTO proposals_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
END;
CREATE TRIGGER proposals_fts_delete AFTER DELETE ON proposals BEGIN
    INSERT INTO proposals_fts (proposals_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
END;
CREATE TRIGGER proposals_fts_update AFTER UPDATE OF title, body ON proposals BEGIN
    INSERT INTO proposals_fts (proposals_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
    INSERT INTO proposals_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
END;

-- Filtered lists: by event and theme (exists), by theme across events.
CREATE INDEX proposals_by_theme ON proposals (theme, id);
