// HTTP routes of the access area: sign-in, sessions, teams, users and the audit log.
#pragma once

namespace trellis::http { class Router; }

namespace trellis::access {
void add_routes(http::Router& router);
}
