#include "app/system_routes.hpp"

#include "api/ctx.hpp"
#include "api/routes.hpp"
#include "app/openapi.hpp"
#include "app/runtime.hpp"

namespace trellis::app {

void add_system_routes(api::Routes& router, Runtime& rt) {
  router.add("GET", "/healthz", access::Rule::anyone(),
             {.summary = "The process is up", .tag = "system", .response = "Health"},
             [](api::Ctx&) { return http::Response::object(200, [](JsonWriter& w) { w.field("status", "ok"); }); });
  router.add(
      "GET", "/readyz", access::Rule::anyone(),
      {.summary = "The database answers and the server takes requests", .tag = "system", .response = "Readiness"},
      [&rt](api::Ctx& ctx) {
        if (rt.draining)
          return ctx.problem(Error::make(ErrorKind::unavailable, "The server is shutting down",
                                         "Send requests to another server.", "draining"));
        auto ping = rt.db.ping();
        if (!ping) return ctx.problem(ping.error());
        return http::Response::object(200, [](JsonWriter& w) { w.field("status", "ready"); });
      });
  const api::Routes* self = &router;
  router.add("GET", "/api/v1/openapi.json", access::Rule::anyone(),
             {.summary = "This API described in OpenAPI 3.1", .tag = "system", .response = "OpenApiDocument"},
             [self, &rt](api::Ctx&) {
               JsonWriter w;
               w.json_value(openapi_document(*self, rt.config.session_cookie_name()));
               auto r = http::Response::json(200, std::move(w));
               r.header("Cache-Control", "no-cache");
               return r;
             });
}

}  // namespace trellis::app
