#include "people/json.hpp"

#include "access/json.hpp"

namespace trellis::people {

void write_person_fields(JsonWriter& w, const Person& p) {
  w.field("id", p.id);
  w.field("givenName", p.given_name);
  w.field("familyName", p.family_name);
  w.field("preferredName", p.preferred_name);
  w.field("displayName", p.display_name());
  w.field("pronouns", p.pronouns);
  w.field("dateOfBirth", p.date_of_birth);
  w.field("email", p.email);
  w.field("phone", p.phone);
  w.field("address", p.address);
  w.field("languages", p.languages);
  w.field("interpreterNeeded", p.interpreter_needed);
  w.field("culturalIdentity", p.cultural_identity);
  w.field("spiritualPractice", p.spiritual_practice);
  w.field("communicationNeeds", p.communication_needs);
  w.field("otherProviders", p.other_providers);
  w.field("status", name_of(p.status));
  w.field("supportStartedOn", p.support_started_on);
  w.field("supportEndedOn", p.support_ended_on);
  w.field("createdAt", p.created_at);
  w.field("updatedAt", p.updated_at);
  w.field("version", p.version);
}

void write_json(JsonWriter& w, const Person& p) {
  w.object([&] { write_person_fields(w, p); });
}

void write_json(JsonWriter& w, const Supporter& s) {
  w.object([&] {
    w.field("id", s.id);
    w.field("personId", s.person_id);
    w.field("name", s.name);
    w.field("relationship", s.relationship);
    w.field("phone", s.phone);
    w.field("email", s.email);
    w.field("involvement", s.involvement);
    w.field("active", s.active);
    w.field("hasAccount", s.has_account);
    w.field("updatedAt", s.updated_at);
    w.field("version", s.version);
  });
}

void write_consent_fields(JsonWriter& w, const Consent& k, const std::string& today) {
  w.field("id", k.id);
  w.field("personId", k.person_id);
  w.field("granteeType", k.grantee_type);
  w.field("granteeId", k.grantee_id);
  w.field("parts", k.parts);
  w.field("purpose", k.purpose);
  w.field("startsOn", k.starts_on);
  w.field("endsOn", k.ends_on);
  w.field("recordedAt", k.recorded_at);
  w.field("withdrawnAt", k.withdrawn_at);
  w.field("inForce", k.in_force(today));
}

void write_json(JsonWriter& w, const CareTeamMember& m) {
  w.object([&] {
    w.field("memberType", m.member_type);
    w.field("memberId", m.member_id);
    w.field("name", m.name);
    w.field("role", m.role);
  });
}

void write_json(JsonWriter& w, const BreakGlass& b) {
  w.object([&] {
    w.field("id", b.id);
    w.field("userId", b.user_id);
    w.field("userName", b.user_name);
    w.field("personId", b.person_id);
    w.field("personName", b.person_name);
    w.field("reasonCode", b.reason_code);
    w.field("reason", b.reason);
    w.field("startedAt", b.started_at);
    w.field("expiresAt", b.expires_at);
    w.field("reviewedAt", b.reviewed_at);
    w.field("reviewNote", b.review_note);
  });
}

}  // namespace trellis::people
