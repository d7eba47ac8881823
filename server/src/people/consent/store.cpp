#include "people/consent/store.hpp"

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

// What a consent says is fixed once it is recorded (on_insert); only its withdrawal changes, by
// withdraw_consent's own guarded statement.
const store::Columns<Consent> kConsentColumns{
    column<&Consent::org_id>("org_id", Written::on_insert),
    column<&Consent::id>("id", Written::on_insert),
    column<&Consent::person_id>("person_id", Written::on_insert),
    column<&Consent::grantee_type>("grantee_type", Written::on_insert),
    column<&Consent::grantee_id>("grantee_id", Written::on_insert),
    {"parts", [](const Consent& k) -> store::Value { return access::join_parts(k.parts); },
     [](Consent& k, const store::Row& r, std::size_t i) { k.parts = access::split_parts(r.text(i)); },
     Written::on_insert},
    column<&Consent::purpose>("purpose", Written::on_insert),
    column<&Consent::starts_on>("starts_on", Written::on_insert),
    column<&Consent::ends_on>("ends_on", Written::on_insert),
    column<&Consent::recorded_at>("recorded_at", Written::on_insert),
    column<&Consent::recorded_by>("recorded_by", Written::on_insert),
    column<&Consent::withdrawn_at>("withdrawn_at"),
    column<&Consent::withdrawn_by>("withdrawn_by"),
};

const std::string kConsentSelect = "SELECT " + kConsentColumns.select_list() + " FROM consents";

}  // namespace

Result<std::vector<Consent>> consents(Conn& c, const std::string& org_id, const std::string& person_id) {
  static const std::string sql = kConsentSelect + " WHERE org_id = ? AND person_id = ? ORDER BY recorded_at DESC";
  auto rows = TRY(c.query(sql, {org_id, person_id}));
  std::vector<Consent> out;
  for (const auto& r : rows) out.push_back(kConsentColumns.read(r));
  return out;
}

Result<std::optional<Consent>> get_consent(Conn& c, const std::string& org_id, const std::string& id) {
  static const std::string sql = kConsentSelect + " WHERE org_id = ? AND id = ?";
  auto row = TRY(c.query_one(sql, {org_id, id}));
  if (!row) return std::optional<Consent>{};
  return std::optional<Consent>{kConsentColumns.read(*row)};
}

Result<void> insert_consent(Conn& c, const Consent& k) {
  static const std::string sql = "INSERT INTO consents (" + kConsentColumns.insert_names() + ") VALUES (" +
                                 kConsentColumns.insert_placeholders() + ")";
  store::Params params;
  kConsentColumns.insert_values(k, params);
  TRY(c.exec(sql, params));
  return {};
}

Result<bool> withdraw_consent(Conn& c, const std::string& org_id, const std::string& id, const std::string& at,
                              const std::string& by) {
  auto n =
      TRY(c.exec("UPDATE consents SET withdrawn_at = ?, withdrawn_by = ? WHERE org_id = ? AND id = ?"
                 " AND withdrawn_at IS NULL",
                 {at, by, org_id, id}));
  return n > 0;
}

Result<std::vector<Consent>> consents_for_grantee(Conn& c, const std::string& org_id, const std::string& grantee_type,
                                                  const std::string& grantee_id,
                                                  const std::vector<std::string>& person_ids) {
  std::string sql =
      kConsentSelect + " WHERE org_id = ? AND grantee_type = ? AND grantee_id = ? AND withdrawn_at IS NULL";
  std::vector<store::Value> params = {org_id, grantee_type, grantee_id};
  if (!person_ids.empty()) {
    sql += " AND person_id IN (" + store::placeholders(person_ids.size()) + ")";
    for (const auto& id : person_ids) params.emplace_back(id);
  }
  auto rows = TRY(c.query(sql, params));
  std::vector<Consent> out;
  for (const auto& r : rows) out.push_back(kConsentColumns.read(r));
  return out;
}

Result<std::vector<Consent>> consents_for_supporter(Conn& c, const std::string& org_id,
                                                    const std::string& supporter_id) {
  return consents_for_grantee(c, org_id, "supporter", supporter_id);
}

}  // namespace trellis::people::db
