-- Issue 11: photo bytes move to the file store (`platform::files`), named by `digest`.
-- `jpeg` stays, nullable, only so that rows written by earlier versions can be moved out
-- by the server at start (`Db::move_photos_to`); new rows leave it NULL. SQLite cannot
-- drop a NOT NULL constraint in place: the table is rebuilt.
CREATE TABLE candidacy_photos_moved (
    candidacy_id  INTEGER PRIMARY KEY REFERENCES candidacies (id),
    digest        TEXT NOT NULL,
    jpeg          BLOB
);
INSERT INTO candidacy_photos_moved (candidacy_id, digest, jpeg)
SELECT candidacy_id, digest, jpeg FROM candidacy_photos;
DROP TABLE candidacy_photos;
ALTER TABLE candidacy_photos_moved RENAME TO candidacy_photos;
