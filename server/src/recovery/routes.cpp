#include "recovery/routes.hpp"

#include "access/person_policy.hpp"
#include "core/json_input.hpp"
#include "api/ctx.hpp"
#include "api/routes.hpp"
#include "recovery/json.hpp"
#include "recovery/service.hpp"

namespace trellis::recovery {
namespace {

using access::Part;
using access::Rule;
using api::Ctx;
using http::Response;
using nlohmann::json;


Author author(const Ctx& ctx) {
  const auto& u = ctx.principal().user;
  return {u.id, std::string(access::role_name(u.role)), u.display_name, ctx.person && ctx.person->basis == access::Basis::self};
}

TextRule words(std::size_t max = 2000) { return {.max = max, .multiline = true}; }

Response list_life_areas(Ctx& ctx, RecoveryService& svc) {
  auto r = svc.life_areas(ctx.org_id());
  if (!r) return ctx.problem(r.error());
  return Response::json(200, api::items_json(*r));
}

Response add_life_area(Ctx& ctx, RecoveryService& svc) {
  auto in = JsonReader::parse(ctx.req.body);
  if (!in) return ctx.problem(in.error());
  auto name = in->text("name", Need::required, {.min = 2, .max = 80});
  auto description = in->text("description", Need::optional, {.max = 200});
  if (auto done = in->finish(); !done) return ctx.problem(done.error());
  return api::respond_as(ctx, svc.add_life_area(ctx.actor(), *name, description.value_or("")),
                          [](const LifeArea& a) { return to_json(a); }, 201);
}

Response update_life_area(Ctx& ctx, RecoveryService& svc) {
  auto in = JsonReader::parse(ctx.req.body);
  if (!in) return ctx.problem(in.error());
  auto name = in->text("name", Need::optional, {.min = 2, .max = 80});
  auto description = in->text("description", Need::optional, {.max = 200});
  auto position = in->integer("position", Need::optional, 1, 100);
  auto active = in->boolean("active", Need::optional);
  if (auto done = in->finish(); !done) return ctx.problem(done.error());
  std::optional<int> pos;
  if (position) pos = static_cast<int>(*position);
  return api::respond_as(ctx, svc.update_life_area(ctx.actor(), ctx.param("lifeAreaId"), name, description, pos, active),
                          [](const LifeArea& a) { return to_json(a); });
}

Response list_check_ins(Ctx& ctx, RecoveryService& svc) {
  auto page = parse_page(ctx.req.query("limit"), std::nullopt, 50, 400);
  if (!page) return ctx.problem(page.error());
  auto r = svc.check_ins(ctx.org_id(), ctx.person_id(), page->limit);
  if (!r) return ctx.problem(r.error());
  return Response::json(200, api::items_json(*r));
}

std::optional<int> read_rating(JsonReader& in, const json& item, const char* key, const std::string& field) {
  if (!item.contains(key) || item[key].is_null()) return std::nullopt;
  auto n = whole_number_in(item[key], 1, 10);
  if (!n) {
    in.add_error(field + "." + key, "must be a whole number from 1 to 10");
    return std::nullopt;
  }
  return static_cast<int>(*n);
}

std::string read_text(JsonReader& in, const json& item, const char* key, const std::string& field) {
  if (!item.contains(key) || item[key].is_null()) return "";
  if (!item[key].is_string() || item[key].get_ref<const std::string&>().size() > 2000) {
    in.add_error(field + "." + key, "must be text of at most 2000 characters");
    return "";
  }
  return item[key].get<std::string>();
}

Response add_check_in(Ctx& ctx, RecoveryService& svc) {
  auto in = JsonReader::parse(ctx.req.body);
  if (!in) return ctx.problem(in.error());
  CheckInInput ci;
  ci.home_environment = in->text("homeEnvironment", Need::optional, words()).value_or("");
  ci.priorities = in->text("priorities", Need::optional, words()).value_or("");
  ci.relationships = in->text("relationships", Need::optional, words()).value_or("");
  if (const auto* ratings = in->raw("ratings", Need::required)) {
    if (!ratings->is_array() || ratings->size() > 50) {
      in->add_error("ratings", "must be a list of ratings");
    } else {
      for (std::size_t i = 0; i < ratings->size(); ++i) {
        const auto& item = (*ratings)[i];
        auto field = "ratings[" + std::to_string(i) + "]";
        if (!item.is_object() || !item.contains("lifeAreaId") || !item["lifeAreaId"].is_string()) {
          in->add_error(field + ".lifeAreaId", "is required");
          continue;
        }
        for (const auto& [key, _] : item.items())
          if (key != "lifeAreaId" && key != "personRating" && key != "workerRating" && key != "whatMatters" &&
              key != "whatIsWorking" && key != "whatWouldHelp")
            in->add_error(field + "." + key, "is not a field this request accepts");
        Rating r;
        r.life_area_id = item["lifeAreaId"].get<std::string>();
        r.person_rating = read_rating(*in, item, "personRating", field);
        r.worker_rating = read_rating(*in, item, "workerRating", field);
        r.what_matters = read_text(*in, item, "whatMatters", field);
        r.what_is_working = read_text(*in, item, "whatIsWorking", field);
        r.what_would_help = read_text(*in, item, "whatWouldHelp", field);
        if (!r.person_rating && !r.worker_rating) in->add_error(field + ".personRating", "choose a number from 1 to 10");
        ci.ratings.push_back(std::move(r));
      }
    }
  }
  if (auto done = in->finish(); !done) return ctx.problem(done.error());
  return api::respond_as(ctx, svc.add_check_in(ctx.actor(), author(ctx), ctx.person_id(), ci),
                          [](const CheckIn& c) { return to_json(c); }, 201);
}

Response plan_response(const Ctx& ctx, const Result<Plan>& p, int status = 200) {
  if (!p) return ctx.problem(p.error());
  auto r = Response::json(status, to_json(*p));
  if (p->version > 0) r.header("ETag", api::etag(p->version));
  return r;
}

Response get_plan(Ctx& ctx, RecoveryService& svc) { return plan_response(ctx, svc.plan(ctx.org_id(), ctx.person_id(), *ctx.person)); }

Response save_plan(Ctx& ctx, RecoveryService& svc) {
  std::optional<std::int64_t> version;
  if (ctx.req.header("if-match")) {
    auto v = api::if_match_version(ctx.req);
    if (!v) return ctx.problem(v.error());
    version = *v;
  }
  auto in = JsonReader::parse(ctx.req.body);
  if (!in) return ctx.problem(in.error());
  PlanInput p;
  p.review_on = in->text("reviewOn", Need::optional, {.max = 10});
  if (const auto* sections = in->raw("sections", Need::required)) {
    if (!sections->is_object()) in->add_error("sections", "must be an object of section texts");
    else
      for (const auto& [key, v] : sections->items()) {
        if (!v.is_string() || v.get_ref<const std::string&>().size() > 8000)
          in->add_error("sections." + key, "must be text of at most 8000 characters");
        else
          p.sections[key] = v.get<std::string>();
      }
  }
  if (auto done = in->finish(); !done) return ctx.problem(done.error());
  return plan_response(ctx, svc.save_plan(ctx.actor(), author(ctx), ctx.person_id(), version, p));
}

Response respond_to_plan(Ctx& ctx, RecoveryService& svc) {
  if (ctx.person->basis != access::Basis::self)
    return ctx.problem(Error::make(ErrorKind::forbidden, "Only the person can agree to their plan",
                                   "Ask them to agree in their portal, or note their words in the plan.", "forbidden"));
  auto version = api::if_match_version(ctx.req);
  if (!version) return ctx.problem(version.error());
  auto in = JsonReader::parse(ctx.req.body);
  if (!in) return ctx.problem(in.error());
  auto agree = in->boolean("agree", Need::required);
  auto disagreement = in->text("disagreement", Need::optional, words());
  if (auto done = in->finish(); !done) return ctx.problem(done.error());
  return plan_response(ctx, svc.respond_to_plan(ctx.actor(), ctx.person_id(), *version, *agree, disagreement.value_or("")));
}

Response plan_history(Ctx& ctx, RecoveryService& svc) {
  auto r = svc.plan_history(ctx.org_id(), ctx.person_id(), *ctx.person);
  if (!r) return ctx.problem(r.error());
  return Response::json(200, api::items_json(*r, [](const store::RecordVersion& v) { return to_json(v); }));
}

Response list_goals(Ctx& ctx, RecoveryService& svc) {
  auto r = svc.goals(ctx.org_id(), ctx.person_id());
  if (!r) return ctx.problem(r.error());
  return Response::json(200, api::items_json(*r));
}

Result<GoalInput> read_goal(const http::Request& req, Need need) {
  auto in = TRY(JsonReader::parse(req.body));
  GoalInput g;
  g.title = in.text("title", need, {.min = 1, .max = 500, .multiline = true});
  g.why_it_matters = in.text("whyItMatters", Need::optional, words());
  g.life_area_ids = in.id_list("lifeAreaIds", Need::optional, 20);
  g.status = in.one_of("status", Need::optional, kGoalStatuses);
  TRY_VOID(in.finish());
  return g;
}

Response add_goal(Ctx& ctx, RecoveryService& svc) {
  auto in = read_goal(ctx.req, Need::required);
  if (!in) return ctx.problem(in.error());
  return api::respond_as(ctx, svc.add_goal(ctx.actor(), author(ctx), ctx.person_id(), *in),
                          [](const Goal& g) { return to_json(g); }, 201);
}

Response update_goal(Ctx& ctx, RecoveryService& svc) {
  auto version = api::if_match_version(ctx.req);
  if (!version) return ctx.problem(version.error());
  auto in = read_goal(ctx.req, Need::optional);
  if (!in) return ctx.problem(in.error());
  return api::respond_as(ctx, svc.update_goal(ctx.actor(), ctx.person_id(), ctx.param("goalId"), *version, *in),
                          [](const Goal& g) { return to_json(g); });
}

Response goal_history(Ctx& ctx, RecoveryService& svc) {
  auto r = svc.goal_history(ctx.org_id(), ctx.person_id(), ctx.param("goalId"));
  if (!r) return ctx.problem(r.error());
  return Response::json(200, api::items_json(*r, [](const store::RecordVersion& v) { return to_json(v); }));
}

Result<StepInput> read_step(const http::Request& req, Need need) {
  auto in = TRY(JsonReader::parse(req.body));
  StepInput s;
  s.description = in.text("description", need, {.min = 1, .max = 1000, .multiline = true});
  s.who = in.one_of("who", need, kStepOwners);
  s.who_name = in.text("whoName", Need::optional, {.max = 120});
  s.due_on = in.text("dueOn", Need::optional, {.max = 10});
  s.status = in.one_of("status", Need::optional, kStepStatuses);
  TRY_VOID(in.finish());
  return s;
}

Response add_step(Ctx& ctx, RecoveryService& svc) {
  auto in = read_step(ctx.req, Need::required);
  if (!in) return ctx.problem(in.error());
  return api::respond_as(ctx, svc.add_step(ctx.actor(), ctx.person_id(), ctx.param("goalId"), *in),
                          [](const Step& s) { return to_json(s); }, 201);
}

Response update_step(Ctx& ctx, RecoveryService& svc) {
  auto version = api::if_match_version(ctx.req);
  if (!version) return ctx.problem(version.error());
  auto in = read_step(ctx.req, Need::optional);
  if (!in) return ctx.problem(in.error());
  return api::respond_as(
      ctx, svc.update_step(ctx.actor(), ctx.person_id(), ctx.param("goalId"), ctx.param("stepId"), *version, *in),
      [](const Step& s) { return to_json(s); });
}

Response add_note(Ctx& ctx, RecoveryService& svc) {
  auto in = JsonReader::parse(ctx.req.body);
  if (!in) return ctx.problem(in.error());
  auto note = in->text("note", Need::required, {.min = 1, .max = 4000, .multiline = true});
  if (auto done = in->finish(); !done) return ctx.problem(done.error());
  return api::respond_as(ctx, svc.add_note(ctx.actor(), author(ctx), ctx.person_id(), ctx.param("goalId"), *note),
                          [](const Note& n) { return to_json(n); }, 201);
}

Response list_achievements(Ctx& ctx, RecoveryService& svc) {
  auto r = svc.achievements(ctx.org_id(), ctx.person_id());
  if (!r) return ctx.problem(r.error());
  return Response::json(200, api::items_json(*r));
}

Response list_advance_statements(Ctx& ctx, RecoveryService& svc) {
  auto r = svc.advance_statements(ctx.org_id(), ctx.person_id());
  if (!r) return ctx.problem(r.error());
  auto rules = svc.advance_statement_rules(ctx.org_id());
  if (!rules) return ctx.problem(rules.error());
  auto body = api::items_json(*r);
  body["rules"] = to_json(*rules);
  return Response::json(200, body);
}

Response make_advance_statement(Ctx& ctx, RecoveryService& svc) {
  auto in = JsonReader::parse(ctx.req.body);
  if (!in) return ctx.problem(in.error());
  AdvanceStatement a;
  auto text = [&](const char* name, std::size_t max) { return in->text(name, Need::optional, words(max)).value_or(""); };
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
  return api::respond_as(ctx, svc.make_advance_statement(ctx.actor(), author(ctx), ctx.person_id(), a),
                          [](const AdvanceStatement& x) { return to_json(x); }, 201);
}

Response revoke_advance_statement(Ctx& ctx, RecoveryService& svc) {
  auto in = JsonReader::parse(ctx.req.body);
  if (!in) return ctx.problem(in.error());
  auto reason = in->text("reason", Need::optional, words(2000));
  if (auto done = in->finish(); !done) return ctx.problem(done.error());
  return api::respond_empty(ctx, svc.revoke_advance_statement(ctx.actor(), ctx.person_id(), reason.value_or("")));
}

Response list_preps(Ctx& ctx, RecoveryService& svc) {
  auto r = svc.appointment_preps(ctx.org_id(), ctx.person_id());
  if (!r) return ctx.problem(r.error());
  return Response::json(200, api::items_json(*r));
}

Response prepare(Ctx& ctx, RecoveryService& svc) {
  auto in = JsonReader::parse(ctx.req.body);
  if (!in) return ctx.problem(in.error());
  AppointmentPrep a;
  auto text = [&](const char* name) { return in->text(name, Need::optional, words(4000)).value_or(""); };
  a.for_date = in->text("forDate", Need::optional, {.max = 10});
  a.how_things_have_been = text("howThingsHaveBeen");
  a.want_to_talk_about = text("wantToTalkAbout");
  a.what_helps = text("whatHelps");
  a.want_treatment_to_help = text("wantTreatmentToHelp");
  if (auto done = in->finish(); !done) return ctx.problem(done.error());
  return api::respond_as(ctx, svc.prepare_for_appointment(ctx.actor(), author(ctx), ctx.person_id(), a),
                          [](const AppointmentPrep& x) { return to_json(x); }, 201);
}

Response get_statement_rules(Ctx& ctx, RecoveryService& svc) {
  auto r = svc.advance_statement_rules(ctx.org_id());
  if (!r) return ctx.problem(r.error());
  return Response::json(200, to_json(*r));
}

Response set_statement_rules(Ctx& ctx, RecoveryService& svc) {
  auto in = JsonReader::parse(ctx.req.body);
  if (!in) return ctx.problem(in.error());
  AdvanceStatementRules r;
  auto witness = in->boolean("witnessRequired", Need::required);
  auto role = in->boolean("witnessRoleRequired", Need::required);
  auto support = in->boolean("nominatedSupportRequired", Need::required);
  if (auto done = in->finish(); !done) return ctx.problem(done.error());
  r.witness_required = *witness;
  r.witness_role_required = *role;
  r.nominated_support_required = *support;
  return api::respond_as(ctx, svc.set_advance_statement_rules(ctx.actor(), r),
                          [](const AdvanceStatementRules& x) { return to_json(x); });
}

}  // namespace

void add_routes(api::Routes& r, RecoveryService& svc) {
  const std::string one = "/api/v1/people/:id";
  const std::string goal = one + "/goals/:goalId";
  r.add("GET", "/api/v1/life-areas", Rule::signed_in(), {"The organisation's life areas", "recovery"}, api::with(list_life_areas, svc));
  r.add("POST", "/api/v1/life-areas", Rule::need(access::Permission::manage_teams),
        {"Add a life area to the organisation's set", "recovery"}, api::with(add_life_area, svc));
  r.add("PATCH", "/api/v1/life-areas/:lifeAreaId", Rule::need(access::Permission::manage_teams),
        {"Rename, reorder or retire a life area", "recovery"}, api::with(update_life_area, svc));
  r.add("GET", one + "/check-ins", Rule::person(Part::check_ins, false), {"Life-area check-ins, newest first", "recovery"}, api::with(list_check_ins, svc));
  r.add("POST", one + "/check-ins", Rule::person(Part::check_ins, true),
        {"A check-in: the person's ratings, the worker's view beside", "recovery"}, api::with(add_check_in, svc));
  r.add("GET", one + "/plan", Rule::person(Part::plan, false), {"The recovery plan", "recovery"}, api::with(get_plan, svc));
  r.add("PUT", one + "/plan", Rule::person(Part::plan, true),
        {"Write parts of the recovery plan (If-Match once it exists)", "recovery"}, api::with(save_plan, svc));
  r.add("POST", one + "/plan/response", Rule::person(Part::plan, true),
        {"The person agrees to their plan, or says what they disagree with", "recovery"}, api::with(respond_to_plan, svc));
  r.add("GET", one + "/plan/history", Rule::person(Part::plan, false), {"Earlier versions of the plan", "recovery"}, api::with(plan_history, svc));
  r.add("GET", one + "/goals", Rule::person(Part::goals, false), {"Goals with their steps and notes", "recovery"}, api::with(list_goals, svc));
  r.add("POST", one + "/goals", Rule::person(Part::goals, true), {"A goal in the person's own words", "recovery"}, api::with(add_goal, svc));
  r.add("PATCH", goal, Rule::person(Part::goals, true), {"Change a goal or its status (If-Match)", "recovery"}, api::with(update_goal, svc));
  r.add("GET", goal + "/history", Rule::person(Part::goals, false), {"Earlier versions of a goal", "recovery"}, api::with(goal_history, svc));
  r.add("POST", goal + "/steps", Rule::person(Part::goals, true), {"A step toward a goal", "recovery"}, api::with(add_step, svc));
  r.add("PATCH", goal + "/steps/:stepId", Rule::person(Part::goals, true), {"Change a step (If-Match)", "recovery"}, api::with(update_step, svc));
  r.add("POST", goal + "/notes", Rule::person(Part::goals, true), {"A progress note on a goal", "recovery"}, api::with(add_note, svc));
  r.add("GET", one + "/advance-statements", Rule::person(Part::advance_statement, false),
        {"Advance statements, the current one first, with the organisation's rules", "recovery"}, api::with(list_advance_statements, svc));
  r.add("POST", one + "/advance-statements", Rule::person(Part::advance_statement, true),
        {"A new advance statement; the current one is kept as replaced", "recovery"}, api::with(make_advance_statement, svc));
  r.add("POST", one + "/advance-statements/revoke", Rule::person(Part::advance_statement, true),
        {"Revoke the current advance statement", "recovery"}, api::with(revoke_advance_statement, svc));
  r.add("GET", "/api/v1/settings/advance-statements", Rule::signed_in(),
        {"What this organisation asks of an advance statement", "recovery"}, api::with(get_statement_rules, svc));
  r.add("PUT", "/api/v1/settings/advance-statements", Rule::need(access::Permission::manage_teams),
        {"Set what this organisation asks of an advance statement", "recovery"}, api::with(set_statement_rules, svc));
  r.add("GET", one + "/appointment-preps", Rule::person(Part::plan, false),
        {"What the person wants their worker to know before appointments, newest first", "recovery"}, api::with(list_preps, svc));
  r.add("POST", one + "/appointment-preps", Rule::person(Part::plan, true),
        {"Getting ready for an appointment, in the person's words", "recovery"}, api::with(prepare, svc));
  r.add("GET", one + "/achievements", Rule::person(Part::goals, false), {"Goals and steps achieved", "recovery"}, api::with(list_achievements, svc));
}

}  // namespace trellis::recovery
