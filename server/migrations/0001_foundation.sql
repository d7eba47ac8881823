-- Foundation: organisations, sites, teams, users, sessions, sign-in attempts, audit log.
-- Keys lead with org_id (the tenant); ids are opaque 128-bit hex; times are UTC ISO-8601 text.
-- One file for both databases: BIGINT is 64 bits in PostgreSQL, and in SQLite any type named
-- with INT has integer affinity (stored in up to 8 bytes), so the two read the same.

CREATE TABLE orgs (
  org_id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  time_zone TEXT NOT NULL DEFAULT 'Australia/Melbourne',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE sites (
  org_id TEXT NOT NULL REFERENCES orgs(org_id),
  id TEXT NOT NULL,
  name TEXT NOT NULL,
  address TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (org_id, id),
  UNIQUE (org_id, name)
);

CREATE TABLE teams (
  org_id TEXT NOT NULL,
  id TEXT NOT NULL,
  site_id TEXT,
  name TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  active INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (org_id, id),
  UNIQUE (org_id, name),
  FOREIGN KEY (org_id, site_id) REFERENCES sites(org_id, id)
);

CREATE TABLE users (
  org_id TEXT NOT NULL REFERENCES orgs(org_id),
  id TEXT NOT NULL,
  email TEXT NOT NULL,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (org_id, id)
);
-- The email is the sign-in name, so it is unique across the installation (docs/decisions/0003).
CREATE UNIQUE INDEX users_email ON users(email);
CREATE INDEX users_org_name ON users(org_id, display_name);

CREATE TABLE user_teams (
  org_id TEXT NOT NULL,
  user_id TEXT NOT NULL,
  team_id TEXT NOT NULL,
  PRIMARY KEY (org_id, user_id, team_id),
  FOREIGN KEY (org_id, user_id) REFERENCES users(org_id, id),
  FOREIGN KEY (org_id, team_id) REFERENCES teams(org_id, id)
);
CREATE INDEX user_teams_team ON user_teams(org_id, team_id);

CREATE TABLE sessions (
  org_id TEXT NOT NULL,
  id TEXT NOT NULL,
  user_id TEXT NOT NULL,
  token_hash TEXT NOT NULL,
  csrf_token TEXT NOT NULL,
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  reauth_at TEXT,
  ended_at TEXT,
  ended_reason TEXT,
  user_agent TEXT NOT NULL DEFAULT '',
  client_address TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, user_id) REFERENCES users(org_id, id)
);
CREATE UNIQUE INDEX sessions_token ON sessions(token_hash);
CREATE INDEX sessions_user ON sessions(org_id, user_id, ended_at);

-- Sign-in attempts come before we know the organisation, so they are keyed by email and address.
CREATE TABLE login_attempts (
  id TEXT PRIMARY KEY,
  email TEXT NOT NULL,
  client_address TEXT NOT NULL,
  at TEXT NOT NULL,
  succeeded INTEGER NOT NULL
);
CREATE INDEX login_attempts_email ON login_attempts(email, at);
CREATE INDEX login_attempts_client ON login_attempts(client_address, at);

CREATE TABLE audit_heads (
  org_id TEXT PRIMARY KEY,
  seq BIGINT NOT NULL,
  hash TEXT NOT NULL
);

CREATE TABLE audit_events (
  org_id TEXT NOT NULL,
  seq BIGINT NOT NULL,
  id TEXT NOT NULL,
  at TEXT NOT NULL,
  actor_id TEXT,
  actor_role TEXT,
  action TEXT NOT NULL,
  entity_type TEXT NOT NULL DEFAULT '',
  entity_id TEXT NOT NULL DEFAULT '',
  person_id TEXT,
  outcome TEXT NOT NULL,
  request_id TEXT NOT NULL DEFAULT '',
  client_address TEXT NOT NULL DEFAULT '',
  detail TEXT NOT NULL DEFAULT '',
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL,
  PRIMARY KEY (org_id, seq)
);
CREATE INDEX audit_events_at ON audit_events(org_id, at);
CREATE INDEX audit_events_actor ON audit_events(org_id, actor_id, seq);
CREATE INDEX audit_events_entity ON audit_events(org_id, entity_type, entity_id, seq);
CREATE INDEX audit_events_person ON audit_events(org_id, person_id, seq);
