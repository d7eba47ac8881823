-- Where each service is, as an R*Tree over its point (microdegrees fit 32-bit integers), so
-- "near Footscray" reads the services in a small box instead of a band of latitude across the
-- whole state. The service's id rides along, so a category or hours test needs no row lookup.
-- Kept in step by the store, like the full-text index.
CREATE VIRTUAL TABLE directory_services_rtree USING rtree_i32(
  id,
  min_lat, max_lat,
  min_lon, max_lon,
  +hsds_id
);
INSERT INTO directory_services_rtree (id, min_lat, max_lat, min_lon, max_lon, hsds_id)
  SELECT rowid, latitude_e6, latitude_e6, longitude_e6, longitude_e6, hsds_id FROM directory_services
  WHERE latitude_e6 IS NOT NULL AND longitude_e6 IS NOT NULL;
