// HTTP routes of the partnerships area.
#pragma once

namespace trellis::api { class Routes; }
namespace trellis::access { class AccessService; }

namespace trellis::partnerships {
class PartnershipsService;
void add_routes(api::Routes& routes, PartnershipsService& partnerships, access::AccessService& access);
}  // namespace trellis::partnerships
