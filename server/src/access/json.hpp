// Users, teams, sites, sessions and audit events as the API shows them.
#pragma once
#include <string>

#include <nlohmann/json.hpp>

#include "access/model.hpp"

namespace trellis::access {

nlohmann::json to_json(const User& u);
nlohmann::json to_json(const Team& t);
nlohmann::json to_json(const Site& s);
nlohmann::json to_json(const Session& s, const std::string& current_id);
nlohmann::json to_json(const AuditEvent& e);

}  // namespace trellis::access
