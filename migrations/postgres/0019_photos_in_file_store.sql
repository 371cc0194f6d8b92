-- Issue 11: photo bytes move to the file store (`platform::files`), named by `digest`.
-- `jpeg` stays, nullable, only so that rows written by earlier versions can be moved out
-- by the server at start (`Db::move_photos_to`); new rows leave it NULL.
ALTER TABLE candidacy_photos ALTER COLUMN jpeg DROP NOT NULL;
