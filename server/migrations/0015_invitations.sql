-- Sign-ins for people and supporters come only from invitations they accept themselves
-- (issue 9): nobody else sets or knows their password.

-- A person, or a supporter, has at most one active sign-in. Where workers made more than one
-- before, the earliest stays and the rest are switched off.
UPDATE users SET active = 0
 WHERE person_id IS NOT NULL AND active = 1 AND EXISTS (
   SELECT 1 FROM users o WHERE o.org_id = users.org_id AND o.person_id = users.person_id AND o.active = 1
      AND (o.created_at < users.created_at OR (o.created_at = users.created_at AND o.id < users.id)));
UPDATE users SET active = 0
 WHERE supporter_id IS NOT NULL AND active = 1 AND EXISTS (
   SELECT 1 FROM users o WHERE o.org_id = users.org_id AND o.supporter_id = users.supporter_id AND o.active = 1
      AND (o.created_at < users.created_at OR (o.created_at = users.created_at AND o.id < users.id)));
CREATE UNIQUE INDEX users_one_person_sign_in ON users(org_id, person_id) WHERE person_id IS NOT NULL AND active = 1;
CREATE UNIQUE INDEX users_one_supporter_sign_in ON users(org_id, supporter_id) WHERE supporter_id IS NOT NULL AND active = 1;

CREATE TABLE invitations (
  org_id TEXT NOT NULL REFERENCES orgs(org_id),
  id TEXT NOT NULL,
  token_hash TEXT NOT NULL,          -- SHA-256 of the link's secret; the secret itself is never kept
  person_id TEXT NOT NULL,           -- whose record the sign-in belongs to
  supporter_id TEXT,                 -- NULL: the person's own sign-in; else this supporter's
  display_name TEXT NOT NULL,        -- the name the new account will carry
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  accepted_at TEXT,
  user_id TEXT,                      -- the account made when it was accepted
  revoked_at TEXT,
  revoked_by TEXT,
  PRIMARY KEY (org_id, id)
);
-- Accepting finds the invitation by its secret before the organisation is known, as sign-in does.
CREATE UNIQUE INDEX invitations_token ON invitations(token_hash);
CREATE INDEX invitations_person ON invitations(org_id, person_id, created_at);
