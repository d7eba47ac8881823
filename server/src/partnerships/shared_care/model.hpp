// Shared care with partner agencies: who does what for a person, and case conferences.
#pragma once
#include <optional>
#include <string>

namespace trellis::partnerships {

struct SharedCarePlan {
  std::string id, person_id, partner_id, partner_name, purpose, who_does_what, contacts, discharge_plan;
  std::optional<std::string> review_on;
  std::string updated_at;
  std::int64_t version = 1;
};

struct CaseConference {
  std::string id, person_id, held_on, attendees, decisions, actions;
  bool person_attended = false;
  std::string created_at;
};

}  // namespace trellis::partnerships
