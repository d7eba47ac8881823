#include "people/routes.hpp"

#include "access/person_policy.hpp"
#include "core/json_input.hpp"
#include "api/ctx.hpp"
#include "api/routes.hpp"
#include "people/json.hpp"
#include "people/service.hpp"

namespace trellis::people {
namespace {

using access::Part;
using access::Rule;
using api::Ctx;
using http::Response;
using nlohmann::json;

const std::string& org(const Ctx& ctx) { return ctx.principal().user.org_id; }
const std::string& person_id(const Ctx& ctx) { return ctx.param("id"); }

TextRule line(std::size_t max = 200) { return {.max = max}; }
TextRule para(std::size_t max = 4000) { return {.max = max, .multiline = true}; }

Result<PersonInput> read_person(const http::Request& req, bool creating) {
  auto in = TRY(JsonReader::parse(req.body));
  Need need = creating ? Need::required : Need::optional;
  PersonInput p;
  p.given_name = in.text("givenName", need, line(100));
  p.family_name = in.text("familyName", need, line(100));
  p.date_of_birth = in.text("dateOfBirth", need, line(10));
  p.preferred_name = in.text("preferredName", Need::optional, line(100));
  p.pronouns = in.text("pronouns", Need::optional, line(50));
  p.email = in.text("email", Need::optional, line(254));
  p.phone = in.text("phone", Need::optional, line(50));
  p.address = in.text("address", Need::optional, para(500));
  p.languages = in.text("languages", Need::optional, line(200));
  p.interpreter_needed = in.boolean("interpreterNeeded", Need::optional);
  p.cultural_identity = in.text("culturalIdentity", Need::optional, para(1000));
  p.spiritual_practice = in.text("spiritualPractice", Need::optional, para(1000));
  p.communication_needs = in.text("communicationNeeds", Need::optional, para(1000));
  p.other_providers = in.text("otherProviders", Need::optional, para(2000));
  if (creating) {
    p.support_started_on = in.text("supportStartedOn", Need::optional, line(10));
    p.team_ids = in.id_list("teamIds", Need::optional);
    p.not_a_duplicate = in.boolean("notADuplicate", Need::optional).value_or(false);
  } else {
    static constexpr std::string_view statuses[] = {"receiving_support", "ended"};
    p.status = in.one_of("status", Need::optional, statuses);
    p.support_ended_on = in.text("supportEndedOn", Need::optional, line(10));
  }
  TRY_VOID(in.finish());
  return p;
}

json caseload_entry(const CaseloadEntry& e) {
  auto j = to_json(e.person);
  j["reviewOn"] = e.review_on ? json(*e.review_on) : json(nullptr);
  j["lastCheckIn"] = e.last_check_in ? json(*e.last_check_in) : json(nullptr);
  j["reviewOverdue"] = e.review_overdue;
  j["lastChange"] = e.last_change;
  return j;
}

Response list_caseload(Ctx& ctx, PeopleService& svc) {
  auto page = parse_page(ctx.req.query("limit"), ctx.req.query("cursor"));
  if (!page) return ctx.problem(page.error());
  auto r = svc.caseload(ctx.principal(), ctx.req.query("q"), *page);
  if (!r) return ctx.problem(r.error());
  json list = json::array();
  for (const auto& e : r->items) list.push_back(caseload_entry(e));
  return Response::json(200, {{"items", list}, {"nextCursor", r->next_cursor ? json(*r->next_cursor) : json(nullptr)}});
}

Response search_people(Ctx& ctx, PeopleService& svc) {
  auto r = svc.find_anyone(ctx.actor(), ctx.principal(), ctx.req.query("q").value_or(""));
  if (!r) return ctx.problem(r.error());
  json list = json::array();
  for (const auto& e : *r)
    list.push_back({{"id", e.person.id}, {"displayName", e.person.display_name()}, {"dateOfBirth", e.person.date_of_birth}});
  return Response::json(200, {{"items", list}});
}

Response create_person(Ctx& ctx, PeopleService& svc) {
  auto in = read_person(ctx.req, true);
  if (!in) return ctx.problem(in.error());
  return api::respond_as(ctx, svc.create(ctx.actor(), ctx.principal(), *in), [](const Person& p) { return to_json(p); }, 201);
}

Response get_person(Ctx& ctx, PeopleService& svc) {
  auto p = svc.person(org(ctx), person_id(ctx));
  if (!p) return ctx.problem(p.error());
  auto j = to_json(*p);
  if (!ctx.person->allows(Part::profile)) {
    // Shared without details: the name only.
    j = json{{"id", p->id}, {"givenName", p->given_name}, {"familyName", p->family_name},
             {"preferredName", p->preferred_name}, {"displayName", p->display_name()}, {"version", p->version}};
  }
  j["access"] = access::basis_name(ctx.person->basis);
  json parts = json::array();
  for (auto part : ctx.person->parts) parts.push_back(access::part_name(part));
  j["visibleParts"] = parts;
  json changeable = json::array();
  for (auto part : ctx.person->changeable) changeable.push_back(access::part_name(part));
  j["changeableParts"] = changeable;
  auto r = Response::json(200, j);
  r.header("ETag", api::etag(p->version));
  return r;
}

Response update_person(Ctx& ctx, PeopleService& svc) {
  auto version = api::if_match_version(ctx.req);
  if (!version) return ctx.problem(version.error());
  auto in = read_person(ctx.req, false);
  if (!in) return ctx.problem(in.error());
  return api::respond_as(ctx, svc.update(ctx.actor(), person_id(ctx), *version, *in), [](const Person& p) { return to_json(p); });
}

Response get_care_team(Ctx& ctx, PeopleService& svc) {
  auto r = svc.care_team(org(ctx), person_id(ctx));
  if (!r) return ctx.problem(r.error());
  return Response::json(200, api::items_json(*r));
}

Response set_care_team(Ctx& ctx, PeopleService& svc) {
  auto in = JsonReader::parse(ctx.req.body);
  if (!in) return ctx.problem(in.error());
  auto users = in->id_list("userIds", Need::required);
  auto teams = in->id_list("teamIds", Need::required);
  if (auto done = in->finish(); !done) return ctx.problem(done.error());
  auto r = svc.set_care_team(ctx.actor(), person_id(ctx), *users, *teams);
  if (!r) return ctx.problem(r.error());
  return Response::json(200, api::items_json(*r));
}

Response care_team_options(Ctx& ctx, PeopleService& svc) {
  auto r = svc.care_team_options(org(ctx));
  if (!r) return ctx.problem(r.error());
  return Response::json(200, api::items_json(*r));
}

Result<SupporterInput> read_supporter(const http::Request& req, Need need) {
  auto in = TRY(JsonReader::parse(req.body));
  SupporterInput s;
  s.name = in.text("name", need, line(120));
  s.relationship = in.text("relationship", need, line(100));
  s.phone = in.text("phone", Need::optional, line(50));
  s.email = in.text("email", Need::optional, line(254));
  s.involvement = in.text("involvement", Need::optional, para(2000));
  s.active = in.boolean("active", Need::optional);
  TRY_VOID(in.finish());
  return s;
}

Response list_supporters(Ctx& ctx, PeopleService& svc) {
  auto r = svc.supporters(org(ctx), person_id(ctx));
  if (!r) return ctx.problem(r.error());
  return Response::json(200, api::items_json(*r));
}

Response add_supporter(Ctx& ctx, PeopleService& svc) {
  auto in = read_supporter(ctx.req, Need::required);
  if (!in) return ctx.problem(in.error());
  return api::respond_as(ctx, svc.add_supporter(ctx.actor(), person_id(ctx), *in), [](const Supporter& s) { return to_json(s); }, 201);
}

Response update_supporter(Ctx& ctx, PeopleService& svc) {
  auto version = api::if_match_version(ctx.req);
  if (!version) return ctx.problem(version.error());
  auto in = read_supporter(ctx.req, Need::optional);
  if (!in) return ctx.problem(in.error());
  return api::respond_as(ctx, svc.update_supporter(ctx.actor(), person_id(ctx), ctx.param("supporterId"), *version, *in),
                          [](const Supporter& s) { return to_json(s); });
}

json to_json(const access::Invitation& i, const std::string& now) {
  return {{"id", i.id},
          {"for", i.supporter_id ? "supporter" : "person"},
          {"supporterId", i.supporter_id ? json(*i.supporter_id) : json(nullptr)},
          {"displayName", i.display_name},
          {"state", i.state(now)},
          {"createdAt", i.created_at},
          {"createdBy", i.created_by},
          {"createdByName", i.created_by_name},
          {"expiresAt", i.expires_at},
          {"acceptedAt", i.accepted_at ? json(*i.accepted_at) : json(nullptr)},
          {"withdrawnAt", i.revoked_at ? json(*i.revoked_at) : json(nullptr)}};
}

Response issue_invitation(Ctx& ctx, const std::optional<std::string>& supporter_id, PeopleService& svc) {
  if (!ctx.req.body.empty()) {
    auto in = JsonReader::parse(ctx.req.body);
    if (!in) return ctx.problem(in.error());
    if (auto done = in->finish(); !done) return ctx.problem(done.error());
  }
  auto r = svc.invite(ctx.actor(), person_id(ctx), supporter_id);
  if (!r) return ctx.problem(r.error());
  auto j = to_json(r->invitation, to_iso(ctx.now));
  // The secret is shown this once; the link keeps it after '#', so it never reaches a server log.
  j["token"] = r->token;
  j["path"] = "/invitation#" + r->token;
  return Response::json(201, j);
}

Response invite_person(Ctx& ctx, PeopleService& svc) { return issue_invitation(ctx, std::nullopt, svc); }
Response invite_supporter(Ctx& ctx, PeopleService& svc) { return issue_invitation(ctx, ctx.param("supporterId"), svc); }

Response list_invitations(Ctx& ctx, access::AccessService& access) {
  auto r = access.invitations(org(ctx), person_id(ctx));
  if (!r) return ctx.problem(r.error());
  auto now = to_iso(ctx.now);
  return Response::json(200, api::items_json(*r, [&](const access::Invitation& i) { return to_json(i, now); }));
}

Response withdraw_invitation(Ctx& ctx, access::AccessService& access) {
  auto r = access.revoke_invitation(ctx.actor(), person_id(ctx), ctx.param("invitationId"));
  if (!r) return ctx.problem(r.error());
  return Response::json(200, to_json(*r, to_iso(ctx.now)));
}

Response list_consents(Ctx& ctx, PeopleService& svc) {
  auto r = svc.consents(org(ctx), person_id(ctx));
  if (!r) return ctx.problem(r.error());
  auto day = today(ctx.now);
  json list = json::array();
  for (const auto& k : *r) list.push_back(to_json(k, day));
  return Response::json(200, {{"items", list}});
}

Response record_consent(Ctx& ctx, PeopleService& svc) {
  auto in = JsonReader::parse(ctx.req.body);
  if (!in) return ctx.problem(in.error());
  ConsentInput k;
  auto supporter = in->id("supporterId", Need::optional);
  auto partner = in->id("partnerId", Need::optional);
  if (supporter.has_value() == partner.has_value()) in->add_error("supporterId", "name one supporter, or one partnerId");
  std::vector<std::string_view> names;
  for (auto p : access::kShareableParts) names.push_back(access::part_name(p));
  auto purpose = in->text("purpose", Need::required, para(1000));
  auto starts = in->text("startsOn", Need::optional, line(10));
  auto ends = in->text("endsOn", Need::optional, line(10));
  auto parts = in->name_list("parts", Need::required, names);
  if (auto done = in->finish(); !done) return ctx.problem(done.error());
  if (partner) k.grantee_type = "partner";
  k.supporter_id = supporter ? *supporter : *partner;
  for (const auto& name : *parts) k.parts.push_back(*access::parse_part(name));
  k.purpose = *purpose;
  k.starts_on = starts.value_or(today(ctx.now));
  k.ends_on = ends;
  auto r = svc.record_consent(ctx.actor(), person_id(ctx), k);
  if (!r) return ctx.problem(r.error());
  return Response::json(201, to_json(*r, today(ctx.now)));
}

Response withdraw_consent(Ctx& ctx, PeopleService& svc) {
  auto r = svc.withdraw_consent(ctx.actor(), person_id(ctx), ctx.param("consentId"));
  if (!r) return ctx.problem(r.error());
  return Response::json(200, to_json(*r, today(ctx.now)));
}

Response break_glass(Ctx& ctx, PeopleService& svc) {
  auto in = JsonReader::parse(ctx.req.body);
  if (!in) return ctx.problem(in.error());
  std::vector<std::string_view> codes(std::begin(kBreakGlassReasons), std::end(kBreakGlassReasons));
  auto code = in->one_of("reasonCode", Need::required, codes);
  auto reason = in->text("reason", Need::required, {.min = 10, .max = 1000, .multiline = true});
  if (auto done = in->finish(); !done) return ctx.problem(done.error());
  return api::respond_as(ctx, svc.break_glass(ctx.actor(), ctx.principal(), person_id(ctx), *code, *reason),
                          [](const BreakGlass& b) { return to_json(b); }, 201);
}

Response break_glass_queue(Ctx& ctx, PeopleService& svc) {
  auto r = svc.break_glass_queue(org(ctx), ctx.req.query("all") == "true");
  if (!r) return ctx.problem(r.error());
  return Response::json(200, api::items_json(*r));
}

Response review_break_glass(Ctx& ctx, PeopleService& svc) {
  auto in = JsonReader::parse(ctx.req.body);
  if (!in) return ctx.problem(in.error());
  auto note = in->text("note", Need::required, para(2000));
  if (auto done = in->finish(); !done) return ctx.problem(done.error());
  return api::respond_empty(ctx, svc.review_break_glass(ctx.actor(), ctx.param("breakGlassId"), *note));
}

Response shared_with_me(Ctx& ctx, PeopleService& svc) {
  auto r = svc.consents_for_me(ctx.actor(), ctx.principal());
  if (!r) return ctx.problem(r.error());
  auto day = today(ctx.now);
  json list = json::array();
  for (const auto& [k, name] : *r) {
    auto j = to_json(k, day);
    j["personName"] = name;
    list.push_back(j);
  }
  return Response::json(200, {{"items", list}});
}

}  // namespace

void add_routes(api::Routes& r, PeopleService& svc, access::AccessService& access) {
  using P = access::Permission;
  const std::string people = "/api/v1/people";
  const std::string one = people + "/:id";
  r.add("GET", people, Rule::need(P::view_people), {"Your caseload: people your care team supports", "people"}, api::with(list_caseload, svc));
  r.add("GET", people + "/search", Rule::need(P::view_people),
        {"Find anyone in the organisation by name (audited)", "people"}, api::with(search_people, svc));
  r.add("POST", people, Rule::need(P::add_people), {"Add a person the service supports", "people"}, api::with(create_person, svc));
  r.add("GET", one, Rule::person(Part::profile, false), {"A person's details", "people"}, api::with(get_person, svc));
  r.add("PATCH", one, Rule::person(Part::profile, true), {"Change a person's details (If-Match)", "people"}, api::with(update_person, svc));
  r.add("GET", one + "/care-team", Rule::person(Part::care_team, false), {"The person's care team", "people"}, api::with(get_care_team, svc));
  r.add("PUT", one + "/care-team", Rule::person(Part::care_team, true), {"Set the person's care team", "people"}, api::with(set_care_team, svc));
  r.add("GET", one + "/care-team/options", Rule::person(Part::care_team, true),
        {"Workers and teams who could join the care team", "people"}, api::with(care_team_options, svc));
  // Sign-ins come from invitations the person or supporter accepts themselves (issue 9).
  r.add("GET", one + "/invitations", Rule::person(Part::sign_ins, false),
        {"Invitations to sign in, for the person and their supporters, and what became of each", "people"}, api::with(list_invitations, access));
  r.add("POST", one + "/invitations", Rule::person(Part::sign_ins, true),
        {"Invite the person to sign in: a single-use link for 7 days, shown once", "people"}, api::with(invite_person, svc));
  r.add("POST", one + "/invitations/:invitationId/withdraw", Rule::person(Part::sign_ins, true),
        {"Withdraw an invitation that is still waiting", "people"}, api::with(withdraw_invitation, access));
  r.add("GET", one + "/supporters", Rule::person(Part::supporters, false), {"The person's supporters", "people"}, api::with(list_supporters, svc));
  r.add("POST", one + "/supporters", Rule::person(Part::supporters, true), {"Add a supporter", "people"}, api::with(add_supporter, svc));
  r.add("PATCH", one + "/supporters/:supporterId", Rule::person(Part::supporters, true),
        {"Change a supporter (If-Match)", "people"}, api::with(update_supporter, svc));
  r.add("POST", one + "/supporters/:supporterId/invitations", Rule::person(Part::sign_ins, true),
        {"Invite a supporter to sign in: a single-use link for 7 days, shown once", "people"}, api::with(invite_supporter, svc));
  r.add("GET", one + "/consents", Rule::person(Part::consent, false), {"The person's consent decisions", "people"}, api::with(list_consents, svc));
  r.add("POST", one + "/consents", Rule::person(Part::consent, true),
        {"Record what the person shares with a supporter", "people"}, api::with(record_consent, svc));
  r.add("POST", one + "/consents/:consentId/withdraw", Rule::person(Part::consent, true),
        {"Withdraw a consent; takes effect at once", "people"}, api::with(withdraw_consent, svc));
  r.add("POST", one + "/break-glass", Rule::need(P::view_people),
        {"Open a person's record for 4 hours with a reason (audited, reviewed)", "people"}, api::with(break_glass, svc));
  r.add("GET", "/api/v1/break-glass", Rule::need(P::review_break_glass),
        {"Break-the-glass access waiting for review", "people"}, api::with(break_glass_queue, svc));
  r.add("POST", "/api/v1/break-glass/:breakGlassId/review", Rule::need(P::review_break_glass),
        {"Mark break-the-glass access as reviewed", "people"}, api::with(review_break_glass, svc));
  r.add("GET", "/api/v1/me/shared-with-me", Rule::signed_in(),
        {"For a supporter: who shares which parts with you", "people"}, api::with(shared_with_me, svc));
}

}  // namespace trellis::people
