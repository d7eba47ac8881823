-- Full-text search over the directory's services: an FTS5 index kept in step by the store
-- (no triggers, so the PostgreSQL side stays ready for a distributed engine).
CREATE VIRTUAL TABLE directory_services_fts USING fts5(
  org_id UNINDEXED,
  hsds_id UNINDEXED,
  search_text,
  tokenize = 'unicode61 remove_diacritics 2'
);
CREATE INDEX directory_services_org_name ON directory_services(org_id, name, hsds_id);
