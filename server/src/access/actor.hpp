// Who is acting, for which organisation, from where and in which request: what every service
// is told about the caller. Routes build one from the session; the CLI and tests build their own.
#pragma once
#include <optional>
#include <string>

#include "access/audit.hpp"

namespace trellis::access {

struct Actor {
  std::string org_id;
  std::optional<std::string> user_id, role;
  std::string request_id, client_address;

  // The command line, demo data and start-up act for an organisation with no signed-in user.
  static Actor system(std::string org_id, std::string request_id, std::string client_address);

  AuditEntry entry(std::string action, std::string entity_type, std::string entity_id) const;
  // The same, for a change to a person's record: the audit log names whose record it was.
  AuditEntry about_person(std::string action, std::string entity_type, std::string entity_id,
                          const std::string& person_id) const;
};

}  // namespace trellis::access
