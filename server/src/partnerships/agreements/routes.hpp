// HTTP routes of partner agencies, their agreements, documents and sign-ins.
#pragma once

namespace trellis::api {
class Routes;
}
namespace trellis::access {
class AccessService;
}

namespace trellis::partnerships {
class AgreementsService;
void add_agreements_routes(api::Routes& routes, AgreementsService& svc, access::AccessService& access);
}  // namespace trellis::partnerships
