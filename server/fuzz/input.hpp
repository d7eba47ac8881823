// Shared by the fuzz targets: one fuzz input split into the several values a parser is given
// (headers, query, files), so a seed stays a readable text file.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace trellis::fuzz {

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// The first `n - 1` lines, then the rest whole (which may hold more newlines).
inline std::vector<std::string_view> first_lines(std::string_view text, std::size_t n) {
  std::vector<std::string_view> out;
  while (out.size() + 1 < n) {
    auto nl = text.find('\n');
    if (nl == std::string_view::npos) break;
    out.push_back(text.substr(0, nl));
    text.remove_prefix(nl + 1);
  }
  out.push_back(text);
  out.resize(n);
  return out;
}

}  // namespace trellis::fuzz
