-- Signed agreements and other documents attached to a partnership. Each upload is kept; the
-- newest is the current one. Kept as base64 text so both databases store it the same way.
CREATE TABLE partner_documents (
  org_id TEXT NOT NULL,
  id TEXT NOT NULL,
  partner_id TEXT NOT NULL,
  name TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size_bytes INTEGER NOT NULL,
  data_base64 TEXT NOT NULL,
  uploaded_at TEXT NOT NULL,
  uploaded_by TEXT,
  PRIMARY KEY (org_id, id)
);
CREATE INDEX partner_documents_partner ON partner_documents(org_id, partner_id, uploaded_at);
