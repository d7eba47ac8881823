// Who may do what: every route names a Rule, and every request passes through allows().
// Deny by default: a permission no role is given here is refused to everyone.
#pragma once
#include <string_view>

#include "access/model.hpp"

namespace trellis::access {

enum class Permission {
  view_teams,     // see the organisation's sites and teams
  manage_teams,   // create and change sites and teams
  view_users,     // see workers and their roles
  manage_users,   // create users, change roles, deactivate, reset passwords
  view_audit,     // browse and export the audit log
};

inline constexpr Permission kAllPermissions[] = {Permission::view_teams, Permission::manage_teams, Permission::view_users,
                                                 Permission::manage_users, Permission::view_audit};

std::string_view permission_name(Permission p);
bool role_has(Role role, Permission p);

struct Rule {
  enum class Kind { anyone, signed_in, permission } kind = Kind::signed_in;
  Permission permission = Permission::view_audit;
  bool reauth = false;  // the user must have confirmed their password in the last few minutes

  static Rule anyone() { return {Kind::anyone}; }
  static Rule signed_in() { return {Kind::signed_in}; }
  static Rule need(Permission p) { return {Kind::permission, p}; }
  Rule with_reauth() const {
    Rule r = *this;
    r.reauth = true;
    return r;
  }
};

enum class Decision { allow, unauthenticated, forbidden, reauth_required };

Decision decide(const Rule& rule, const Principal* who, TimePoint now);
std::string describe(const Rule& rule);

}  // namespace trellis::access
