-- Rate limits count each kind of attempt across all clients too (a global budget), so
-- every attempt says its kind (issue 10). Older rows keep the bucket's prefix as kind.
ALTER TABLE attempts ADD COLUMN kind TEXT NOT NULL DEFAULT '';
UPDATE attempts SET kind = substr(bucket, 1, strpos(bucket, ':') - 1) WHERE strpos(bucket, ':') > 0;
CREATE INDEX attempts_by_kind ON attempts (kind, at);
