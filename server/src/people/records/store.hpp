// The SQL of people's details and care teams.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "people/model.hpp"
#include "store/columns.hpp"
#include "store/db.hpp"

namespace trellis::people::db {

using store::Conn;

Result<std::optional<Person>> get_person(Conn& c, const std::string& org_id, const std::string& id);
Result<void> insert_person(Conn& c, const Person& p, const std::string& by);
Result<void> update_person(Conn& c, const Person& p, std::int64_t expected_version, const std::string& by);
// People with the same date of birth and folded name: a likely duplicate.
Result<std::vector<Person>> find_similar(Conn& c, const std::string& org_id, const std::string& date_of_birth,
                                         const std::string& folded_name);

// Care team
Result<std::vector<CareTeamMember>> care_team(Conn& c, const std::string& org_id, const std::string& person_id);
Result<void> set_care_team(Conn& c, const std::string& org_id, const std::string& person_id,
                           const std::vector<CareTeamMember>& members, const std::string& by, const std::string& at);
Result<bool> on_care_team(Conn& c, const std::string& org_id, const std::string& person_id, const std::string& user_id,
                          const std::vector<std::string>& team_ids);

// A person's columns, for the caseload and search to read people the same way (select_list("p")).
extern const store::Columns<Person> kPersonColumns;

}  // namespace trellis::people::db
