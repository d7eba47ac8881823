-- Lists read by person or a page at a time, found by the benchmark at 100,000 people.
-- A person's goals come with all their steps and notes, read by person, not goal by goal.
CREATE INDEX goal_steps_person ON goal_steps(org_id, person_id, created_at);
CREATE INDEX goal_notes_person ON goal_notes(org_id, person_id, written_at);
-- A partner's inbox is read a page at a time, newest first.
CREATE INDEX referrals_partner_sent ON referrals(org_id, partner_id, sent_at, id);
