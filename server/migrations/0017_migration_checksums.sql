-- A SHA-256 of each migration's text, recorded when it is applied, so a file edited after it
-- ran is noticed at start-up instead of leaving databases that differ silently. Rows applied
-- before this column existed are filled in by the runner on its first run (decision 0020).
ALTER TABLE schema_migrations ADD COLUMN checksum TEXT;
