// The one pagination helper: lists take ?limit= and ?cursor=, answer {"items": [...],
// "nextCursor": "..." | null}. A cursor is the opaque sort key of the last item returned.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"

namespace trellis {

struct PageRequest {
  std::size_t limit = 50;
  std::optional<std::vector<std::string>> after;  // sort key of the last item already seen
};

Result<PageRequest> parse_page(const std::optional<std::string>& limit, const std::optional<std::string>& cursor,
                               std::size_t default_limit = 50, std::size_t max_limit = 200);
std::string encode_cursor(const std::vector<std::string>& key);

}  // namespace trellis
