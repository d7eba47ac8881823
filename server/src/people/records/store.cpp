#include "people/records/store.hpp"

#include <algorithm>
#include <map>

#include "access/policy.hpp"
#include "core/text.hpp"
#include "store/columns.hpp"
#include "store/sql.hpp"
#include "store/versioning.hpp"

namespace trellis::people::db {

using store::column;
using store::Written;

// Who the person is and where their support stands. Besides these, people holds search_name (the
// folded name the caseload searches and sorts by) and updated_by, which each write sets itself.
const store::Columns<Person> kPersonColumns{
    column<&Person::org_id>("org_id", Written::on_insert),
    column<&Person::id>("id", Written::on_insert),
    column<&Person::given_name>("given_name"),
    column<&Person::family_name>("family_name"),
    column<&Person::preferred_name>("preferred_name"),
    column<&Person::pronouns>("pronouns"),
    column<&Person::date_of_birth>("date_of_birth"),
    column<&Person::email>("email"),
    column<&Person::phone>("phone"),
    column<&Person::address>("address"),
    column<&Person::languages>("languages"),
    column<&Person::interpreter_needed>("interpreter_needed"),
    column<&Person::cultural_identity>("cultural_identity"),
    column<&Person::spiritual_practice>("spiritual_practice"),
    column<&Person::communication_needs>("communication_needs"),
    column<&Person::other_providers>("other_providers"),
    column<&Person::status>("status"),
    column<&Person::support_started_on>("support_started_on", Written::on_insert),
    column<&Person::support_ended_on>("support_ended_on"),
    column<&Person::created_at>("created_at", Written::on_insert),
    column<&Person::updated_at>("updated_at"),
    column<&Person::version>("version", Written::never),
};

namespace {

std::string search_name(const Person& p) {
  return fold_for_search(p.given_name + " " + p.preferred_name + " " + p.family_name);
}

const std::string kPersonSelect = "SELECT " + kPersonColumns.select_list("p") + " FROM people p";

}  // namespace

Result<std::optional<Person>> get_person(Conn& c, const std::string& org_id, const std::string& id) {
  static const std::string sql = kPersonSelect + " WHERE p.org_id = ? AND p.id = ?";
  auto row = TRY(c.query_one(sql, {org_id, id}));
  if (!row) return std::optional<Person>{};
  return std::optional<Person>{kPersonColumns.read(*row)};
}

Result<void> insert_person(Conn& c, const Person& p, const std::string& by) {
  static const std::string sql = "INSERT INTO people (" + kPersonColumns.insert_names() +
                                 ", search_name, updated_by, version) VALUES (" + kPersonColumns.insert_placeholders() +
                                 ", ?, ?, 1)";
  store::Params params;
  kPersonColumns.insert_values(p, params);
  params.insert(params.end(), {search_name(p), by});
  TRY(c.exec(sql, params));
  return {};
}

Result<void> update_person(Conn& c, const Person& p, std::int64_t expected_version, const std::string& by) {
  static const std::string sql = "UPDATE people SET " + kPersonColumns.assignments() +
                                 ", search_name = ?, updated_by = ?, version = version + 1"
                                 " WHERE org_id = ? AND id = ? AND version = ?";
  store::Params params;
  kPersonColumns.update_values(p, params);
  params.insert(params.end(), {search_name(p), by, p.org_id, p.id, expected_version});
  auto changed = TRY(c.exec(sql, params));
  return store::check_versioned_update(c, changed, "people", p.org_id, p.id, expected_version, "person's details");
}

Result<std::vector<Person>> find_similar(Conn& c, const std::string& org_id, const std::string& date_of_birth,
                                         const std::string& folded_name) {
  // Same birth date, and the folded name shares the family name: cheap on the index, and
  // catches "Zoë Smith" against "Zoe Smith" or "Zoe Jane Smith".
  static const std::string sql = kPersonSelect + " WHERE p.org_id = ? AND p.date_of_birth = ?";
  auto rows = TRY(c.query(sql, {org_id, date_of_birth}));
  std::vector<Person> out;
  for (const auto& r : rows) {
    auto p = kPersonColumns.read(r);
    auto family = fold_for_search(p.family_name);
    if (!family.empty() && folded_name.find(family) != std::string::npos) out.push_back(std::move(p));
  }
  return out;
}

Result<std::vector<CareTeamMember>> care_team(Conn& c, const std::string& org_id, const std::string& person_id) {
  auto rows =
      TRY(c.query("SELECT m.member_type, m.member_id, COALESCE(u.display_name, t.name, ''), COALESCE(u.role, '')"
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
    TRY(
        c.exec("INSERT INTO care_team_members (org_id, person_id, member_type, member_id, added_at, added_by)"
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
