// The API's routes: method, path, the access rule each needs, what it is for, and its handler.
// Every area registers its own; a route cannot be added without a rule, so nothing is
// reachable by accident.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "access/policy.hpp"
#include "http/request.hpp"
#include "http/router.hpp"

namespace trellis::api {

struct Ctx;
using Handler = std::function<http::Response(Ctx&)>;

// A query parameter a route reads, with the schema (a name in server/schemas) its value meets.
struct QueryParam {
  std::string name;
  std::string schema;
  std::string description = {};
};

// How a route takes part in optimistic concurrency (docs/api.md).
enum class Versioning {
  none,
  etag,                 // a read: the answer carries an ETag of the record's version
  if_match,             // a change: If-Match with the version read is required (428 without)
  if_match_once_saved,  // a change to a record that may not exist yet: If-Match once it does
};

// What a route is for and its contract: the schemas (names defined in server/schemas/) of the
// body it takes and the body it answers with, validated by the pipeline and emitted into the
// OpenAPI document. An empty `request` takes no body; an empty `response` answers without one.
struct RouteDoc {
  std::string summary;
  std::string tag;
  std::string request = {};
  std::string response = {};
  int status = 200;  // the success status: 200, 201, 202 or 204
  std::vector<QueryParam> query = {};
  Versioning versioning = Versioning::none;
  std::string media = {};  // the success media type when it is not JSON (a CSV, a document)
};

struct Route {
  std::string method;
  std::string pattern;
  std::vector<std::string> segments;
  access::Rule rule;
  RouteDoc doc;
  Handler handler;
};

struct RouteMatch {
  const Route* route = nullptr;
  std::map<std::string, std::string> params;
  std::vector<std::string> allowed_methods;  // when the path matched but the method did not
};

class Routes {
 public:
  void add(std::string method, std::string pattern, access::Rule rule, RouteDoc doc, Handler handler);
  RouteMatch match(const std::string& method, const std::string& path) const;
  const std::vector<Route>& routes() const { return routes_; }

 private:
  http::PathTable paths_;
  std::vector<Route> routes_;
};

// A handler given the services it uses, so each area's routes name exactly what they need:
//   routes.add(…, api::with(list_goals, recovery));
template <typename... Services>
Handler with(http::Response (*handler)(Ctx&, Services&...), Services&... services) {
  return [handler, &services...](Ctx& ctx) { return handler(ctx, services...); };
}

}  // namespace trellis::api
