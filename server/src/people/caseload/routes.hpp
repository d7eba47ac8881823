// HTTP routes of the caseload and finding a person by name.
#pragma once

namespace trellis::api {
class Routes;
}
namespace trellis::access {
class AccessService;
}

namespace trellis::people {
class CaseloadService;
void add_caseload_routes(api::Routes& routes, CaseloadService& svc);
}  // namespace trellis::people
