-- How a session was opened: staff tools require a passkey; printed access codes are for
-- voters only.
ALTER TABLE sessions ADD COLUMN auth_method TEXT NOT NULL DEFAULT 'passkey';
