#include "access/routes.hpp"

#include "access/json.hpp"
#include "access/passwords.hpp"
#include "access/service.hpp"
#include "access/session_cookie.hpp"
#include "api/ctx.hpp"
#include "api/routes.hpp"
#include "core/json_input.hpp"

namespace trellis::access {
namespace {

using api::Ctx;
using http::Response;

// The roles an administrator gives directly. People and supporters get their sign-in only from
// an invitation they accept themselves, and partner agencies' users are made with their agency.
std::vector<std::string_view> worker_role_names() {
  std::vector<std::string_view> out;
  for (auto name : kRoleNames)
    if (is_staff(*parse_role(name))) out.push_back(name);
  return out;
}

// ---- sites and teams

Response list_sites(Ctx& ctx, AccessService& svc) {
  auto s = svc.sites(ctx.principal().user.org_id);
  if (!s) return ctx.problem(s.error());
  return Response::json(200, api::items(*s));
}

Response create_site(Ctx& ctx, AccessService& svc) {
  auto in = ctx.input();
  if (!in) return ctx.problem(in.error());
  auto name = in->text("name", Need::required, {.min = 2, .max = 120});
  auto address = in->text("address", Need::optional, {.max = 300});
  if (auto done = in->finish(); !done) return ctx.problem(done.error());
  return api::respond_as(ctx, svc.create_site(ctx.actor(), *name, address.value_or("")), 201);
}

Response list_teams(Ctx& ctx, AccessService& svc) {
  auto t = svc.teams(ctx.principal().user.org_id);
  if (!t) return ctx.problem(t.error());
  return Response::json(200, api::items(*t));
}

Result<TeamInput> read_team(const Ctx& ctx, Need name_need) {
  auto in = TRY(ctx.input());
  TeamInput t;
  t.name = in.text("name", name_need, {.min = 2, .max = 120});
  t.description = in.text("description", Need::optional, {.max = 1000, .multiline = true});
  t.site_id = in.id("siteId", Need::optional);
  t.active = in.boolean("active", Need::optional);
  TRY_VOID(in.finish());
  return t;
}

Response create_team(Ctx& ctx, AccessService& svc) {
  auto in = read_team(ctx, Need::required);
  if (!in) return ctx.problem(in.error());
  auto t = svc.create_team(ctx.actor(), *in);
  return api::respond_as(ctx, t, 201);
}

Response get_team(Ctx& ctx, AccessService& svc) {
  auto t = svc.team(ctx.principal().user.org_id, ctx.param("id"));
  return api::respond_as(ctx, t);
}

Response update_team(Ctx& ctx, AccessService& svc) {
  auto version = api::if_match_version(ctx.req);
  if (!version) return ctx.problem(version.error());
  auto in = read_team(ctx, Need::optional);
  if (!in) return ctx.problem(in.error());
  auto t = svc.update_team(ctx.actor(), ctx.param("id"), *version, *in);
  return api::respond_as(ctx, t);
}

// ---- users

Response list_users(Ctx& ctx, AccessService& svc) {
  auto page = parse_page(ctx.req.query("limit"), ctx.req.query("cursor"));
  if (!page) return ctx.problem(page.error());
  UserQuery q;
  q.text = ctx.req.query("q");
  if (q.text && q.text->empty()) q.text.reset();
  q.role = ctx.req.query("role");
  if (q.role && !parse_role(*q.role)) return ctx.problem(Error::field(ErrorKind::bad_request, "role", "is not a role"));
  q.team_id = ctx.req.query("teamId");
  if (auto a = ctx.req.query("active")) {
    if (*a != "true" && *a != "false")
      return ctx.problem(Error::field(ErrorKind::bad_request, "active", "must be true or false"));
    q.active = *a == "true";
  }
  auto users = svc.users(ctx.principal().user.org_id, q, *page);
  if (!users) return ctx.problem(users.error());
  return Response::json(200, api::page(users->items, users->next_cursor));
}

Response get_user(Ctx& ctx, AccessService& svc) {
  auto u = svc.user(ctx.principal().user.org_id, ctx.param("id"));
  return api::respond_as(ctx, u);
}

Response create_user(Ctx& ctx, AccessService& svc) {
  auto in = ctx.input();
  if (!in) return ctx.problem(in.error());
  NewUser u;
  auto email = in->email("email", Need::required);
  auto name = in->text("displayName", Need::required, {.min = 1, .max = 120});
  auto roles = worker_role_names();
  auto role = in->one_of("role", Need::required, roles);
  auto password = in->text("password", Need::required, {.max = kMaxPasswordLength, .trim = false});
  auto teams = in->id_list("teamIds", Need::optional);
  if (auto done = in->finish(); !done) return ctx.problem(done.error());
  u.email = *email;
  u.display_name = *name;
  u.role = *parse_role(*role);
  // Making someone an administrator or a manager is a change of power like a role change: the
  // person doing it confirms their password first.
  if ((u.role == Role::administrator || u.role == Role::manager) && !recently_reauthenticated(ctx.principal(), ctx.now))
    return ctx.problem(Error::make(ErrorKind::forbidden, "Please confirm your password",
                                   "Creating an administrator or manager needs your password again. Confirm it, then "
                                   "try once more.",
                                   "reauthentication_required"));
  u.password = *password;
  u.team_ids = teams.value_or(std::vector<std::string>{});
  auto created = svc.create_user(ctx.actor(), u);
  return api::respond_as(ctx, created, 201);
}

Response update_user(Ctx& ctx, AccessService& svc) {
  auto version = api::if_match_version(ctx.req);
  if (!version) return ctx.problem(version.error());
  auto in = ctx.input();
  if (!in) return ctx.problem(in.error());
  UserChanges ch;
  ch.display_name = in->text("displayName", Need::optional, {.min = 1, .max = 120});
  ch.active = in->boolean("active", Need::optional);
  ch.team_ids = in->id_list("teamIds", Need::optional);
  if (auto done = in->finish(); !done) return ctx.problem(done.error());
  auto u = svc.update_user(ctx.actor(), ctx.param("id"), *version, ch);
  return api::respond_as(ctx, u);
}

Response change_role(Ctx& ctx, AccessService& svc) {
  auto version = api::if_match_version(ctx.req);
  if (!version) return ctx.problem(version.error());
  auto in = ctx.input();
  if (!in) return ctx.problem(in.error());
  auto roles = worker_role_names();
  auto role = in->one_of("role", Need::required, roles);
  if (auto done = in->finish(); !done) return ctx.problem(done.error());
  UserChanges ch;
  ch.role = parse_role(*role);
  auto u = svc.update_user(ctx.actor(), ctx.param("id"), *version, ch);
  return api::respond_as(ctx, u);
}

Response reset_password(Ctx& ctx, AccessService& svc) {
  auto in = ctx.input();
  if (!in) return ctx.problem(in.error());
  auto password = in->text("password", Need::required, {.max = kMaxPasswordLength, .trim = false});
  if (auto done = in->finish(); !done) return ctx.problem(done.error());
  return api::respond_empty(ctx, svc.reset_password(ctx.actor(), ctx.param("id"), *password));
}

// ---- audit log

Result<AuditFilter> audit_filter(const http::Request& req) {
  AuditFilter f;
  auto q = [&](const char* name) {
    auto v = req.query(name);
    return v && !v->empty() ? v : std::nullopt;
  };
  f.actor_id = q("actorId");
  f.action_prefix = q("action");
  f.entity_type = q("entityType");
  f.entity_id = q("entityId");
  f.person_id = q("personId");
  f.outcome = q("outcome");
  f.from = q("from");
  f.to = q("to");
  for (auto* field : {&f.from, &f.to}) {
    TimePoint t;
    if (*field && !parse_iso(**field, t) && !parse_iso(**field + "T00:00:00.000Z", t))
      return fail(Error::field(ErrorKind::bad_request, field == &f.from ? "from" : "to",
                               "must be a date like 2026-11-23 or a time like 2026-11-23T09:00:00.000Z"));
    if (*field) *field = to_iso(t);
  }
  return f;
}

Response browse_audit(Ctx& ctx, AccessService& svc) {
  auto page = parse_page(ctx.req.query("limit"), ctx.req.query("cursor"));
  if (!page) return ctx.problem(page.error());
  auto f = audit_filter(ctx.req);
  if (!f) return ctx.problem(f.error());
  auto events = svc.audit_events(ctx.actor(), *f, *page);
  if (!events) return ctx.problem(events.error());
  return Response::json(200, api::page(events->items, events->next_cursor));
}

std::string csv_field(const std::string& s) {
  // Quote every field; a leading =, +, - or @ is prefixed so a spreadsheet never runs it as a formula.
  std::string v = s;
  if (!v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@')) v = "'" + v;
  std::string out = "\"";
  for (char c : v) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

Response export_audit(Ctx& ctx, AccessService& svc) {
  auto f = audit_filter(ctx.req);
  if (!f) return ctx.problem(f.error());
  auto events = svc.export_audit(ctx.actor(), *f);
  if (!events) return ctx.problem(events.error());
  std::string csv =
      "seq,at,actor_id,actor_name,actor_role,action,entity_type,entity_id,person_id,outcome,request_id,client_address,"
      "detail,hash\r\n";
  for (const auto& e : *events) {
    std::vector<std::string> cols = {std::to_string(e.seq),
                                     e.at,
                                     e.actor_id.value_or(""),
                                     e.actor_name.value_or(""),
                                     e.actor_role.value_or(""),
                                     e.action,
                                     e.entity_type,
                                     e.entity_id,
                                     e.person_id.value_or(""),
                                     e.outcome,
                                     e.request_id,
                                     e.client_address,
                                     e.detail,
                                     e.hash};
    for (std::size_t i = 0; i < cols.size(); ++i) csv += (i ? "," : "") + csv_field(cols[i]);
    csv += "\r\n";
  }
  Response r;
  r.content_type = "text/csv; charset=utf-8";
  r.body = std::move(csv);
  r.header("Content-Disposition", "attachment; filename=\"trellis-audit-log.csv\"");
  return r;
}

// The audit log's filters, as the browsing and the export read them.
std::vector<api::QueryParam> audit_filters() {
  return {{"actorId", "AuditText", "Who acted"},
          {"action", "AuditText", "What was done, or how it starts (person. for every person event)"},
          {"entityType", "AuditText", ""},
          {"entityId", "AuditText", ""},
          {"personId", "AuditText", "Whose information it was"},
          {"outcome", "AuditText", "success or denied"},
          {"from", "DateOrTime", "From this date or time"},
          {"to", "DateOrTime", "Up to this date or time"}};
}
std::vector<api::QueryParam> audit_query() {
  auto q = audit_filters();
  q.push_back({"limit", "Limit", ""});
  q.push_back({"cursor", "Cursor", ""});
  return q;
}

}  // namespace

void add_organisation_routes(api::Routes& r, AccessService& svc) {
  using P = Permission;
  const std::string v1 = "/api/v1";
  r.add("GET", v1 + "/sites", Rule::need(P::view_teams),
        {.summary = "List sites", .tag = "organisation", .response = "SiteList"}, api::with(list_sites, svc));
  r.add("POST", v1 + "/sites", Rule::need(P::manage_teams),
        {.summary = "Add a site", .tag = "organisation", .request = "NewSite", .response = "Site", .status = 201},
        api::with(create_site, svc));
  r.add("GET", v1 + "/teams", Rule::need(P::view_teams),
        {.summary = "List teams", .tag = "organisation", .response = "TeamList"}, api::with(list_teams, svc));
  r.add("POST", v1 + "/teams", Rule::need(P::manage_teams),
        {.summary = "Create a team", .tag = "organisation", .request = "NewTeam", .response = "Team", .status = 201},
        api::with(create_team, svc));
  r.add("GET", v1 + "/teams/:id", Rule::need(P::view_teams),
        {.summary = "One team", .tag = "organisation", .response = "Team", .versioning = api::Versioning::etag},
        api::with(get_team, svc));
  r.add("PATCH", v1 + "/teams/:id", Rule::need(P::manage_teams),
        {.summary = "Change a team (If-Match)",
         .tag = "organisation",
         .request = "TeamChange",
         .response = "Team",
         .versioning = api::Versioning::if_match},
        api::with(update_team, svc));

  r.add("GET", v1 + "/users", Rule::need(P::view_users),
        {.summary = "List users (search, filter, cursor)",
         .tag = "users",
         .response = "UserPage",
         .query = {{"q", "UserSearch"},
                   {"role", "RoleFilter"},
                   {"teamId", "Id"},
                   {"active", "TrueOrFalse"},
                   {"limit", "Limit"},
                   {"cursor", "Cursor"}}},
        api::with(list_users, svc));
  r.add("POST", v1 + "/users", Rule::need(P::manage_users),
        {.summary = "Create a worker's account (an administrator or manager: password confirmed)",
         .tag = "users",
         .request = "NewUser",
         .response = "User",
         .status = 201},
        api::with(create_user, svc));
  r.add("GET", v1 + "/users/:id", Rule::need(P::view_users),
        {.summary = "One user", .tag = "users", .response = "User", .versioning = api::Versioning::etag},
        api::with(get_user, svc));
  r.add("PATCH", v1 + "/users/:id", Rule::need(P::manage_users),
        {.summary = "Change a user's name, teams or active state (If-Match)",
         .tag = "users",
         .request = "UserChange",
         .response = "User",
         .versioning = api::Versioning::if_match},
        api::with(update_user, svc));
  r.add("PUT", v1 + "/users/:id/role", Rule::need(P::manage_users).with_reauth(),
        {.summary = "Change a user's role (If-Match; password confirmed)",
         .tag = "users",
         .request = "RoleChange",
         .response = "User",
         .versioning = api::Versioning::if_match},
        api::with(change_role, svc));
  r.add("POST", v1 + "/users/:id/password", Rule::need(P::manage_users).with_reauth(),
        {.summary = "Set a new password for a user (password confirmed)",
         .tag = "users",
         .request = "PasswordReset",
         .status = 204},
        api::with(reset_password, svc));

  r.add("GET", v1 + "/audit-events", Rule::need(P::view_audit),
        {.summary = "Browse the audit log (filters, cursor)",
         .tag = "audit",
         .response = "AuditPage",
         .query = audit_query()},
        api::with(browse_audit, svc));
  r.add("GET", v1 + "/audit-events/export", Rule::need(P::view_audit),
        {.summary = "Download the audit log as CSV (same filters; audited)",
         .tag = "audit",
         .query = audit_filters(),
         .media = "text/csv"},
        api::with(export_audit, svc));
}

}  // namespace trellis::access
