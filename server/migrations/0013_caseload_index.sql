-- A caseload is found from the member side: covering, so the people's ids come from the index.
DROP INDEX care_team_by_member;
CREATE INDEX care_team_by_member ON care_team_members(org_id, member_type, member_id, person_id);
