#include "core/pagination.hpp"

#include <sodium.h>

#include <charconv>
#include <nlohmann/json.hpp>

namespace trellis {

std::string encode_cursor(const std::vector<std::string>& key) {
  auto raw = nlohmann::json(key).dump();
  std::string out(sodium_base64_ENCODED_LEN(raw.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(raw.data()), raw.size(),
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  out.resize(std::char_traits<char>::length(out.c_str()));
  return out;
}

Result<PageRequest> parse_page(const std::optional<std::string>& limit, const std::optional<std::string>& cursor,
                               std::size_t default_limit, std::size_t max_limit) {
  PageRequest page;
  page.limit = default_limit;
  if (limit) {
    std::size_t n = 0;
    auto [p, ec] = std::from_chars(limit->data(), limit->data() + limit->size(), n);
    if (ec != std::errc() || p != limit->data() + limit->size() || n < 1 || n > max_limit)
      return fail(Error::field(ErrorKind::bad_request, "limit",
                               "must be a whole number from 1 to " + std::to_string(max_limit)));
    page.limit = n;
  }
  if (cursor && !cursor->empty()) {
    std::string raw(cursor->size(), '\0');
    std::size_t len = 0;
    auto bad = [] {
      return fail(Error::field(ErrorKind::bad_request, "cursor",
                               "is not a cursor this API gave out; start again from the first page"));
    };
    if (sodium_base642bin(reinterpret_cast<unsigned char*>(raw.data()), raw.size(), cursor->data(), cursor->size(),
                          nullptr, &len, nullptr, sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0)
      return bad();
    raw.resize(len);
    auto j = nlohmann::json::parse(raw, nullptr, false);
    if (j.is_discarded() || !j.is_array()) return bad();
    std::vector<std::string> key;
    for (const auto& v : j) {
      if (!v.is_string()) return bad();
      key.push_back(v.get<std::string>());
    }
    page.after = std::move(key);
  }
  return page;
}

}  // namespace trellis
