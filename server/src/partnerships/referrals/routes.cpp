#include "partnerships/referrals/routes.hpp"

#include "api/ctx.hpp"
#include "api/routes.hpp"
#include "access/json.hpp"
#include "core/json_input.hpp"
#include "partnerships/referrals/service.hpp"

namespace trellis::partnerships {
namespace {

// A referral's members, for the partner's view that shows more beside them.
void write_referral_fields(JsonWriter& w, const Referral& r) {
  w.field("id", r.id);
  w.field("personId", r.person_id);
  w.field("personName", r.person_name);
  w.field("partnerId", r.partner_id);
  w.field("partnerName", r.partner_name);
  w.field("serviceName", r.service_name);
  w.field("reason", r.reason);
  w.field("goalIds", r.goal_ids);
  w.field("sharedParts", r.shared_parts);
  w.field("status", name_of(r.status));
  w.field("declineReason", r.decline_reason);
  w.field("outcome", r.outcome);
  w.field("sentAt", r.sent_at);
  w.field("respondedAt", r.responded_at);
  w.field("closedAt", r.closed_at);
  w.field("overdue", r.overdue);
  w.field("createdAt", r.created_at);
  w.field("version", r.version);
  w.field("personWithheld", r.person_withheld);
}

}  // namespace

void write_json(JsonWriter& w, const Referral& r) {
  w.object([&] { write_referral_fields(w, r); });
}

void write_json(JsonWriter& w, const ReferralEvent& e) {
  w.object([&] {
    w.field("at", e.at);
    w.field("from", e.from_status);
    w.field("to", e.to_status);
    w.field("note", e.note);
    w.field("byRole", e.by_role);
  });
}

namespace {

using access::Part;
using access::Rule;
using api::Ctx;
using http::Response;

Response person_referrals(Ctx& ctx, ReferralsService& svc) {
  auto r = svc.referrals_for_person(ctx.principal().user.org_id, ctx.param("id"));
  if (!r) return ctx.problem(r.error());
  return Response::json(200, api::items(*r));
}

Response draft_referral(Ctx& ctx, ReferralsService& svc) {
  auto in = ctx.input();
  if (!in) return ctx.problem(in.error());
  NewReferral n;
  auto partner = in->id("partnerId", Need::required);
  n.reason = in->text("reason", Need::required, {.min = 5, .max = 4000, .multiline = true}).value_or("");
  n.service_name = in->text("serviceName", Need::optional, {.max = 200}).value_or("");
  n.goal_ids = in->id_list("goalIds", Need::optional).value_or(std::vector<std::string>{});
  std::vector<std::string_view> names;
  for (auto p : access::kShareableParts) names.push_back(access::part_name(p));
  auto parts = in->name_list("sharedParts", Need::optional, names);
  if (auto done = in->finish(); !done) return ctx.problem(done.error());
  n.partner_id = *partner;
  for (const auto& name : parts.value_or(std::vector<std::string>{}))
    n.shared_parts.push_back(*access::parse_part(name));
  return api::respond_as(ctx, svc.draft_referral(ctx.actor(), ctx.param("id"), n), 201);
}

Response send_referral(Ctx& ctx, ReferralsService& svc) {
  auto version = api::if_match_version(ctx.req);
  if (!version) return ctx.problem(version.error());
  return api::respond_as(ctx, svc.send_referral(ctx.actor(), ctx.param("id"), ctx.param("referralId"), *version));
}

Response withdraw_referral(Ctx& ctx, ReferralsService& svc) {
  auto version = api::if_match_version(ctx.req);
  if (!version) return ctx.problem(version.error());
  auto in = JsonReader::of(*ctx.body);
  if (!in) return ctx.problem(in.error());
  auto note = in->text("note", Need::optional, {.max = 2000, .multiline = true});
  if (auto done = in->finish(); !done) return ctx.problem(done.error());
  return api::respond_as(
      ctx, svc.withdraw_referral(ctx.actor(), ctx.param("id"), ctx.param("referralId"), *version, note.value_or("")));
}

Response referral_timeline(Ctx& ctx, ReferralsService& svc) {
  auto r = svc.timeline(ctx.principal().user.org_id, ctx.param("id"), ctx.param("referralId"));
  if (!r) return ctx.problem(r.error());
  return Response::json(200, api::items(*r));
}

Response partner_inbox(Ctx& ctx, ReferralsService& svc) {
  auto page = parse_page(ctx.req.query("limit"), ctx.req.query("cursor"));
  if (!page) return ctx.problem(page.error());
  auto r = svc.inbox(ctx.actor(), ctx.principal(), *page);
  if (!r) return ctx.problem(r.error());
  ctx.reads_shown = std::move(r->reads);
  return Response::json(200, api::page(r->items, r->next_cursor));
}

Response partner_item(Ctx& ctx, ReferralsService& svc) {
  auto r = svc.inbox_item(ctx.actor(), ctx.principal(), ctx.param("referralId"));
  if (!r) return ctx.problem(r.error());
  // Goals travel with the referral only while the person's consent covers them.
  if (std::find(r->visible_parts.begin(), r->visible_parts.end(), Part::goals) == r->visible_parts.end())
    r->referral.goal_ids.clear();
  JsonWriter w;
  w.object([&] {
    write_referral_fields(w, r->referral);
    w.field("visibleParts", r->visible_parts);
    w.field("timeline", r->timeline);
  });
  auto resp = Response::json(200, std::move(w));
  resp.header("ETag", api::etag(r->referral.version));
  return resp;
}

// A mean or rate is null, not 0, when nothing was there to measure.
void write_figures(JsonWriter& w, const db::PartnerFigures& f) {
  auto answered = f.accepted + f.declined + f.redirected;
  auto when = [](bool measured, double v) { return measured ? std::optional(v) : std::nullopt; };
  w.object([&] {
    w.field("partnerId", f.partner_id);
    w.field("partnerName", f.partner_name);
    w.field("sent", f.sent);
    w.field("accepted", f.accepted);
    w.field("declined", f.declined);
    w.field("redirected", f.redirected);
    w.field("completed", f.completed);
    w.field("withdrawn", f.withdrawn);
    w.field("open", f.open);
    w.field("acceptanceRate", when(answered > 0, static_cast<double>(f.accepted) / static_cast<double>(answered)));
    w.field("meanDaysToRespond", when(f.responded != 0, f.mean_days_to_respond));
    w.field("meanDaysToClose", when(f.completed + f.declined + f.redirected != 0, f.mean_days_to_close));
  });
}

Response figures(Ctx& ctx, ReferralsService& svc) {
  auto today = to_iso(ctx.now).substr(0, 10);
  auto from = ctx.req.query("from").value_or(today.substr(0, 4) + "-01-01");
  auto to = ctx.req.query("to").value_or(today);
  auto r = svc.figures(ctx.principal(), from, to);
  if (!r) return ctx.problem(r.error());
  return Response::object(200, [&](JsonWriter& w) {
    w.field("from", from);
    w.field("to", to);
    api::write_items(w, *r, write_figures);
  });
}

Response partner_respond(Ctx& ctx, ReferralsService& svc) {
  auto version = api::if_match_version(ctx.req);
  if (!version) return ctx.problem(version.error());
  auto in = ctx.input();
  if (!in) return ctx.problem(in.error());
  static const auto moves = moves_by(ReferralSide::partner);
  auto to = in->one_of("status", Need::required, moves);
  auto note = in->text("note", Need::optional, {.max = 4000, .multiline = true});
  if (auto done = in->finish(); !done) return ctx.problem(done.error());
  return api::respond_as(ctx, svc.respond(ctx.actor(), ctx.principal(), ctx.param("referralId"), *version,
                                          *parse_name<ReferralState>(*to), note.value_or("")));
}

}  // namespace

void add_referrals_routes(api::Routes& r, ReferralsService& svc) {
  using P = access::Permission;
  const std::string one = "/api/v1/people/:id/referrals";
  r.add("GET", one, Rule::person(Part::referrals, false),
        {.summary = "The person's referrals, with overdue flags", .tag = "referrals", .response = "ReferralList"},
        api::with(person_referrals, svc));
  r.add("POST", one, Rule::person(Part::referrals, true),
        {.summary = "Draft a referral to a partner agency",
         .tag = "referrals",
         .request = "NewReferral",
         .response = "Referral",
         .status = 201},
        api::with(draft_referral, svc));
  r.add("POST", one + "/:referralId/send", Rule::person(Part::referrals, true),
        {.summary = "Send a referral; needs the person's consent for that partner (If-Match)",
         .tag = "referrals",
         .response = "Referral",
         .versioning = api::Versioning::if_match},
        api::with(send_referral, svc));
  r.add("POST", one + "/:referralId/withdraw", Rule::person(Part::referrals, true),
        {.summary = "Withdraw a referral before it completes (If-Match)",
         .tag = "referrals",
         .request = "ReferralWithdrawal",
         .response = "Referral",
         .versioning = api::Versioning::if_match},
        api::with(withdraw_referral, svc));
  r.add("GET", one + "/:referralId/timeline", Rule::person(Part::referrals, false),
        {.summary = "Every change to a referral, in order", .tag = "referrals", .response = "ReferralTimeline"},
        api::with(referral_timeline, svc));
  const std::vector<api::QueryParam> period = {
      {"from", "Date", "The period's first day; 1 January this year when not given"},
      {"to", "Date", "The period's last day; today when not given"}};
  r.add("GET", "/api/v1/partners/figures", Rule::need(P::manage_partners),
        {.summary = "Referral figures per partner agency for a period (?from=&to=)",
         .tag = "partners",
         .response = "PartnerFiguresReport",
         .query = period},
        api::with(figures, svc));
  r.add("GET", "/api/v1/partner/figures", Rule::need(P::partner_inbox),
        {.summary = "A partner agency's own referral figures for a period",
         .tag = "partners",
         .response = "PartnerFiguresReport",
         .query = period},
        api::with(figures, svc));
  r.add("GET", "/api/v1/partner/referrals", Rule::need(P::partner_inbox),
        {.summary = "A partner agency's referrals, and only theirs, newest first (?limit=, ?cursor=)",
         .tag = "referrals",
         .response = "ReferralInboxPage",
         .query = {{"limit", "Limit", "50 when not given"}, {"cursor", "Cursor", ""}}},
        api::with(partner_inbox, svc));
  r.add("GET", "/api/v1/partner/referrals/:referralId", Rule::need(P::partner_inbox),
        {.summary = "One referral, with only what the person's consent allows now",
         .tag = "referrals",
         .response = "PartnerReferral",
         .versioning = api::Versioning::etag},
        api::with(partner_item, svc));
  r.add("POST", "/api/v1/partner/referrals/:referralId/status", Rule::need(P::partner_inbox),
        {.summary = "Receive, accept, decline (with a reason), redirect, start or complete a referral (If-Match)",
         .tag = "referrals",
         .request = "ReferralStatusChange",
         .response = "Referral",
         .versioning = api::Versioning::if_match},
        api::with(partner_respond, svc));
}

}  // namespace trellis::partnerships
