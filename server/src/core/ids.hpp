// Opaque identifiers and secrets: ids are 128 random bits, never a guessable sequence.
#pragma once
#include <string>
#include <string_view>

namespace trellis {

std::string new_id();                         // 32 lowercase hex characters
std::string random_token(std::size_t bytes);  // URL-safe base64, no padding
std::string sha256_hex(std::string_view data);
bool constant_time_equal(std::string_view a, std::string_view b);
bool looks_like_id(std::string_view s);

}  // namespace trellis
