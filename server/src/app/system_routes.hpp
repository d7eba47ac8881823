// Health, readiness and the OpenAPI document: the routes that belong to no area.
#pragma once

namespace trellis::api {
class Routes;
}

namespace trellis::app {
struct Runtime;
void add_system_routes(api::Routes& routes, Runtime& runtime);
}  // namespace trellis::app
