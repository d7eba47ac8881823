#include "api/routes.hpp"

namespace trellis::api {

void Routes::add(std::string method, std::string pattern, access::Rule rule, RouteDoc doc, Handler handler) {
  paths_.add(method, pattern);
  auto segments = http::split_path(pattern);
  routes_.push_back(
      {std::move(method), std::move(pattern), std::move(segments), rule, std::move(doc), std::move(handler)});
}

RouteMatch Routes::match(const std::string& method, const std::string& path) const {
  auto m = paths_.match(method, path);
  RouteMatch out;
  if (m.index) out.route = &routes_[*m.index];
  out.params = std::move(m.params);
  out.allowed_methods = std::move(m.allowed_methods);
  return out;
}

}  // namespace trellis::api
