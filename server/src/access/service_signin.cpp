// Signing in and out, sessions, re-authentication and password changes.
#include <spdlog/spdlog.h>

#include "access/passwords.hpp"
#include "access/service.hpp"
#include "access/invitations/store.hpp"
#include "access/store.hpp"
#include "access/two_step/store.hpp"
#include "core/ids.hpp"

namespace trellis::access {
namespace {

Error wrong_credentials() {
  return Error::make(ErrorKind::unauthenticated, "That email and password do not match",
                     "Check both and try again. After 10 tries in 15 minutes, sign-in pauses for a while.",
                     "invalid_credentials");
}

Error not_signed_in() {
  return Error::make(ErrorKind::unauthenticated, "Please sign in", "Your session has ended or you are not signed in.",
                     "not_signed_in");
}

std::int64_t seconds_until(TimePoint from, TimePoint to) {
  auto s = std::chrono::ceil<std::chrono::seconds>(to - from).count();
  return s < 1 ? 1 : s;
}

}  // namespace

Result<void> AccessService::check_throttle(store::Conn& c, const std::string& email, const std::string& client,
                                           TimePoint now) {
  auto since = to_iso(now - kThrottleWindow);
  auto paused = [&](const std::vector<std::string>& failures, std::size_t max, const char* who) -> Result<void> {
    if (failures.size() < max) return {};
    // Sign-in opens again when enough of the failures fall out of the window.
    TimePoint oldest_counted;
    parse_iso(failures[failures.size() - max], oldest_counted);
    Error e = Error::make(ErrorKind::too_many_requests, "Sign-in is paused for a while",
                          std::string("There were too many unsuccessful sign-ins ") + who +
                              ". Please wait and try again, or ask your administrator to reset your password.",
                          "sign_in_throttled");
    e.retry_after_seconds = static_cast<int>(seconds_until(now, oldest_counted + kThrottleWindow));
    return fail(std::move(e));
  };
  TRY_VOID(paused(TRY(db::failures_for_email(c, email, since)), kMaxFailuresPerAccount, "for this account"));
  TRY_VOID(paused(TRY(db::failures_for_client(c, client, since)), kMaxFailuresPerClient, "from this device"));
  return {};
}

Result<SignedIn> AccessService::open_session(store::Conn& c, const User& user, const std::string& client,
                                             const std::string& user_agent, TimePoint now) {
  SignedIn out;
  out.user = user;
  out.token = random_token(32);
  auto& s = out.session;
  s.org_id = user.org_id;
  s.id = new_id();
  s.user_id = user.id;
  s.csrf_token = random_token(32);
  s.created_at = s.last_seen_at = to_iso(now);
  s.expires_at = to_iso(now + kAbsoluteTimeout);
  s.reauth_at = s.created_at;  // signing in is itself a password confirmation
  s.user_agent = user_agent.substr(0, 300);
  s.client_address = client;
  s.two_step_setup_required = TRY(two_step_missing(c, user));
  TRY_VOID(db::insert_session(c, s, sha256_hex(out.token)));
  return out;
}

Result<SignedIn> AccessService::login(const std::string& email_in, const std::string& password,
                                      const std::string& client, const std::string& user_agent,
                                      const std::string& request_id) {
  std::string email = email_in;
  for (auto& ch : email) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  auto now = clock_.now();

  // Throttle first: while paused, even the right password is refused.
  auto found = TRY(db_.read([&](store::Conn& c) -> Result<std::optional<db::UserWithHash>> {
    TRY_VOID(check_throttle(c, email, client, now));
    return db::find_user_by_email(c, email);
  }));

  bool ok = false;
  if (found && found->user.active)
    ok = verify_password(found->password_hash, password);
  else
    verify_dummy_password(password);

  // Before a session exists, the actor is the account being signed in to.
  auto as_user = [&](const User& u) {
    return access::Actor{u.org_id, u.id, std::string(role_name(u.role)), request_id, client};
  };
  // The failed attempt must commit (so it counts toward the pause) before it is reported.
  auto signed_in = TRY(db_.write([&](store::Conn& c) -> Result<std::optional<SignedIn>> {
    if (!ok) {
      TRY_VOID(db::record_attempt(c, email, client, to_iso(now), false));
      if (found) {
        auto e = as_user(found->user).entry("auth.login", "user", found->user.id);
        e.outcome = "failure";
        e.detail = found->user.active ? "wrong password" : "account deactivated";
        TRY_VOID(append_audit(c, e, now));
      }
      return std::optional<SignedIn>{};
    }
    auto factor = TRY(db::get_factor(c, found->user.org_id, found->user.id));
    // With two-step sign-in, only the whole sign-in is a success: a right password alone must not
    // wipe out the wrong codes counted toward the pause.
    if (!factor || !factor->confirmed_at) TRY_VOID(db::record_attempt(c, email, client, to_iso(now), true));
    if (factor && factor->confirmed_at) {
      // The password alone is not enough for this account: a ticket for the second step.
      SignedIn half;
      half.user = found->user;
      half.two_step_ticket = random_token(32);
      db::TwoStepChallenge ch{found->user.org_id, new_id(), found->user.id, to_iso(now + kTwoStepTicketLifetime), 0,
                              std::nullopt};
      TRY_VOID(db::insert_challenge(c, ch, sha256_hex(*half.two_step_ticket)));
      auto e = as_user(found->user).entry("auth.login", "user", found->user.id);
      e.detail = "password accepted; waiting for the two-step code";
      TRY_VOID(append_audit(c, e, now));
      return std::optional<SignedIn>{std::move(half)};
    }
    auto signed_in = TRY(open_session(c, found->user, client, user_agent, now));
    TRY_VOID(append_audit(c, as_user(found->user).entry("auth.login", "session", signed_in.session.id), now));
    return std::optional<SignedIn>{std::move(signed_in)};
  }));
  if (!signed_in) return fail(wrong_credentials());
  return std::move(*signed_in);
}

Result<Principal> AccessService::authenticate(const std::string& token) {
  if (token.empty() || token.size() > 100) return fail(not_signed_in());
  auto now = clock_.now();
  auto hash = sha256_hex(token);
  auto found = TRY(db_.read([&](store::Conn& c) -> Result<std::optional<Principal>> {
    auto s = TRY(db::find_live_session(c, hash));
    if (!s) return std::optional<Principal>{};
    auto u = TRY(db::get_user(c, s->first.org_id, s->first.user_id));
    if (!u) return std::optional<Principal>{};
    return std::optional<Principal>{Principal{u->user, s->first}};
  }));
  if (!found) return fail(not_signed_in());
  auto& p = *found;
  TimePoint last_seen, expires;
  parse_iso(p.session.last_seen_at, last_seen);
  parse_iso(p.session.expires_at, expires);
  const char* ended = nullptr;
  if (!p.user.active)
    ended = "account deactivated";
  else if (now >= expires)
    ended = "absolute timeout";
  else if (now - last_seen >= kIdleTimeout)
    ended = "idle timeout";
  if (ended) {
    TRY_VOID(db_.write(
        [&](store::Conn& c) { return db::end_session(c, p.session.org_id, p.session.id, to_iso(now), ended); }));
    return fail(not_signed_in());
  }
  // Refresh the idle timer at most once a minute: reads should not all become writes.
  if (now - last_seen >= std::chrono::minutes(1)) {
    TRY_VOID(
        db_.write([&](store::Conn& c) { return db::touch_session(c, p.session.org_id, p.session.id, to_iso(now)); }));
    p.session.last_seen_at = to_iso(now);
  }
  return p;
}

Result<void> AccessService::logout(const Principal& who, const access::Actor& actor) {
  auto now = clock_.now();
  return db_.write([&](store::Conn& c) -> Result<void> {
    TRY_VOID(db::end_session(c, who.session.org_id, who.session.id, to_iso(now), "signed out"));
    return append_audit(c, actor.entry("auth.logout", "session", who.session.id), now);
  });
}

Result<std::vector<Session>> AccessService::sessions_of(const Principal& who) {
  auto now = clock_.now();
  return db_.read([&](store::Conn& c) {
    return db::list_live_sessions(c, who.user.org_id, who.user.id, to_iso(now - kIdleTimeout), to_iso(now));
  });
}

Result<void> AccessService::end_session(const Principal& who, const std::string& session_id,
                                        const access::Actor& actor) {
  auto now = clock_.now();
  return db_.write([&](store::Conn& c) -> Result<void> {
    auto live = TRY(db::list_live_sessions(c, who.user.org_id, who.user.id, to_iso(now - kIdleTimeout), to_iso(now)));
    bool mine = false;
    for (const auto& s : live) mine = mine || s.id == session_id;
    // Someone else's session, or one already ended, looks the same: not found.
    if (!mine)
      return fail(ErrorKind::not_found, "That session was not found", "It may have ended already.", "not_found");
    TRY_VOID(db::end_session(c, who.user.org_id, session_id, to_iso(now), "ended by user"));
    return append_audit(c, actor.entry("auth.session.end", "session", session_id), now);
  });
}

Result<std::int64_t> AccessService::end_other_sessions(const Principal& who, const access::Actor& actor) {
  auto now = clock_.now();
  return db_.write([&](store::Conn& c) -> Result<std::int64_t> {
    auto n = TRY(db::end_user_sessions(c, who.user.org_id, who.user.id, who.session.id, to_iso(now), "ended by user"));
    auto e = actor.entry("auth.session.end_others", "user", who.user.id);
    e.detail = std::to_string(n) + " sessions ended";
    TRY_VOID(append_audit(c, e, now));
    return n;
  });
}

Result<void> AccessService::reauthenticate(const Principal& who, const std::string& password,
                                           const access::Actor& actor) {
  auto now = clock_.now();
  // Guessing here is guessing the account's password: the same pause as sign-in applies.
  auto u = TRY(db_.read([&](store::Conn& c) -> Result<std::optional<db::UserWithHash>> {
    TRY_VOID(check_throttle(c, who.user.email, actor.client_address, now));
    return db::get_user(c, who.user.org_id, who.user.id);
  }));
  bool ok = u && verify_password(u->password_hash, password);
  TRY_VOID(db_.write([&](store::Conn& c) -> Result<void> {
    TRY_VOID(db::record_attempt(c, who.user.email, actor.client_address, to_iso(now), ok));
    if (ok) TRY_VOID(db::set_reauth(c, who.session.org_id, who.session.id, to_iso(now)));
    auto e = actor.entry("auth.reauthenticate", "session", who.session.id);
    e.outcome = ok ? "success" : "failure";
    return append_audit(c, e, now);
  }));
  if (!ok)
    return fail(ErrorKind::forbidden, "That password is not right", "Enter the password you use to sign in.",
                "reauthentication_failed");
  return {};
}

Result<SignedIn> AccessService::change_password(const Principal& who, const std::string& current,
                                                const std::string& next, const access::Actor& actor) {
  auto now = clock_.now();
  auto u = TRY(db_.read([&](store::Conn& c) { return db::get_user(c, who.user.org_id, who.user.id); }));
  if (!u || !verify_password(u->password_hash, current))
    return fail(Error::field(ErrorKind::unprocessable, "currentPassword", "is not your current password"));
  TRY_VOID(check_new_password("newPassword", next, {who.user.email, who.user.display_name}));
  if (next == current)
    return fail(Error::field(ErrorKind::unprocessable, "newPassword", "must differ from your current password"));
  auto hash = hash_password(next);
  return db_.write([&](store::Conn& c) -> Result<SignedIn> {
    TRY_VOID(db::set_password(c, who.user.org_id, who.user.id, hash, who.user.id, to_iso(now)));
    // Signing out everywhere: every session, this one included, is replaced by a fresh one here.
    TRY(db::end_user_sessions(c, who.user.org_id, who.user.id, "", to_iso(now), "password changed"));
    auto fresh = TRY(open_session(c, who.user, who.session.client_address, who.session.user_agent, now));
    TRY_VOID(append_audit(c, actor.entry("auth.password.change", "user", who.user.id), now));
    return fresh;
  });
}

}  // namespace trellis::access
