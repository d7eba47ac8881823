// HTTP routes of shared care plans and case conferences.
#pragma once

namespace trellis::api {
class Routes;
}

namespace trellis::partnerships {
class SharedCareService;
void add_shared_care_routes(api::Routes& routes, SharedCareService& svc);
}  // namespace trellis::partnerships
