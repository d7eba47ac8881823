#include "people/caseload/routes.hpp"

#include "access/person_policy.hpp"
#include "api/ctx.hpp"
#include "api/routes.hpp"
#include "core/json_input.hpp"
#include "people/common.hpp"
#include "people/json.hpp"
#include "people/caseload/service.hpp"

namespace trellis::people {
namespace {

using access::Rule;
using api::Ctx;
using http::Response;
using nlohmann::json;

json caseload_entry(const CaseloadEntry& e) {
  auto j = to_json(e.person);
  j["reviewOn"] = e.review_on ? json(*e.review_on) : json(nullptr);
  j["lastCheckIn"] = e.last_check_in ? json(*e.last_check_in) : json(nullptr);
  j["reviewOverdue"] = e.review_overdue;
  j["lastChange"] = e.last_change;
  return j;
}

Response list_caseload(Ctx& ctx, CaseloadService& svc) {
  auto page = parse_page(ctx.req.query("limit"), ctx.req.query("cursor"));
  if (!page) return ctx.problem(page.error());
  auto r = svc.caseload(ctx.principal(), ctx.req.query("q"), *page);
  if (!r) return ctx.problem(r.error());
  json list = json::array();
  for (const auto& e : r->items) list.push_back(caseload_entry(e));
  return Response::json(200, {{"items", list}, {"nextCursor", r->next_cursor ? json(*r->next_cursor) : json(nullptr)}});
}

Response search_people(Ctx& ctx, CaseloadService& svc) {
  auto r = svc.find_anyone(ctx.actor(), ctx.principal(), ctx.req.query("q").value_or(""));
  if (!r) return ctx.problem(r.error());
  ctx.reads_shown.push_back(std::move(r->search));
  json list = json::array();
  for (const auto& e : r->people)
    list.push_back(
        {{"id", e.person.id}, {"displayName", e.person.display_name()}, {"dateOfBirth", e.person.date_of_birth}});
  return Response::json(200, {{"items", list}});
}

}  // namespace

void add_caseload_routes(api::Routes& r, CaseloadService& svc) {
  using P = access::Permission;
  const std::string people = "/api/v1/people";
  const std::string one = people + "/:id";
  r.add("GET", people, Rule::need(P::view_people),
        {.summary = "Your caseload: people your care team supports",
         .tag = "people",
         .response = "CaseloadPage",
         .query = {{"q", "PersonNameQuery", "Only people whose name has these words"},
                   {"limit", "Limit", ""},
                   {"cursor", "Cursor", ""}}},
        api::with(list_caseload, svc));
  r.add("GET", people + "/search", Rule::need(P::view_people),
        {.summary = "Find anyone in the organisation by name (audited)",
         .tag = "people",
         .response = "PersonMatchList",
         .query = {{"q", "PersonNameQuery", "At least 2 letters of the person's name"}}},
        api::with(search_people, svc));
}

}  // namespace trellis::people
