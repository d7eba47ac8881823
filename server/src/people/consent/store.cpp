#include "people/consent/store.hpp"

#include <algorithm>
#include <map>

#include "access/policy.hpp"
#include "core/text.hpp"
#include "store/sql.hpp"
#include "store/versioning.hpp"

namespace trellis::people::db {

namespace {

constexpr const char* kConsentColumns =
    "org_id, id, person_id, grantee_type, grantee_id, parts, purpose, starts_on, ends_on, recorded_at, recorded_by,"
    " withdrawn_at, withdrawn_by";

Consent consent_from_row(const store::Row& r) {
  Consent k;
  k.org_id = r.text(0);
  k.id = r.text(1);
  k.person_id = r.text(2);
  k.grantee_type = r.text(3);
  k.grantee_id = r.text(4);
  k.parts = access::split_parts(r.text(5));
  k.purpose = r.text(6);
  k.starts_on = r.text(7);
  k.ends_on = r.opt_text(8);
  k.recorded_at = r.text(9);
  k.recorded_by = r.opt_text(10);
  k.withdrawn_at = r.opt_text(11);
  k.withdrawn_by = r.opt_text(12);
  return k;
}

}  // namespace

Result<std::vector<Consent>> consents(Conn& c, const std::string& org_id, const std::string& person_id) {
  auto rows = TRY(c.query(std::string("SELECT ") + kConsentColumns +
                              " FROM consents WHERE org_id = ? AND person_id = ? ORDER BY recorded_at DESC",
                          {org_id, person_id}));
  std::vector<Consent> out;
  for (const auto& r : rows) out.push_back(consent_from_row(r));
  return out;
}

Result<std::optional<Consent>> get_consent(Conn& c, const std::string& org_id, const std::string& id) {
  auto row = TRY(c.query_one(std::string("SELECT ") + kConsentColumns + " FROM consents WHERE org_id = ? AND id = ?",
                             {org_id, id}));
  if (!row) return std::optional<Consent>{};
  return std::optional<Consent>{consent_from_row(*row)};
}

Result<void> insert_consent(Conn& c, const Consent& k) {
  TRY(c.exec(std::string("INSERT INTO consents (") + kConsentColumns + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
             {k.org_id, k.id, k.person_id, k.grantee_type, k.grantee_id, access::join_parts(k.parts), k.purpose, k.starts_on,
              k.ends_on, k.recorded_at, k.recorded_by, k.withdrawn_at, k.withdrawn_by}));
  return {};
}

Result<bool> withdraw_consent(Conn& c, const std::string& org_id, const std::string& id, const std::string& at,
                              const std::string& by) {
  auto n = TRY(c.exec("UPDATE consents SET withdrawn_at = ?, withdrawn_by = ? WHERE org_id = ? AND id = ?"
                      " AND withdrawn_at IS NULL",
                      {at, by, org_id, id}));
  return n > 0;
}

Result<std::vector<Consent>> consents_for_grantee(Conn& c, const std::string& org_id, const std::string& grantee_type,
                                                  const std::string& grantee_id,
                                                  const std::vector<std::string>& person_ids) {
  std::string sql = std::string("SELECT ") + kConsentColumns +
                    " FROM consents WHERE org_id = ? AND grantee_type = ? AND grantee_id = ? AND withdrawn_at IS NULL";
  std::vector<store::Value> params = {org_id, grantee_type, grantee_id};
  if (!person_ids.empty()) {
    sql += " AND person_id IN (" + store::placeholders(person_ids.size()) + ")";
    for (const auto& id : person_ids) params.emplace_back(id);
  }
  auto rows = TRY(c.query(sql, params));
  std::vector<Consent> out;
  for (const auto& r : rows) out.push_back(consent_from_row(r));
  return out;
}

Result<std::vector<Consent>> consents_for_supporter(Conn& c, const std::string& org_id, const std::string& supporter_id) {
  return consents_for_grantee(c, org_id, "supporter", supporter_id);
}


}  // namespace trellis::people::db
