#include "people/consent/routes.hpp"

#include "access/person_policy.hpp"
#include "api/ctx.hpp"
#include "api/routes.hpp"
#include "core/json_input.hpp"
#include "people/common.hpp"
#include "people/json.hpp"
#include "people/consent/service.hpp"

namespace trellis::people {
namespace {

using access::Part;
using access::Rule;
using api::Ctx;
using http::Response;

Response consent_response(const Consent& k, const std::string& day, int status) {
  return Response::object(status, [&](JsonWriter& w) { write_consent_fields(w, k, day); });
}

Response list_consents(Ctx& ctx, ConsentService& svc) {
  auto r = svc.consents(ctx.org_id(), ctx.person_id());
  if (!r) return ctx.problem(r.error());
  auto day = today(ctx.now);
  return Response::json(200, api::items(*r, [&](JsonWriter& w, const Consent& k) {
                          w.object([&] { write_consent_fields(w, k, day); });
                        }));
}

Response record_consent(Ctx& ctx, ConsentService& svc) {
  auto in = ctx.input();
  if (!in) return ctx.problem(in.error());
  ConsentInput k;
  auto supporter = in->id("supporterId", Need::optional);
  auto partner = in->id("partnerId", Need::optional);
  if (supporter.has_value() == partner.has_value())
    in->add_error("supporterId", "name one supporter, or one partnerId");
  std::vector<std::string_view> names;
  for (auto p : access::kShareableParts) names.push_back(access::part_name(p));
  auto purpose = in->text("purpose", Need::required, paragraph(1000));
  auto starts = in->text("startsOn", Need::optional, one_line(10));
  auto ends = in->text("endsOn", Need::optional, one_line(10));
  auto parts = in->name_list("parts", Need::required, names);
  if (auto done = in->finish(); !done) return ctx.problem(done.error());
  if (partner) k.grantee_type = "partner";
  k.supporter_id = supporter ? *supporter : *partner;
  for (const auto& name : *parts) k.parts.push_back(*access::parse_part(name));
  k.purpose = *purpose;
  k.starts_on = starts.value_or(today(ctx.now));
  k.ends_on = ends;
  auto r = svc.record_consent(ctx.actor(), ctx.person_id(), k);
  if (!r) return ctx.problem(r.error());
  return consent_response(*r, today(ctx.now), 201);
}

Response withdraw_consent(Ctx& ctx, ConsentService& svc) {
  auto r = svc.withdraw_consent(ctx.actor(), ctx.person_id(), ctx.param("consentId"));
  if (!r) return ctx.problem(r.error());
  return consent_response(*r, today(ctx.now), 200);
}

Response shared_with_me(Ctx& ctx, ConsentService& svc) {
  auto r = svc.consents_for_me(ctx.actor(), ctx.principal());
  if (!r) return ctx.problem(r.error());
  auto day = today(ctx.now);
  return Response::json(200, api::items(*r, [&](JsonWriter& w, const auto& shared) {
                          w.object([&] {
                            write_consent_fields(w, shared.first, day);
                            w.field("personName", shared.second);
                          });
                        }));
}

}  // namespace

void add_consent_routes(api::Routes& r, ConsentService& svc) {
  const std::string people = "/api/v1/people";
  const std::string one = people + "/:id";
  r.add("GET", one + "/consents", Rule::person(Part::consent, false),
        {.summary = "The person's consent decisions", .tag = "people", .response = "ConsentList"},
        api::with(list_consents, svc));
  r.add("POST", one + "/consents", Rule::person(Part::consent, true),
        {.summary = "Record what the person shares with a supporter",
         .tag = "people",
         .request = "NewConsent",
         .response = "Consent",
         .status = 201},
        api::with(record_consent, svc));
  r.add("POST", one + "/consents/:consentId/withdraw", Rule::person(Part::consent, true),
        {.summary = "Withdraw a consent; takes effect at once", .tag = "people", .response = "Consent"},
        api::with(withdraw_consent, svc));
  r.add(
      "GET", "/api/v1/me/shared-with-me", Rule::signed_in(),
      {.summary = "For a supporter: who shares which parts with you", .tag = "people", .response = "SharedConsentList"},
      api::with(shared_with_me, svc));
}

}  // namespace trellis::people
