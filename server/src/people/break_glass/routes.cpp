#include "people/break_glass/routes.hpp"

#include "access/person_policy.hpp"
#include "api/ctx.hpp"
#include "api/routes.hpp"
#include "core/json_input.hpp"
#include "people/common.hpp"
#include "people/json.hpp"
#include "people/break_glass/service.hpp"

namespace trellis::people {
namespace {

using access::Rule;
using api::Ctx;
using http::Response;

Response break_glass(Ctx& ctx, BreakGlassService& svc) {
  auto in = ctx.input();
  if (!in) return ctx.problem(in.error());
  std::vector<std::string_view> codes(std::begin(kBreakGlassReasons), std::end(kBreakGlassReasons));
  auto code = in->one_of("reasonCode", Need::required, codes);
  auto reason = in->text("reason", Need::required, {.min = 10, .max = 1000, .multiline = true});
  if (auto done = in->finish(); !done) return ctx.problem(done.error());
  return api::respond_as(ctx, svc.break_glass(ctx.actor(), ctx.principal(), ctx.person_id(), *code, *reason), 201);
}

Response break_glass_queue(Ctx& ctx, BreakGlassService& svc) {
  auto r = svc.break_glass_queue(ctx.org_id(), ctx.req.query("all") == "true");
  if (!r) return ctx.problem(r.error());
  return Response::json(200, api::items(*r));
}

Response review_break_glass(Ctx& ctx, BreakGlassService& svc) {
  auto in = ctx.input();
  if (!in) return ctx.problem(in.error());
  auto note = in->text("note", Need::required, paragraph(2000));
  if (auto done = in->finish(); !done) return ctx.problem(done.error());
  return api::respond_empty(ctx, svc.review_break_glass(ctx.actor(), ctx.param("breakGlassId"), *note));
}

}  // namespace

void add_break_glass_routes(api::Routes& r, BreakGlassService& svc) {
  using P = access::Permission;
  const std::string people = "/api/v1/people";
  const std::string one = people + "/:id";
  r.add("POST", one + "/break-glass", Rule::need(P::view_people),
        {.summary = "Open a person's record for 4 hours with a reason (audited, reviewed)",
         .tag = "people",
         .request = "NewBreakGlassAccess",
         .response = "BreakGlassAccess",
         .status = 201},
        api::with(break_glass, svc));
  r.add("GET", "/api/v1/break-glass", Rule::need(P::review_break_glass),
        {.summary = "Break-the-glass access waiting for review",
         .tag = "people",
         .response = "BreakGlassQueue",
         .query = {{"all", "IncludeReviewed", "true: access already reviewed as well"}}},
        api::with(break_glass_queue, svc));
  r.add("POST", "/api/v1/break-glass/:breakGlassId/review", Rule::need(P::review_break_glass),
        {.summary = "Mark break-the-glass access as reviewed",
         .tag = "people",
         .request = "BreakGlassReview",
         .status = 204},
        api::with(review_break_glass, svc));
}

}  // namespace trellis::people
