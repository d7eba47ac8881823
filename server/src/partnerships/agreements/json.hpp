// A partner agency and its agreement as the API shows it; referrals and the inbox show it too.
#pragma once
#include "core/json_writer.hpp"
#include "partnerships/agreements/model.hpp"

namespace trellis::partnerships {
void write_json(JsonWriter& w, const Partner& p);
}  // namespace trellis::partnerships
