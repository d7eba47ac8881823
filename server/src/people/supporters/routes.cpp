#include "people/supporters/routes.hpp"

#include "access/person_policy.hpp"
#include "api/ctx.hpp"
#include "api/routes.hpp"
#include "core/json_input.hpp"
#include "people/common.hpp"
#include "people/json.hpp"
#include "people/supporters/service.hpp"

namespace trellis::people {
namespace {

using access::Part;
using access::Rule;
using api::Ctx;
using http::Response;

Result<SupporterInput> read_supporter(const Ctx& ctx, Need need) {
  auto in = TRY(ctx.input());
  SupporterInput s;
  s.name = in.text("name", need, one_line(120));
  s.relationship = in.text("relationship", need, one_line(100));
  s.phone = in.text("phone", Need::optional, one_line(50));
  s.email = in.text("email", Need::optional, one_line(254));
  s.involvement = in.text("involvement", Need::optional, paragraph(2000));
  s.active = in.boolean("active", Need::optional);
  TRY_VOID(in.finish());
  return s;
}

Response list_supporters(Ctx& ctx, SupportersService& svc) {
  auto r = svc.supporters(ctx.org_id(), ctx.person_id());
  if (!r) return ctx.problem(r.error());
  return Response::json(200, api::items(*r));
}

Response add_supporter(Ctx& ctx, SupportersService& svc) {
  auto in = read_supporter(ctx, Need::required);
  if (!in) return ctx.problem(in.error());
  return api::respond_as(ctx, svc.add_supporter(ctx.actor(), ctx.person_id(), *in), 201);
}

Response update_supporter(Ctx& ctx, SupportersService& svc) {
  auto version = api::if_match_version(ctx.req);
  if (!version) return ctx.problem(version.error());
  auto in = read_supporter(ctx, Need::optional);
  if (!in) return ctx.problem(in.error());
  return api::respond_as(ctx,
                         svc.update_supporter(ctx.actor(), ctx.person_id(), ctx.param("supporterId"), *version, *in));
}

}  // namespace

void add_supporters_routes(api::Routes& r, SupportersService& svc) {
  const std::string people = "/api/v1/people";
  const std::string one = people + "/:id";
  r.add("GET", one + "/supporters", Rule::person(Part::supporters, false),
        {.summary = "The person's supporters", .tag = "people", .response = "SupporterList"},
        api::with(list_supporters, svc));
  r.add("POST", one + "/supporters", Rule::person(Part::supporters, true),
        {.summary = "Add a supporter",
         .tag = "people",
         .request = "NewSupporter",
         .response = "Supporter",
         .status = 201},
        api::with(add_supporter, svc));
  r.add("PATCH", one + "/supporters/:supporterId", Rule::person(Part::supporters, true),
        {.summary = "Change a supporter (If-Match)",
         .tag = "people",
         .request = "SupporterChange",
         .response = "Supporter",
         .versioning = api::Versioning::if_match},
        api::with(update_supporter, svc));
}

}  // namespace trellis::people
