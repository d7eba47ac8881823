#include "people/records/store.hpp"

#include <algorithm>
#include <map>

#include "access/policy.hpp"
#include "core/text.hpp"
#include "store/sql.hpp"
#include "store/versioning.hpp"

namespace trellis::people::db {


const char* const kPersonColumns =
    "p.org_id, p.id, p.given_name, p.family_name, p.preferred_name, p.pronouns, p.date_of_birth, p.email, p.phone,"
    " p.address, p.languages, p.interpreter_needed, p.cultural_identity, p.spiritual_practice, p.communication_needs,"
    " p.other_providers, p.status, p.support_started_on, p.support_ended_on, p.created_at, p.updated_at, p.version";

Person person_from_row(const store::Row& r) {
  Person p;
  p.org_id = r.text(0);
  p.id = r.text(1);
  p.given_name = r.text(2);
  p.family_name = r.text(3);
  p.preferred_name = r.text(4);
  p.pronouns = r.text(5);
  p.date_of_birth = r.text(6);
  p.email = r.text(7);
  p.phone = r.text(8);
  p.address = r.text(9);
  p.languages = r.text(10);
  p.interpreter_needed = r.boolean(11);
  p.cultural_identity = r.text(12);
  p.spiritual_practice = r.text(13);
  p.communication_needs = r.text(14);
  p.other_providers = r.text(15);
  p.status = r.text(16);
  p.support_started_on = r.text(17);
  p.support_ended_on = r.opt_text(18);
  p.created_at = r.text(19);
  p.updated_at = r.text(20);
  p.version = r.integer(21);
  return p;
}

namespace {
std::string search_name(const Person& p) {
  return fold_for_search(p.given_name + " " + p.preferred_name + " " + p.family_name);
}
}  // namespace


Result<std::optional<Person>> get_person(Conn& c, const std::string& org_id, const std::string& id) {
  auto row = TRY(c.query_one(std::string("SELECT ") + kPersonColumns + " FROM people p WHERE p.org_id = ? AND p.id = ?",
                             {org_id, id}));
  if (!row) return std::optional<Person>{};
  return std::optional<Person>{person_from_row(*row)};
}

Result<void> insert_person(Conn& c, const Person& p, const std::string& by) {
  TRY(c.exec("INSERT INTO people (org_id, id, given_name, family_name, preferred_name, pronouns, date_of_birth, email,"
             " phone, address, languages, interpreter_needed, cultural_identity, spiritual_practice, communication_needs,"
             " other_providers, status, support_started_on, support_ended_on, search_name, created_at, updated_at,"
             " updated_by, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
             {p.org_id, p.id, p.given_name, p.family_name, p.preferred_name, p.pronouns, p.date_of_birth, p.email,
              p.phone, p.address, p.languages, p.interpreter_needed, p.cultural_identity, p.spiritual_practice,
              p.communication_needs, p.other_providers, p.status, p.support_started_on, p.support_ended_on,
              search_name(p), p.created_at, p.updated_at, by}));
  return {};
}

Result<void> update_person(Conn& c, const Person& p, std::int64_t expected_version, const std::string& by) {
  auto changed = TRY(c.exec(
      "UPDATE people SET given_name = ?, family_name = ?, preferred_name = ?, pronouns = ?, date_of_birth = ?,"
      " email = ?, phone = ?, address = ?, languages = ?, interpreter_needed = ?, cultural_identity = ?,"
      " spiritual_practice = ?, communication_needs = ?, other_providers = ?, status = ?, support_ended_on = ?,"
      " search_name = ?, updated_at = ?, updated_by = ?, version = version + 1"
      " WHERE org_id = ? AND id = ? AND version = ?",
      {p.given_name, p.family_name, p.preferred_name, p.pronouns, p.date_of_birth, p.email, p.phone, p.address,
       p.languages, p.interpreter_needed, p.cultural_identity, p.spiritual_practice, p.communication_needs,
       p.other_providers, p.status, p.support_ended_on, search_name(p), p.updated_at, by, p.org_id, p.id,
       expected_version}));
  return store::check_versioned_update(c, changed, "people", p.org_id, p.id, expected_version, "person's details");
}

Result<std::vector<Person>> find_similar(Conn& c, const std::string& org_id, const std::string& date_of_birth,
                                         const std::string& folded_name) {
  // Same birth date, and the folded name shares the family name: cheap on the index, and
  // catches "Zoë Smith" against "Zoe Smith" or "Zoe Jane Smith".
  auto rows = TRY(c.query(std::string("SELECT ") + kPersonColumns +
                              " FROM people p WHERE p.org_id = ? AND p.date_of_birth = ?",
                          {org_id, date_of_birth}));
  std::vector<Person> out;
  for (const auto& r : rows) {
    auto p = person_from_row(r);
    auto family = fold_for_search(p.family_name);
    if (!family.empty() && folded_name.find(family) != std::string::npos) out.push_back(std::move(p));
  }
  return out;
}


Result<std::vector<CareTeamMember>> care_team(Conn& c, const std::string& org_id, const std::string& person_id) {
  auto rows = TRY(c.query(
      "SELECT m.member_type, m.member_id, COALESCE(u.display_name, t.name, ''), COALESCE(u.role, '')"
      " FROM care_team_members m"
      " LEFT JOIN users u ON m.member_type = 'user' AND u.org_id = m.org_id AND u.id = m.member_id"
      " LEFT JOIN teams t ON m.member_type = 'team' AND t.org_id = m.org_id AND t.id = m.member_id"
      " WHERE m.org_id = ? AND m.person_id = ? ORDER BY m.member_type DESC, 3",
      {org_id, person_id}));
  std::vector<CareTeamMember> out;
  for (const auto& r : rows) out.push_back({r.text(0), r.text(1), r.text(2), r.text(3)});
  return out;
}

Result<void> set_care_team(Conn& c, const std::string& org_id, const std::string& person_id,
                           const std::vector<CareTeamMember>& members, const std::string& by, const std::string& at) {
  TRY(c.exec("DELETE FROM care_team_members WHERE org_id = ? AND person_id = ?", {org_id, person_id}));
  for (const auto& m : members)
    TRY(c.exec("INSERT INTO care_team_members (org_id, person_id, member_type, member_id, added_at, added_by)"
               " VALUES (?, ?, ?, ?, ?, ?)",
               {org_id, person_id, m.member_type, m.member_id, at, by}));
  return {};
}

Result<bool> on_care_team(Conn& c, const std::string& org_id, const std::string& person_id, const std::string& user_id,
                          const std::vector<std::string>& team_ids) {
  std::string sql =
      "SELECT 1 FROM care_team_members WHERE org_id = ? AND person_id = ?"
      " AND ((member_type = 'user' AND member_id = ?)";
  store::Params p{org_id, person_id, user_id};
  if (!team_ids.empty()) {
    sql += " OR (member_type = 'team' AND member_id IN (" + store::placeholders(team_ids.size()) + "))";
    for (const auto& t : team_ids) p.emplace_back(t);
  }
  sql += ") LIMIT 1";
  auto row = TRY(c.query_one(sql, p));
  return row.has_value();
}


}  // namespace trellis::people::db
