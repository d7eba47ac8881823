#include "access/model.hpp"

namespace trellis::access {

std::string_view role_name(Role r) { return kRoleNames[static_cast<int>(r)]; }

std::optional<Role> parse_role(std::string_view s) {
  for (int i = 0; i < static_cast<int>(std::size(kRoleNames)); ++i)
    if (kRoleNames[i] == s) return static_cast<Role>(i);
  return std::nullopt;
}

bool is_staff(Role r) {
  switch (r) {
    case Role::partner:
    case Role::person:
    case Role::supporter:
      return false;
    default:
      return true;
  }
}

std::string Invitation::state(const std::string& now) const {
  if (accepted_at) return "accepted";
  if (revoked_at) return "withdrawn";
  if (expires_at <= now) return "expired";
  return "waiting";
}

}  // namespace trellis::access
