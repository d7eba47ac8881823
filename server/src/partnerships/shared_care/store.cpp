#include "partnerships/shared_care/store.hpp"

#include "access/policy.hpp"
#include "core/clock.hpp"
#include "core/ids.hpp"
#include "store/columns.hpp"
#include "store/sql.hpp"
#include "store/versioning.hpp"

namespace trellis::partnerships::db {

namespace {

using store::column;
using store::Written;

const store::Columns<SharedCarePlan> kSharedCare{
    column<&SharedCarePlan::id>("id", Written::on_insert),
    column<&SharedCarePlan::person_id>("person_id", Written::on_insert),
    column<&SharedCarePlan::partner_id>("partner_id", Written::on_insert),
    column<&SharedCarePlan::purpose>("purpose"),
    column<&SharedCarePlan::who_does_what>("who_does_what"),
    column<&SharedCarePlan::contacts>("contacts"),
    column<&SharedCarePlan::discharge_plan>("discharge_plan"),
    column<&SharedCarePlan::review_on>("review_on"),
    column<&SharedCarePlan::updated_at>("updated_at"),
    column<&SharedCarePlan::version>("version", Written::never),
};
// Each plan with its partner's name as it is now.
const std::string kSharedCareSelect = "SELECT " + kSharedCare.select_list("s") +
                                      ", p.name FROM shared_care_plans s"
                                      " JOIN partners p ON p.org_id = s.org_id AND p.id = s.partner_id";
SharedCarePlan shared_from_row(const store::Row& r) {
  auto plan = kSharedCare.read(r);
  plan.partner_name = r.text(kSharedCare.size());
  return plan;
}

const store::Columns<CaseConference> kConference{
    column<&CaseConference::id>("id"),
    column<&CaseConference::person_id>("person_id"),
    column<&CaseConference::held_on>("held_on"),
    column<&CaseConference::attendees>("attendees"),
    column<&CaseConference::decisions>("decisions"),
    column<&CaseConference::actions>("actions"),
    column<&CaseConference::person_attended>("person_attended"),
    column<&CaseConference::created_at>("created_at"),
};

}  // namespace

Result<std::vector<SharedCarePlan>> shared_care(Conn& c, const std::string& org_id, const std::string& person_id) {
  auto rows =
      TRY(c.query(kSharedCareSelect + " WHERE s.org_id = ? AND s.person_id = ? ORDER BY p.name", {org_id, person_id}));
  std::vector<SharedCarePlan> out;
  for (const auto& r : rows) out.push_back(shared_from_row(r));
  return out;
}

Result<std::optional<SharedCarePlan>> shared_care_plan(Conn& c, const std::string& org_id, const std::string& id) {
  auto row = TRY(c.query_one(kSharedCareSelect + " WHERE s.org_id = ? AND s.id = ?", {org_id, id}));
  if (!row) return std::optional<SharedCarePlan>{};
  return std::optional<SharedCarePlan>{shared_from_row(*row)};
}

Result<void> insert_shared_care(Conn& c, const std::string& org_id, const SharedCarePlan& p, const std::string& by) {
  static const std::string sql = "INSERT INTO shared_care_plans (org_id, " + kSharedCare.insert_names() +
                                 ", created_at, updated_by, version) VALUES (?, " + kSharedCare.insert_placeholders() +
                                 ", ?, ?, 1)";
  store::Params params{org_id};
  kSharedCare.insert_values(p, params);
  params.insert(params.end(), {p.updated_at, by});
  TRY(c.exec(sql, params));
  return {};
}

Result<void> update_shared_care(Conn& c, const std::string& org_id, const SharedCarePlan& p,
                                std::int64_t expected_version, const std::string& by) {
  static const std::string sql = "UPDATE shared_care_plans SET " + kSharedCare.assignments() +
                                 ", updated_by = ?, version = version + 1 WHERE org_id = ? AND id = ? AND version = ?";
  store::Params params;
  kSharedCare.update_values(p, params);
  params.insert(params.end(), {by, org_id, p.id, expected_version});
  auto changed = TRY(c.exec(sql, params));
  return store::check_versioned_update(c, changed, "shared_care_plans", org_id, p.id, expected_version,
                                       "shared care plan");
}

Result<std::vector<CaseConference>> case_conferences(Conn& c, const std::string& org_id, const std::string& person_id) {
  static const std::string sql = "SELECT " + kConference.select_list() +
                                 " FROM case_conferences WHERE org_id = ? AND person_id = ?"
                                 " ORDER BY held_on DESC, created_at DESC";
  auto rows = TRY(c.query(sql, {org_id, person_id}));
  std::vector<CaseConference> out;
  for (const auto& r : rows) out.push_back(kConference.read(r));
  return out;
}

Result<void> insert_case_conference(Conn& c, const std::string& org_id, const CaseConference& k,
                                    const std::string& by) {
  static const std::string sql = "INSERT INTO case_conferences (org_id, " + kConference.insert_names() +
                                 ", created_by) VALUES (?, " + kConference.insert_placeholders() + ", ?)";
  store::Params params{org_id};
  kConference.insert_values(k, params);
  params.emplace_back(by);
  TRY(c.exec(sql, params));
  return {};
}

}  // namespace trellis::partnerships::db
