-- Shared care with partner agencies: a plan of who does what (including joint discharge
-- planning), and case conferences with their attendees, decisions and actions.
CREATE TABLE shared_care_plans (
  org_id TEXT NOT NULL,
  id TEXT NOT NULL,
  person_id TEXT NOT NULL,
  partner_id TEXT NOT NULL,
  purpose TEXT NOT NULL,
  who_does_what TEXT NOT NULL DEFAULT '',
  contacts TEXT NOT NULL DEFAULT '',
  discharge_plan TEXT NOT NULL DEFAULT '',
  review_on TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, person_id) REFERENCES people(org_id, id),
  FOREIGN KEY (org_id, partner_id) REFERENCES partners(org_id, id)
);
CREATE INDEX shared_care_person ON shared_care_plans(org_id, person_id);

CREATE TABLE case_conferences (
  org_id TEXT NOT NULL,
  id TEXT NOT NULL,
  person_id TEXT NOT NULL,
  held_on TEXT NOT NULL,
  attendees TEXT NOT NULL,
  decisions TEXT NOT NULL DEFAULT '',
  actions TEXT NOT NULL DEFAULT '',
  person_attended INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  created_by TEXT,
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, person_id) REFERENCES people(org_id, id)
);
CREATE INDEX case_conferences_person ON case_conferences(org_id, person_id, held_on);
