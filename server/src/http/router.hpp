// Routes: method, path pattern (":name" segments), the access rule it needs and a handler.
// A route cannot be added without a rule, so nothing is reachable by accident.
#pragma once
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "access/policy.hpp"
#include "http/request.hpp"

namespace trellis::http {

struct Ctx;
using Handler = std::function<Response(Ctx&)>;

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

class Router {
 public:
  void add(std::string method, std::string pattern, access::Rule rule, RouteDoc doc, Handler handler);
  RouteMatch match(const std::string& method, const std::string& path) const;
  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
};

std::vector<std::string> split_path(const std::string& path);

}  // namespace trellis::http
