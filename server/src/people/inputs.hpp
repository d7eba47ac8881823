// What callers give the people area's services to create or change a record.
#pragma once
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "access/policy.hpp"
#include "people/model.hpp"

namespace trellis::people {

inline constexpr auto kBreakGlassDuration = std::chrono::hours(4);

struct PersonInput {
  std::optional<std::string> given_name, family_name, preferred_name, pronouns, date_of_birth, email, phone, address,
      languages, cultural_identity, spiritual_practice, communication_needs, other_providers, support_started_on,
      support_ended_on;
  std::optional<PersonStatus> status;
  std::optional<bool> interpreter_needed;
  std::optional<std::vector<std::string>> team_ids;  // on create: the teams on the care team
  bool not_a_duplicate = false;                      // the worker checked the suggested match
};

struct CaseloadEntry {
  Person person;
  std::optional<std::string> review_on, last_check_in;
  std::string last_change;
  bool review_overdue = false;
};
struct CaseloadPage {
  std::vector<CaseloadEntry> items;
  std::optional<std::string> next_cursor;
};

struct SupporterInput {
  std::optional<std::string> name, relationship, phone, email, involvement;
  std::optional<bool> active;
};

struct ConsentInput {
  std::string grantee_type = "supporter";  // or "partner": a partner agency of this organisation
  std::string supporter_id;                // the grantee's id
  std::vector<access::Part> parts;
  std::string purpose;
  std::string starts_on;
  std::optional<std::string> ends_on;
};

}  // namespace trellis::people
