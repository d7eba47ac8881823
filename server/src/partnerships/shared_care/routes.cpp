#include "partnerships/shared_care/routes.hpp"

#include "api/ctx.hpp"
#include "api/routes.hpp"
#include "core/json_input.hpp"
#include "partnerships/shared_care/service.hpp"

namespace trellis::partnerships {

void write_json(JsonWriter& w, const SharedCarePlan& p) {
  w.object([&] {
    w.field("id", p.id);
    w.field("partnerId", p.partner_id);
    w.field("partnerName", p.partner_name);
    w.field("purpose", p.purpose);
    w.field("whoDoesWhat", p.who_does_what);
    w.field("contacts", p.contacts);
    w.field("dischargePlan", p.discharge_plan);
    w.field("reviewOn", p.review_on);
    w.field("updatedAt", p.updated_at);
    w.field("version", p.version);
  });
}

void write_json(JsonWriter& w, const CaseConference& k) {
  w.object([&] {
    w.field("id", k.id);
    w.field("heldOn", k.held_on);
    w.field("attendees", k.attendees);
    w.field("decisions", k.decisions);
    w.field("actions", k.actions);
    w.field("personAttended", k.person_attended);
    w.field("createdAt", k.created_at);
  });
}

namespace {

using access::Part;
using access::Rule;
using api::Ctx;
using http::Response;

Result<SharedCarePlan> read_shared_care(const Ctx& ctx, Need need) {
  auto in = TRY(ctx.input());
  SharedCarePlan p;
  TextRule para{.max = 4000, .multiline = true};
  if (need == Need::required) p.partner_id = in.id("partnerId", Need::required).value_or("");
  p.purpose = in.text("purpose", need, {.min = 3, .max = 1000, .multiline = true}).value_or("");
  p.who_does_what = in.text("whoDoesWhat", Need::optional, para).value_or("");
  p.contacts = in.text("contacts", Need::optional, para).value_or("");
  p.discharge_plan = in.text("dischargePlan", Need::optional, para).value_or("");
  if (auto r = in.text("reviewOn", Need::optional, {.max = 10}); r && !r->empty()) p.review_on = r;
  TRY_VOID(in.finish());
  return p;
}

Response list_shared_care(Ctx& ctx, SharedCareService& svc) {
  auto r = svc.shared_care(ctx.principal().user.org_id, ctx.param("id"));
  if (!r) return ctx.problem(r.error());
  return Response::json(200, api::items(*r));
}

Response add_shared_care(Ctx& ctx, SharedCareService& svc) {
  auto in = read_shared_care(ctx, Need::required);
  if (!in) return ctx.problem(in.error());
  return api::respond_as(ctx, svc.add_shared_care(ctx.actor(), ctx.param("id"), *in), 201);
}

Response update_shared_care(Ctx& ctx, SharedCareService& svc) {
  auto version = api::if_match_version(ctx.req);
  if (!version) return ctx.problem(version.error());
  auto in = read_shared_care(ctx, Need::optional);
  if (!in) return ctx.problem(in.error());
  return api::respond_as(ctx, svc.update_shared_care(ctx.actor(), ctx.param("id"), ctx.param("planId"), *version, *in));
}

Response list_conferences(Ctx& ctx, SharedCareService& svc) {
  auto r = svc.case_conferences(ctx.principal().user.org_id, ctx.param("id"));
  if (!r) return ctx.problem(r.error());
  return Response::json(200, api::items(*r));
}

Response add_conference(Ctx& ctx, SharedCareService& svc) {
  auto in = ctx.input();
  if (!in) return ctx.problem(in.error());
  CaseConference k;
  TextRule para{.max = 4000, .multiline = true};
  k.held_on = in->text("heldOn", Need::required, {.max = 10}).value_or("");
  k.attendees = in->text("attendees", Need::required, {.min = 2, .max = 2000, .multiline = true}).value_or("");
  k.decisions = in->text("decisions", Need::optional, para).value_or("");
  k.actions = in->text("actions", Need::optional, para).value_or("");
  k.person_attended = in->boolean("personAttended", Need::optional).value_or(false);
  if (auto done = in->finish(); !done) return ctx.problem(done.error());
  return api::respond_as(ctx, svc.add_case_conference(ctx.actor(), ctx.param("id"), k), 201);
}

}  // namespace

void add_shared_care_routes(api::Routes& r, SharedCareService& svc) {
  // Shared care is coordination of care: the care team's to write, the person's to read.
  const std::string person = "/api/v1/people/:id";
  r.add("GET", person + "/shared-care", Rule::person(Part::care_team, false),
        {.summary = "Shared care plans with partner agencies", .tag = "shared care", .response = "SharedCarePlanList"},
        api::with(list_shared_care, svc));
  r.add("POST", person + "/shared-care", Rule::person(Part::care_team, true),
        {.summary = "A shared care plan with a partner agency (who does what, contacts, discharge)",
         .tag = "shared care",
         .request = "NewSharedCarePlan",
         .response = "SharedCarePlan",
         .status = 201},
        api::with(add_shared_care, svc));
  r.add("PATCH", person + "/shared-care/:planId", Rule::person(Part::care_team, true),
        {.summary = "Change a shared care plan (If-Match)",
         .tag = "shared care",
         .request = "SharedCarePlanChange",
         .response = "SharedCarePlan",
         .versioning = api::Versioning::if_match},
        api::with(update_shared_care, svc));
  r.add("GET", person + "/case-conferences", Rule::person(Part::care_team, false),
        {.summary = "Case conferences about the person, newest first",
         .tag = "shared care",
         .response = "CaseConferenceList"},
        api::with(list_conferences, svc));
  r.add("POST", person + "/case-conferences", Rule::person(Part::care_team, true),
        {.summary = "Record a case conference: attendees, decisions, actions",
         .tag = "shared care",
         .request = "NewCaseConference",
         .response = "CaseConference",
         .status = 201},
        api::with(add_conference, svc));
}

}  // namespace trellis::partnerships
