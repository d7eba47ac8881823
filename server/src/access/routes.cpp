#include "access/routes.hpp"

#include "access/passwords.hpp"
#include "access/service.hpp"
#include "core/json_input.hpp"
#include "api/ctx.hpp"
#include "access/session_cookie.hpp"
#include "api/routes.hpp"

namespace trellis::access {
namespace {

using api::Ctx;
using http::Response;
using nlohmann::json;

json to_json(const User& u) {
  return {{"id", u.id},         {"email", u.email},         {"displayName", u.display_name},
          {"role", role_name(u.role)}, {"active", u.active}, {"teamIds", u.team_ids},
          {"createdAt", u.created_at}, {"updatedAt", u.updated_at}, {"version", u.version},
          {"personId", u.person_id ? json(*u.person_id) : json(nullptr)},
          {"supporterId", u.supporter_id ? json(*u.supporter_id) : json(nullptr)},
          {"partnerId", u.partner_id ? json(*u.partner_id) : json(nullptr)}};
}
json to_json(const Team& t) {
  return {{"id", t.id},
          {"name", t.name},
          {"description", t.description},
          {"siteId", t.site_id ? json(*t.site_id) : json(nullptr)},
          {"active", t.active},
          {"memberCount", t.member_count},
          {"createdAt", t.created_at},
          {"updatedAt", t.updated_at},
          {"version", t.version}};
}
json to_json(const Site& s) { return {{"id", s.id}, {"name", s.name}, {"address", s.address}, {"version", s.version}}; }
json to_json(const Session& s, const std::string& current_id) {
  return {{"id", s.id},           {"createdAt", s.created_at},         {"lastSeenAt", s.last_seen_at},
          {"expiresAt", s.expires_at}, {"userAgent", s.user_agent}, {"clientAddress", s.client_address},
          {"current", s.id == current_id}};
}
json to_json(const AuditEvent& e) {
  auto opt = [](const std::optional<std::string>& v) { return v ? json(*v) : json(nullptr); };
  return {{"seq", e.seq},         {"id", e.id},         {"at", e.at},
          {"actorId", opt(e.actor_id)}, {"actorRole", opt(e.actor_role)}, {"actorName", opt(e.actor_name)}, {"action", e.action},
          {"entityType", e.entity_type}, {"entityId", e.entity_id}, {"personId", opt(e.person_id)},
          {"outcome", e.outcome}, {"requestId", e.request_id}, {"clientAddress", e.client_address},
          {"detail", e.detail},   {"hash", e.hash}};
}
// What the signed-in user's role allows, so the client shows only what they can use. The
// server still checks every request; this list only shapes navigation.
json permissions_of(Role role) {
  json out = json::array();
  for (auto p : kAllPermissions)
    if (role_has(role, p)) out.push_back(permission_name(p));
  return out;
}
json session_json(const User& u, const Session& s, const Org& org) {
  return {{"user", to_json(u)},
          {"org", {{"id", org.id}, {"name", org.name}, {"timeZone", org.time_zone}}},
          {"permissions", permissions_of(u.role)},
          {"csrfToken", s.csrf_token},
          {"sessionExpiresAt", s.expires_at},
          {"twoStepSetupRequired", s.two_step_setup_required}};
}

// The roles an administrator gives directly. People and supporters get their sign-in only from
// an invitation they accept themselves, and partner agencies' users are made with their agency.
std::vector<std::string_view> worker_role_names() {
  std::vector<std::string_view> out;
  for (auto name : kRoleNames)
    if (is_staff(*parse_role(name))) out.push_back(name);
  return out;
}

Response signed_in_response(const Ctx& ctx, const SignedIn& s, AccessService& svc, const Config& config) {
  auto org = svc.org(s.user.org_id);
  if (!org) return ctx.problem(org.error());
  auto r = Response::json(200, session_json(s.user, s.session, *org));
  r.header("Set-Cookie", session_cookie(config, s.token));
  return r;
}

// ---- sign-in and the signed-in user's own account

Response login(Ctx& ctx, AccessService& svc, const Config& config) {
  auto in = JsonReader::parse(ctx.req.body);
  if (!in) return ctx.problem(in.error());
  auto email = in->text("email", Need::required, {.max = 254});
  auto password = in->text("password", Need::required, {.max = kMaxPasswordLength, .trim = false});
  if (auto done = in->finish(); !done) return ctx.problem(done.error());
  auto s = svc.login(*email, *password, ctx.req.client_address, ctx.req.header("user-agent").value_or(""),
                                ctx.request_id);
  if (!s) return ctx.problem(s.error());
  // The password was right; the account asks for a code too. No session, no cookie yet.
  if (s->two_step_ticket) return Response::json(200, {{"twoStepRequired", true}, {"ticket", *s->two_step_ticket}});
  return signed_in_response(ctx, *s, svc, config);
}

// ---- two-step sign-in

Response verify_two_step(Ctx& ctx, AccessService& svc, const Config& config) {
  auto in = JsonReader::parse(ctx.req.body);
  if (!in) return ctx.problem(in.error());
  auto ticket = in->text("ticket", Need::required, {.min = 20, .max = 100});
  auto code = in->text("code", Need::required, {.min = 6, .max = 20});
  if (auto done = in->finish(); !done) return ctx.problem(done.error());
  auto s = svc.verify_two_step(*ticket, *code, ctx.req.client_address,
                                          ctx.req.header("user-agent").value_or(""), ctx.request_id);
  if (!s) return ctx.problem(s.error());
  return signed_in_response(ctx, *s, svc, config);
}

json codes_json(const std::vector<std::string>& codes) { return {{"recoveryCodes", codes}}; }

Response two_step_status(Ctx& ctx, AccessService& svc) {
  auto s = svc.two_step_status(ctx.principal());
  if (!s) return ctx.problem(s.error());
  return Response::json(200, {{"enabled", s->enabled}, {"required", s->required},
                              {"recoveryCodesLeft", s->recovery_codes_left}});
}

Response begin_two_step(Ctx& ctx, AccessService& svc) {
  auto s = svc.begin_two_step(ctx.principal(), ctx.actor());
  if (!s) return ctx.problem(s.error());
  return Response::json(200, {{"secret", s->secret}, {"uri", s->uri}});
}

Response confirm_two_step(Ctx& ctx, AccessService& svc) {
  auto in = JsonReader::parse(ctx.req.body);
  if (!in) return ctx.problem(in.error());
  auto code = in->text("code", Need::required, {.min = 6, .max = 6});
  if (auto done = in->finish(); !done) return ctx.problem(done.error());
  auto codes = svc.confirm_two_step(ctx.principal(), *code, ctx.actor());
  if (!codes) return ctx.problem(codes.error());
  return Response::json(200, codes_json(*codes));
}

Response new_recovery_codes(Ctx& ctx, AccessService& svc) {
  auto codes = svc.new_recovery_codes(ctx.principal(), ctx.actor());
  if (!codes) return ctx.problem(codes.error());
  return Response::json(200, codes_json(*codes));
}

Response turn_off_two_step(Ctx& ctx, AccessService& svc) {
  return api::respond_empty(ctx, svc.turn_off_two_step(ctx.principal(), ctx.actor()));
}

Response require_two_step(Ctx& ctx, AccessService& svc) {
  auto in = JsonReader::parse(ctx.req.body);
  if (!in) return ctx.problem(in.error());
  auto required = in->boolean("required", Need::required);
  if (auto done = in->finish(); !done) return ctx.problem(done.error());
  auto org = svc.require_two_step(ctx.actor(), *required);
  if (!org) return ctx.problem(org.error());
  return Response::json(200, {{"required", org->require_two_step}});
}

Response two_step_setting(Ctx& ctx, AccessService& svc) {
  auto org = svc.org(ctx.principal().user.org_id);
  if (!org) return ctx.problem(org.error());
  return Response::json(200, {{"required", org->require_two_step}});
}

// ---- invitations: the link's holder, not yet signed in, chooses their own password

std::optional<std::string> read_token(JsonReader& in) {
  return in.text("token", Need::required, {.min = 20, .max = 100});
}

Response inspect_invitation(Ctx& ctx, AccessService& svc) {
  auto in = JsonReader::parse(ctx.req.body);
  if (!in) return ctx.problem(in.error());
  auto token = read_token(*in);
  if (auto done = in->finish(); !done) return ctx.problem(done.error());
  auto r = svc.inspect_invitation(*token);
  if (!r) return ctx.problem(r.error());
  const auto& [i, org] = *r;
  return Response::json(200, {{"for", i.supporter_id ? "supporter" : "person"},
                              {"displayName", i.display_name},
                              {"organisation", org.name},
                              {"expiresAt", i.expires_at}});
}

Response accept_invitation(Ctx& ctx, AccessService& svc, const Config& config) {
  auto in = JsonReader::parse(ctx.req.body);
  if (!in) return ctx.problem(in.error());
  auto token = read_token(*in);
  auto email = in->email("email", Need::required);
  auto password = in->text("password", Need::required, {.max = kMaxPasswordLength, .trim = false});
  if (auto done = in->finish(); !done) return ctx.problem(done.error());
  auto s = svc.accept_invitation(*token, *email, *password, ctx.req.client_address,
                                            ctx.req.header("user-agent").value_or(""), ctx.request_id);
  if (!s) return ctx.problem(s.error());
  return signed_in_response(ctx, *s, svc, config);
}

Response logout(Ctx& ctx, AccessService& svc, const Config& config) {
  auto r = svc.logout(ctx.principal(), ctx.actor());
  if (!r) return ctx.problem(r.error());
  auto resp = Response::empty(204);
  resp.header("Set-Cookie", clear_session_cookie(config));
  return resp;
}

Response me(Ctx& ctx, AccessService& svc) {
  const auto& p = ctx.principal();
  auto org = svc.org(p.user.org_id);
  if (!org) return ctx.problem(org.error());
  return Response::json(200, session_json(p.user, p.session, *org));
}

Response reauthenticate(Ctx& ctx, AccessService& svc) {
  auto in = JsonReader::parse(ctx.req.body);
  if (!in) return ctx.problem(in.error());
  auto password = in->text("password", Need::required, {.max = kMaxPasswordLength, .trim = false});
  if (auto done = in->finish(); !done) return ctx.problem(done.error());
  return api::respond_empty(ctx, svc.reauthenticate(ctx.principal(), *password, ctx.actor()));
}

Response change_password(Ctx& ctx, AccessService& svc, const Config& config) {
  auto in = JsonReader::parse(ctx.req.body);
  if (!in) return ctx.problem(in.error());
  auto current = in->text("currentPassword", Need::required, {.max = kMaxPasswordLength, .trim = false});
  auto next = in->text("newPassword", Need::required, {.max = kMaxPasswordLength, .trim = false});
  if (auto done = in->finish(); !done) return ctx.problem(done.error());
  auto s = svc.change_password(ctx.principal(), *current, *next, ctx.actor());
  if (!s) return ctx.problem(s.error());
  return signed_in_response(ctx, *s, svc, config);
}

Response list_sessions(Ctx& ctx, AccessService& svc) {
  auto s = svc.sessions_of(ctx.principal());
  if (!s) return ctx.problem(s.error());
  json items = json::array();
  for (const auto& x : *s) items.push_back(to_json(x, ctx.principal().session.id));
  return Response::json(200, {{"items", items}});
}

Response end_session(Ctx& ctx, AccessService& svc) {
  return api::respond_empty(ctx, svc.end_session(ctx.principal(), ctx.param("id"), ctx.actor()));
}

Response end_other_sessions(Ctx& ctx, AccessService& svc) {
  auto n = svc.end_other_sessions(ctx.principal(), ctx.actor());
  if (!n) return ctx.problem(n.error());
  return Response::json(200, {{"ended", *n}});
}

// ---- sites and teams

Response list_sites(Ctx& ctx, AccessService& svc) {
  auto s = svc.sites(ctx.principal().user.org_id);
  if (!s) return ctx.problem(s.error());
  json items = json::array();
  for (const auto& x : *s) items.push_back(to_json(x));
  return Response::json(200, {{"items", items}});
}

Response create_site(Ctx& ctx, AccessService& svc) {
  auto in = JsonReader::parse(ctx.req.body);
  if (!in) return ctx.problem(in.error());
  auto name = in->text("name", Need::required, {.min = 2, .max = 120});
  auto address = in->text("address", Need::optional, {.max = 300});
  if (auto done = in->finish(); !done) return ctx.problem(done.error());
  auto s = svc.create_site(ctx.actor(), *name, address.value_or(""));
  if (!s) return ctx.problem(s.error());
  return Response::json(201, to_json(*s));
}

Response list_teams(Ctx& ctx, AccessService& svc) {
  auto t = svc.teams(ctx.principal().user.org_id);
  if (!t) return ctx.problem(t.error());
  json items = json::array();
  for (const auto& x : *t) items.push_back(to_json(x));
  return Response::json(200, {{"items", items}});
}

Result<TeamInput> read_team(const http::Request& req, Need name_need) {
  auto in = TRY(JsonReader::parse(req.body));
  TeamInput t;
  t.name = in.text("name", name_need, {.min = 2, .max = 120});
  t.description = in.text("description", Need::optional, {.max = 1000, .multiline = true});
  t.site_id = in.id("siteId", Need::optional);
  t.active = in.boolean("active", Need::optional);
  TRY_VOID(in.finish());
  return t;
}

Response create_team(Ctx& ctx, AccessService& svc) {
  auto in = read_team(ctx.req, Need::required);
  if (!in) return ctx.problem(in.error());
  auto t = svc.create_team(ctx.actor(), *in);
  return api::respond_as(ctx, t, [](const Team& x) { return to_json(x); }, 201);
}

Response get_team(Ctx& ctx, AccessService& svc) {
  auto t = svc.team(ctx.principal().user.org_id, ctx.param("id"));
  return api::respond_as(ctx, t, [](const Team& x) { return to_json(x); });
}

Response update_team(Ctx& ctx, AccessService& svc) {
  auto version = api::if_match_version(ctx.req);
  if (!version) return ctx.problem(version.error());
  auto in = read_team(ctx.req, Need::optional);
  if (!in) return ctx.problem(in.error());
  auto t = svc.update_team(ctx.actor(), ctx.param("id"), *version, *in);
  return api::respond_as(ctx, t, [](const Team& x) { return to_json(x); });
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
  json items = json::array();
  for (const auto& u : users->items) items.push_back(to_json(u));
  return Response::json(200, {{"items", items}, {"nextCursor", users->next_cursor ? json(*users->next_cursor) : json(nullptr)}});
}

Response get_user(Ctx& ctx, AccessService& svc) {
  auto u = svc.user(ctx.principal().user.org_id, ctx.param("id"));
  return api::respond_as(ctx, u, [](const User& x) { return to_json(x); });
}

Response create_user(Ctx& ctx, AccessService& svc) {
  auto in = JsonReader::parse(ctx.req.body);
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
  return api::respond_as(ctx, created, [](const User& x) { return to_json(x); }, 201);
}

Response update_user(Ctx& ctx, AccessService& svc) {
  auto version = api::if_match_version(ctx.req);
  if (!version) return ctx.problem(version.error());
  auto in = JsonReader::parse(ctx.req.body);
  if (!in) return ctx.problem(in.error());
  UserChanges ch;
  ch.display_name = in->text("displayName", Need::optional, {.min = 1, .max = 120});
  ch.active = in->boolean("active", Need::optional);
  ch.team_ids = in->id_list("teamIds", Need::optional);
  if (auto done = in->finish(); !done) return ctx.problem(done.error());
  auto u = svc.update_user(ctx.actor(), ctx.param("id"), *version, ch);
  return api::respond_as(ctx, u, [](const User& x) { return to_json(x); });
}

Response change_role(Ctx& ctx, AccessService& svc) {
  auto version = api::if_match_version(ctx.req);
  if (!version) return ctx.problem(version.error());
  auto in = JsonReader::parse(ctx.req.body);
  if (!in) return ctx.problem(in.error());
  auto roles = worker_role_names();
  auto role = in->one_of("role", Need::required, roles);
  if (auto done = in->finish(); !done) return ctx.problem(done.error());
  UserChanges ch;
  ch.role = parse_role(*role);
  auto u = svc.update_user(ctx.actor(), ctx.param("id"), *version, ch);
  return api::respond_as(ctx, u, [](const User& x) { return to_json(x); });
}

Response reset_password(Ctx& ctx, AccessService& svc) {
  auto in = JsonReader::parse(ctx.req.body);
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
  json items = json::array();
  for (const auto& e : events->items) items.push_back(to_json(e));
  return Response::json(200, {{"items", items},
                              {"nextCursor", events->next_cursor ? json(*events->next_cursor) : json(nullptr)}});
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
  std::string csv = "seq,at,actor_id,actor_name,actor_role,action,entity_type,entity_id,person_id,outcome,request_id,client_address,detail,hash\r\n";
  for (const auto& e : *events) {
    std::vector<std::string> cols = {std::to_string(e.seq), e.at, e.actor_id.value_or(""), e.actor_name.value_or(""),
                                     e.actor_role.value_or(""), e.action, e.entity_type, e.entity_id,
                                     e.person_id.value_or(""), e.outcome, e.request_id, e.client_address, e.detail, e.hash};
    for (std::size_t i = 0; i < cols.size(); ++i) csv += (i ? "," : "") + csv_field(cols[i]);
    csv += "\r\n";
  }
  Response r;
  r.content_type = "text/csv; charset=utf-8";
  r.body = std::move(csv);
  r.header("Content-Disposition", "attachment; filename=\"trellis-audit-log.csv\"");
  return r;
}

}  // namespace

void add_routes(api::Routes& r, AccessService& svc, const Config& config) {
  using P = Permission;
  const std::string v1 = "/api/v1";
  r.add("POST", v1 + "/auth/login", Rule::anyone(), {"Sign in with email and password", "auth"}, api::with(login, svc, config));
  r.add("POST", v1 + "/auth/two-step/verify", Rule::anyone(),
        {"The second step of signing in: the code from your app, or a recovery code", "auth"}, api::with(verify_two_step, svc, config));
  r.add("GET", v1 + "/auth/two-step", Rule::signed_in().before_two_step(),
        {"Whether two-step sign-in is on for you, and required", "auth"}, api::with(two_step_status, svc));
  r.add("POST", v1 + "/auth/two-step/setup", Rule::signed_in().with_reauth().before_two_step(),
        {"Start setting up two-step sign-in: the key for your authenticator app (password confirmed)", "auth"}, api::with(begin_two_step, svc));
  r.add("POST", v1 + "/auth/two-step/confirm", Rule::signed_in().before_two_step(),
        {"Confirm with the first code from the app; answers your recovery codes, once", "auth"}, api::with(confirm_two_step, svc));
  r.add("POST", v1 + "/auth/two-step/recovery-codes", Rule::signed_in().with_reauth(),
        {"New recovery codes, replacing the old ones (password confirmed)", "auth"}, api::with(new_recovery_codes, svc));
  r.add("DELETE", v1 + "/auth/two-step", Rule::signed_in().with_reauth(),
        {"Turn two-step sign-in off, unless your organisation requires it (password confirmed)", "auth"}, api::with(turn_off_two_step, svc));
  r.add("GET", v1 + "/settings/two-step", Rule::need(P::manage_users),
        {"Whether the organisation requires two-step sign-in of administrators and managers", "organisation"}, api::with(two_step_setting, svc));
  r.add("PUT", v1 + "/settings/two-step", Rule::need(P::manage_users).with_reauth(),
        {"Require two-step sign-in of administrators and managers, or not (password confirmed)", "organisation"}, api::with(require_two_step, svc));
  r.add("POST", v1 + "/invitations/inspect", Rule::anyone(),
        {"What an invitation link is for (the name and organisation), before accepting it", "auth"}, api::with(inspect_invitation, svc));
  r.add("POST", v1 + "/invitations/accept", Rule::anyone(),
        {"Accept an invitation: choose your own email and password, and sign in", "auth"}, api::with(accept_invitation, svc, config));
  r.add("POST", v1 + "/auth/logout", Rule::signed_in().before_two_step(), {"Sign out of this session", "auth"}, api::with(logout, svc, config));
  r.add("GET", v1 + "/auth/me", Rule::signed_in().before_two_step(), {"The signed-in user and their CSRF token", "auth"}, api::with(me, svc));
  r.add("POST", v1 + "/auth/reauthenticate", Rule::signed_in().before_two_step(),
        {"Confirm your password before a sensitive change", "auth"}, api::with(reauthenticate, svc));
  r.add("POST", v1 + "/auth/password", Rule::signed_in(),
        {"Change your password; signs out every other session", "auth"}, api::with(change_password, svc, config));
  r.add("GET", v1 + "/auth/sessions", Rule::signed_in(), {"Your sessions that are still open", "auth"}, api::with(list_sessions, svc));
  r.add("POST", v1 + "/auth/sessions/end-others", Rule::signed_in(), {"End all your other sessions", "auth"}, api::with(end_other_sessions, svc));
  r.add("DELETE", v1 + "/auth/sessions/:id", Rule::signed_in(), {"End one of your sessions", "auth"}, api::with(end_session, svc));

  r.add("GET", v1 + "/sites", Rule::need(P::view_teams), {"List sites", "organisation"}, api::with(list_sites, svc));
  r.add("POST", v1 + "/sites", Rule::need(P::manage_teams), {"Add a site", "organisation"}, api::with(create_site, svc));
  r.add("GET", v1 + "/teams", Rule::need(P::view_teams), {"List teams", "organisation"}, api::with(list_teams, svc));
  r.add("POST", v1 + "/teams", Rule::need(P::manage_teams), {"Create a team", "organisation"}, api::with(create_team, svc));
  r.add("GET", v1 + "/teams/:id", Rule::need(P::view_teams), {"One team", "organisation"}, api::with(get_team, svc));
  r.add("PATCH", v1 + "/teams/:id", Rule::need(P::manage_teams), {"Change a team (If-Match)", "organisation"}, api::with(update_team, svc));

  r.add("GET", v1 + "/users", Rule::need(P::view_users), {"List users (search, filter, cursor)", "users"}, api::with(list_users, svc));
  r.add("POST", v1 + "/users", Rule::need(P::manage_users),
        {"Create a worker's account (an administrator or manager: password confirmed)", "users"}, api::with(create_user, svc));
  r.add("GET", v1 + "/users/:id", Rule::need(P::view_users), {"One user", "users"}, api::with(get_user, svc));
  r.add("PATCH", v1 + "/users/:id", Rule::need(P::manage_users),
        {"Change a user's name, teams or active state (If-Match)", "users"}, api::with(update_user, svc));
  r.add("PUT", v1 + "/users/:id/role", Rule::need(P::manage_users).with_reauth(),
        {"Change a user's role (If-Match; password confirmed)", "users"}, api::with(change_role, svc));
  r.add("POST", v1 + "/users/:id/password", Rule::need(P::manage_users).with_reauth(),
        {"Set a new password for a user (password confirmed)", "users"}, api::with(reset_password, svc));

  r.add("GET", v1 + "/audit-events", Rule::need(P::view_audit), {"Browse the audit log (filters, cursor)", "audit"}, api::with(browse_audit, svc));
  r.add("GET", v1 + "/audit-events/export", Rule::need(P::view_audit),
        {"Download the audit log as CSV (same filters; audited)", "audit"}, api::with(export_audit, svc));
}

}  // namespace trellis::access
