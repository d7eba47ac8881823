#include "partnerships/shared_care/store.hpp"

#include "access/policy.hpp"
#include "core/clock.hpp"
#include "core/ids.hpp"
#include "store/sql.hpp"
#include "store/versioning.hpp"

namespace trellis::partnerships::db {

namespace {
constexpr const char* kSharedCareSelect =
    "SELECT s.id, s.person_id, s.partner_id, p.name, s.purpose, s.who_does_what, s.contacts, s.discharge_plan,"
    " s.review_on, s.updated_at, s.version FROM shared_care_plans s"
    " JOIN partners p ON p.org_id = s.org_id AND p.id = s.partner_id";
SharedCarePlan shared_from_row(const store::Row& r) {
  return {r.text(0), r.text(1), r.text(2), r.text(3), r.text(4), r.text(5), r.text(6), r.text(7), r.opt_text(8),
          r.text(9), r.integer(10)};
}
}  // namespace

Result<std::vector<SharedCarePlan>> shared_care(Conn& c, const std::string& org_id, const std::string& person_id) {
  auto rows = TRY(c.query(std::string(kSharedCareSelect) + " WHERE s.org_id = ? AND s.person_id = ? ORDER BY p.name",
                          {org_id, person_id}));
  std::vector<SharedCarePlan> out;
  for (const auto& r : rows) out.push_back(shared_from_row(r));
  return out;
}

Result<std::optional<SharedCarePlan>> shared_care_plan(Conn& c, const std::string& org_id, const std::string& id) {
  auto row = TRY(c.query_one(std::string(kSharedCareSelect) + " WHERE s.org_id = ? AND s.id = ?", {org_id, id}));
  if (!row) return std::optional<SharedCarePlan>{};
  return std::optional<SharedCarePlan>{shared_from_row(*row)};
}

Result<void> insert_shared_care(Conn& c, const std::string& org_id, const SharedCarePlan& p, const std::string& by) {
  TRY(c.exec("INSERT INTO shared_care_plans (org_id, id, person_id, partner_id, purpose, who_does_what, contacts,"
             " discharge_plan, review_on, created_at, updated_at, updated_by, version)"
             " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
             {org_id, p.id, p.person_id, p.partner_id, p.purpose, p.who_does_what, p.contacts, p.discharge_plan,
              p.review_on, p.updated_at, p.updated_at, by}));
  return {};
}

Result<void> update_shared_care(Conn& c, const std::string& org_id, const SharedCarePlan& p, std::int64_t expected_version,
                                const std::string& by) {
  auto changed = TRY(c.exec(
      "UPDATE shared_care_plans SET purpose = ?, who_does_what = ?, contacts = ?, discharge_plan = ?, review_on = ?,"
      " updated_at = ?, updated_by = ?, version = version + 1 WHERE org_id = ? AND id = ? AND version = ?",
      {p.purpose, p.who_does_what, p.contacts, p.discharge_plan, p.review_on, p.updated_at, by, org_id, p.id,
       expected_version}));
  return store::check_versioned_update(c, changed, "shared_care_plans", org_id, p.id, expected_version, "shared care plan");
}

Result<std::vector<CaseConference>> case_conferences(Conn& c, const std::string& org_id, const std::string& person_id) {
  auto rows = TRY(c.query("SELECT id, person_id, held_on, attendees, decisions, actions, person_attended, created_at"
                          " FROM case_conferences WHERE org_id = ? AND person_id = ? ORDER BY held_on DESC, created_at DESC",
                          {org_id, person_id}));
  std::vector<CaseConference> out;
  for (const auto& r : rows)
    out.push_back({r.text(0), r.text(1), r.text(2), r.text(3), r.text(4), r.text(5), r.boolean(6), r.text(7)});
  return out;
}

Result<void> insert_case_conference(Conn& c, const std::string& org_id, const CaseConference& k, const std::string& by) {
  TRY(c.exec("INSERT INTO case_conferences (org_id, id, person_id, held_on, attendees, decisions, actions,"
             " person_attended, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
             {org_id, k.id, k.person_id, k.held_on, k.attendees, k.decisions, k.actions, k.person_attended,
              k.created_at, by}));
  return {};
}


}  // namespace trellis::partnerships::db
