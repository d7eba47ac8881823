#include "access/actor.hpp"

namespace trellis::access {

Actor Actor::system(std::string org_id, std::string request_id, std::string client_address) {
  return Actor{std::move(org_id), std::nullopt, std::nullopt, std::move(request_id), std::move(client_address)};
}

AuditEntry Actor::entry(std::string action, std::string entity_type, std::string entity_id) const {
  AuditEntry e;
  e.org_id = org_id;
  e.actor_id = user_id;
  e.actor_role = role;
  e.action = std::move(action);
  e.entity_type = std::move(entity_type);
  e.entity_id = std::move(entity_id);
  e.request_id = request_id;
  e.client_address = client_address;
  return e;
}

AuditEntry Actor::about_person(std::string action, std::string entity_type, std::string entity_id,
                               const std::string& person_id) const {
  auto e = entry(std::move(action), std::move(entity_type), std::move(entity_id));
  e.person_id = person_id;
  return e;
}

}  // namespace trellis::access
