// gzip for responses: static assets are compressed once at start, JSON bodies as they go.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace trellis::http {

std::optional<std::string> gzip_compress(std::string_view data, int level = 6);
std::optional<std::string> gzip_decompress(std::string_view data);  // for tests
bool accepts_gzip(const std::optional<std::string>& accept_encoding);

}  // namespace trellis::http
