-- How far each audit journal's records have been moved into audit_events (decision 0031). The
-- number moves in the same transaction as the events, so after a crash a record is neither moved
-- twice nor skipped.
CREATE TABLE audit_journal_moves (
  journal TEXT PRIMARY KEY,
  moved_through BIGINT NOT NULL
);
