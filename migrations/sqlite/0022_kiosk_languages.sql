-- Issue 13: the kiosk ballot in its voter's language. `ballot_locale`: the preferred
-- language of the person the poll worker just sent to this kiosk, read (and cleared) by
-- the kiosk's first screen of that ballot — a language, never who. `home_locale`: the
-- language the kiosk waits in, where it returns after each receipt.
ALTER TABLE kiosks ADD COLUMN ballot_locale TEXT;
ALTER TABLE kiosks ADD COLUMN home_locale TEXT;
