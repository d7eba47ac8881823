// HTTP routes of the recovery area.
#pragma once

namespace trellis::http { class Router; }

namespace trellis::recovery {
void add_routes(http::Router& router);
}
