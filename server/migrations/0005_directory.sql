-- The service directory (Open Referral HSDS 3.0). Each imported document is kept whole, as
-- received, so an export gives back exactly what came in; the services found in it are also
-- indexed here for search.

CREATE TABLE directory_documents (
  org_id TEXT NOT NULL,
  kind TEXT NOT NULL,          -- organization, service, service_at_location, location, taxonomy_term
  hsds_id TEXT NOT NULL,
  doc TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (org_id, kind, hsds_id)
);

CREATE TABLE directory_services (
  org_id TEXT NOT NULL,
  hsds_id TEXT NOT NULL,
  organization_hsds_id TEXT NOT NULL DEFAULT '',
  name TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT '',
  search_text TEXT NOT NULL,   -- folded name, description, organisation and taxonomy terms
  languages TEXT NOT NULL DEFAULT '',
  taxonomy_codes TEXT NOT NULL DEFAULT '',
  latitude_e6 BIGINT,          -- microdegrees: integers compare the same on both databases
  longitude_e6 BIGINT,
  source_kind TEXT NOT NULL,   -- the document it came from
  source_id TEXT NOT NULL,
  PRIMARY KEY (org_id, hsds_id)
);
CREATE INDEX directory_services_place ON directory_services(org_id, latitude_e6, longitude_e6);
CREATE INDEX directory_services_source ON directory_services(org_id, source_kind, source_id);
