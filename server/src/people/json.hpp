// How the people area's records look in the API and in record history.
#pragma once
#include "core/json_writer.hpp"
#include "people/model.hpp"

namespace trellis::people {

// A person's members, for the answers that show more beside them (the caseload, a person as the
// asker sees them); write_json wraps them as an object.
void write_person_fields(JsonWriter& w, const Person& p);
void write_json(JsonWriter& w, const Person& p);
void write_json(JsonWriter& w, const Supporter& s);
// A consent decision's members; whether it is in force depends on the day.
void write_consent_fields(JsonWriter& w, const Consent& k, const std::string& today);
void write_json(JsonWriter& w, const CareTeamMember& m);
void write_json(JsonWriter& w, const BreakGlass& b);

}  // namespace trellis::people
