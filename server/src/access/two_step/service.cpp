// Two-step sign-in: after the password, a code from an authenticator app (TOTP) or a single-use
// recovery code. Administrators and managers can turn it on; an organisation can require it of
// them (issue 9).
#include <sodium.h>

#include <algorithm>

#include "access/service.hpp"
#include "access/invitations/store.hpp"
#include "access/store.hpp"
#include "access/two_step/store.hpp"
#include "access/totp.hpp"
#include "core/ids.hpp"

namespace trellis::access {
namespace {

bool may_use_two_step(Role r) { return r == Role::administrator || r == Role::manager; }

Error wrong_code() {
  return Error::field(ErrorKind::unprocessable, "code",
                      "is not the code your app shows now (or was used already); try the next one");
}

Error ticket_gone() {
  return Error::make(ErrorKind::unauthenticated, "Please sign in again",
                     "The time to enter the code ran out, or it was entered wrongly too often.", "two_step_expired");
}

Error not_for_your_role() {
  return Error::make(ErrorKind::forbidden, "Two-step sign-in is for administrators and managers",
                     "Your role does not need it.", "forbidden");
}

// A recovery code: ten letters and digits, easy to read aloud and type (no 0/O or 1/l).
std::string new_recovery_code() {
  static constexpr char kAlphabet[] = "abcdefghjkmnpqrstuvwxyz23456789";
  std::string out;
  for (int i = 0; i < 10; ++i) out += kAlphabet[randombytes_uniform(sizeof kAlphabet - 1)];
  return out.substr(0, 5) + "-" + out.substr(5);
}

std::string normalise_recovery(const std::string& code) {
  std::string out;
  for (char c : code)
    if (std::isalnum(static_cast<unsigned char>(c)))
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out.size() == 10 ? out.substr(0, 5) + "-" + out.substr(5) : out;
}

}  // namespace

Result<bool> AccessService::two_step_missing(store::Conn& c, const User& user) {
  if (!may_use_two_step(user.role)) return false;
  auto org = TRY(db::get_org(c, user.org_id));
  if (!org || !org->require_two_step) return false;
  auto factor = TRY(db::get_factor(c, user.org_id, user.id));
  return !factor || !factor->confirmed_at;
}

Result<SignedIn> AccessService::verify_two_step(const std::string& ticket, const std::string& code_in,
                                                const std::string& client, const std::string& user_agent,
                                                const std::string& request_id) {
  auto now = clock_.now();
  auto code = code_in;
  code.erase(std::remove_if(code.begin(), code.end(), [](unsigned char ch) { return std::isspace(ch); }), code.end());
  // A wrong code must be counted even though the answer is an error: the count commits first.
  auto outcome = TRY(db_.write([&](store::Conn& c) -> Result<std::pair<std::optional<SignedIn>, Error>> {
    auto ch = TRY(db::find_challenge(c, sha256_hex(ticket)));
    if (!ch || ch->used_at || ch->expires_at <= to_iso(now) || ch->failures >= kMaxTwoStepFailures)
      return std::pair{std::optional<SignedIn>{}, ticket_gone()};
    auto found = TRY(db::get_user(c, ch->org_id, ch->user_id));
    auto factor = TRY(db::get_factor(c, ch->org_id, ch->user_id));
    if (!found || !found->user.active || !factor || !factor->confirmed_at)
      return std::pair{std::optional<SignedIn>{}, ticket_gone()};
    const auto& user = found->user;
    access::Actor actor{user.org_id, user.id, std::string(role_name(user.role)), request_id, client};
    // Each ticket allows five tries, and every wrong code also counts toward the account's sign-in
    // pause, so new tickets (which need the password) cannot buy endless guesses.
    if (auto paused = check_throttle(c, user.email, client, now); !paused)
      return std::pair{std::optional<SignedIn>{}, paused.error()};
    bool ok = false;
    std::string how = "authenticator code";
    if (auto step = totp::check(factor->secret, code, now)) {
      ok = TRY(db::use_counter(c, user.org_id, user.id, *step, std::nullopt)) == 1;
    } else if (code.size() >= 10) {
      ok = TRY(db::use_recovery_code(c, user.org_id, user.id, sha256_hex(normalise_recovery(code)), to_iso(now))) == 1;
      how = "recovery code";
    }
    if (!ok) {
      TRY_VOID(db::count_challenge_failure(c, ch->org_id, ch->id));
      TRY_VOID(db::record_attempt(c, user.email, client, to_iso(now), false));
      auto e = actor.entry("auth.two_step", "user", user.id);
      e.outcome = "failure";
      TRY_VOID(append_audit(c, e, now));
      return std::pair{std::optional<SignedIn>{}, wrong_code()};
    }
    if (TRY(db::use_challenge(c, ch->org_id, ch->id, to_iso(now))) != 1)
      return std::pair{std::optional<SignedIn>{}, ticket_gone()};
    TRY_VOID(db::record_attempt(c, user.email, client, to_iso(now), true));
    auto signed_in = TRY(open_session(c, user, client, user_agent, now));
    auto e = actor.entry("auth.login", "session", signed_in.session.id);
    e.detail = "two-step sign-in with " + how;
    TRY_VOID(append_audit(c, e, now));
    return std::pair{std::optional<SignedIn>{std::move(signed_in)}, Error{}};
  }));
  if (!outcome.first) return fail(std::move(outcome.second));
  return std::move(*outcome.first);
}

Result<TwoStepStatus> AccessService::two_step_status(const Principal& who) {
  return db_.read([&](store::Conn& c) -> Result<TwoStepStatus> {
    TwoStepStatus s;
    auto factor = TRY(db::get_factor(c, who.user.org_id, who.user.id));
    s.enabled = factor && factor->confirmed_at;
    auto org = TRY(db::get_org(c, who.user.org_id));
    s.required = org && org->require_two_step && may_use_two_step(who.user.role);
    s.recovery_codes_left = TRY(db::recovery_codes_left(c, who.user.org_id, who.user.id));
    return s;
  });
}

Result<TwoStepSetup> AccessService::begin_two_step(const Principal& who, const access::Actor& actor) {
  if (!may_use_two_step(who.user.role)) return fail(not_for_your_role());
  auto now = clock_.now();
  TwoStepSetup out;
  out.secret = totp::new_secret();
  out.uri = totp::uri(out.secret, who.user.email, "Trellis");
  TRY_VOID(db_.write([&](store::Conn& c) -> Result<void> {
    auto factor = TRY(db::get_factor(c, who.user.org_id, who.user.id));
    if (factor && factor->confirmed_at)
      return fail(ErrorKind::conflict, "Two-step sign-in is already on", "Turn it off first to move it to another app.",
                  "two_step_on");
    TRY_VOID(db::put_unconfirmed_factor(c, who.user.org_id, who.user.id, out.secret, to_iso(now)));
    return append_audit(c, actor.entry("auth.two_step.begin", "user", who.user.id), now);
  }));
  return out;
}

namespace {
Result<std::vector<std::string>> issue_recovery_codes(store::Conn& c, const std::string& org_id,
                                                      const std::string& user_id) {
  std::vector<std::string> codes, hashes;
  for (std::size_t i = 0; i < kRecoveryCodes; ++i) {
    codes.push_back(new_recovery_code());
    hashes.push_back(sha256_hex(codes.back()));
  }
  TRY_VOID(db::replace_recovery_codes(c, org_id, user_id, hashes));
  return codes;
}
}  // namespace

Result<std::vector<std::string>> AccessService::confirm_two_step(const Principal& who, const std::string& code,
                                                                 const access::Actor& actor) {
  auto now = clock_.now();
  return db_.write([&](store::Conn& c) -> Result<std::vector<std::string>> {
    auto factor = TRY(db::get_factor(c, who.user.org_id, who.user.id));
    if (!factor)
      return fail(ErrorKind::conflict, "Start setting it up first", "Choose \"Set up\" again.", "two_step_not_started");
    if (factor->confirmed_at) return fail(ErrorKind::conflict, "Two-step sign-in is already on", "", "two_step_on");
    auto step = totp::check(factor->secret, code, now);
    if (!step || TRY(db::use_counter(c, who.user.org_id, who.user.id, *step, to_iso(now))) != 1)
      return fail(wrong_code());
    auto codes = TRY(issue_recovery_codes(c, who.user.org_id, who.user.id));
    TRY_VOID(db::clear_two_step_setup(c, who.user.org_id, who.user.id));
    TRY_VOID(append_audit(c, actor.entry("auth.two_step.on", "user", who.user.id), now));
    return codes;
  });
}

Result<std::vector<std::string>> AccessService::new_recovery_codes(const Principal& who, const access::Actor& actor) {
  auto now = clock_.now();
  return db_.write([&](store::Conn& c) -> Result<std::vector<std::string>> {
    auto factor = TRY(db::get_factor(c, who.user.org_id, who.user.id));
    if (!factor || !factor->confirmed_at)
      return fail(ErrorKind::conflict, "Two-step sign-in is not on", "Set it up first.", "two_step_off");
    auto codes = TRY(issue_recovery_codes(c, who.user.org_id, who.user.id));
    TRY_VOID(append_audit(c, actor.entry("auth.two_step.recovery_codes", "user", who.user.id), now));
    return codes;
  });
}

Result<void> AccessService::turn_off_two_step(const Principal& who, const access::Actor& actor) {
  auto now = clock_.now();
  return db_.write([&](store::Conn& c) -> Result<void> {
    auto org = TRY(db::get_org(c, who.user.org_id));
    if (org && org->require_two_step && may_use_two_step(who.user.role))
      return fail(ErrorKind::conflict, "Your organisation requires two-step sign-in",
                  "It stays on. If you lose your phone, sign in with one of your recovery codes and set it up again.",
                  "two_step_required");
    TRY_VOID(db::delete_two_step(c, who.user.org_id, who.user.id));
    return append_audit(c, actor.entry("auth.two_step.off", "user", who.user.id), now);
  });
}

Result<Org> AccessService::require_two_step(const access::Actor& actor, bool required) {
  auto now = clock_.now();
  return db_.write([&](store::Conn& c) -> Result<Org> {
    TRY_VOID(db::set_require_two_step(c, actor.org_id, required));
    auto e = actor.entry("org.two_step", "org", actor.org_id);
    e.detail = required ? "required of administrators and managers" : "optional";
    TRY_VOID(append_audit(c, e, now));
    auto org = TRY(db::get_org(c, actor.org_id));
    return *org;
  });
}

}  // namespace trellis::access
