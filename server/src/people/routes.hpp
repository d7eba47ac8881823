// HTTP routes of the people area.
#pragma once

namespace trellis::http { class Router; }

namespace trellis::people {
void add_routes(http::Router& router);
}
