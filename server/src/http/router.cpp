#include "http/router.hpp"

#include <stdexcept>

namespace trellis::http {

std::vector<std::string> split_path(const std::string& path) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < path.size()) {
    if (path[i] == '/') {
      ++i;
      continue;
    }
    auto j = path.find('/', i);
    if (j == std::string::npos) j = path.size();
    out.push_back(path.substr(i, j - i));
    i = j;
  }
  return out;
}

void Router::add(std::string method, std::string pattern, access::Rule rule, RouteDoc doc, Handler handler) {
  for (const auto& r : routes_)
    if (r.method == method && r.pattern == pattern)
      throw std::logic_error("route registered twice: " + method + " " + pattern);
  Route r{std::move(method), pattern, split_path(pattern), rule, std::move(doc), std::move(handler)};
  routes_.push_back(std::move(r));
}

RouteMatch Router::match(const std::string& method, const std::string& path) const {
  auto segs = split_path(path);
  RouteMatch out;
  for (const auto& r : routes_) {
    if (r.segments.size() != segs.size()) continue;
    std::map<std::string, std::string> params;
    bool ok = true;
    for (std::size_t i = 0; i < segs.size() && ok; ++i) {
      if (!r.segments[i].empty() && r.segments[i][0] == ':') params[r.segments[i].substr(1)] = segs[i];
      else ok = r.segments[i] == segs[i];
    }
    if (!ok) continue;
    if (r.method == method || (method == "HEAD" && r.method == "GET")) {
      out.route = &r;
      out.params = std::move(params);
      out.allowed_methods.clear();
      return out;
    }
    out.allowed_methods.push_back(r.method);
  }
  return out;
}

}  // namespace trellis::http
