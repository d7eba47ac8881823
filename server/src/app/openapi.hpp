// The OpenAPI 3.1 document, generated from the routes themselves so it can never miss one.
#pragma once
#include <string>

#include <nlohmann/json_fwd.hpp>

namespace trellis::api {
class Routes;
}

namespace trellis::app {
// The session cookie is named as this server names it (__Host- in production).
nlohmann::json openapi_document(const api::Routes& routes, const std::string& session_cookie_name);
}  // namespace trellis::app
