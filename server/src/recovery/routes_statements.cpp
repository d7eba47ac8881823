// The recovery area's routes for advance statements, the organisation's rules for them, and getting
// ready for appointments.
#include "recovery/route_parts.hpp"

#include "access/person_policy.hpp"
#include "api/ctx.hpp"
#include "api/routes.hpp"
#include "core/json_input.hpp"
#include "recovery/json.hpp"
#include "recovery/service.hpp"

namespace trellis::recovery {
namespace {

using access::Part;
using access::Rule;
using api::Ctx;
using http::Response;

Response list_advance_statements(Ctx& ctx, RecoveryService& svc) {
  auto r = svc.advance_statements(ctx.org_id(), ctx.person_id());
  if (!r) return ctx.problem(r.error());
  auto rules = svc.advance_statement_rules(ctx.org_id());
  if (!rules) return ctx.problem(rules.error());
  return Response::object(200, [&](JsonWriter& w) {
    w.field("items", *r);
    w.field("rules", *rules);
  });
}

Response make_advance_statement(Ctx& ctx, RecoveryService& svc) {
  auto in = ctx.input();
  if (!in) return ctx.problem(in.error());
  AdvanceStatement a;
  auto text = [&](const char* name, std::size_t max) {
    return in->text(name, Need::optional, words(max)).value_or("");
  };
  a.treatment_preferences = text("treatmentPreferences", 8000);
  a.what_i_do_not_want = text("whatIDoNotWant", 8000);
  a.other_wishes = text("otherWishes", 8000);
  a.nominated_support_name = in->text("nominatedSupportName", Need::optional, {.max = 120}).value_or("");
  a.nominated_support_contact = in->text("nominatedSupportContact", Need::optional, {.max = 200}).value_or("");
  a.signed_on = in->text("signedOn", Need::required, {.max = 10}).value_or("");
  a.witness_name = in->text("witnessName", Need::optional, {.max = 120}).value_or("");
  a.witness_role = in->text("witnessRole", Need::optional, {.max = 200}).value_or("");
  a.witnessed_on = in->text("witnessedOn", Need::optional, {.max = 10});
  if (auto done = in->finish(); !done) return ctx.problem(done.error());
  return api::respond_as(ctx, svc.make_advance_statement(ctx.actor(), author(ctx), ctx.person_id(), a), 201);
}

Response revoke_advance_statement(Ctx& ctx, RecoveryService& svc) {
  auto in = ctx.input();
  if (!in) return ctx.problem(in.error());
  auto reason = in->text("reason", Need::optional, words(2000));
  if (auto done = in->finish(); !done) return ctx.problem(done.error());
  return api::respond_empty(ctx, svc.revoke_advance_statement(ctx.actor(), ctx.person_id(), reason.value_or("")));
}

Response list_preps(Ctx& ctx, RecoveryService& svc) {
  auto r = svc.appointment_preps(ctx.org_id(), ctx.person_id());
  if (!r) return ctx.problem(r.error());
  return Response::json(200, api::items(*r));
}

Response prepare(Ctx& ctx, RecoveryService& svc) {
  auto in = ctx.input();
  if (!in) return ctx.problem(in.error());
  AppointmentPrep a;
  auto text = [&](const char* name) { return in->text(name, Need::optional, words(4000)).value_or(""); };
  a.for_date = in->text("forDate", Need::optional, {.max = 10});
  a.how_things_have_been = text("howThingsHaveBeen");
  a.want_to_talk_about = text("wantToTalkAbout");
  a.what_helps = text("whatHelps");
  a.want_treatment_to_help = text("wantTreatmentToHelp");
  if (auto done = in->finish(); !done) return ctx.problem(done.error());
  return api::respond_as(ctx, svc.prepare_for_appointment(ctx.actor(), author(ctx), ctx.person_id(), a), 201);
}

Response get_statement_rules(Ctx& ctx, RecoveryService& svc) {
  return api::respond_as(ctx, svc.advance_statement_rules(ctx.org_id()));
}

Response set_statement_rules(Ctx& ctx, RecoveryService& svc) {
  auto in = ctx.input();
  if (!in) return ctx.problem(in.error());
  AdvanceStatementRules r;
  auto witness = in->boolean("witnessRequired", Need::required);
  auto role = in->boolean("witnessRoleRequired", Need::required);
  auto support = in->boolean("nominatedSupportRequired", Need::required);
  if (auto done = in->finish(); !done) return ctx.problem(done.error());
  r.witness_required = *witness;
  r.witness_role_required = *role;
  r.nominated_support_required = *support;
  return api::respond_as(ctx, svc.set_advance_statement_rules(ctx.actor(), r));
}

}  // namespace

void add_statement_routes(api::Routes& r, RecoveryService& svc) {
  const std::string one = "/api/v1/people/:id";
  r.add("GET", one + "/advance-statements", Rule::person(Part::advance_statement, false),
        {.summary = "Advance statements, the current one first, with the organisation's rules",
         .tag = "recovery",
         .response = "AdvanceStatementList"},
        api::with(list_advance_statements, svc));
  r.add("POST", one + "/advance-statements", Rule::person(Part::advance_statement, true),
        {.summary = "A new advance statement; the current one is kept as replaced",
         .tag = "recovery",
         .request = "NewAdvanceStatement",
         .response = "AdvanceStatement",
         .status = 201},
        api::with(make_advance_statement, svc));
  r.add("POST", one + "/advance-statements/revoke", Rule::person(Part::advance_statement, true),
        {.summary = "Revoke the current advance statement",
         .tag = "recovery",
         .request = "AdvanceStatementRevocation",
         .status = 204},
        api::with(revoke_advance_statement, svc));
  r.add("GET", "/api/v1/settings/advance-statements", Rule::signed_in(),
        {.summary = "What this organisation asks of an advance statement",
         .tag = "recovery",
         .response = "AdvanceStatementRules"},
        api::with(get_statement_rules, svc));
  r.add("PUT", "/api/v1/settings/advance-statements", Rule::need(access::Permission::manage_teams),
        {.summary = "Set what this organisation asks of an advance statement",
         .tag = "recovery",
         .request = "AdvanceStatementRules",
         .response = "AdvanceStatementRules"},
        api::with(set_statement_rules, svc));
  r.add("GET", one + "/appointment-preps", Rule::person(Part::plan, false),
        {.summary = "What the person wants their worker to know before appointments, newest first",
         .tag = "recovery",
         .response = "AppointmentPrepList"},
        api::with(list_preps, svc));
  r.add("POST", one + "/appointment-preps", Rule::person(Part::plan, true),
        {.summary = "Getting ready for an appointment, in the person's words",
         .tag = "recovery",
         .request = "NewAppointmentPrep",
         .response = "AppointmentPrep",
         .status = 201},
        api::with(prepare, svc));
}

}  // namespace trellis::recovery
