// Small helpers every area's SQL shares: IN-lists, LIKE patterns, comma lists in one column.
#pragma once
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "store/db.hpp"

namespace trellis::store {

std::string placeholders(std::size_t n);                    // "?, ?, ?"
std::string rows_of(std::size_t n, std::string_view row);   // "(row), (row)": a multi-row VALUES list
std::string contains_pattern(std::string_view text);        // %text% with %, _ and \ escaped; use ESCAPE '\'
std::string join_list(const std::vector<std::string>& xs);  // "a,b,c"
std::vector<std::string> split_list(const std::string& s);  // "a,b,c" -> {a, b, c}; "" -> {}

// " CROSS JOIN " on SQLite, whose planner then keeps the tables in the order written (so the
// most selective one leads); " JOIN " on PostgreSQL, which plans by cost. Both take ON.
const char* leading_join(Dialect d);

// What a connection keeps for each statement it has prepared, by the statement's text, found
// from the text as given without copying it first (every query looks its statement up).
struct SqlTextHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view sql) const noexcept { return std::hash<std::string_view>{}(sql); }
};
template <typename V>
using BySqlText = std::unordered_map<std::string, V, SqlTextHash, std::equal_to<>>;

}  // namespace trellis::store
