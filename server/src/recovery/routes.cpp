// The recovery area's routes: life areas and check-ins here; the plan, goals and achievements in
// routes_plan.cpp; advance statements and appointment preparation in routes_statements.cpp.
#include "recovery/routes.hpp"

#include "access/person_policy.hpp"
#include "api/ctx.hpp"
#include "api/routes.hpp"
#include "core/json_input.hpp"
#include "recovery/json.hpp"
#include "recovery/route_parts.hpp"
#include "recovery/service.hpp"

namespace trellis::recovery {

Author author(const api::Ctx& ctx) {
  const auto& u = ctx.principal().user;
  return {u.id, std::string(access::role_name(u.role)), u.display_name,
          ctx.person && ctx.person->basis == access::Basis::self};
}

namespace {

using access::Part;
using access::Rule;
using api::Ctx;
using http::Response;
using nlohmann::json;

Response list_life_areas(Ctx& ctx, RecoveryService& svc) {
  auto r = svc.life_areas(ctx.org_id());
  if (!r) return ctx.problem(r.error());
  return Response::json(200, api::items(*r));
}

Response add_life_area(Ctx& ctx, RecoveryService& svc) {
  auto in = ctx.input();
  if (!in) return ctx.problem(in.error());
  auto name = in->text("name", Need::required, {.min = 2, .max = 80});
  auto description = in->text("description", Need::optional, {.max = 200});
  if (auto done = in->finish(); !done) return ctx.problem(done.error());
  return api::respond_as(ctx, svc.add_life_area(ctx.actor(), *name, description.value_or("")), 201);
}

Response update_life_area(Ctx& ctx, RecoveryService& svc) {
  auto in = ctx.input();
  if (!in) return ctx.problem(in.error());
  auto name = in->text("name", Need::optional, {.min = 2, .max = 80});
  auto description = in->text("description", Need::optional, {.max = 200});
  auto position = in->integer("position", Need::optional, 1, 100);
  auto active = in->boolean("active", Need::optional);
  if (auto done = in->finish(); !done) return ctx.problem(done.error());
  std::optional<int> pos;
  if (position) pos = static_cast<int>(*position);
  return api::respond_as(ctx,
                         svc.update_life_area(ctx.actor(), ctx.param("lifeAreaId"), name, description, pos, active));
}

Response list_check_ins(Ctx& ctx, RecoveryService& svc) {
  auto page = parse_page(ctx.req.query("limit"), std::nullopt, 50, 400);
  if (!page) return ctx.problem(page.error());
  auto r = svc.check_ins(ctx.org_id(), ctx.person_id(), page->limit);
  if (!r) return ctx.problem(r.error());
  return Response::json(200, api::items(*r));
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
  auto in = ctx.input();
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
        if (!r.person_rating && !r.worker_rating)
          in->add_error(field + ".personRating", "choose a number from 1 to 10");
        ci.ratings.push_back(std::move(r));
      }
    }
  }
  if (auto done = in->finish(); !done) return ctx.problem(done.error());
  return api::respond_as(ctx, svc.add_check_in(ctx.actor(), author(ctx), ctx.person_id(), ci), 201);
}

}  // namespace

void add_routes(api::Routes& r, RecoveryService& svc) {
  const std::string one = "/api/v1/people/:id";
  r.add("GET", "/api/v1/life-areas", Rule::signed_in(),
        {.summary = "The organisation's life areas", .tag = "recovery", .response = "LifeAreaList"},
        api::with(list_life_areas, svc));
  r.add("POST", "/api/v1/life-areas", Rule::need(access::Permission::manage_teams),
        {.summary = "Add a life area to the organisation's set",
         .tag = "recovery",
         .request = "NewLifeArea",
         .response = "LifeArea",
         .status = 201},
        api::with(add_life_area, svc));
  r.add("PATCH", "/api/v1/life-areas/:lifeAreaId", Rule::need(access::Permission::manage_teams),
        {.summary = "Rename, reorder or retire a life area",
         .tag = "recovery",
         .request = "LifeAreaChange",
         .response = "LifeArea"},
        api::with(update_life_area, svc));
  r.add("GET", one + "/check-ins", Rule::person(Part::check_ins, false),
        {.summary = "Life-area check-ins, newest first",
         .tag = "recovery",
         .response = "CheckInList",
         .query = {{"limit", "CheckInLimit", ""}}},
        api::with(list_check_ins, svc));
  r.add("POST", one + "/check-ins", Rule::person(Part::check_ins, true),
        {.summary = "A check-in: the person's ratings, the worker's view beside",
         .tag = "recovery",
         .request = "NewCheckIn",
         .response = "CheckIn",
         .status = 201},
        api::with(add_check_in, svc));
  add_plan_routes(r, svc);
  add_statement_routes(r, svc);
}

}  // namespace trellis::recovery
