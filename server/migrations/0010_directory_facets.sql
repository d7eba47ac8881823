-- What the directory's search filters on besides words: each service's categories (taxonomy
-- terms), its weekly opening hours (from HSDS schedules), and the place it is in (the suburb
-- and postcode of its location's address), so "near Northcote" or "near 3070" can be answered.

CREATE TABLE directory_service_categories (
  org_id TEXT NOT NULL,
  service_id TEXT NOT NULL,
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  PRIMARY KEY (org_id, code, service_id)
);
CREATE INDEX directory_service_categories_service ON directory_service_categories(org_id, service_id);

-- One row per day a service is open: minutes since midnight, local time at the service.
CREATE TABLE directory_service_hours (
  org_id TEXT NOT NULL,
  service_id TEXT NOT NULL,
  weekday INTEGER NOT NULL,    -- 0 Monday … 6 Sunday
  opens_min INTEGER NOT NULL,
  closes_min INTEGER NOT NULL,
  valid_from TEXT,
  valid_to TEXT
);
-- Covering, so "open at" is answered from the index alone.
CREATE INDEX directory_service_hours_service
  ON directory_service_hours(org_id, service_id, weekday, opens_min, closes_min, valid_from, valid_to);

ALTER TABLE directory_services ADD COLUMN organization_name TEXT NOT NULL DEFAULT '';
ALTER TABLE directory_services ADD COLUMN locality TEXT NOT NULL DEFAULT '';
ALTER TABLE directory_services ADD COLUMN postcode TEXT NOT NULL DEFAULT '';
-- Covering: a place's middle is averaged from the index alone.
CREATE INDEX directory_services_locality ON directory_services(org_id, locality, latitude_e6, longitude_e6);
CREATE INDEX directory_services_postcode ON directory_services(org_id, postcode, latitude_e6, longitude_e6);
