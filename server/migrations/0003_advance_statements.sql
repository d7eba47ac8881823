-- Advance statements: the person's preferences for a time they may be unwell. Never edited:
-- a new statement replaces the current one, or the current one is revoked; all are kept.

ALTER TABLE orgs ADD COLUMN advance_statement_rules TEXT NOT NULL DEFAULT '{"witnessRequired":true,"witnessRoleRequired":true,"nominatedSupportRequired":false}';

CREATE TABLE advance_statements (
  org_id TEXT NOT NULL,
  id TEXT NOT NULL,
  person_id TEXT NOT NULL,
  treatment_preferences TEXT NOT NULL,
  what_i_do_not_want TEXT NOT NULL DEFAULT '',
  other_wishes TEXT NOT NULL DEFAULT '',
  nominated_support_name TEXT NOT NULL DEFAULT '',
  nominated_support_contact TEXT NOT NULL DEFAULT '',
  signed_on TEXT NOT NULL,
  witness_name TEXT NOT NULL DEFAULT '',
  witness_role TEXT NOT NULL DEFAULT '',
  witnessed_on TEXT,
  status TEXT NOT NULL DEFAULT 'current',   -- 'current', 'replaced', 'revoked'
  replaced_by TEXT,
  revoked_at TEXT,
  revoked_reason TEXT NOT NULL DEFAULT '',
  recorded_at TEXT NOT NULL,
  recorded_by TEXT,
  recorded_by_role TEXT,
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, person_id) REFERENCES people(org_id, id)
);
CREATE INDEX advance_statements_person ON advance_statements(org_id, person_id, recorded_at);
