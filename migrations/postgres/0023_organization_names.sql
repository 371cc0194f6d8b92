-- Issue 13: an organization named in several languages, edited by its administrator.
-- `names` holds `[["pt-BR", "…"], ["ar", "…"]]`, the original (in `default_locale`)
-- first; `name` keeps the original, by which lists are sorted. Until first edited, an
-- organization's names are empty and its `name` is shown in every language.
ALTER TABLE organizations ADD COLUMN names TEXT NOT NULL DEFAULT '[]';
