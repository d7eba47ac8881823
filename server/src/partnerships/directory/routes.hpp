// HTTP routes of the service directory.
#pragma once

namespace trellis::api {
class Routes;
}

namespace trellis::partnerships {
class DirectoryService;
void add_directory_routes(api::Routes& routes, DirectoryService& svc);
}  // namespace trellis::partnerships
