// HTTP routes of the people area: each part registers its own.
#pragma once

namespace trellis::api {
class Routes;
}
namespace trellis::access {
class AccessService;
}

namespace trellis::people {
struct People;
void add_routes(api::Routes& routes, People& area, access::AccessService& access);
}  // namespace trellis::people
