// HTTP routes of the partnerships area: each part registers its own.
#pragma once

namespace trellis::api {
class Routes;
}
namespace trellis::access {
class AccessService;
}

namespace trellis::partnerships {
struct Partnerships;
void add_routes(api::Routes& routes, Partnerships& area, access::AccessService& access);
}  // namespace trellis::partnerships
