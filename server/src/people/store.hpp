// The people area's SQL.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/pagination.hpp"
#include "people/model.hpp"
#include "store/db.hpp"

namespace trellis::people::db {

using store::Conn;

Result<std::optional<Person>> get_person(Conn& c, const std::string& org_id, const std::string& id);
Result<void> insert_person(Conn& c, const Person& p, const std::string& by);
Result<void> update_person(Conn& c, const Person& p, std::int64_t expected_version, const std::string& by);
// People with the same date of birth and folded name: a likely duplicate.
Result<std::vector<Person>> find_similar(Conn& c, const std::string& org_id, const std::string& date_of_birth,
                                         const std::string& folded_name);

struct CaseloadRow {
  Person person;
  std::optional<std::string> review_on;  // the plan's next review
  std::optional<std::string> last_check_in;
  std::string last_change;  // the newest change to their plan, goals or details
  std::string sort_key;
};
// People whose care team includes the user or one of their teams; with `text`, filtered by name.
Result<std::vector<CaseloadRow>> caseload(Conn& c, const std::string& org_id, const std::string& user_id,
                                          const std::vector<std::string>& team_ids,
                                          const std::optional<std::string>& folded_text, const PageRequest& page);
// Anyone in the organisation by name (for finding a person to break the glass for).
Result<std::vector<Person>> search_all(Conn& c, const std::string& org_id, const std::string& folded_text,
                                       std::size_t limit);

// Care team
Result<std::vector<CareTeamMember>> care_team(Conn& c, const std::string& org_id, const std::string& person_id);
Result<void> set_care_team(Conn& c, const std::string& org_id, const std::string& person_id,
                           const std::vector<CareTeamMember>& members, const std::string& by, const std::string& at);
Result<bool> on_care_team(Conn& c, const std::string& org_id, const std::string& person_id, const std::string& user_id,
                          const std::vector<std::string>& team_ids);

// Supporters
Result<std::vector<Supporter>> supporters(Conn& c, const std::string& org_id, const std::string& person_id);
Result<std::optional<Supporter>> get_supporter(Conn& c, const std::string& org_id, const std::string& id);
Result<void> insert_supporter(Conn& c, const Supporter& s, const std::string& by);
Result<void> update_supporter(Conn& c, const Supporter& s, std::int64_t expected_version, const std::string& by);

// Consent
Result<std::vector<Consent>> consents(Conn& c, const std::string& org_id, const std::string& person_id);
Result<std::optional<Consent>> get_consent(Conn& c, const std::string& org_id, const std::string& id);
Result<void> insert_consent(Conn& c, const Consent& k);
Result<bool> withdraw_consent(Conn& c, const std::string& org_id, const std::string& id, const std::string& at,
                              const std::string& by);
// Consents not withdrawn that name this grantee ("supporter" or "partner"); callers check dates.
Result<std::vector<Consent>> consents_for_grantee(Conn& c, const std::string& org_id, const std::string& grantee_type,
                                                  const std::string& grantee_id);
Result<std::vector<Consent>> consents_for_supporter(Conn& c, const std::string& org_id, const std::string& supporter_id);

// Break the glass
Result<void> insert_break_glass(Conn& c, const BreakGlass& b);
Result<bool> has_open_break_glass(Conn& c, const std::string& org_id, const std::string& user_id,
                                  const std::string& person_id, const std::string& now);
Result<std::vector<BreakGlass>> break_glass_to_review(Conn& c, const std::string& org_id, bool include_reviewed,
                                                      std::size_t limit);
Result<bool> review_break_glass(Conn& c, const std::string& org_id, const std::string& id, const std::string& by,
                                const std::string& at, const std::string& note);

}  // namespace trellis::people::db
