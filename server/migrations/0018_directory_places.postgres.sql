-- Where each service is, as a GiST index over its point, so "near Footscray" reads the services
-- in a small box instead of a band of latitude across the whole state.
CREATE INDEX directory_services_point ON directory_services USING GIST (point(longitude_e6, latitude_e6));
