// Plain path routing: a method and a pattern with ":name" segments, matched against a path.
// It knows nothing of who may call a route or what it does; api::Routes adds that.
#pragma once
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace trellis::http {

struct PathMatch {
  std::optional<std::size_t> index;  // of the matching pattern, in the order they were added
  std::map<std::string, std::string> params;
  std::vector<std::string> allowed_methods;  // when the path matched but the method did not
};

class PathTable {
 public:
  // Throws std::logic_error when the same method and pattern are added twice: a programming error.
  std::size_t add(const std::string& method, const std::string& pattern);
  PathMatch match(const std::string& method, const std::string& path) const;

 private:
  struct Entry {
    std::string method;
    std::vector<std::string> segments;
    std::string pattern;
  };
  std::vector<Entry> entries_;
};

std::vector<std::string> split_path(const std::string& path);

}  // namespace trellis::http
