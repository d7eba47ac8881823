// HTTP routes of the people area.
#pragma once

namespace trellis::api { class Routes; }
namespace trellis::access { class AccessService; }

namespace trellis::people {
class PeopleService;
void add_routes(api::Routes& routes, PeopleService& people, access::AccessService& access);
}  // namespace trellis::people
