// HTTP routes of the access area: sign-in, two-step, invitations and the signed-in user's own
// account (routes.cpp); sites, teams, users and the audit log (organisation_routes.cpp).
#pragma once
#include "core/config.hpp"

namespace trellis::api {
class Routes;
}

namespace trellis::access {
class AccessService;
void add_routes(api::Routes& routes, AccessService& access, const Config& config);
void add_organisation_routes(api::Routes& routes, AccessService& access);
}  // namespace trellis::access
