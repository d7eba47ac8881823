#include "people/json.hpp"

#include "core/json_output.hpp"

namespace trellis::people {

nlohmann::json to_json(const Person& p) {
  return {{"id", p.id},
          {"givenName", p.given_name},
          {"familyName", p.family_name},
          {"preferredName", p.preferred_name},
          {"displayName", p.display_name()},
          {"pronouns", p.pronouns},
          {"dateOfBirth", p.date_of_birth},
          {"email", p.email},
          {"phone", p.phone},
          {"address", p.address},
          {"languages", p.languages},
          {"interpreterNeeded", p.interpreter_needed},
          {"culturalIdentity", p.cultural_identity},
          {"spiritualPractice", p.spiritual_practice},
          {"communicationNeeds", p.communication_needs},
          {"otherProviders", p.other_providers},
          {"status", name_of(p.status)},
          {"supportStartedOn", p.support_started_on},
          {"supportEndedOn", or_null(p.support_ended_on)},
          {"createdAt", p.created_at},
          {"updatedAt", p.updated_at},
          {"version", p.version}};
}

nlohmann::json to_json(const Supporter& s) {
  return {{"id", s.id},
          {"personId", s.person_id},
          {"name", s.name},
          {"relationship", s.relationship},
          {"phone", s.phone},
          {"email", s.email},
          {"involvement", s.involvement},
          {"active", s.active},
          {"hasAccount", s.has_account},
          {"updatedAt", s.updated_at},
          {"version", s.version}};
}

nlohmann::json to_json(const Consent& k, const std::string& today) {
  nlohmann::json parts = nlohmann::json::array();
  for (auto p : k.parts) parts.push_back(access::part_name(p));
  return {{"id", k.id},
          {"personId", k.person_id},
          {"granteeType", k.grantee_type},
          {"granteeId", k.grantee_id},
          {"parts", parts},
          {"purpose", k.purpose},
          {"startsOn", k.starts_on},
          {"endsOn", or_null(k.ends_on)},
          {"recordedAt", k.recorded_at},
          {"withdrawnAt", or_null(k.withdrawn_at)},
          {"inForce", k.in_force(today)}};
}

nlohmann::json to_json(const CareTeamMember& m) {
  return {{"memberType", m.member_type}, {"memberId", m.member_id}, {"name", m.name}, {"role", m.role}};
}

nlohmann::json to_json(const BreakGlass& b) {
  return {{"id", b.id},
          {"userId", b.user_id},
          {"userName", b.user_name},
          {"personId", b.person_id},
          {"personName", b.person_name},
          {"reasonCode", b.reason_code},
          {"reason", b.reason},
          {"startedAt", b.started_at},
          {"expiresAt", b.expires_at},
          {"reviewedAt", or_null(b.reviewed_at)},
          {"reviewNote", or_null(b.review_note)}};
}

}  // namespace trellis::people
