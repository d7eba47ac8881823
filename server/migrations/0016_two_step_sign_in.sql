-- Two-step sign-in (issue 9): a time-based code (TOTP, RFC 6238) after the password, with
-- single-use recovery codes; an organisation can require it of administrators and managers.
ALTER TABLE orgs ADD COLUMN require_two_step INTEGER NOT NULL DEFAULT 0;
-- Set at sign-in when the organisation requires two-step sign-in and the user has not set it up:
-- such a session can only set it up, read who it is, and sign out.
ALTER TABLE sessions ADD COLUMN two_step_setup_required INTEGER NOT NULL DEFAULT 0;

CREATE TABLE two_step_factors (
  org_id TEXT NOT NULL REFERENCES orgs(org_id),
  user_id TEXT NOT NULL,
  secret TEXT NOT NULL,                       -- the shared key, base32, as the authenticator app holds it
  confirmed_at TEXT,                          -- NULL while being set up: not yet asked for at sign-in
  last_counter INTEGER NOT NULL DEFAULT 0,    -- the last 30-second step used: each code works once
  created_at TEXT NOT NULL,
  PRIMARY KEY (org_id, user_id)
);

CREATE TABLE two_step_recovery_codes (
  org_id TEXT NOT NULL REFERENCES orgs(org_id),
  user_id TEXT NOT NULL,
  code_hash TEXT NOT NULL,                    -- SHA-256; the code itself is shown once
  used_at TEXT,
  PRIMARY KEY (org_id, user_id, code_hash)
);

-- Between the password and the code: a short-lived, single-use ticket held by the browser.
CREATE TABLE two_step_challenges (
  org_id TEXT NOT NULL REFERENCES orgs(org_id),
  id TEXT NOT NULL,
  token_hash TEXT NOT NULL,
  user_id TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  failures INTEGER NOT NULL DEFAULT 0,
  used_at TEXT,
  PRIMARY KEY (org_id, id)
);
CREATE UNIQUE INDEX two_step_challenges_token ON two_step_challenges(token_hash);
