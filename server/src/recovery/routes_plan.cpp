// The recovery area's routes for the recovery plan, goals, their steps and notes, and achievements.
#include "recovery/route_parts.hpp"

#include "access/person_policy.hpp"
#include "api/ctx.hpp"
#include "api/routes.hpp"
#include "core/enum_names.hpp"
#include "core/json_input.hpp"
#include "recovery/json.hpp"
#include "recovery/service.hpp"

namespace trellis::recovery {
namespace {

using access::Part;
using access::Rule;
using api::Ctx;
using http::Response;

Response plan_response(const Ctx& ctx, const Result<Plan>& p, int status = 200) {
  if (!p) return ctx.problem(p.error());
  JsonWriter w;
  write_json(w, *p);
  auto r = Response::json(status, std::move(w));
  if (p->version > 0) r.header("ETag", api::etag(p->version));
  return r;
}

Response get_plan(Ctx& ctx, RecoveryService& svc) {
  return plan_response(ctx, svc.plan(ctx.org_id(), ctx.person_id(), *ctx.person));
}

Response save_plan(Ctx& ctx, RecoveryService& svc) {
  std::optional<std::int64_t> version;
  if (ctx.req.header("if-match")) {
    auto v = api::if_match_version(ctx.req);
    if (!v) return ctx.problem(v.error());
    version = *v;
  }
  auto in = ctx.input();
  if (!in) return ctx.problem(in.error());
  PlanInput p;
  p.review_on = in->text("reviewOn", Need::optional, {.max = 10});
  if (const auto* sections = in->raw("sections", Need::required)) {
    if (!sections->is_object())
      in->add_error("sections", "must be an object of section texts");
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
  auto in = ctx.input();
  if (!in) return ctx.problem(in.error());
  auto agree = in->boolean("agree", Need::required);
  auto disagreement = in->text("disagreement", Need::optional, words());
  if (auto done = in->finish(); !done) return ctx.problem(done.error());
  return plan_response(ctx,
                       svc.respond_to_plan(ctx.actor(), ctx.person_id(), *version, *agree, disagreement.value_or("")));
}

Response plan_history(Ctx& ctx, RecoveryService& svc) {
  auto r = svc.plan_history(ctx.org_id(), ctx.person_id(), *ctx.person);
  if (!r) return ctx.problem(r.error());
  return Response::json(200, api::items(*r, write_version));
}

Response list_goals(Ctx& ctx, RecoveryService& svc) {
  auto r = svc.goals(ctx.org_id(), ctx.person_id());
  if (!r) return ctx.problem(r.error());
  return Response::json(200, api::items(*r));
}

// A status by its word, one of the enum's names.
template <NamedEnum E>
std::optional<E> read_status(JsonReader& in) {
  auto word = in.one_of("status", Need::optional, all_names<E>());
  return word ? parse_name<E>(*word) : std::nullopt;
}

Result<GoalInput> read_goal(const Ctx& ctx, Need need) {
  auto in = TRY(ctx.input());
  GoalInput g;
  g.title = in.text("title", need, {.min = 1, .max = 500, .multiline = true});
  g.why_it_matters = in.text("whyItMatters", Need::optional, words());
  g.life_area_ids = in.id_list("lifeAreaIds", Need::optional, 20);
  g.status = read_status<GoalStatus>(in);
  TRY_VOID(in.finish());
  return g;
}

Response add_goal(Ctx& ctx, RecoveryService& svc) {
  auto in = read_goal(ctx, Need::required);
  if (!in) return ctx.problem(in.error());
  return api::respond_as(ctx, svc.add_goal(ctx.actor(), author(ctx), ctx.person_id(), *in), 201);
}

Response update_goal(Ctx& ctx, RecoveryService& svc) {
  auto version = api::if_match_version(ctx.req);
  if (!version) return ctx.problem(version.error());
  auto in = read_goal(ctx, Need::optional);
  if (!in) return ctx.problem(in.error());
  return api::respond_as(ctx, svc.update_goal(ctx.actor(), ctx.person_id(), ctx.param("goalId"), *version, *in));
}

Response goal_history(Ctx& ctx, RecoveryService& svc) {
  auto r = svc.goal_history(ctx.org_id(), ctx.person_id(), ctx.param("goalId"));
  if (!r) return ctx.problem(r.error());
  return Response::json(200, api::items(*r, write_version));
}

Result<StepInput> read_step(const Ctx& ctx, Need need) {
  auto in = TRY(ctx.input());
  StepInput s;
  s.description = in.text("description", need, {.min = 1, .max = 1000, .multiline = true});
  s.who = in.one_of("who", need, kStepOwners);
  s.who_name = in.text("whoName", Need::optional, {.max = 120});
  s.due_on = in.text("dueOn", Need::optional, {.max = 10});
  s.status = read_status<StepStatus>(in);
  TRY_VOID(in.finish());
  return s;
}

Response add_step(Ctx& ctx, RecoveryService& svc) {
  auto in = read_step(ctx, Need::required);
  if (!in) return ctx.problem(in.error());
  return api::respond_as(ctx, svc.add_step(ctx.actor(), ctx.person_id(), ctx.param("goalId"), *in), 201);
}

Response update_step(Ctx& ctx, RecoveryService& svc) {
  auto version = api::if_match_version(ctx.req);
  if (!version) return ctx.problem(version.error());
  auto in = read_step(ctx, Need::optional);
  if (!in) return ctx.problem(in.error());
  return api::respond_as(
      ctx, svc.update_step(ctx.actor(), ctx.person_id(), ctx.param("goalId"), ctx.param("stepId"), *version, *in));
}

Response add_note(Ctx& ctx, RecoveryService& svc) {
  auto in = ctx.input();
  if (!in) return ctx.problem(in.error());
  auto note = in->text("note", Need::required, {.min = 1, .max = 4000, .multiline = true});
  if (auto done = in->finish(); !done) return ctx.problem(done.error());
  return api::respond_as(ctx, svc.add_note(ctx.actor(), author(ctx), ctx.person_id(), ctx.param("goalId"), *note), 201);
}

Response list_achievements(Ctx& ctx, RecoveryService& svc) {
  auto r = svc.achievements(ctx.org_id(), ctx.person_id());
  if (!r) return ctx.problem(r.error());
  return Response::json(200, api::items(*r));
}

}  // namespace

void add_plan_routes(api::Routes& r, RecoveryService& svc) {
  const std::string one = "/api/v1/people/:id";
  const std::string goal = one + "/goals/:goalId";
  r.add("GET", one + "/plan", Rule::person(Part::plan, false),
        {.summary = "The recovery plan", .tag = "recovery", .response = "Plan", .versioning = api::Versioning::etag},
        api::with(get_plan, svc));
  r.add("PUT", one + "/plan", Rule::person(Part::plan, true),
        {.summary = "Write parts of the recovery plan (If-Match once it exists)",
         .tag = "recovery",
         .request = "PlanInput",
         .response = "Plan",
         .versioning = api::Versioning::if_match_once_saved},
        api::with(save_plan, svc));
  r.add("POST", one + "/plan/response", Rule::person(Part::plan, true),
        {.summary = "The person agrees to their plan, or says what they disagree with",
         .tag = "recovery",
         .request = "PlanAgreement",
         .response = "Plan",
         .versioning = api::Versioning::if_match},
        api::with(respond_to_plan, svc));
  r.add("GET", one + "/plan/history", Rule::person(Part::plan, false),
        {.summary = "Earlier versions of the plan", .tag = "recovery", .response = "PlanHistory"},
        api::with(plan_history, svc));
  r.add("GET", one + "/goals", Rule::person(Part::goals, false),
        {.summary = "Goals with their steps and notes", .tag = "recovery", .response = "GoalList"},
        api::with(list_goals, svc));
  r.add("POST", one + "/goals", Rule::person(Part::goals, true),
        {.summary = "A goal in the person's own words",
         .tag = "recovery",
         .request = "NewGoal",
         .response = "Goal",
         .status = 201},
        api::with(add_goal, svc));
  r.add("PATCH", goal, Rule::person(Part::goals, true),
        {.summary = "Change a goal or its status (If-Match)",
         .tag = "recovery",
         .request = "GoalChange",
         .response = "Goal",
         .versioning = api::Versioning::if_match},
        api::with(update_goal, svc));
  r.add("GET", goal + "/history", Rule::person(Part::goals, false),
        {.summary = "Earlier versions of a goal", .tag = "recovery", .response = "GoalHistory"},
        api::with(goal_history, svc));
  r.add("POST", goal + "/steps", Rule::person(Part::goals, true),
        {.summary = "A step toward a goal", .tag = "recovery", .request = "NewStep", .response = "Step", .status = 201},
        api::with(add_step, svc));
  r.add("PATCH", goal + "/steps/:stepId", Rule::person(Part::goals, true),
        {.summary = "Change a step (If-Match)",
         .tag = "recovery",
         .request = "StepChange",
         .response = "Step",
         .versioning = api::Versioning::if_match},
        api::with(update_step, svc));
  r.add("POST", goal + "/notes", Rule::person(Part::goals, true),
        {.summary = "A progress note on a goal",
         .tag = "recovery",
         .request = "NewGoalNote",
         .response = "GoalNote",
         .status = 201},
        api::with(add_note, svc));
  r.add("GET", one + "/achievements", Rule::person(Part::goals, false),
        {.summary = "Goals and steps achieved", .tag = "recovery", .response = "AchievementList"},
        api::with(list_achievements, svc));
}

}  // namespace trellis::recovery
