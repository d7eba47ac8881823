-- Getting ready for an appointment: what the person wants their worker to know beforehand.
CREATE TABLE appointment_preps (
  org_id TEXT NOT NULL,
  id TEXT NOT NULL,
  person_id TEXT NOT NULL,
  for_date TEXT,
  how_things_have_been TEXT NOT NULL DEFAULT '',
  want_to_talk_about TEXT NOT NULL DEFAULT '',
  what_helps TEXT NOT NULL DEFAULT '',
  want_treatment_to_help TEXT NOT NULL DEFAULT '',
  written_at TEXT NOT NULL,
  written_by TEXT,
  written_by_role TEXT,
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, person_id) REFERENCES people(org_id, id)
);
CREATE INDEX appointment_preps_person ON appointment_preps(org_id, person_id, written_at);
