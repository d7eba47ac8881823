#include "store/sql.hpp"

namespace trellis::store {

std::string placeholders(std::size_t n) {
  std::string s;
  for (std::size_t i = 0; i < n; ++i) s += i ? ", ?" : "?";
  return s;
}

std::string rows_of(std::size_t n, std::string_view row) {
  std::string s;
  for (std::size_t i = 0; i < n; ++i) (s += i ? ", (" : "(").append(row) += ')';
  return s;
}

std::string contains_pattern(std::string_view text) {
  std::string out = "%";
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out + "%";
}

std::string join_list(const std::vector<std::string>& xs) {
  std::string s;
  for (const auto& x : xs) s += (s.empty() ? "" : ",") + x;
  return s;
}

std::vector<std::string> split_list(const std::string& s) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < s.size()) {
    auto j = s.find(',', i);
    if (j == std::string::npos) j = s.size();
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

const char* leading_join(Dialect d) { return d == Dialect::sqlite ? " CROSS JOIN " : " JOIN "; }

}  // namespace trellis::store
