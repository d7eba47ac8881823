// Health, readiness and the OpenAPI document.
#pragma once
#include <nlohmann/json_fwd.hpp>

namespace trellis::http {
class Router;
void add_system_routes(Router& router);
// OpenAPI 3.1, generated from the router itself so it can never miss a route.
nlohmann::json openapi_document(const Router& router);
}  // namespace trellis::http
