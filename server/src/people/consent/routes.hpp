// HTTP routes of consent, and a supporter's view of what is shared with them.
#pragma once

namespace trellis::api {
class Routes;
}
namespace trellis::access {
class AccessService;
}

namespace trellis::people {
class ConsentService;
void add_consent_routes(api::Routes& routes, ConsentService& svc);
}  // namespace trellis::people
