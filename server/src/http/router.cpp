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

std::size_t PathTable::add(const std::string& method, const std::string& pattern) {
  for (const auto& e : entries_)
    if (e.method == method && e.pattern == pattern)
      throw std::logic_error("route registered twice: " + method + " " + pattern);
  entries_.push_back({method, split_path(pattern), pattern});
  return entries_.size() - 1;
}

// The most specific pattern wins: at the first segment where two matching patterns differ, a
// literal beats a ":name", so "/reviews/dimensions" never depends on the order routes were added.
PathMatch PathTable::match(const std::string& method, const std::string& path) const {
  auto segs = split_path(path);
  PathMatch out;
  const Entry* best = nullptr;
  auto more_specific = [](const Entry& a, const Entry& b) {
    for (std::size_t i = 0; i < a.segments.size(); ++i) {
      bool a_param = !a.segments[i].empty() && a.segments[i][0] == ':';
      bool b_param = !b.segments[i].empty() && b.segments[i][0] == ':';
      if (a_param != b_param) return !a_param;
    }
    return false;
  };
  for (std::size_t k = 0; k < entries_.size(); ++k) {
    const auto& e = entries_[k];
    if (e.segments.size() != segs.size()) continue;
    std::map<std::string, std::string> params;
    bool ok = true;
    for (std::size_t i = 0; i < segs.size() && ok; ++i) {
      if (!e.segments[i].empty() && e.segments[i][0] == ':')
        params[e.segments[i].substr(1)] = segs[i];
      else
        ok = e.segments[i] == segs[i];
    }
    if (!ok) continue;
    if (e.method == method || (method == "HEAD" && e.method == "GET")) {
      if (!best || more_specific(e, *best)) {
        best = &e;
        out.index = k;
        out.params = std::move(params);
      }
      continue;
    }
    out.allowed_methods.push_back(e.method);
  }
  if (best) out.allowed_methods.clear();
  return out;
}

}  // namespace trellis::http
