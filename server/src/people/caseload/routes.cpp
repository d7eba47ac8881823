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

void write_entry(JsonWriter& w, const CaseloadEntry& e) {
  w.object([&] {
    write_person_fields(w, e.person);
    w.field("reviewOn", e.review_on);
    w.field("lastCheckIn", e.last_check_in);
    w.field("reviewOverdue", e.review_overdue);
    w.field("lastChange", e.last_change);
  });
}

Response list_caseload(Ctx& ctx, CaseloadService& svc) {
  auto page = parse_page(ctx.req.query("limit"), ctx.req.query("cursor"));
  if (!page) return ctx.problem(page.error());
  auto r = svc.caseload(ctx.principal(), ctx.req.query("q"), *page);
  if (!r) return ctx.problem(r.error());
  return Response::json(200, api::page(r->items, r->next_cursor, write_entry));
}

Response search_people(Ctx& ctx, CaseloadService& svc) {
  auto r = svc.find_anyone(ctx.actor(), ctx.principal(), ctx.req.query("q").value_or(""));
  if (!r) return ctx.problem(r.error());
  ctx.reads_shown.push_back(std::move(r->search));
  return Response::json(200, api::items(r->people, [](JsonWriter& w, const auto& e) {
                          w.object([&] {
                            w.field("id", e.person.id);
                            w.field("displayName", e.person.display_name());
                            w.field("dateOfBirth", e.person.date_of_birth);
                          });
                        }));
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
