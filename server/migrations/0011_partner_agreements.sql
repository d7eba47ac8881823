-- The rest of a partnership agreement: what each side expects of the other, who to contact,
-- and what each side puts in (staff time, rooms, funding, training).
ALTER TABLE partners ADD COLUMN agreement_expectations TEXT NOT NULL DEFAULT '';
ALTER TABLE partners ADD COLUMN agreement_contacts TEXT NOT NULL DEFAULT '';
ALTER TABLE partners ADD COLUMN our_resources TEXT NOT NULL DEFAULT '';
ALTER TABLE partners ADD COLUMN partner_resources TEXT NOT NULL DEFAULT '';
-- When the partner last said whether they are taking referrals, and by whom (HSDS 3.1 keeps
-- capacity with a time it was true).
ALTER TABLE partners ADD COLUMN capacity_updated_at TEXT;
