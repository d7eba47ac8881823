// HTTP routes of break-the-glass access and its review.
#pragma once

namespace trellis::api {
class Routes;
}
namespace trellis::access {
class AccessService;
}

namespace trellis::people {
class BreakGlassService;
void add_break_glass_routes(api::Routes& routes, BreakGlassService& svc);
}  // namespace trellis::people
