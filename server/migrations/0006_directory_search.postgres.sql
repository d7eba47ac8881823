-- Full-text search over the directory's services: a generated tsvector with a GIN index.
ALTER TABLE directory_services ADD COLUMN search_tsv tsvector
  GENERATED ALWAYS AS (to_tsvector('simple', search_text)) STORED;
CREATE INDEX directory_services_search ON directory_services USING GIN (search_tsv);
CREATE INDEX directory_services_org_name ON directory_services(org_id, name, hsds_id);
