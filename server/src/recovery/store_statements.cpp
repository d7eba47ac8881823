// The recovery area's SQL for advance statements, the organisation's rules for them, and
// appointment preparation.
#include "recovery/store.hpp"

#include <nlohmann/json.hpp>

#include "store/columns.hpp"

namespace trellis::recovery::db {
namespace {

using store::column;

// A statement's words are never edited: only its status moves (close_current_statement).
const store::Columns<AdvanceStatement> kStatement{
    column<&AdvanceStatement::id>("id"),
    column<&AdvanceStatement::person_id>("person_id"),
    column<&AdvanceStatement::treatment_preferences>("treatment_preferences"),
    column<&AdvanceStatement::what_i_do_not_want>("what_i_do_not_want"),
    column<&AdvanceStatement::other_wishes>("other_wishes"),
    column<&AdvanceStatement::nominated_support_name>("nominated_support_name"),
    column<&AdvanceStatement::nominated_support_contact>("nominated_support_contact"),
    column<&AdvanceStatement::signed_on>("signed_on"),
    column<&AdvanceStatement::witness_name>("witness_name"),
    column<&AdvanceStatement::witness_role>("witness_role"),
    column<&AdvanceStatement::witnessed_on>("witnessed_on"),
    column<&AdvanceStatement::status>("status"),
    column<&AdvanceStatement::replaced_by>("replaced_by"),
    column<&AdvanceStatement::revoked_at>("revoked_at"),
    column<&AdvanceStatement::revoked_reason>("revoked_reason"),
    column<&AdvanceStatement::recorded_at>("recorded_at"),
    column<&AdvanceStatement::recorded_by>("recorded_by"),
    column<&AdvanceStatement::recorded_by_role>("recorded_by_role"),
};
const store::Columns<AppointmentPrep> kPrep{
    column<&AppointmentPrep::id>("id"),
    column<&AppointmentPrep::person_id>("person_id"),
    column<&AppointmentPrep::for_date>("for_date"),
    column<&AppointmentPrep::how_things_have_been>("how_things_have_been"),
    column<&AppointmentPrep::want_to_talk_about>("want_to_talk_about"),
    column<&AppointmentPrep::what_helps>("what_helps"),
    column<&AppointmentPrep::want_treatment_to_help>("want_treatment_to_help"),
    column<&AppointmentPrep::written_at>("written_at"),
    column<&AppointmentPrep::written_by>("written_by"),
    column<&AppointmentPrep::written_by_role>("written_by_role"),
};

}  // namespace

Result<AdvanceStatementRules> advance_statement_rules(Conn& c, const std::string& org_id) {
  auto row = TRY(c.query_one("SELECT advance_statement_rules FROM orgs WHERE org_id = ?", {org_id}));
  AdvanceStatementRules r;
  if (!row) return r;
  auto j = nlohmann::json::parse(row->text(0), nullptr, false);
  if (j.is_object()) {
    r.witness_required = j.value("witnessRequired", true);
    r.witness_role_required = j.value("witnessRoleRequired", true);
    r.nominated_support_required = j.value("nominatedSupportRequired", false);
  }
  return r;
}

Result<void> set_advance_statement_rules(Conn& c, const std::string& org_id, const AdvanceStatementRules& r) {
  nlohmann::json j = {{"witnessRequired", r.witness_required},
                      {"witnessRoleRequired", r.witness_role_required},
                      {"nominatedSupportRequired", r.nominated_support_required}};
  TRY(c.exec("UPDATE orgs SET advance_statement_rules = ? WHERE org_id = ?", {j.dump(), org_id}));
  return {};
}

Result<std::vector<AdvanceStatement>> advance_statements(Conn& c, const std::string& org_id,
                                                         const std::string& person_id) {
  // Each statement, then the name of whoever recorded it.
  static const std::string sql = "SELECT " + kStatement.select_list("a") +
                                 ", u.display_name FROM advance_statements a"
                                 " LEFT JOIN users u ON u.org_id = a.org_id AND u.id = a.recorded_by"
                                 " WHERE a.org_id = ? AND a.person_id = ? ORDER BY a.recorded_at DESC";
  auto rows = TRY(c.query(sql, {org_id, person_id}));
  std::vector<AdvanceStatement> out;
  for (const auto& r : rows) {
    out.push_back(kStatement.read(r));
    out.back().recorded_by_name = r.opt_text(kStatement.size());
  }
  return out;
}

Result<void> insert_advance_statement(Conn& c, const std::string& org_id, const AdvanceStatement& a) {
  static const std::string sql = "INSERT INTO advance_statements (org_id, " + kStatement.insert_names() +
                                 ") VALUES (?, " + kStatement.insert_placeholders() + ")";
  store::Params p{org_id};
  kStatement.insert_values(a, p);
  TRY(c.exec(sql, p));
  return {};
}

Result<std::int64_t> close_current_statement(Conn& c, const std::string& org_id, const std::string& person_id,
                                             StatementStatus to, const std::optional<std::string>& replaced_by,
                                             const std::string& at, const std::string& reason) {
  return c.exec(
      "UPDATE advance_statements SET status = ?, replaced_by = ?, revoked_at = ?, revoked_reason = ?"
      " WHERE org_id = ? AND person_id = ? AND status = ?",
      {name_of(to), replaced_by, to == StatementStatus::revoked ? store::Value(at) : store::Value(), reason, org_id,
       person_id, name_of(StatementStatus::current)});
}

Result<void> insert_appointment_prep(Conn& c, const std::string& org_id, const AppointmentPrep& a) {
  static const std::string sql = "INSERT INTO appointment_preps (org_id, " + kPrep.insert_names() + ") VALUES (?, " +
                                 kPrep.insert_placeholders() + ")";
  store::Params p{org_id};
  kPrep.insert_values(a, p);
  TRY(c.exec(sql, p));
  return {};
}

Result<std::vector<AppointmentPrep>> appointment_preps(Conn& c, const std::string& org_id, const std::string& person_id,
                                                       std::size_t limit) {
  static const std::string sql = "SELECT " + kPrep.select_list() +
                                 " FROM appointment_preps WHERE org_id = ? AND person_id = ?"
                                 " ORDER BY written_at DESC LIMIT ?";
  auto rows = TRY(c.query(sql, {org_id, person_id, static_cast<std::int64_t>(limit)}));
  std::vector<AppointmentPrep> out;
  for (const auto& r : rows) out.push_back(kPrep.read(r));
  return out;
}

}  // namespace trellis::recovery::db
