-- Issue 10. A session opened with a passkey remembers which one, so removing a passkey
-- ends the sessions it opened. A printed code can be revoked: a new card revokes every
-- earlier code of the person that was not used yet.
ALTER TABLE sessions ADD COLUMN passkey_id BIGINT;
CREATE INDEX sessions_by_passkey ON sessions (passkey_id);
ALTER TABLE access_codes ADD COLUMN revoked_at BIGINT;
