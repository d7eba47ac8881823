#include "app/openapi.hpp"

#include <nlohmann/json.hpp>

#include "api/routes.hpp"

namespace trellis::app {

nlohmann::json openapi_document(const api::Routes& router) {
  using nlohmann::json;
  json paths = json::object();
  for (const auto& r : router.routes()) {
    std::string path;
    json params = json::array();
    for (const auto& seg : r.segments) {
      if (!seg.empty() && seg[0] == ':') {
        path += "/{" + seg.substr(1) + "}";
        params.push_back({{"name", seg.substr(1)}, {"in", "path"}, {"required", true}, {"schema", {{"type", "string"}}}});
      } else {
        path += "/" + seg;
      }
    }
    if (path.empty()) path = "/";
    std::string method = r.method;
    for (auto& c : method) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    json op = {{"summary", r.doc.summary},
               {"tags", json::array({r.doc.tag})},
               {"x-trellis-access", access::describe(r.rule)},
               {"responses",
                {{"2XX", {{"description", "Success"}}},
                 {"4XX", {{"description", "A problem the caller can fix",
                           "content", {{"application/problem+json", {{"schema", {{"$ref", "#/components/schemas/Problem"}}}}}}}}}}}};
    if (!params.empty()) op["parameters"] = params;
    if (r.rule.kind != access::Rule::Kind::anyone) op["security"] = json::array({{{"session", json::array()}}});
    paths[path][method] = op;
  }
  return {{"openapi", "3.1.0"},
          {"info", {{"title", "Trellis API"}, {"version", "1"},
                    {"description", "Recovery-oriented mental health services. Unsafe methods need X-CSRF-Token."}}},
          {"paths", paths},
          {"components",
           {{"securitySchemes", {{"session", {{"type", "apiKey"}, {"in", "cookie"}, {"name", "trellis_session"}}}}},
            {"schemas",
             {{"Problem",
               {{"type", "object"},
                {"properties",
                 {{"type", {{"type", "string"}}},
                  {"title", {{"type", "string"}}},
                  {"status", {{"type", "integer"}}},
                  {"detail", {{"type", "string"}}},
                  {"requestId", {{"type", "string"}}},
                  {"errors", {{"type", "array"}, {"items", {{"type", "object"}}}}}}}}}}}}}};
}

}  // namespace trellis::app
