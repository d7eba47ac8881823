-- Partnership reviews: people from both sides rate the partnership on the dimensions of a
-- healthy partnership, with comments, and agree actions.
CREATE TABLE partnership_reviews (
  org_id TEXT NOT NULL,
  id TEXT NOT NULL,
  partner_id TEXT NOT NULL,
  title TEXT NOT NULL,
  opened_at TEXT NOT NULL,
  opened_by TEXT,
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, partner_id) REFERENCES partners(org_id, id)
);
CREATE INDEX partnership_reviews_partner ON partnership_reviews(org_id, partner_id, opened_at);

CREATE TABLE partnership_ratings (
  org_id TEXT NOT NULL,
  review_id TEXT NOT NULL,
  rater_id TEXT NOT NULL,
  rater_side TEXT NOT NULL,     -- 'service' or 'partner'
  dimension TEXT NOT NULL,
  score INTEGER NOT NULL,       -- 1 (not at all) to 5 (fully)
  comment TEXT NOT NULL DEFAULT '',
  rated_at TEXT NOT NULL,
  PRIMARY KEY (org_id, review_id, rater_id, dimension),
  FOREIGN KEY (org_id, review_id) REFERENCES partnership_reviews(org_id, id)
);

CREATE TABLE partnership_actions (
  org_id TEXT NOT NULL,
  id TEXT NOT NULL,
  review_id TEXT NOT NULL,
  action TEXT NOT NULL,
  owner TEXT NOT NULL DEFAULT '',
  due_on TEXT,
  created_at TEXT NOT NULL,
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, review_id) REFERENCES partnership_reviews(org_id, id)
);
CREATE INDEX partnership_actions_review ON partnership_actions(org_id, review_id, created_at);
