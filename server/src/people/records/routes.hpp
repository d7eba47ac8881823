// HTTP routes of a person's details, care team and sign-in invitations.
#pragma once

namespace trellis::api {
class Routes;
}
namespace trellis::access {
class AccessService;
}

namespace trellis::people {
class RecordsService;
void add_records_routes(api::Routes& routes, RecordsService& svc, access::AccessService& access);
}  // namespace trellis::people
