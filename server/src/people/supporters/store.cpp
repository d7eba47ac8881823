#include "people/supporters/store.hpp"

#include <algorithm>
#include <map>

#include "access/policy.hpp"
#include "core/text.hpp"
#include "store/sql.hpp"
#include "store/versioning.hpp"

namespace trellis::people::db {

namespace {

constexpr const char* kSupporterSelect =
    "SELECT s.org_id, s.id, s.person_id, s.name, s.relationship, s.phone, s.email, s.involvement, s.active,"
    " s.created_at, s.updated_at, s.version,"
    " EXISTS (SELECT 1 FROM users u WHERE u.org_id = s.org_id AND u.supporter_id = s.id) FROM supporters s";

Supporter supporter_from_row(const store::Row& r) {
  Supporter s;
  s.org_id = r.text(0);
  s.id = r.text(1);
  s.person_id = r.text(2);
  s.name = r.text(3);
  s.relationship = r.text(4);
  s.phone = r.text(5);
  s.email = r.text(6);
  s.involvement = r.text(7);
  s.active = r.boolean(8);
  s.created_at = r.text(9);
  s.updated_at = r.text(10);
  s.version = r.integer(11);
  s.has_account = r.boolean(12);
  return s;
}

}  // namespace

Result<std::vector<Supporter>> supporters(Conn& c, const std::string& org_id, const std::string& person_id) {
  auto rows = TRY(c.query(std::string(kSupporterSelect) + " WHERE s.org_id = ? AND s.person_id = ? ORDER BY s.name",
                          {org_id, person_id}));
  std::vector<Supporter> out;
  for (const auto& r : rows) out.push_back(supporter_from_row(r));
  return out;
}

Result<std::optional<Supporter>> get_supporter(Conn& c, const std::string& org_id, const std::string& id) {
  auto row = TRY(c.query_one(std::string(kSupporterSelect) + " WHERE s.org_id = ? AND s.id = ?", {org_id, id}));
  if (!row) return std::optional<Supporter>{};
  return std::optional<Supporter>{supporter_from_row(*row)};
}

Result<void> insert_supporter(Conn& c, const Supporter& s, const std::string& by) {
  TRY(c.exec("INSERT INTO supporters (org_id, id, person_id, name, relationship, phone, email, involvement, active,"
             " created_at, updated_at, updated_by, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
             {s.org_id, s.id, s.person_id, s.name, s.relationship, s.phone, s.email, s.involvement, s.active,
              s.created_at, s.updated_at, by}));
  return {};
}

Result<void> update_supporter(Conn& c, const Supporter& s, std::int64_t expected_version, const std::string& by) {
  auto changed = TRY(c.exec(
      "UPDATE supporters SET name = ?, relationship = ?, phone = ?, email = ?, involvement = ?, active = ?,"
      " updated_at = ?, updated_by = ?, version = version + 1 WHERE org_id = ? AND id = ? AND version = ?",
      {s.name, s.relationship, s.phone, s.email, s.involvement, s.active, s.updated_at, by, s.org_id, s.id,
       expected_version}));
  return store::check_versioned_update(c, changed, "supporters", s.org_id, s.id, expected_version, "supporter");
}


}  // namespace trellis::people::db
