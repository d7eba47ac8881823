// HTTP routes of referrals: the care team's side and the partner agency's inbox.
#pragma once

namespace trellis::api {
class Routes;
}

namespace trellis::partnerships {
class ReferralsService;
void add_referrals_routes(api::Routes& routes, ReferralsService& svc);
}  // namespace trellis::partnerships
