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

JsonWriter session_info(const User& u, const Session& s, const Org& org) {
  JsonWriter w;
  w.object([&] {
    w.field("user", u);
    w.key("org");
    w.object([&] {
      w.field("id", org.id);
      w.field("name", org.name);
      w.field("timeZone", org.time_zone);
    });
    // What the signed-in user's role allows, so the client shows only what they can use. The
    // server still checks every request; this list only shapes navigation.
    w.key("permissions");
    w.array([&] {
      for (auto p : kAllPermissions)
        if (role_has(u.role, p)) w.value(permission_name(p));
    });
    w.field("csrfToken", s.csrf_token);
    w.field("sessionExpiresAt", s.expires_at);
    w.field("twoStepSetupRequired", s.two_step_setup_required);
  });
  return w;
}

Response signed_in_response(const Ctx& ctx, const SignedIn& s, AccessService& svc, const Config& config) {
  auto org = svc.org(s.user.org_id);
  if (!org) return ctx.problem(org.error());
  auto r = Response::json(200, session_info(s.user, s.session, *org));
  r.header("Set-Cookie", session_cookie(config, s.token));
  return r;
}

// ---- sign-in and the signed-in user's own account

Response login(Ctx& ctx, AccessService& svc, const Config& config) {
  auto in = ctx.input();
  if (!in) return ctx.problem(in.error());
  auto email = in->text("email", Need::required, {.max = 254});
  auto password = in->text("password", Need::required, {.max = kMaxPasswordLength, .trim = false});
  if (auto done = in->finish(); !done) return ctx.problem(done.error());
  auto s =
      svc.login(*email, *password, ctx.req.client_address, ctx.req.header("user-agent").value_or(""), ctx.request_id);
  if (!s) return ctx.problem(s.error());
  // The password was right; the account asks for a code too. No session, no cookie yet.
  if (s->two_step_ticket) {
    return Response::object(200, [&](JsonWriter& w) {
      w.field("twoStepRequired", true);
      w.field("ticket", *s->two_step_ticket);
    });
  }
  return signed_in_response(ctx, *s, svc, config);
}

// ---- two-step sign-in

Response verify_two_step(Ctx& ctx, AccessService& svc, const Config& config) {
  auto in = ctx.input();
  if (!in) return ctx.problem(in.error());
  auto ticket = in->text("ticket", Need::required, {.min = 20, .max = 100});
  auto code = in->text("code", Need::required, {.min = 6, .max = 20});
  if (auto done = in->finish(); !done) return ctx.problem(done.error());
  auto s = svc.verify_two_step(*ticket, *code, ctx.req.client_address, ctx.req.header("user-agent").value_or(""),
                               ctx.request_id);
  if (!s) return ctx.problem(s.error());
  return signed_in_response(ctx, *s, svc, config);
}

Response recovery_codes(const std::vector<std::string>& codes) {
  return Response::object(200, [&](JsonWriter& w) { w.field("recoveryCodes", codes); });
}

Response two_step_status(Ctx& ctx, AccessService& svc) {
  auto s = svc.two_step_status(ctx.principal());
  if (!s) return ctx.problem(s.error());
  return Response::object(200, [&](JsonWriter& w) {
    w.field("enabled", s->enabled);
    w.field("required", s->required);
    w.field("recoveryCodesLeft", s->recovery_codes_left);
  });
}

Response begin_two_step(Ctx& ctx, AccessService& svc) {
  auto s = svc.begin_two_step(ctx.principal(), ctx.actor());
  if (!s) return ctx.problem(s.error());
  return Response::object(200, [&](JsonWriter& w) {
    w.field("secret", s->secret);
    w.field("uri", s->uri);
  });
}

Response confirm_two_step(Ctx& ctx, AccessService& svc) {
  auto in = ctx.input();
  if (!in) return ctx.problem(in.error());
  auto code = in->text("code", Need::required, {.min = 6, .max = 6});
  if (auto done = in->finish(); !done) return ctx.problem(done.error());
  auto codes = svc.confirm_two_step(ctx.principal(), *code, ctx.actor());
  if (!codes) return ctx.problem(codes.error());
  return recovery_codes(*codes);
}

Response new_recovery_codes(Ctx& ctx, AccessService& svc) {
  auto codes = svc.new_recovery_codes(ctx.principal(), ctx.actor());
  if (!codes) return ctx.problem(codes.error());
  return recovery_codes(*codes);
}

Response turn_off_two_step(Ctx& ctx, AccessService& svc) {
  return api::respond_empty(ctx, svc.turn_off_two_step(ctx.principal(), ctx.actor()));
}

Response two_step_rule(const Org& org) {
  return Response::object(200, [&](JsonWriter& w) { w.field("required", org.require_two_step); });
}

Response require_two_step(Ctx& ctx, AccessService& svc) {
  auto in = ctx.input();
  if (!in) return ctx.problem(in.error());
  auto required = in->boolean("required", Need::required);
  if (auto done = in->finish(); !done) return ctx.problem(done.error());
  auto org = svc.require_two_step(ctx.actor(), *required);
  if (!org) return ctx.problem(org.error());
  return two_step_rule(*org);
}

Response two_step_setting(Ctx& ctx, AccessService& svc) {
  auto org = svc.org(ctx.principal().user.org_id);
  if (!org) return ctx.problem(org.error());
  return two_step_rule(*org);
}

// ---- invitations: the link's holder, not yet signed in, chooses their own password

std::optional<std::string> read_token(JsonReader& in) {
  return in.text("token", Need::required, {.min = 20, .max = 100});
}

Response inspect_invitation(Ctx& ctx, AccessService& svc) {
  auto in = ctx.input();
  if (!in) return ctx.problem(in.error());
  auto token = read_token(*in);
  if (auto done = in->finish(); !done) return ctx.problem(done.error());
  auto r = svc.inspect_invitation(*token);
  if (!r) return ctx.problem(r.error());
  // Named, not bound: clang 14 (clang-tidy, the fuzz build) lets no lambda capture a structured binding.
  const auto& i = r->first;
  const auto& org = r->second;
  return Response::object(200, [&](JsonWriter& w) {
    w.field("for", i.supporter_id ? "supporter" : "person");
    w.field("displayName", i.display_name);
    w.field("organisation", org.name);
    w.field("expiresAt", i.expires_at);
  });
}

Response accept_invitation(Ctx& ctx, AccessService& svc, const Config& config) {
  auto in = ctx.input();
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
  return Response::json(200, session_info(p.user, p.session, *org));
}

Response reauthenticate(Ctx& ctx, AccessService& svc) {
  auto in = ctx.input();
  if (!in) return ctx.problem(in.error());
  auto password = in->text("password", Need::required, {.max = kMaxPasswordLength, .trim = false});
  if (auto done = in->finish(); !done) return ctx.problem(done.error());
  return api::respond_empty(ctx, svc.reauthenticate(ctx.principal(), *password, ctx.actor()));
}

Response change_password(Ctx& ctx, AccessService& svc, const Config& config) {
  auto in = ctx.input();
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
  const auto& current = ctx.principal().session.id;
  return Response::json(200, api::items(*s, [&](JsonWriter& w, const Session& x) { write_session(w, x, current); }));
}

Response end_session(Ctx& ctx, AccessService& svc) {
  return api::respond_empty(ctx, svc.end_session(ctx.principal(), ctx.param("id"), ctx.actor()));
}

Response end_other_sessions(Ctx& ctx, AccessService& svc) {
  auto n = svc.end_other_sessions(ctx.principal(), ctx.actor());
  if (!n) return ctx.problem(n.error());
  return Response::object(200, [&](JsonWriter& w) { w.field("ended", *n); });
}

}  // namespace

void add_routes(api::Routes& r, AccessService& svc, const Config& config) {
  using P = Permission;
  const std::string v1 = "/api/v1";
  r.add("POST", v1 + "/auth/login", Rule::anyone(),
        {.summary = "Sign in with email and password", .tag = "auth", .request = "SignIn", .response = "SignInAnswer"},
        api::with(login, svc, config));
  r.add("POST", v1 + "/auth/two-step/verify", Rule::anyone(),
        {.summary = "The second step of signing in: the code from your app, or a recovery code",
         .tag = "auth",
         .request = "TwoStepVerify",
         .response = "SessionInfo"},
        api::with(verify_two_step, svc, config));
  r.add("GET", v1 + "/auth/two-step", Rule::signed_in().before_two_step(),
        {.summary = "Whether two-step sign-in is on for you, and required", .tag = "auth", .response = "TwoStepStatus"},
        api::with(two_step_status, svc));
  r.add("POST", v1 + "/auth/two-step/setup", Rule::signed_in().with_reauth().before_two_step(),
        {.summary = "Start setting up two-step sign-in: the key for your authenticator app (password confirmed)",
         .tag = "auth",
         .response = "TwoStepSecret"},
        api::with(begin_two_step, svc));
  r.add("POST", v1 + "/auth/two-step/confirm", Rule::signed_in().before_two_step(),
        {.summary = "Confirm with the first code from the app; answers your recovery codes, once",
         .tag = "auth",
         .request = "TwoStepConfirm",
         .response = "RecoveryCodes"},
        api::with(confirm_two_step, svc));
  r.add("POST", v1 + "/auth/two-step/recovery-codes", Rule::signed_in().with_reauth(),
        {.summary = "New recovery codes, replacing the old ones (password confirmed)",
         .tag = "auth",
         .response = "RecoveryCodes"},
        api::with(new_recovery_codes, svc));
  r.add("DELETE", v1 + "/auth/two-step", Rule::signed_in().with_reauth(),
        {.summary = "Turn two-step sign-in off, unless your organisation requires it (password confirmed)",
         .tag = "auth",
         .status = 204},
        api::with(turn_off_two_step, svc));
  r.add("GET", v1 + "/settings/two-step", Rule::need(P::manage_users),
        {.summary = "Whether the organisation requires two-step sign-in of administrators and managers",
         .tag = "organisation",
         .response = "TwoStepRule"},
        api::with(two_step_setting, svc));
  r.add("PUT", v1 + "/settings/two-step", Rule::need(P::manage_users).with_reauth(),
        {.summary = "Require two-step sign-in of administrators and managers, or not (password confirmed)",
         .tag = "organisation",
         .request = "TwoStepRule",
         .response = "TwoStepRule"},
        api::with(require_two_step, svc));
  r.add("POST", v1 + "/invitations/inspect", Rule::anyone(),
        {.summary = "What an invitation link is for (the name and organisation), before accepting it",
         .tag = "auth",
         .request = "InvitationToken",
         .response = "InvitationSummary"},
        api::with(inspect_invitation, svc));
  r.add("POST", v1 + "/invitations/accept", Rule::anyone(),
        {.summary = "Accept an invitation: choose your own email and password, and sign in",
         .tag = "auth",
         .request = "InvitationAcceptance",
         .response = "SessionInfo"},
        api::with(accept_invitation, svc, config));
  r.add("POST", v1 + "/auth/logout", Rule::signed_in().before_two_step(),
        {.summary = "Sign out of this session", .tag = "auth", .status = 204}, api::with(logout, svc, config));
  r.add("GET", v1 + "/auth/me", Rule::signed_in().before_two_step(),
        {.summary = "The signed-in user and their CSRF token", .tag = "auth", .response = "SessionInfo"},
        api::with(me, svc));
  r.add("POST", v1 + "/auth/reauthenticate", Rule::signed_in().before_two_step(),
        {.summary = "Confirm your password before a sensitive change",
         .tag = "auth",
         .request = "Reauthentication",
         .status = 204},
        api::with(reauthenticate, svc));
  r.add("POST", v1 + "/auth/password", Rule::signed_in(),
        {.summary = "Change your password; signs out every other session",
         .tag = "auth",
         .request = "PasswordChange",
         .response = "SessionInfo"},
        api::with(change_password, svc, config));
  r.add("GET", v1 + "/auth/sessions", Rule::signed_in(),
        {.summary = "Your sessions that are still open", .tag = "auth", .response = "SessionList"},
        api::with(list_sessions, svc));
  r.add("POST", v1 + "/auth/sessions/end-others", Rule::signed_in(),
        {.summary = "End all your other sessions", .tag = "auth", .response = "EndedSessions"},
        api::with(end_other_sessions, svc));
  r.add("DELETE", v1 + "/auth/sessions/:id", Rule::signed_in(),
        {.summary = "End one of your sessions", .tag = "auth", .status = 204}, api::with(end_session, svc));
}

}  // namespace trellis::access
