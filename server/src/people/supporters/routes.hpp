// HTTP routes of a person's supporters.
#pragma once

namespace trellis::api {
class Routes;
}
namespace trellis::access {
class AccessService;
}

namespace trellis::people {
class SupportersService;
void add_supporters_routes(api::Routes& routes, SupportersService& svc);
}  // namespace trellis::people
