// The recovery service's advance statements and appointment preparation.
#include "recovery/service.hpp"

#include <algorithm>

#include "access/audit.hpp"
#include "core/ids.hpp"
#include "recovery/json.hpp"
#include "recovery/store.hpp"

namespace trellis::recovery {

Result<AdvanceStatementRules> RecoveryService::advance_statement_rules(const std::string& org_id) {
  return db_.read([&](store::Conn& c) { return db::advance_statement_rules(c, org_id); });
}

Result<AdvanceStatementRules> RecoveryService::set_advance_statement_rules(const access::Actor& actor,
                                                                           const AdvanceStatementRules& r) {
  auto now = clock_.now();
  return db_.write([&](store::Conn& c) -> Result<AdvanceStatementRules> {
    TRY_VOID(db::set_advance_statement_rules(c, actor.org_id, r));
    TRY_VOID(access::append_audit(c, actor.entry("settings.advance_statements", "org", actor.org_id), now));
    return r;
  });
}

Result<std::vector<AdvanceStatement>> RecoveryService::advance_statements(const std::string& org_id,
                                                                          const std::string& person_id) {
  return db_.read([&](store::Conn& c) { return db::advance_statements(c, org_id, person_id); });
}

Result<AdvanceStatement> RecoveryService::make_advance_statement(const access::Actor& actor, const Author& author,
                                                                 const std::string& person_id, AdvanceStatement a) {
  auto rules = TRY(advance_statement_rules(actor.org_id));
  auto need = [](bool required, const std::string& value, const char* field, const char* why) -> Result<void> {
    if (required && value.empty()) return fail(Error::field(ErrorKind::unprocessable, field, why));
    return {};
  };
  TRY_VOID(need(true, a.treatment_preferences, "treatmentPreferences", "say what you would like, in your words"));
  if (!valid_date(a.signed_on))
    return fail(Error::field(ErrorKind::unprocessable, "signedOn", "must be a date like 2026-11-23"));
  TRY_VOID(need(rules.witness_required, a.witness_name, "witnessName", "your organisation asks for a witness"));
  TRY_VOID(need(rules.witness_required && rules.witness_role_required, a.witness_role, "witnessRole",
                "record the witness's role or authority, as your organisation asks"));
  if (rules.witness_required && (!a.witnessed_on || !valid_date(*a.witnessed_on)))
    return fail(
        Error::field(ErrorKind::unprocessable, "witnessedOn", "must be the date it was witnessed, like 2026-11-23"));
  TRY_VOID(need(rules.nominated_support_required, a.nominated_support_name, "nominatedSupportName",
                "your organisation asks for a nominated support person"));
  auto now = clock_.now();
  a.id = new_id();
  a.person_id = person_id;
  a.status = StatementStatus::current;
  a.recorded_at = to_iso(now);
  a.recorded_by = author.user_id;
  a.recorded_by_role = author.role;
  a.recorded_by_name = author.name;
  return db_.write([&](store::Conn& c) -> Result<AdvanceStatement> {
    auto replaced = TRY(
        db::close_current_statement(c, actor.org_id, person_id, StatementStatus::replaced, a.id, a.recorded_at, ""));
    TRY_VOID(db::insert_advance_statement(c, actor.org_id, a));
    auto e = actor.about_person("advance_statement.create", "advance_statement", a.id, person_id);
    if (replaced) e.detail = "replaces the earlier statement";
    TRY_VOID(access::append_audit(c, e, now));
    return a;
  });
}

Result<void> RecoveryService::revoke_advance_statement(const access::Actor& actor, const std::string& person_id,
                                                       const std::string& reason) {
  auto now = clock_.now();
  return db_.write([&](store::Conn& c) -> Result<void> {
    auto n = TRY(db::close_current_statement(c, actor.org_id, person_id, StatementStatus::revoked, std::nullopt,
                                             to_iso(now), reason));
    if (n == 0)
      return fail(ErrorKind::not_found, "There is no current advance statement", "Nothing was changed.", "not_found");
    return access::append_audit(
        c, actor.about_person("advance_statement.revoke", "advance_statement", person_id, person_id), now);
  });
}

Result<AppointmentPrep> RecoveryService::prepare_for_appointment(const access::Actor& actor, const Author& author,
                                                                 const std::string& person_id, AppointmentPrep a) {
  if (a.how_things_have_been.empty() && a.want_to_talk_about.empty() && a.what_helps.empty() &&
      a.want_treatment_to_help.empty())
    return fail(Error::field(ErrorKind::unprocessable, "wantToTalkAbout", "write something in at least one box"));
  if (a.for_date && !valid_date(*a.for_date))
    return fail(Error::field(ErrorKind::unprocessable, "forDate", "must be a date like 2026-11-23"));
  auto now = clock_.now();
  a.id = new_id();
  a.person_id = person_id;
  a.written_at = to_iso(now);
  a.written_by = author.user_id;
  a.written_by_role = author.role;
  return db_.write([&](store::Conn& c) -> Result<AppointmentPrep> {
    TRY_VOID(db::insert_appointment_prep(c, actor.org_id, a));
    TRY_VOID(access::append_audit(c, actor.about_person("appointment_prep.create", "appointment_prep", a.id, person_id),
                                  now));
    return a;
  });
}

Result<std::vector<AppointmentPrep>> RecoveryService::appointment_preps(const std::string& org_id,
                                                                        const std::string& person_id) {
  return db_.read([&](store::Conn& c) { return db::appointment_preps(c, org_id, person_id, 10); });
}

}  // namespace trellis::recovery
