-- Partner agencies, their agreement with the service, and closed-loop referrals to them.

ALTER TABLE users ADD COLUMN partner_id TEXT;  -- a partner agency user's agency

CREATE TABLE partners (
  org_id TEXT NOT NULL REFERENCES orgs(org_id),
  id TEXT NOT NULL,
  name TEXT NOT NULL,
  directory_organization_id TEXT NOT NULL DEFAULT '',  -- its HSDS organisation, when in the directory
  status TEXT NOT NULL DEFAULT 'active',
  agreement_purpose TEXT NOT NULL DEFAULT '',
  agreement_roles TEXT NOT NULL DEFAULT '',
  information_sharing TEXT NOT NULL DEFAULT '',
  response_days INTEGER NOT NULL DEFAULT 5,           -- agreed time to answer a referral
  taking_referrals INTEGER NOT NULL DEFAULT 1,
  wait_weeks INTEGER,
  referral_required_parts TEXT NOT NULL DEFAULT '',   -- the referral protocol: parts every referral must share
  referral_guidance TEXT NOT NULL DEFAULT '',         -- and what the reason should cover
  agreement_starts_on TEXT,
  agreement_review_on TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (org_id, id),
  UNIQUE (org_id, name)
);

CREATE TABLE referrals (
  org_id TEXT NOT NULL,
  id TEXT NOT NULL,
  person_id TEXT NOT NULL,
  partner_id TEXT NOT NULL,
  service_name TEXT NOT NULL DEFAULT '',
  reason TEXT NOT NULL,
  goal_ids TEXT NOT NULL DEFAULT '',
  shared_parts TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'draft',
  decline_reason TEXT NOT NULL DEFAULT '',
  outcome TEXT NOT NULL DEFAULT '',
  sent_at TEXT,
  responded_at TEXT,
  closed_at TEXT,
  created_at TEXT NOT NULL,
  created_by TEXT,
  updated_at TEXT NOT NULL,
  updated_by TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, person_id) REFERENCES people(org_id, id),
  FOREIGN KEY (org_id, partner_id) REFERENCES partners(org_id, id)
);
CREATE INDEX referrals_person ON referrals(org_id, person_id, created_at);
CREATE INDEX referrals_partner ON referrals(org_id, partner_id, status, sent_at);

CREATE TABLE referral_events (
  org_id TEXT NOT NULL,
  id TEXT NOT NULL,
  referral_id TEXT NOT NULL,
  seq INTEGER NOT NULL,        -- order within the referral: several changes can share a millisecond
  at TEXT NOT NULL,
  by_user TEXT,
  by_role TEXT,
  from_status TEXT NOT NULL,
  to_status TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, referral_id) REFERENCES referrals(org_id, id)
);
CREATE UNIQUE INDEX referral_events_referral ON referral_events(org_id, referral_id, seq);
