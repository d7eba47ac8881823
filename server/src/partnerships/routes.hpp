// HTTP routes of the partnerships area.
#pragma once

namespace trellis::http { class Router; }

namespace trellis::partnerships {
void add_routes(http::Router& router);
}
