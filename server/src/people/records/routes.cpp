#include "people/records/routes.hpp"

#include "access/json.hpp"
#include "access/person_policy.hpp"
#include "api/ctx.hpp"
#include "api/routes.hpp"
#include "core/json_input.hpp"
#include "people/common.hpp"
#include "people/json.hpp"
#include "people/records/service.hpp"
#include "access/service.hpp"

namespace trellis::people {
namespace {

using access::Part;
using access::Rule;
using api::Ctx;
using http::Response;

Result<PersonInput> read_person(const Ctx& ctx, bool creating) {
  auto in = TRY(ctx.input());
  Need need = creating ? Need::required : Need::optional;
  PersonInput p;
  p.given_name = in.text("givenName", need, one_line(100));
  p.family_name = in.text("familyName", need, one_line(100));
  p.date_of_birth = in.text("dateOfBirth", need, one_line(10));
  p.preferred_name = in.text("preferredName", Need::optional, one_line(100));
  p.pronouns = in.text("pronouns", Need::optional, one_line(50));
  p.email = in.text("email", Need::optional, one_line(254));
  p.phone = in.text("phone", Need::optional, one_line(50));
  p.address = in.text("address", Need::optional, paragraph(500));
  p.languages = in.text("languages", Need::optional, one_line(200));
  p.interpreter_needed = in.boolean("interpreterNeeded", Need::optional);
  p.cultural_identity = in.text("culturalIdentity", Need::optional, paragraph(1000));
  p.spiritual_practice = in.text("spiritualPractice", Need::optional, paragraph(1000));
  p.communication_needs = in.text("communicationNeeds", Need::optional, paragraph(1000));
  p.other_providers = in.text("otherProviders", Need::optional, paragraph(2000));
  if (creating) {
    p.support_started_on = in.text("supportStartedOn", Need::optional, one_line(10));
    p.team_ids = in.id_list("teamIds", Need::optional);
    p.not_a_duplicate = in.boolean("notADuplicate", Need::optional).value_or(false);
  } else {
    static const auto statuses = all_names<PersonStatus>();
    if (auto status = in.one_of("status", Need::optional, statuses)) p.status = parse_name<PersonStatus>(*status);
    p.support_ended_on = in.text("supportEndedOn", Need::optional, one_line(10));
  }
  TRY_VOID(in.finish());
  return p;
}

Response create_person(Ctx& ctx, RecordsService& svc) {
  auto in = read_person(ctx, true);
  if (!in) return ctx.problem(in.error());
  return api::respond_as(ctx, svc.create(ctx.actor(), ctx.principal(), *in), 201);
}

Response get_person(Ctx& ctx, RecordsService& svc) {
  auto p = svc.person(ctx.org_id(), ctx.person_id());
  if (!p) return ctx.problem(p.error());
  JsonWriter w;
  w.object([&] {
    if (ctx.person->allows(Part::profile)) {
      write_person_fields(w, *p);
    } else {
      // Shared without details: the name only.
      w.field("id", p->id);
      w.field("givenName", p->given_name);
      w.field("familyName", p->family_name);
      w.field("preferredName", p->preferred_name);
      w.field("displayName", p->display_name());
      w.field("version", p->version);
    }
    w.field("access", access::basis_name(ctx.person->basis));
    w.field("visibleParts", ctx.person->parts);
    w.field("changeableParts", ctx.person->changeable);
  });
  return api::written(std::move(w));
}

Response update_person(Ctx& ctx, RecordsService& svc) {
  auto version = api::if_match_version(ctx.req);
  if (!version) return ctx.problem(version.error());
  auto in = read_person(ctx, false);
  if (!in) return ctx.problem(in.error());
  return api::respond_as(ctx, svc.update(ctx.actor(), ctx.person_id(), *version, *in));
}

Response get_care_team(Ctx& ctx, RecordsService& svc) {
  auto r = svc.care_team(ctx.org_id(), ctx.person_id());
  if (!r) return ctx.problem(r.error());
  return Response::json(200, api::items(*r));
}

Response set_care_team(Ctx& ctx, RecordsService& svc) {
  auto in = ctx.input();
  if (!in) return ctx.problem(in.error());
  auto users = in->id_list("userIds", Need::required);
  auto teams = in->id_list("teamIds", Need::required);
  if (auto done = in->finish(); !done) return ctx.problem(done.error());
  auto r = svc.set_care_team(ctx.actor(), ctx.person_id(), *users, *teams);
  if (!r) return ctx.problem(r.error());
  return Response::json(200, api::items(*r));
}

Response care_team_options(Ctx& ctx, RecordsService& svc) {
  auto r = svc.care_team_options(ctx.org_id());
  if (!r) return ctx.problem(r.error());
  return Response::json(200, api::items(*r));
}

void write_invitation_fields(JsonWriter& w, const access::Invitation& i, const std::string& now) {
  w.field("id", i.id);
  w.field("for", i.supporter_id ? "supporter" : "person");
  w.field("supporterId", i.supporter_id);
  w.field("displayName", i.display_name);
  w.field("state", i.state(now));
  w.field("createdAt", i.created_at);
  w.field("createdBy", i.created_by);
  w.field("createdByName", i.created_by_name);
  w.field("expiresAt", i.expires_at);
  w.field("acceptedAt", i.accepted_at);
  w.field("withdrawnAt", i.revoked_at);
}

Response issue_invitation(Ctx& ctx, const std::optional<std::string>& supporter_id, RecordsService& svc) {
  auto r = svc.invite(ctx.actor(), ctx.person_id(), supporter_id);
  if (!r) return ctx.problem(r.error());
  return Response::object(201, [&](JsonWriter& w) {
    write_invitation_fields(w, r->invitation, to_iso(ctx.now));
    // The secret is shown this once; the link keeps it after '#', so it never reaches a server log.
    w.field("token", r->token);
    w.field("path", "/invitation#" + r->token);
  });
}

Response invite_person(Ctx& ctx, RecordsService& svc) { return issue_invitation(ctx, std::nullopt, svc); }
Response invite_supporter(Ctx& ctx, RecordsService& svc) {
  return issue_invitation(ctx, ctx.param("supporterId"), svc);
}

Response list_invitations(Ctx& ctx, access::AccessService& access) {
  auto r = access.invitations(ctx.org_id(), ctx.person_id());
  if (!r) return ctx.problem(r.error());
  auto now = to_iso(ctx.now);
  return Response::json(200, api::items(*r, [&](JsonWriter& w, const access::Invitation& i) {
                          w.object([&] { write_invitation_fields(w, i, now); });
                        }));
}

Response withdraw_invitation(Ctx& ctx, access::AccessService& access) {
  auto r = access.revoke_invitation(ctx.actor(), ctx.person_id(), ctx.param("invitationId"));
  if (!r) return ctx.problem(r.error());
  return Response::object(200, [&](JsonWriter& w) { write_invitation_fields(w, *r, to_iso(ctx.now)); });
}

}  // namespace

void add_records_routes(api::Routes& r, RecordsService& svc, access::AccessService& access) {
  using P = access::Permission;
  const std::string people = "/api/v1/people";
  const std::string one = people + "/:id";
  r.add("POST", people, Rule::need(P::add_people),
        {.summary = "Add a person the service supports",
         .tag = "people",
         .request = "NewPerson",
         .response = "Person",
         .status = 201},
        api::with(create_person, svc));
  r.add("GET", one, Rule::person(Part::profile, false),
        {.summary = "A person's details",
         .tag = "people",
         .response = "PersonRecord",
         .versioning = api::Versioning::etag},
        api::with(get_person, svc));
  r.add("PATCH", one, Rule::person(Part::profile, true),
        {.summary = "Change a person's details (If-Match)",
         .tag = "people",
         .request = "PersonChange",
         .response = "Person",
         .versioning = api::Versioning::if_match},
        api::with(update_person, svc));
  r.add("GET", one + "/care-team", Rule::person(Part::care_team, false),
        {.summary = "The person's care team", .tag = "people", .response = "CareTeam"}, api::with(get_care_team, svc));
  r.add("PUT", one + "/care-team", Rule::person(Part::care_team, true),
        {.summary = "Set the person's care team", .tag = "people", .request = "CareTeamChange", .response = "CareTeam"},
        api::with(set_care_team, svc));
  r.add("GET", one + "/care-team/options", Rule::person(Part::care_team, true),
        {.summary = "Workers and teams who could join the care team", .tag = "people", .response = "CareTeam"},
        api::with(care_team_options, svc));
  // Sign-ins come from invitations the person or supporter accepts themselves (issue 9).
  r.add("GET", one + "/invitations", Rule::person(Part::sign_ins, false),
        {.summary = "Invitations to sign in, for the person and their supporters, and what became of each",
         .tag = "people",
         .response = "PersonInvitationList"},
        api::with(list_invitations, access));
  r.add("POST", one + "/invitations", Rule::person(Part::sign_ins, true),
        {.summary = "Invite the person to sign in: a single-use link for 7 days, shown once",
         .tag = "people",
         .request = "NoFields",
         .response = "IssuedPersonInvitation",
         .status = 201},
        api::with(invite_person, svc));
  r.add("POST", one + "/invitations/:invitationId/withdraw", Rule::person(Part::sign_ins, true),
        {.summary = "Withdraw an invitation that is still waiting", .tag = "people", .response = "PersonInvitation"},
        api::with(withdraw_invitation, access));
  r.add("POST", one + "/supporters/:supporterId/invitations", Rule::person(Part::sign_ins, true),
        {.summary = "Invite a supporter to sign in: a single-use link for 7 days, shown once",
         .tag = "people",
         .request = "NoFields",
         .response = "IssuedPersonInvitation",
         .status = 201},
        api::with(invite_supporter, svc));
}

}  // namespace trellis::people
