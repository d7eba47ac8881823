// Who people are to Trellis: roles, users, teams, sites, sessions and audit events. Plain data.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"

namespace trellis::access {

enum class Role {
  administrator,
  manager,
  team_leader,
  practitioner,
  peer_worker,
  student,
  partner,    // a partner agency's user
  person,     // someone the service supports, using the portal
  supporter,  // a supporter the person named
};

inline constexpr std::string_view kRoleNames[] = {"administrator", "manager",     "team_leader",
                                                  "practitioner",  "peer_worker", "student",
                                                  "partner",       "person",      "supporter"};

std::string_view role_name(Role r);
std::optional<Role> parse_role(std::string_view s);
bool is_staff(Role r);

struct User {
  std::string org_id;
  std::string id;
  std::string email;
  std::string display_name;
  Role role = Role::practitioner;
  bool active = true;
  std::string created_at;
  std::string updated_at;
  std::int64_t version = 1;
  std::vector<std::string> team_ids;
  std::optional<std::string> person_id;     // role person: whose record is theirs
  std::optional<std::string> supporter_id;  // role supporter: which supporter they are
  std::optional<std::string> partner_id;    // role partner: which partner agency they work for
};

struct Org {
  std::string id, name, time_zone;
  bool require_two_step = false;  // administrators and managers must use two-step sign-in
};

struct Site {
  std::string org_id, id, name, address;
  std::int64_t version = 1;
};

struct Team {
  std::string org_id, id, name, description;
  std::optional<std::string> site_id;
  bool active = true;
  std::string created_at, updated_at;
  std::int64_t version = 1;
  std::int64_t member_count = 0;
};

struct Session {
  std::string org_id, id, user_id, csrf_token;
  std::string created_at, last_seen_at, expires_at;
  std::optional<std::string> reauth_at;
  std::string user_agent, client_address;
  // The organisation requires two-step sign-in of this user, who has not set it up yet: the
  // session can set it up and nothing else.
  bool two_step_setup_required = false;
};

// The signed-in user as every request sees them.
struct Principal {
  User user;
  Session session;
};

struct AuditEvent {
  std::string org_id;
  std::int64_t seq = 0;
  std::string id, at;
  std::optional<std::string> actor_id, actor_role;
  std::string action;       // e.g. "user.create", "auth.login", "audit.read"
  std::string entity_type;  // e.g. "user", "team", "person"
  std::string entity_id;
  std::optional<std::string> person_id;  // whose information it touched, when it did
  std::string outcome;                   // "success", "denied", "failure"
  std::string request_id, client_address, detail;
  std::string prev_hash, hash;
  std::optional<std::string> actor_name;  // joined for reading; not part of the chain
};

}  // namespace trellis::access

namespace trellis::access {

// A single-use, time-limited link that lets a person or supporter choose their own password.
struct Invitation {
  std::string org_id, id, person_id;
  std::optional<std::string> supporter_id;  // none: the person's own sign-in
  std::string display_name, created_by, created_at, expires_at;
  std::optional<std::string> accepted_at, user_id, revoked_at, revoked_by;
  std::string created_by_name;  // joined for reading

  // "waiting", "accepted", "withdrawn" or "expired", at `now` (ISO text).
  std::string state(const std::string& now) const;
};

}  // namespace trellis::access
