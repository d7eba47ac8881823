#include "partnerships/agreements/routes.hpp"

#include "access/passwords.hpp"
#include "access/service.hpp"
#include "api/ctx.hpp"
#include "api/routes.hpp"
#include "core/json_input.hpp"
#include "partnerships/agreements/json.hpp"
#include "partnerships/agreements/service.hpp"

namespace trellis::partnerships {
namespace {

using access::Rule;
using api::Ctx;
using http::Response;

Response list_partners(Ctx& ctx, AgreementsService& svc) {
  auto r = svc.partners(ctx.principal().user.org_id);
  if (!r) return ctx.problem(r.error());
  return Response::json(200, api::items(*r));
}

// A partner agency and its whole agreement, for adding one or replacing what is kept.
Result<Partner> read_partner(const Ctx& ctx) {
  auto in = TRY(JsonReader::of(*ctx.body));
  Partner p;
  TextRule para{.max = 4000, .multiline = true};
  p.name = in.text("name", Need::required, {.min = 2, .max = 200}).value_or("");
  p.directory_organization_id = in.text("directoryOrganizationId", Need::optional, {.max = 64}).value_or("");
  static const auto kStatuses = all_names<PartnerStatus>();
  if (auto status = in.one_of("status", Need::optional, kStatuses)) p.status = *parse_name<PartnerStatus>(*status);
  p.agreement_purpose = in.text("agreementPurpose", Need::optional, para).value_or("");
  p.agreement_roles = in.text("agreementRoles", Need::optional, para).value_or("");
  p.agreement_expectations = in.text("agreementExpectations", Need::optional, para).value_or("");
  p.agreement_contacts = in.text("agreementContacts", Need::optional, para).value_or("");
  p.information_sharing = in.text("informationSharing", Need::optional, para).value_or("");
  p.our_resources = in.text("ourResources", Need::optional, para).value_or("");
  p.partner_resources = in.text("partnerResources", Need::optional, para).value_or("");
  p.response_days = static_cast<int>(in.integer("responseDays", Need::optional, 1, 60).value_or(5));
  p.taking_referrals = in.boolean("takingReferrals", Need::optional).value_or(true);
  if (auto w = in.integer("waitWeeks", Need::optional, 0, 104)) p.wait_weeks = static_cast<int>(*w);
  for (auto [field, date] :
       {std::pair{"agreementStartsOn", &p.agreement_starts_on}, {"agreementReviewOn", &p.agreement_review_on}})
    if (auto d = in.text(field, Need::optional, {.max = 10}); d && !d->empty()) *date = d;
  std::vector<std::string_view> shareable;
  for (auto x : access::kShareableParts) shareable.push_back(access::part_name(x));
  for (const auto& name : in.name_list("requiredParts", Need::optional, shareable).value_or(std::vector<std::string>{}))
    p.required_parts.push_back(*access::parse_part(name));
  p.referral_guidance = in.text("referralGuidance", Need::optional, {.max = 2000, .multiline = true}).value_or("");
  TRY_VOID(in.finish());
  return p;
}

Response add_partner(Ctx& ctx, AgreementsService& svc) {
  auto p = read_partner(ctx);
  if (!p) return ctx.problem(p.error());
  return api::respond_as(ctx, svc.add_partner(ctx.actor(), *p), 201);
}

Response update_partner(Ctx& ctx, AgreementsService& svc) {
  auto version = api::if_match_version(ctx.req);
  if (!version) return ctx.problem(version.error());
  auto p = read_partner(ctx);
  if (!p) return ctx.problem(p.error());
  return api::respond_as(ctx, svc.update_partner(ctx.actor(), ctx.param("partnerId"), *version, *p));
}

void write_document(JsonWriter& w, const PartnerDocument& d) {
  w.object([&] {
    w.field("id", d.id);
    w.field("partnerId", d.partner_id);
    w.field("name", d.name);
    w.field("contentType", d.content_type);
    w.field("sizeBytes", d.size_bytes);
    w.field("uploadedAt", d.uploaded_at);
  });
}

Response attach_document(Ctx& ctx, AgreementsService& svc) {
  auto in = ctx.input();
  if (!in) return ctx.problem(in.error());
  auto name = in->text("name", Need::required, {.min = 1, .max = 200}).value_or("");
  auto type = in->text("contentType", Need::required, {.max = 100}).value_or("");
  auto data = in->text("data", Need::required, {.max = 1 << 20}).value_or("");
  if (auto done = in->finish(); !done) return ctx.problem(done.error());
  return api::respond_as(ctx, svc.attach_document(ctx.actor(), ctx.param("partnerId"), name, type, data),
                         write_document, 201);
}

Response list_documents(Ctx& ctx, AgreementsService& svc) {
  auto r = svc.documents(ctx.principal().user.org_id, ctx.param("partnerId"));
  if (!r) return ctx.problem(r.error());
  return Response::json(200, api::items(*r, write_document));
}

Response download_document(Ctx& ctx, AgreementsService& svc) {
  auto r = svc.document(ctx.actor(), ctx.param("partnerId"), ctx.param("documentId"));
  if (!r) return ctx.problem(r.error());
  Response resp;
  resp.content_type = r->first.content_type;
  resp.body = std::move(r->second);
  std::string safe;
  for (char ch : r->first.name) safe += (ch == '"' || ch == '\\' || static_cast<unsigned char>(ch) < 0x20) ? '_' : ch;
  resp.header("Content-Disposition", "attachment; filename=\"" + safe + "\"");
  return resp;
}

Response own_agency(Ctx& ctx, AgreementsService& svc) {
  const auto& who = ctx.principal();
  return api::respond_as(ctx, svc.partner(who.user.org_id, who.user.partner_id.value_or("")));
}

Response update_capacity(Ctx& ctx, AgreementsService& svc) {
  auto version = api::if_match_version(ctx.req);
  if (!version) return ctx.problem(version.error());
  auto in = ctx.input();
  if (!in) return ctx.problem(in.error());
  auto taking = in->boolean("takingReferrals", Need::required).value_or(true);
  std::optional<int> wait;
  if (auto w = in->integer("waitWeeks", Need::optional, 0, 104)) wait = static_cast<int>(*w);
  if (auto done = in->finish(); !done) return ctx.problem(done.error());
  return api::respond_as(ctx, svc.update_capacity(ctx.actor(), ctx.principal(), *version, taking, wait));
}

Response add_partner_user(Ctx& ctx, AgreementsService& svc, access::AccessService& access) {
  auto in = ctx.input();
  if (!in) return ctx.problem(in.error());
  access::NewUser u;
  auto email = in->email("email", Need::required);
  auto name = in->text("displayName", Need::required, {.min = 1, .max = 120});
  auto password = in->text("password", Need::required, {.max = access::kMaxPasswordLength, .trim = false});
  if (auto done = in->finish(); !done) return ctx.problem(done.error());
  auto partner = svc.partner(ctx.principal().user.org_id, ctx.param("partnerId"));
  if (!partner) return ctx.problem(partner.error());
  u.email = *email;
  u.display_name = *name;
  u.password = *password;
  u.role = access::Role::partner;
  u.partner_id = partner->id;
  auto created = access.create_user(ctx.actor(), u);
  if (!created) return ctx.problem(created.error());
  return Response::object(201, [&](JsonWriter& w) {
    w.field("id", created->id);
    w.field("email", created->email);
    w.field("partnerId", partner->id);
  });
}

}  // namespace

void add_agreements_routes(api::Routes& r, AgreementsService& svc, access::AccessService& access) {
  using P = access::Permission;
  r.add("GET", "/api/v1/partners", Rule::need(P::view_directory),
        {.summary = "Partner agencies and their agreements", .tag = "partners", .response = "PartnerList"},
        api::with(list_partners, svc));
  r.add("POST", "/api/v1/partners", Rule::need(P::manage_partners),
        {.summary = "Add a partner agency and its agreement",
         .tag = "partners",
         .request = "NewPartner",
         .response = "Partner",
         .status = 201},
        api::with(add_partner, svc));
  r.add("PUT", "/api/v1/partners/:partnerId", Rule::need(P::manage_partners),
        {.summary = "Replace a partner agency's agreement (If-Match: the version you saw)",
         .tag = "partners",
         .request = "PartnerChange",
         .response = "Partner",
         .versioning = api::Versioning::if_match},
        api::with(update_partner, svc));
  r.add("POST", "/api/v1/partners/:partnerId/documents", Rule::need(P::manage_partners),
        {.summary = "Attach a document to a partnership (a signed agreement): {name, contentType, data: base64}",
         .tag = "partners",
         .request = "NewPartnerDocument",
         .response = "PartnerDocument",
         .status = 201},
        api::with(attach_document, svc));
  r.add("GET", "/api/v1/partners/:partnerId/documents", Rule::need(P::manage_partners),
        {.summary = "The documents attached to a partnership, newest first",
         .tag = "partners",
         .response = "PartnerDocumentList"},
        api::with(list_documents, svc));
  // The document as it was attached, with the content type it was attached as (PartnerDocumentType).
  r.add("GET", "/api/v1/partners/:partnerId/documents/:documentId", Rule::need(P::manage_partners),
        {.summary = "Download an attached document", .tag = "partners", .media = "*/*"},
        api::with(download_document, svc));
  r.add("GET", "/api/v1/partner/agency", Rule::need(P::partner_inbox),
        {.summary = "A partner agency user's own agency and its agreement",
         .tag = "partners",
         .response = "Partner",
         .versioning = api::Versioning::etag},
        api::with(own_agency, svc));
  r.add("PUT", "/api/v1/partner/capacity", Rule::need(P::partner_inbox),
        {.summary = "A partner agency says whether it is taking referrals and its current wait (If-Match)",
         .tag = "partners",
         .request = "PartnerCapacityChange",
         .response = "Partner",
         .versioning = api::Versioning::if_match},
        api::with(update_capacity, svc));
  r.add("POST", "/api/v1/partners/:partnerId/users", Rule::need(P::manage_partners),
        {.summary = "Create a sign-in for someone at a partner agency",
         .tag = "partners",
         .request = "NewPartnerUser",
         .response = "PartnerUser",
         .status = 201},
        api::with(add_partner_user, svc, access));
}

}  // namespace trellis::partnerships
