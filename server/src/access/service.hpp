// The access area's rules: signing in and out, sessions, re-authentication, passwords, and the
// administration of sites, teams and users. Every change is audited in its own transaction.
#pragma once
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "access/actor.hpp"
#include "access/audit.hpp"
#include "access/model.hpp"
#include "core/clock.hpp"
#include "core/config.hpp"
#include "core/pagination.hpp"
#include "store/db.hpp"

namespace trellis::access {

inline constexpr auto kIdleTimeout = std::chrono::minutes(30);
inline constexpr auto kAbsoluteTimeout = std::chrono::hours(12);
inline constexpr auto kThrottleWindow = std::chrono::minutes(15);
inline constexpr std::size_t kMaxFailuresPerAccount = 10;
inline constexpr std::size_t kMaxFailuresPerClient = 50;
inline constexpr std::size_t kMaxAuditExport = 100'000;

struct SignedIn {
  User user;
  Session session;
  std::string token;  // goes to the cookie only; we keep its hash
  // The password was right and the account uses two-step sign-in: no session yet, only this
  // ticket, exchanged with a code at verify_two_step.
  std::optional<std::string> two_step_ticket;
};

inline constexpr auto kTwoStepTicketLifetime = std::chrono::minutes(5);
inline constexpr std::int64_t kMaxTwoStepFailures = 5;
inline constexpr std::size_t kRecoveryCodes = 10;

struct TwoStepStatus {
  bool enabled = false;   // confirmed, and asked for at every sign-in
  bool required = false;  // the organisation requires it of this user's role
  std::int64_t recovery_codes_left = 0;
};
struct TwoStepSetup {
  std::string secret, uri;
};

// How long an invitation link can be used: long enough to reach someone who is not well this week.
inline constexpr auto kInvitationLifetime = std::chrono::days(7);

struct IssuedInvitation {
  Invitation invitation;
  std::string token;  // shown once, to the worker who hands it over; only its hash is kept
};

struct NewUser {
  std::string email, display_name;
  Role role = Role::practitioner;
  std::string password;
  std::vector<std::string> team_ids;
  std::optional<std::string> person_id, supporter_id;  // portal accounts, set by the people area
  std::optional<std::string> partner_id;               // a partner agency's user
};

struct UserChanges {
  std::optional<std::string> display_name;
  std::optional<Role> role;
  std::optional<bool> active;
  std::optional<std::vector<std::string>> team_ids;
};

struct TeamInput {
  std::optional<std::string> name, description, site_id;
  std::optional<bool> active;
};

struct UserPage {
  std::vector<User> items;
  std::optional<std::string> next_cursor;
};

struct UserQuery {
  std::optional<std::string> text, role, team_id;
  std::optional<bool> active;
};

class AuditBatcher;

class AccessService {
 public:
  // The audit writer: reading the log first moves in every event handed to it (decision 0031).
  AccessService(store::Db& db, const Clock& clock, const Config& config, AuditBatcher& audit_writer)
      : db_(db), clock_(clock), config_(config), audit_writer_(audit_writer) {}

  // Sign-in and sessions
  Result<SignedIn> login(const std::string& email, const std::string& password, const std::string& client,
                         const std::string& user_agent, const std::string& request_id);
  // The principal behind a session token, or 401; refreshes the idle timer.
  Result<Principal> authenticate(const std::string& token);
  Result<void> logout(const Principal& who, const access::Actor& actor);
  Result<std::vector<Session>> sessions_of(const Principal& who);
  Result<void> end_session(const Principal& who, const std::string& session_id, const access::Actor& actor);
  Result<std::int64_t> end_other_sessions(const Principal& who, const access::Actor& actor);
  Result<void> reauthenticate(const Principal& who, const std::string& password, const access::Actor& actor);
  Result<SignedIn> change_password(const Principal& who, const std::string& current, const std::string& next,
                                   const access::Actor& actor);

  // Two-step sign-in (TOTP, with recovery codes)
  Result<SignedIn> verify_two_step(const std::string& ticket, const std::string& code, const std::string& client,
                                   const std::string& user_agent, const std::string& request_id);
  Result<TwoStepStatus> two_step_status(const Principal& who);
  Result<TwoStepSetup> begin_two_step(const Principal& who, const access::Actor& actor);
  // The first code from the app confirms it; the answer is the recovery codes, shown once.
  Result<std::vector<std::string>> confirm_two_step(const Principal& who, const std::string& code,
                                                    const access::Actor& actor);
  Result<std::vector<std::string>> new_recovery_codes(const Principal& who, const access::Actor& actor);
  Result<void> turn_off_two_step(const Principal& who, const access::Actor& actor);
  Result<Org> require_two_step(const access::Actor& actor, bool required);

  // The organisation itself
  Result<Org> org(const std::string& org_id);
  // Every organisation's id, in order: for the command line, which acts for one of them.
  Result<std::vector<std::string>> organisation_ids();
  // A new organisation and its first administrator (the command line's create-admin).
  Result<Org> create_organisation(const std::string& name, const std::string& admin_email,
                                  const std::string& admin_name, const std::string& password);

  // Sites and teams
  Result<std::vector<Site>> sites(const std::string& org_id);
  Result<Site> create_site(const access::Actor& actor, const std::string& name, const std::string& address);
  Result<std::vector<Team>> teams(const std::string& org_id);
  Result<Team> team(const std::string& org_id, const std::string& id);
  Result<Team> create_team(const access::Actor& actor, const TeamInput& in);
  Result<Team> update_team(const access::Actor& actor, const std::string& id, std::int64_t version,
                           const TeamInput& in);

  // Users
  Result<UserPage> users(const std::string& org_id, const UserQuery& q, const PageRequest& page);
  Result<User> user(const std::string& org_id, const std::string& id);
  Result<User> create_user(const access::Actor& actor, const NewUser& in);
  Result<User> update_user(const access::Actor& actor, const std::string& id, std::int64_t version,
                           const UserChanges& ch);
  Result<void> reset_password(const access::Actor& actor, const std::string& id, const std::string& password);

  // Invitations: the only way a person or supporter gets a sign-in. The people area checks who
  // they are and whether the worker may invite them; these keep the link single-use and timed.
  Result<IssuedInvitation> issue_invitation(const access::Actor& actor, const std::string& person_id,
                                            const std::optional<std::string>& supporter_id,
                                            const std::string& display_name);
  Result<std::vector<Invitation>> invitations(const std::string& org_id, const std::string& person_id);
  Result<Invitation> revoke_invitation(const access::Actor& actor, const std::string& person_id,
                                       const std::string& invitation_id);
  // What the link's holder may know before accepting: the name and organisation it is for.
  Result<std::pair<Invitation, Org>> inspect_invitation(const std::string& token);
  // Makes the account with the password its holder chose, and signs them in.
  Result<SignedIn> accept_invitation(const std::string& token, const std::string& email, const std::string& password,
                                     const std::string& client, const std::string& user_agent,
                                     const std::string& request_id);

  // Audit
  Result<AuditPage> audit_events(const access::Actor& actor, const AuditFilter& f, const PageRequest& page);
  // Every matching event, newest first, up to kMaxAuditExport; the export itself is audited.
  Result<std::vector<AuditEvent>> export_audit(const access::Actor& actor, const AuditFilter& f);

 private:
  Result<void> check_throttle(store::Conn& c, const std::string& email, const std::string& client, TimePoint now);
  Result<SignedIn> open_session(store::Conn& c, const User& user, const std::string& client,
                                const std::string& user_agent, TimePoint now);
  Result<bool> two_step_missing(store::Conn& c, const User& user);

  store::Db& db_;
  const Clock& clock_;
  const Config& config_;
  AuditBatcher& audit_writer_;
};

}  // namespace trellis::access
