// The people we support, their care team, their supporters and their consent decisions.
#pragma once
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "access/policy.hpp"
#include "core/enum_names.hpp"

namespace trellis::people {

// Whether the service supports the person now. Either may follow the other (support ends, and
// may resume later); what moves with it is the day support ended, kept by Person::set_status.
enum class PersonStatus { receiving_support, ended };
inline constexpr EnumName<PersonStatus> kPersonStatusNames[] = {{PersonStatus::receiving_support, "receiving_support"},
                                                                {PersonStatus::ended, "ended"}};
constexpr std::span<const EnumName<PersonStatus>> names_of(PersonStatus) { return kPersonStatusNames; }

struct Person {
  std::string org_id, id;
  std::string given_name, family_name, preferred_name, pronouns, date_of_birth;
  std::string email, phone, address, languages;
  bool interpreter_needed = false;
  std::string cultural_identity, spiritual_practice, communication_needs, other_providers;
  PersonStatus status = PersonStatus::receiving_support;
  std::string support_started_on;
  std::optional<std::string> support_ended_on;
  std::string created_at, updated_at;
  std::int64_t version = 1;

  std::string display_name() const {
    return (preferred_name.empty() ? given_name : preferred_name) + " " + family_name;
  }

  // Only ended support has an end day: ending it keeps the day given, else the day already
  // recorded, else today (dates are whole days, UTC); resuming it clears the day.
  void set_status(PersonStatus to, const std::optional<std::string>& ended_on, const std::string& today) {
    status = to;
    if (to == PersonStatus::receiving_support)
      support_ended_on.reset();
    else if (ended_on)
      support_ended_on = ended_on;
    else if (!support_ended_on)
      support_ended_on = today;
  }
};

struct CareTeamMember {
  std::string member_type;  // "user" or "team"
  std::string member_id;
  std::string name;  // the worker's or team's name, for showing
  std::string role;  // the worker's role; empty for a team
};

struct Supporter {
  std::string org_id, id, person_id;
  std::string name, relationship, phone, email;
  std::string involvement;  // how the person wants them involved, in the person's words
  bool active = true;
  bool has_account = false;
  std::string created_at, updated_at;
  std::int64_t version = 1;
};

struct Consent {
  std::string org_id, id, person_id;
  std::string grantee_type = "supporter";
  std::string grantee_id;
  std::vector<access::Part> parts;
  std::string purpose;
  std::string starts_on;
  std::optional<std::string> ends_on;
  std::string recorded_at;
  std::optional<std::string> recorded_by, withdrawn_at, withdrawn_by;

  // In force: not withdrawn, started, and not yet ended (dates are whole days, UTC).
  bool in_force(const std::string& today) const {
    return !withdrawn_at && starts_on <= today && (!ends_on || today <= *ends_on);
  }
};

struct BreakGlass {
  std::string org_id, id, user_id, person_id, reason_code, reason, started_at, expires_at;
  std::optional<std::string> reviewed_by, reviewed_at, review_note;
  std::string user_name, person_name;  // for the review queue
};

inline constexpr std::string_view kBreakGlassReasons[] = {"urgent_safety", "covering_for_colleague", "after_hours",
                                                          "new_referral", "other"};

}  // namespace trellis::people
