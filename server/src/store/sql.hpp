// Small helpers every area's SQL shares: IN-lists, LIKE patterns, comma lists in one column.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace trellis::store {

std::string placeholders(std::size_t n);                   // "?, ?, ?"
std::string contains_pattern(std::string_view text);       // %text% with %, _ and \ escaped; use ESCAPE '\'
std::string join_list(const std::vector<std::string>& xs); // "a,b,c"
std::vector<std::string> split_list(const std::string& s); // "a,b,c" -> {a, b, c}; "" -> {}

}  // namespace trellis::store
