// HTTP routes of the recovery area.
#pragma once

namespace trellis::api {
class Routes;
}

namespace trellis::recovery {
class RecoveryService;
void add_routes(api::Routes& routes, RecoveryService& recovery);
}  // namespace trellis::recovery
