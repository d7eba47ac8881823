-- The person's recovery record (capability 2A): people, care teams, supporters, consent,
-- break-the-glass access, life areas, check-ins, recovery plans, goals and steps.

ALTER TABLE users ADD COLUMN person_id TEXT;     -- a person's own portal account
ALTER TABLE users ADD COLUMN supporter_id TEXT;  -- a supporter's account

CREATE TABLE people (
  org_id TEXT NOT NULL REFERENCES orgs(org_id),
  id TEXT NOT NULL,
  given_name TEXT NOT NULL,
  family_name TEXT NOT NULL,
  preferred_name TEXT NOT NULL DEFAULT '',
  pronouns TEXT NOT NULL DEFAULT '',
  date_of_birth TEXT NOT NULL,
  email TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  address TEXT NOT NULL DEFAULT '',
  languages TEXT NOT NULL DEFAULT '',
  interpreter_needed INTEGER NOT NULL DEFAULT 0,
  cultural_identity TEXT NOT NULL DEFAULT '',
  spiritual_practice TEXT NOT NULL DEFAULT '',
  communication_needs TEXT NOT NULL DEFAULT '',
  other_providers TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'receiving_support',
  support_started_on TEXT NOT NULL,
  support_ended_on TEXT,
  search_name TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (org_id, id)
);
CREATE INDEX people_search ON people(org_id, search_name);
CREATE INDEX people_duplicate ON people(org_id, date_of_birth, search_name);

-- Earlier versions of every versioned care record, as JSON, for history and "who changed what".
CREATE TABLE record_versions (
  org_id TEXT NOT NULL,
  entity_type TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  person_id TEXT NOT NULL,
  data TEXT NOT NULL,
  changed_at TEXT NOT NULL,
  changed_by TEXT,
  changed_by_role TEXT,
  PRIMARY KEY (org_id, entity_type, entity_id, version)
);
CREATE INDEX record_versions_person ON record_versions(org_id, person_id, changed_at);

CREATE TABLE care_team_members (
  org_id TEXT NOT NULL,
  person_id TEXT NOT NULL,
  member_type TEXT NOT NULL,   -- 'user' or 'team'
  member_id TEXT NOT NULL,
  added_at TEXT NOT NULL,
  added_by TEXT,
  PRIMARY KEY (org_id, person_id, member_type, member_id),
  FOREIGN KEY (org_id, person_id) REFERENCES people(org_id, id)
);
CREATE INDEX care_team_by_member ON care_team_members(org_id, member_type, member_id);

CREATE TABLE supporters (
  org_id TEXT NOT NULL,
  id TEXT NOT NULL,
  person_id TEXT NOT NULL,
  name TEXT NOT NULL,
  relationship TEXT NOT NULL,
  phone TEXT NOT NULL DEFAULT '',
  email TEXT NOT NULL DEFAULT '',
  involvement TEXT NOT NULL DEFAULT '',
  active INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, person_id) REFERENCES people(org_id, id)
);
CREATE INDEX supporters_person ON supporters(org_id, person_id);

-- The person's decisions about who may see which parts, for what purpose, from when until when.
-- Never edited: withdrawing sets withdrawn_at, and a new decision is a new row.
CREATE TABLE consents (
  org_id TEXT NOT NULL,
  id TEXT NOT NULL,
  person_id TEXT NOT NULL,
  grantee_type TEXT NOT NULL,  -- 'supporter'
  grantee_id TEXT NOT NULL,
  parts TEXT NOT NULL,         -- comma-separated record parts
  purpose TEXT NOT NULL,
  starts_on TEXT NOT NULL,
  ends_on TEXT,
  recorded_at TEXT NOT NULL,
  recorded_by TEXT,
  withdrawn_at TEXT,
  withdrawn_by TEXT,
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, person_id) REFERENCES people(org_id, id)
);
CREATE INDEX consents_grantee ON consents(org_id, grantee_type, grantee_id, person_id);
CREATE INDEX consents_person ON consents(org_id, person_id);

CREATE TABLE break_glass (
  org_id TEXT NOT NULL,
  id TEXT NOT NULL,
  user_id TEXT NOT NULL,
  person_id TEXT NOT NULL,
  reason_code TEXT NOT NULL,
  reason TEXT NOT NULL,
  started_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  reviewed_by TEXT,
  reviewed_at TEXT,
  review_note TEXT,
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, person_id) REFERENCES people(org_id, id)
);
CREATE INDEX break_glass_user ON break_glass(org_id, user_id, person_id, expires_at);
CREATE INDEX break_glass_review ON break_glass(org_id, reviewed_at, started_at);

CREATE TABLE life_areas (
  org_id TEXT NOT NULL,
  id TEXT NOT NULL,
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  position INTEGER NOT NULL,
  active INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (org_id, id),
  UNIQUE (org_id, code)
);

CREATE TABLE check_ins (
  org_id TEXT NOT NULL,
  id TEXT NOT NULL,
  person_id TEXT NOT NULL,
  taken_at TEXT NOT NULL,
  entered_by TEXT,
  entered_by_role TEXT,
  home_environment TEXT NOT NULL DEFAULT '',
  priorities TEXT NOT NULL DEFAULT '',
  relationships TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, person_id) REFERENCES people(org_id, id)
);
CREATE INDEX check_ins_person ON check_ins(org_id, person_id, taken_at);

CREATE TABLE check_in_ratings (
  org_id TEXT NOT NULL,
  check_in_id TEXT NOT NULL,
  life_area_id TEXT NOT NULL,
  person_rating INTEGER,
  worker_rating INTEGER,
  what_matters TEXT NOT NULL DEFAULT '',
  what_is_working TEXT NOT NULL DEFAULT '',
  what_would_help TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (org_id, check_in_id, life_area_id),
  FOREIGN KEY (org_id, check_in_id) REFERENCES check_ins(org_id, id),
  FOREIGN KEY (org_id, life_area_id) REFERENCES life_areas(org_id, id)
);

CREATE TABLE plans (
  org_id TEXT NOT NULL,
  id TEXT NOT NULL,
  person_id TEXT NOT NULL,
  sections TEXT NOT NULL,        -- JSON: each section's text and who wrote it
  review_on TEXT,
  agreed_at TEXT,
  agreed_version INTEGER,
  disagreement TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (org_id, id),
  UNIQUE (org_id, person_id),
  FOREIGN KEY (org_id, person_id) REFERENCES people(org_id, id)
);
CREATE INDEX plans_review ON plans(org_id, review_on);

CREATE TABLE goals (
  org_id TEXT NOT NULL,
  id TEXT NOT NULL,
  person_id TEXT NOT NULL,
  title TEXT NOT NULL,
  why_it_matters TEXT NOT NULL DEFAULT '',
  life_area_ids TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'not_started',
  written_by_role TEXT NOT NULL,
  achieved_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  deleted_at TEXT,
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, person_id) REFERENCES people(org_id, id)
);
CREATE INDEX goals_person ON goals(org_id, person_id, created_at);

CREATE TABLE goal_steps (
  org_id TEXT NOT NULL,
  id TEXT NOT NULL,
  goal_id TEXT NOT NULL,
  person_id TEXT NOT NULL,
  description TEXT NOT NULL,
  who TEXT NOT NULL,            -- 'person', 'worker', 'supporter', 'partner'
  who_name TEXT NOT NULL DEFAULT '',
  due_on TEXT,
  status TEXT NOT NULL DEFAULT 'not_started',
  done_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, goal_id) REFERENCES goals(org_id, id)
);
CREATE INDEX goal_steps_goal ON goal_steps(org_id, goal_id, created_at);

CREATE TABLE goal_notes (
  org_id TEXT NOT NULL,
  id TEXT NOT NULL,
  goal_id TEXT NOT NULL,
  person_id TEXT NOT NULL,
  note TEXT NOT NULL,
  written_by TEXT,
  written_by_role TEXT,
  written_at TEXT NOT NULL,
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, goal_id) REFERENCES goals(org_id, id)
);
CREATE INDEX goal_notes_goal ON goal_notes(org_id, goal_id, written_at);
