// Every area of the product, registered in one place: adding an area is one line in areas.cpp.
#pragma once

namespace trellis::api {
class Routes;
}

namespace trellis::app {
struct Runtime;
void add_area_routes(api::Routes& routes, Runtime& runtime);
}  // namespace trellis::app
