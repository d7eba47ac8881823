#include "access/policy.hpp"

#include <chrono>

namespace trellis::access {

std::string_view permission_name(Permission p) {
  switch (p) {
    case Permission::view_teams: return "view_teams";
    case Permission::manage_teams: return "manage_teams";
    case Permission::view_users: return "view_users";
    case Permission::manage_users: return "manage_users";
    case Permission::view_audit: return "view_audit";
  }
  return "unknown";
}

bool role_has(Role role, Permission p) {
  switch (p) {
    case Permission::view_teams:
      return role == Role::administrator || role == Role::manager || role == Role::team_leader;
    case Permission::view_users:
      return role == Role::administrator || role == Role::manager || role == Role::team_leader;
    case Permission::manage_teams:
    case Permission::manage_users:
    case Permission::view_audit:
      return role == Role::administrator;
  }
  return false;
}

// How long a password confirmation lets a user make sensitive changes.
constexpr auto kReauthWindow = std::chrono::minutes(10);

Decision decide(const Rule& rule, const Principal* who, TimePoint now) {
  if (rule.kind == Rule::Kind::anyone) return Decision::allow;
  if (!who) return Decision::unauthenticated;
  if (rule.kind == Rule::Kind::permission && !role_has(who->user.role, rule.permission))
    return Decision::forbidden;
  if (rule.reauth) {
    TimePoint at;
    if (!who->session.reauth_at || !parse_iso(*who->session.reauth_at, at) || now - at > kReauthWindow)
      return Decision::reauth_required;
  }
  return Decision::allow;
}

std::string describe(const Rule& rule) {
  std::string s;
  switch (rule.kind) {
    case Rule::Kind::anyone: s = "anyone"; break;
    case Rule::Kind::signed_in: s = "signed in"; break;
    case Rule::Kind::permission: s = "permission " + std::string(permission_name(rule.permission)); break;
  }
  if (rule.reauth) s += ", password confirmed in the last 10 minutes";
  return s;
}

}  // namespace trellis::access
