// HTTP routes of the access area: sign-in, sessions, teams, users and the audit log.
#pragma once
#include "core/config.hpp"

namespace trellis::api { class Routes; }

namespace trellis::access {
class AccessService;
void add_routes(api::Routes& routes, AccessService& access, const Config& config);
}  // namespace trellis::access
