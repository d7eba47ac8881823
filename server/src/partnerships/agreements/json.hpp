// A partner agency and its agreement as the API shows it; referrals and the inbox show it too.
#pragma once
#include <nlohmann/json.hpp>

#include "partnerships/agreements/model.hpp"

namespace trellis::partnerships {
nlohmann::json to_json(const Partner& p);
}  // namespace trellis::partnerships
