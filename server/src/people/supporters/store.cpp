#include "people/supporters/store.hpp"

#include <algorithm>
#include <map>

#include "access/policy.hpp"
#include "core/text.hpp"
#include "store/columns.hpp"
#include "store/sql.hpp"
#include "store/versioning.hpp"

namespace trellis::people::db {

namespace {

using store::column;
using store::Written;

const store::Columns<Supporter> kSupporterColumns{
    column<&Supporter::org_id>("org_id", Written::on_insert),
    column<&Supporter::id>("id", Written::on_insert),
    column<&Supporter::person_id>("person_id", Written::on_insert),
    column<&Supporter::name>("name"),
    column<&Supporter::relationship>("relationship"),
    column<&Supporter::phone>("phone"),
    column<&Supporter::email>("email"),
    column<&Supporter::involvement>("involvement"),
    column<&Supporter::active>("active"),
    column<&Supporter::created_at>("created_at", Written::on_insert),
    column<&Supporter::updated_at>("updated_at"),
    column<&Supporter::version>("version", Written::never),
};

// The supporter, then whether they have their own sign-in.
const std::string kSupporterSelect =
    "SELECT " + kSupporterColumns.select_list("s") +
    ", EXISTS (SELECT 1 FROM users u WHERE u.org_id = s.org_id AND u.supporter_id = s.id) FROM supporters s";

Supporter supporter_from_row(const store::Row& r) {
  auto s = kSupporterColumns.read(r);
  s.has_account = r.boolean(kSupporterColumns.size());
  return s;
}

}  // namespace

Result<std::vector<Supporter>> supporters(Conn& c, const std::string& org_id, const std::string& person_id) {
  static const std::string sql = kSupporterSelect + " WHERE s.org_id = ? AND s.person_id = ? ORDER BY s.name";
  auto rows = TRY(c.query(sql, {org_id, person_id}));
  std::vector<Supporter> out;
  for (const auto& r : rows) out.push_back(supporter_from_row(r));
  return out;
}

Result<std::optional<Supporter>> get_supporter(Conn& c, const std::string& org_id, const std::string& id) {
  static const std::string sql = kSupporterSelect + " WHERE s.org_id = ? AND s.id = ?";
  auto row = TRY(c.query_one(sql, {org_id, id}));
  if (!row) return std::optional<Supporter>{};
  return std::optional<Supporter>{supporter_from_row(*row)};
}

Result<void> insert_supporter(Conn& c, const Supporter& s, const std::string& by) {
  static const std::string sql = "INSERT INTO supporters (" + kSupporterColumns.insert_names() +
                                 ", updated_by, version) VALUES (" + kSupporterColumns.insert_placeholders() +
                                 ", ?, 1)";
  store::Params params;
  kSupporterColumns.insert_values(s, params);
  params.emplace_back(by);
  TRY(c.exec(sql, params));
  return {};
}

Result<void> update_supporter(Conn& c, const Supporter& s, std::int64_t expected_version, const std::string& by) {
  static const std::string sql = "UPDATE supporters SET " + kSupporterColumns.assignments() +
                                 ", updated_by = ?, version = version + 1 WHERE org_id = ? AND id = ? AND version = ?";
  store::Params params;
  kSupporterColumns.update_values(s, params);
  params.insert(params.end(), {by, s.org_id, s.id, expected_version});
  auto changed = TRY(c.exec(sql, params));
  return store::check_versioned_update(c, changed, "supporters", s.org_id, s.id, expected_version, "supporter");
}

}  // namespace trellis::people::db
