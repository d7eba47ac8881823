// The demo organisation's people: about 40 people with varied plans, goals and steps, a year
// of monthly check-ins, supporters and consent. Deterministic, so every demo looks the same.
#pragma once
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "store/db.hpp"

namespace trellis::demo {

struct DemoStaff {
  std::string practitioner_id, peer_worker_id, person_user_id, supporter_user_id, partner_user_id;
  std::vector<std::string> team_ids;  // in kTeams order
};

Result<void> load_demo_people(store::Conn& c, const std::string& org_id, const DemoStaff& staff, TimePoint now);

}  // namespace trellis::demo
