// How the people area's records look in the API and in record history.
#pragma once
#include <nlohmann/json.hpp>

#include "people/model.hpp"

namespace trellis::people {

nlohmann::json to_json(const Person& p);
nlohmann::json to_json(const Supporter& s);
nlohmann::json to_json(const Consent& k, const std::string& today);
nlohmann::json to_json(const CareTeamMember& m);
nlohmann::json to_json(const BreakGlass& b);

}  // namespace trellis::people
