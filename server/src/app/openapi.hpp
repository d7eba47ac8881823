// The OpenAPI 3.1 document, generated from the routes themselves so it can never miss one.
#pragma once
#include <nlohmann/json_fwd.hpp>

namespace trellis::api { class Routes; }

namespace trellis::app {
nlohmann::json openapi_document(const api::Routes& routes);
}  // namespace trellis::app
