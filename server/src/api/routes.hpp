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

struct RouteDoc {
  std::string summary;
  std::string tag;
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
